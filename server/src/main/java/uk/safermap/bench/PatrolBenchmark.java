package uk.safermap.bench;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.GeometryFactories;
import uk.safermap.patrol.Dosage;
import uk.safermap.patrol.TravelMode;
import uk.safermap.patrol.routing.NearestNeighbourRouter;
import uk.safermap.patrol.routing.PatrolProblem;
import uk.safermap.patrol.routing.PatrolRouter;
import uk.safermap.patrol.routing.PatrolSolution;
import uk.safermap.patrol.routing.RoadNetwork;
import uk.safermap.patrol.routing.StraightLineTravel;
import uk.safermap.patrol.routing.TravelModel;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Patrol planning for one shift on generated Melton data: the hot spots are the busiest snapped
 * locations of generated incidents (risk = incidents there), the units start and end at the
 * Melton Mowbray police station. The OR-Tools plan is timed (travel model and routing, cold and
 * warm) and its route length compared with the nearest-neighbour baseline run on the same
 * problem, on straight lines and on a street lattice.
 */
public final class PatrolBenchmark {

    private static final double[] POLICE_STATION = {-0.8876, 52.7627};
    private static final double DETOUR = 1.3;
    /** Street lattice spacing: a town's block size. */
    private static final double STREET_METRES = 100;
    private static final int RUNS = 5;

    private final int units;
    private final int hotspots;
    private final int shiftHours;
    private final TravelMode mode;
    private final PrintStream out;

    public PatrolBenchmark(int units, int hotspots, int shiftHours, TravelMode mode, PrintStream out) {
        this.units = units;
        this.hotspots = hotspots;
        this.shiftHours = shiftHours;
        this.mode = mode;
        this.out = out;
    }

