package uk.safermap.patrol;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.GiStarService;
import uk.safermap.analysis.IncidentSelection;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.PatrolPlan;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.patrol.risk.BusyTime;
import uk.safermap.patrol.risk.ShiftRisk;
import uk.safermap.patrol.risk.ShiftWindow;
import uk.safermap.patrol.routing.PatrolProblem;
import uk.safermap.patrol.routing.PatrolRouter;
import uk.safermap.patrol.routing.PatrolSolution;
import uk.safermap.patrol.routing.RoadNetwork;
import uk.safermap.patrol.routing.StraightLineTravel;
import uk.safermap.patrol.routing.TravelModel;
import uk.safermap.store.PatrolPlanStore;
import uk.safermap.store.PointSet;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * Makes and keeps patrol plans: selects the incidents, weighs them for the shift
 * ({@link ShiftRisk}), finds and ranks the hot spots ({@link PatrolHotspots}), routes the units
 * through the top ones ({@link PatrolRouter}) and stores the plan. Independent of HTTP.
 *
 * <p>The top quarter of the selected hot spots by risk (at least one) are must-visit: the
 * router leaves them out only if they cannot fit in the shift, so a randomised plan varies the
 * order and the lesser places but never drops the highest-risk ones. The riskiest places also get
 * repeat visits over the shift ({@link Dosage}), which makes them must-visit too. Also makes
 * multi-day schedules ({@link WeekSchedule}).
 *
 * <p>Thread-safe; plans are independent.
 */
public final class PatrolService {

    /** Koper (1995): stops of about 10-16 minutes deter longest. */
    private static final int KOPER_MIN_MINUTES = 10;
    private static final int KOPER_MAX_MINUTES = 16;
    /** A stop this far from the nearest road vertex probably lies off the network given. */
    private static final double FAR_FROM_ROAD_METRES = 250;

    /**
     * @param defaultBase     {lon, lat} of the base units start and end at unless told otherwise
     * @param detourFactor    network / straight-line distance without a road network
     * @param solutionLimit   guided local search solutions per plan (see {@link PatrolRouter})
     */
    public record Settings(double[] defaultBase, double detourFactor, long solutionLimit) {
    }

    private final IncidentSelection selection;
    private final PatrolHotspots hotspots;
    private final PatrolPlanStore store;
    private final BritishNationalGrid grid;
    private final ServiceArea serviceArea;
    private final Settings settings;
    private final Clock clock;