    public void run() throws IOException {
        double[][] stops = stops();
        double[] prize = new double[stops[0].length];
        System.arraycopy(stops[2], 0, prize, 0, prize.length);
        out.printf(Locale.ROOT, "%d units, %d hot spots (the busiest generated locations), %d-hour shift, %s at %.1f "
                + "km/h, 12-minute visits; times: median of %d warm runs (cold first run in brackets)%n%n", units,
                hotspots, shiftHours, mode.slug(), mode.defaultSpeedKmh(), RUNS);
        out.println("| distances | plan time | visits | route km | risk covered | nearest neighbour: visits | "
                + "route km | risk covered | route vs baseline |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        row("straight line x " + DETOUR, () -> new StraightLineTravel(stops[0], stops[1], DETOUR), prize);
        RoadNetwork lattice = lattice(stops[0], stops[1]);
        row("street lattice, " + lattice.edgeCount() + " segments", () -> lattice.travel(stops[0], stops[1], DETOUR),
                prize);
        out.printf(Locale.ROOT, "%nRepeat visits (revisit every %d-%d min, seed 1) against the single-visit plan, same "
                + "problem; share = unit time on site / (units x shift)%n%n", Dosage.Parameters.DEFAULTS.minGapMinutes(),
                Dosage.Parameters.DEFAULTS.revisitMinutes());
        out.println("| distances | plan | plan time | visits | places with repeats | share at hot spots | "
                + "visits to top 1-5 |");
        out.println("|---|---|---|---|---|---|---|");
        dosageRows("straight line x " + DETOUR, () -> new StraightLineTravel(stops[0], stops[1], DETOUR), prize);
        dosageRows("street lattice", () -> lattice.travel(stops[0], stops[1], DETOUR), prize);
    }

    /** The single-visit and the repeat-visit plan of one problem, each timed (travel model included). */
    private void dosageRows(String label, java.util.function.Supplier<TravelModel> travel, double[] prize) {
        long[] singleNanos = new long[RUNS + 1];
        long[] repeatNanos = new long[RUNS + 1];
        PatrolSolution single = null;
        PatrolSolution repeat = null;
        PatrolProblem repeatProblem = null;
        for (int r = 0; r <= RUNS; r++) {
            long t0 = System.nanoTime();
            single = PatrolRouter.deterministic().solve(mustTopQuarter(problem(travel.get(), prize)));
            singleNanos[r] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            PatrolProblem base = mustTopQuarter(problem(travel.get(), prize));
            repeatProblem = new Dosage(Dosage.Parameters.DEFAULTS, base.dwellSeconds(), base.horizonSeconds())
                    .withRepeats(base, 1, hotspots, 1);
            repeat = PatrolRouter.deterministic().solve(repeatProblem);
            repeatNanos[r] = System.nanoTime() - t0;
        }
        long repeated = repeatProblem.visitWindows().stream().filter(w -> !w.isEmpty()).count();
        dosageRow(label, "single visits", singleNanos, single, 0);
        dosageRow(label, "repeat visits", repeatNanos, repeat, repeated);
    }

    private void dosageRow(String label, String plan, long[] nanos, PatrolSolution solution, long repeated) {
        long[] warm = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(warm);
        int[] top = new int[5];
        for (PatrolSolution.UnitRoute r : solution.routes()) {
            for (int stop : r.stops()) {
                if (stop <= top.length) {
                    top[stop - 1]++;
                }
            }
        }
        double share = solution.visitCount() * 12.0 * 60 / (units * shiftHours * 3600.0);
        out.printf(Locale.ROOT, "| %s | %s | %.0f ms (%.0f ms) | %d | %d | %.1f %% | %s |%n", label, plan,
                warm[RUNS / 2] / 1e6, nanos[0] / 1e6, solution.visitCount(), repeated, 100 * share,
                Arrays.toString(top));
    }

    /** The problem with the top quarter of the places must-visit, as the patrol service plans. */
    private PatrolProblem mustTopQuarter(PatrolProblem p) {
        boolean[] must = new boolean[p.travel().size()];
        for (int k = 1; k <= Math.ceil(hotspots / 4.0); k++) {
            must[k] = true;
        }
        return new PatrolProblem(p.travel(), p.speedMetresPerSecond(), p.unitStart(), p.unitEnd(), p.prize(), must,
                p.dwellSeconds(), p.horizonSeconds());
    }

    /** One table row: the whole plan (travel model + routing) timed, then both routers compared. */
    private void row(String label, java.util.function.Supplier<TravelModel> travel, double[] prize) {
        long[] nanos = new long[RUNS + 1];
        PatrolSolution ours = null;
        TravelModel model = null;
        for (int r = 0; r <= RUNS; r++) {
            long t0 = System.nanoTime();
            model = travel.get();
            ours = PatrolRouter.deterministic().solve(problem(model, prize));
            nanos[r] = System.nanoTime() - t0;
        }
        long[] warm = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(warm);
        PatrolSolution baseline = NearestNeighbourRouter.solve(problem(model, prize));
        double total = Arrays.stream(prize).sum();
        out.printf(Locale.ROOT, "| %s | %.0f ms (%.0f ms) | %d | %.2f | %.1f %% | %d | %.2f | %.1f %% | %.3fx |%n", label,
                warm[RUNS / 2] / 1e6, nanos[0] / 1e6, ours.visitCount(), ours.metres(model) / 1000,
                100 * ours.prize(prize) / total, baseline.visitCount(), baseline.metres(model) / 1000,
                100 * baseline.prize(prize) / total, ours.metres(model) / baseline.metres(model));
    }

    private PatrolProblem problem(TravelModel travel, double[] prize) {
        return new PatrolProblem(travel, mode.defaultSpeedKmh() / 3.6, new int[units], new int[units], prize, null,
                12 * 60, shiftHours * 3600L);
    }

    /** {x, y, incidents}: the station at index 0, then the busiest snapped locations. */
    private double[][] stops() throws IOException {
        BenchPoints points = BenchPoints.generate(100_000, 42);
        Map<Coordinate, int[]> counts = new HashMap<>();
        for (int i = 0; i < points.x().length; i++) {
            counts.computeIfAbsent(new Coordinate(points.x()[i], points.y()[i]), k -> new int[1])[0]++;
        }
        List<Map.Entry<Coordinate, int[]>> busiest = new ArrayList<>(counts.entrySet());
        busiest.sort((a, b) -> b.getValue()[0] != a.getValue()[0] ? Integer.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        double[] base = new BritishNationalGrid().toGrid(POLICE_STATION[0], POLICE_STATION[1]);
        double[][] out = new double[3][hotspots + 1];
        out[0][0] = base[0];
        out[1][0] = base[1];
        for (int k = 0; k < hotspots; k++) {
            out[0][k + 1] = busiest.get(k).getKey().x;
            out[1][k + 1] = busiest.get(k).getKey().y;
            out[2][k + 1] = busiest.get(k).getValue()[0];
        }
        return out;
    }

    /** A square street lattice over the stops' extent, grown by two blocks. */
    private static RoadNetwork lattice(double[] x, double[] y) {
        GeometryFactory f = GeometryFactories.GRID;
        double minX = Math.floor(Arrays.stream(x).min().orElseThrow() / STREET_METRES - 2) * STREET_METRES;
        double maxX = Math.ceil(Arrays.stream(x).max().orElseThrow() / STREET_METRES + 2) * STREET_METRES;
        double minY = Math.floor(Arrays.stream(y).min().orElseThrow() / STREET_METRES - 2) * STREET_METRES;
        double maxY = Math.ceil(Arrays.stream(y).max().orElseThrow() / STREET_METRES + 2) * STREET_METRES;
        List<LineString> streets = new ArrayList<>();
        for (double sx = minX; sx <= maxX; sx += STREET_METRES) {
            for (double sy = minY; sy <= maxY; sy += STREET_METRES) {
                if (sx < maxX) {
                    streets.add(f.createLineString(new Coordinate[] {new Coordinate(sx, sy),
                        new Coordinate(sx + STREET_METRES, sy)}));
                }
                if (sy < maxY) {
                    streets.add(f.createLineString(new Coordinate[] {new Coordinate(sx, sy),
                        new Coordinate(sx, sy + STREET_METRES)}));
                }
            }
        }
        return new RoadNetwork(streets);
    }
}