    public PatrolService(IncidentSelection selection, ClusterService clusters, GiStarService giStar,
                         PatrolPlanStore store, BritishNationalGrid grid, ServiceArea serviceArea, Settings settings,
                         Clock clock) {
        this.selection = selection;
        this.hotspots = new PatrolHotspots(selection, clusters, giStar, grid);
        this.store = store;
        this.grid = grid;
        this.serviceArea = serviceArea;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<PatrolPlan> get(String id) {
        return store.get(id);
    }

    /**
     * Makes, stores and returns a plan.
     *
     * @throws InvalidInputException for a request that cannot be planned (bad shift, a base
     *                                  outside the service area, a malformed road network)
     */
    public PatrolPlan plan(PatrolRequest request) {
        ShiftWindow shift = shift(request.start(), request.end());
        Stops stops = new Stops();
        int[][] baseStops = bases(request.units(), stops);
        PointSet points = selection.select(request.filter(), true);
        double[] weights = new ShiftRisk(shift, ShiftRisk.Parameters.DEFAULTS)
                .weights(points.monthIndex(), points.epochDay(), points.minuteOfDay());
        PatrolHotspots.Ranked found = hotspots.find(request.hotspots(), request.filter(), points, weights, shift,
                request.maxHotspots());
        List<PatrolHotspots.Found> selected = found.top();
        int firstHotspot = stops.size();
        for (PatrolHotspots.Found h : selected) {
            stops.add(h.easting(), h.northing());
        }
        List<String> notes = new ArrayList<>();
        Travel travel = travel(request, stops, notes);
        long seed = request.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong(1, 1_000_000));
        PatrolProblem problem = problem(request, shift, travel.model(), baseStops, firstHotspot, selected,
                request.randomize() ? seed : 0);
        OptionalInt stranded = PatrolRouter.strandedUnit(problem);
        if (stranded.isPresent()) {
            throw new InvalidInputException(PatrolRouter.strandedMessage(stranded.getAsInt()));
        }
        PatrolSolution solution = new PatrolRouter(settings.solutionLimit(), PatrolRouter.DEFAULT_TIME_LIMIT,
                request.randomize() ? OptionalLong.of(seed) : OptionalLong.empty()).solve(problem);
        PatrolPlan plan = new PlanBuilder(shift, problem, solution, firstHotspot, stops.x(), stops.y(), GRID).build(
                UUID.randomUUID().toString(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                unitNames(request.units()), hotspotRecords(selected, problem, firstHotspot), sum(weights), found.risk(),
                new PatrolPlan.Settings(request.mode().slug(), request.speedKmh(), request.visitMinutes(),
                        request.maxHotspots(), request.hotspots().slug(), request.randomize(),
                        request.randomize() ? seed : 0, travel.description(), describe(request.filter()),
                        request.dosage().revisitMinutes(), request.dosage().minGapMinutes()),
                notes(request, points, found.found(), selected.size(), solution,
                        busiestTimes(shift, problem, firstHotspot, selected, doseNote(request, problem, solution, notes))));
        store.save(plan);
        return plan;
    }

    /**
     * A schedule over several days: the {@code places} highest-risk hot spots for the first day's
     * first shift, each visited every day at seeded random times ({@link WeekSchedule}).
     *
     * @throws InvalidInputException for shifts that cannot hold a visit
     */
    public PatrolSchedule schedule(ScheduleRequest request) {
        WeekSchedule.Shift first = request.shifts().get(0);
        ShiftWindow shift = shift(first.startOn(request.firstDay(), ShiftWindow.LONDON),
                first.endOn(request.firstDay(), ShiftWindow.LONDON));
        PointSet points = selection.select(request.filter(), true);
        double[] weights = new ShiftRisk(shift, ShiftRisk.Parameters.DEFAULTS)
                .weights(points.monthIndex(), points.epochDay(), points.minuteOfDay());
        List<PatrolHotspots.Found> found = hotspots.find(request.hotspots(), request.filter(), points, weights, shift,
                request.places()).top();
        List<PatrolSchedule.Place> places = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            PatrolHotspots.Found h = found.get(k);
            places.add(new PatrolSchedule.Place(k + 1, h.label(), h.easting(), h.northing(), h.risk()));
        }
        long seed = request.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong(1, 1_000_000));
        List<WeekSchedule.Visit> visits = WeekSchedule.plan(request.firstDay(), request.days(), request.shifts(),
                places.size(), request.units().size(), request.visitsPerDay(), request.visitMinutes(),
                ShiftWindow.LONDON, seed);
        List<String> notes = new ArrayList<>();
        if (found.isEmpty()) {
            notes.add("No hot spots were found in the selected incidents, so there is nothing to visit.");
        } else if (found.size() < request.places()) {
            notes.add("Only " + found.size() + " hot spots were found; all are scheduled.");
        }
        return new PatrolSchedule(request.firstDay(), request.days(), request.shifts(), request.visitsPerDay(),
                request.visitMinutes(), seed, places, request.units(), visits, notes);
    }

    /** The top quarter of the selected places, at least one. */
    private static int mustVisitCount(int selected) {
        return Math.max(1, (int) Math.ceil(selected / 4.0));
    }

    /**
     * The routing problem: bases, then the selected hot spots with their risk, rank, busiest time
     * and, for the riskiest, the windows of their repeat visits ({@link Dosage}).
     */
    private static PatrolProblem problem(PatrolRequest request, ShiftWindow shift, TravelModel travel,
                                         int[][] baseStops, int firstHotspot, List<PatrolHotspots.Found> selected,
                                         long seed) {
        int n = travel.size();
        double[] prize = new double[n];
        boolean[] must = new boolean[n];
        long[] preferred = new long[n];
        Arrays.fill(preferred, BusyTime.NONE);
        int mustCount = mustVisitCount(selected.size());
        for (int k = 0; k < selected.size(); k++) {
            prize[firstHotspot + k] = selected.get(k).risk();
            must[firstHotspot + k] = k < mustCount;
            preferred[firstHotspot + k] = selected.get(k).peakSecond();
        }
        PatrolProblem single = new PatrolProblem(travel, request.speedKmh() / 3.6, baseStops[0], baseStops[1], prize,
                must, request.visitMinutes() * 60, shift.seconds(), preferred);
        return new Dosage(request.dosage(), single.dwellSeconds(), single.horizonSeconds())
                .withRepeats(single, firstHotspot, selected.size(), seed);
    }

    /** The notes so far, plus one on the repeat visits planned and any that did not fit. */
    private static List<String> doseNote(PatrolRequest request, PatrolProblem problem, PatrolSolution solution,
                                         List<String> notes) {
        long places = problem.visitWindows().stream().filter(w -> !w.isEmpty()).count();
        if (places == 0) {
            return notes;
        }
        long planned = problem.visitWindows().stream().mapToLong(List::size).sum();
        long made = solution.routes().stream().flatMapToInt(r -> Arrays.stream(r.stops()))
                .filter(s -> !problem.visitWindows().get(s).isEmpty()).count();
        notes.add(String.format(Locale.UK, "The %d highest-risk places are visited again and again, %d to %d minutes "
                + "apart at seeded random times (%d of %d planned visits fit); between visits units patrol their beat "
                + "near the next place rather than return to base.", places, request.dosage().minGapMinutes(),
                request.dosage().revisitMinutes(), made, planned));
        return notes;
    }

    /** Start and end stops of each unit; units sharing a base share its stop. */
    private int[][] bases(List<PatrolRequest.Unit> units, Stops stops) {
        int[][] out = new int[2][units.size()];
        for (int u = 0; u < units.size(); u++) {
            double[] start = units.get(u).start() != null ? units.get(u).start() : settings.defaultBase();
            double[] end = units.get(u).end() != null ? units.get(u).end() : start;
            out[0][u] = stops.addBase(grid(start, "units[" + u + "].start"));
            out[1][u] = stops.addBase(grid(end, "units[" + u + "].end"));
        }
        return out;
    }

    private double[] grid(double[] lonLat, String what) {
        double[] en = grid.toGrid(lonLat[0], lonLat[1]);
        if (!serviceArea.contains(en[0], en[1])) {
            throw new InvalidInputException(what + " [" + lonLat[0] + ", " + lonLat[1]
                    + "] lies outside the service area (" + serviceArea.description() + ")");
        }
        return en;
    }

    /** The travel model and how it measures, for the plan's settings. */
    private record Travel(TravelModel model, String description) {
    }

    /** The shift, or the caller's mistake in giving it (an end before its start, longer than a day). */
    private static ShiftWindow shift(ZonedDateTime start, ZonedDateTime end) {
        try {
            return new ShiftWindow(start, end);
        } catch (IllegalArgumentException e) {
            // ShiftWindow checks nothing but these two times, and they are the caller's
            throw new InvalidInputException("start and end: " + e.getMessage(), e);
        }
    }

    private Travel travel(PatrolRequest request, Stops stops, List<String> notes) {
        if (request.roadsWgs84().isEmpty()) {
            return new Travel(new StraightLineTravel(stops.x(), stops.y(), settings.detourFactor()),
                    "straight line x " + settings.detourFactor());
        }
        List<Geometry> lines = request.roadsWgs84().stream().map(grid::toGrid).toList();
        RoadNetwork network;
        try {
            network = new RoadNetwork(lines);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("roads: " + e.getMessage(), e);
        }
        RoadNetwork.NetworkTravel travel = network.travel(stops.x(), stops.y(), settings.detourFactor());
        if (travel.unconnectedPairs() > 0) {
            notes.add(travel.unconnectedPairs() + " pairs of stops are not connected by the road network; they use the "
                    + "straight line x " + settings.detourFactor() + ".");
        }
        if (travel.maxAccessMetres() > FAR_FROM_ROAD_METRES) {
            notes.add(String.format("A stop lies %.0f m from the nearest road vertex: the road network may not cover "
                    + "the whole patrol area.", travel.maxAccessMetres()));
        }
        return new Travel(travel, "road network (" + network.edgeCount() + " segments)");
    }

    /**
     * The notes so far, plus one naming the places whose single visit is timed to their busiest
     * hour (repeat places follow their windows instead).
     */
    private static List<String> busiestTimes(ShiftWindow shift, PatrolProblem problem, int firstHotspot,
                                             List<PatrolHotspots.Found> selected, List<String> notes) {
        List<String> timed = new ArrayList<>();
        for (int k = 0; k < selected.size(); k++) {
            PatrolHotspots.Found h = selected.get(k);
            if (h.peakSecond() != BusyTime.NONE && problem.visitWindows().get(firstHotspot + k).isEmpty()) {
                timed.add(h.label() + " about " + shift.at(h.peakSecond()).toLocalTime().withSecond(0));
            }
        }
        if (!timed.isEmpty()) {
            notes.add("Visits are timed to when places are busiest (within 30 min where the route allows): "
                    + String.join("; ", timed) + ".");
        }
        return notes;
    }

    private static List<String> unitNames(List<PatrolRequest.Unit> units) {
        List<String> names = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            String name = units.get(u).name();
            names.add(name == null || name.isBlank() ? "Unit " + (u + 1) : name);
        }
        return names;
    }

    private static List<PatrolPlan.Hotspot> hotspotRecords(List<PatrolHotspots.Found> selected, PatrolProblem problem,
                                                           int firstHotspot) {
        List<PatrolPlan.Hotspot> out = new ArrayList<>();
        for (int k = 0; k < selected.size(); k++) {
            PatrolHotspots.Found h = selected.get(k);
            out.add(new PatrolPlan.Hotspot(k + 1, h.label(), h.easting(), h.northing(), h.risk(), h.incidents(),
                    h.categories(), problem.mustVisit()[firstHotspot + k]));
        }
        return out;
    }

    private static List<String> notes(PatrolRequest request, PointSet points, int found, int selected,
                                      PatrolSolution solution, List<String> notes) {
        List<String> out = new ArrayList<>();
        if (found == 0) {
            out.add("No hot spots were found in the selected incidents, so there is nothing to visit.");
        } else if (found > selected) {
            out.add("The " + selected + " highest-risk of " + found + " hot spots were considered (maxHotspots).");
        }
        if (solution.unvisited().length > 0) {
            out.add(solution.unvisited().length + " of them do not fit in the shift and are left out, lowest risk "
                    + "first.");
        }
        if (Arrays.stream(points.minuteOfDay()).noneMatch(m -> m >= 0) && points.size() > 0) {
            out.add("No selected incident has a time of day (police.uk data give months only), so risk is by place and "
                    + "recency and the same for every shift.");
        }
        if (request.visitMinutes() < KOPER_MIN_MINUTES || request.visitMinutes() > KOPER_MAX_MINUTES) {
            out.add("Visits of " + request.visitMinutes() + " min are outside the 10-16 min the Koper curve finds most "
                    + "effective.");
        }
        out.addAll(notes);
        return out;
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }

    private static String describe(AnalysisFilter f) {
        List<String> parts = new ArrayList<>();
        f.from().ifPresent(v -> parts.add("from " + v.toLocalDate()));
        f.to().ifPresent(v -> parts.add("before " + v.toLocalDate()));
        if (!f.categories().isEmpty()) {
            parts.add("types " + String.join(",", f.categories().stream().map(c -> c.slug()).sorted().toList()));
        }
        f.area().ifPresent(a -> parts.add("area " + a.reference()));
        f.bboxWgs84().ifPresent(b -> parts.add("bbox " + b.getMinX() + "," + b.getMinY() + "," + b.getMaxX() + ","
                + b.getMaxY()));
        return parts.isEmpty() ? "all incidents" : String.join("; ", parts);
    }

    /** The stops of one problem: bases first (shared when equal), then hot spots. */
    private static final class Stops {
        private final List<double[]> points = new ArrayList<>();

        int addBase(double[] en) {
            for (int i = 0; i < points.size(); i++) {
                if (points.get(i)[0] == en[0] && points.get(i)[1] == en[1]) {
                    return i;
                }
            }
            return add(en[0], en[1]);
        }

        int add(double x, double y) {
            points.add(new double[] {x, y});
            return points.size() - 1;
        }

        int size() {
            return points.size();
        }

        double[] x() {
            return points.stream().mapToDouble(p -> p[0]).toArray();
        }

        double[] y() {
            return points.stream().mapToDouble(p -> p[1]).toArray();
        }
    }
}
