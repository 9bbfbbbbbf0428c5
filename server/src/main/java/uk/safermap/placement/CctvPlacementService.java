package uk.safermap.placement;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.IncidentSelection;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.DistinctPoints;
import uk.safermap.placement.mclp.CandidateLattice;
import uk.safermap.placement.mclp.CoverageProblem;
import uk.safermap.placement.mclp.ExactMclp;
import uk.safermap.placement.mclp.GreedyInterchange;
import uk.safermap.placement.mclp.Sites;
import uk.safermap.placement.mclp.Viewshed;
import uk.safermap.store.PointSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where to put k mobile CCTV cameras: the maximal covering location problem over the
 * filtered incidents, weighted by harm, with what existing cameras already see taken out of
 * the demand. Every answer carries its optimality gap: the heuristic against the exact
 * optimum (SCIP) when the instance is small enough or asked for, else against the LP bound.
 */
public final class CctvPlacementService {

    /** Lattice candidates are capped so the problem stays solvable in an interactive request. */
    static final int MAX_LATTICE_SITES = 20_000;
    /** Above this many site-class pairs the automatic mode settles for the LP bound. */
    static final long AUTO_EXACT_MAX_PAIRS = 1_000_000;
    static final Duration AUTO_EXACT_LIMIT = Duration.ofSeconds(5);
    static final Duration FORCED_EXACT_LIMIT = Duration.ofSeconds(60);
    /** Coverage-vs-k is drawn at least this far, so the curve shows where returns flatten. */
    static final int MIN_CURVE_LENGTH = 12;

    public enum ExactMode { AUTO, ALWAYS, NEVER }

    /**
     * @param candidates lon/lat positions; empty to generate a lattice over the incidents
     * @param bearings   bearing choices (degrees) for a directional camera; ignored when all-round
     */
    public record Request(AnalysisFilter filter, int k, Viewshed view, double[] bearings,
                          Optional<List<double[]>> candidates, List<Camera> existing, HarmWeights weights,
                          double minSeparation, ExactMode exact) {

        /** A plan request from its parameters, the sites to choose from, the cameras already up and weight overrides. */
        public static Request of(AnalysisFilter filter, CctvPlanParameters p, Optional<List<double[]>> candidates,
                                 List<Camera> existing, Map<Category, Double> weightOverrides) {
            return new Request(filter, p.k(), p.camera().view(), p.bearings(), candidates, existing,
                    p.camera().weights().with(weightOverrides), p.minSeparationMetres(), p.exact());
        }
    }

    /** One suggested camera, in rank order, with what it adds to those ranked above it. */
    public record Site(int rank, double lon, double lat, Double bearing, double marginalWeight, int marginalIncidents,
                       double cumulativeWeightPercent, Geometry coverage) {
    }

    /** The covered weight with the best k cameras chosen greedily, k = 1, 2, ... */
    public record CurvePoint(int k, double weight, double weightPercent) {
    }

    /**
     * @param heuristicGapPercent how far the heuristic's value is below the optimum or bound
     * @param gapPercent          the same for the returned sites (0 when proven optimal)
     */
    public record Optimality(String method, double heuristicValue, double greedyValue, double value,
                             double upperBound, double heuristicGapPercent, double gapPercent, String bound,
                             String solverStatus, long solverMillis) {
    }

    public record Result(List<Site> sites, int incidents, double totalWeight, int existingCameras,
                         int existingIncidents, double existingWeight, double newWeight, double coveredWeight,
                         double coveragePercent, int coveredIncidents, double incidentCoveragePercent,
                         List<CurvePoint> curve, Optimality optimality, int candidateSites, String candidateSource,
                         int demandClasses, String weighting, List<String> notes) {
    }

    private final IncidentSelection selection;
    private final ClusterService clusters;
    private final BritishNationalGrid grid;
    private final ExactMclp exact;
    private final CoverageShapes shapes;
    private final CameraCoverage cameras;

    public CctvPlacementService(IncidentSelection selection, ClusterService clusters, BritishNationalGrid grid,
                                ExactMclp exact) {
        this.selection = selection;
        this.clusters = clusters;
        this.grid = grid;
        this.exact = exact;
        this.shapes = new CoverageShapes(grid);
        this.cameras = new CameraCoverage(grid);
    }

    /**
     * The filtered incidents as demand, one demand point per snap point ({@link DistinctPoints}) with
     * its incidents and their summed weight: what a camera sees depends on position only, so this
     * covers exactly what the incidents one by one would (the demand classes, the lattice and the
     * coverage are the same), from a few thousand points instead of a million. What the existing
     * cameras already see is counted and taken out; the rest is what new cameras can serve.
     */
    private record Demand(int incidents, double totalWeight, int servedIncidents, double servedWeight, double[] x,
                          double[] y, double[] w, int[] n) {
    }

    private Demand demand(AnalysisFilter filter, HarmWeights weights, List<Camera> existing, Viewshed view) {
        PointSet points = selection.select(filter, false);
        double[] w = weights(points, weights);
        DistinctPoints at = DistinctPoints.of(points.easting(), points.northing());
        double[] x = at.x();
        double[] y = at.y();
        double[] atWeight = at.sums(w);
        int[] atCount = at.counts();
        boolean[] served = cameras.seen(existing, view, x, y);
        boolean[] open = new boolean[served.length];
        int servedIncidents = 0;
        double servedWeight = 0;
        for (int p = 0; p < served.length; p++) {
            open[p] = !served[p];
            servedIncidents += served[p] ? atCount[p] : 0;
            servedWeight += served[p] ? atWeight[p] : 0;
        }
        return new Demand(points.size(), Arrays.stream(w).sum(), servedIncidents, servedWeight,
                pick(x, open), pick(y, open), pick(atWeight, open), pick(atCount, open));
    }

    public Result place(Request r) {
        Demand d = demand(r.filter(), r.weights(), r.existing(), r.view());
        double[] dx = d.x();
        double[] dy = d.y();
        List<String> notes = new ArrayList<>();
        Candidates candidates = candidates(r, dx, dy, notes);
        Sites sites = r.view().isAllRound() ? Sites.omnidirectional(candidates.x(), candidates.y())
                : Sites.directional(candidates.x(), candidates.y(), r.bearings());
        CoverageProblem p = CoverageProblem.build(dx, dy, d.w(), d.n(), sites, r.view(), r.minSeparation());
        GreedyInterchange.Solution h = new GreedyInterchange().solve(p, r.k(), Math.max(r.k(), MIN_CURVE_LENGTH));
        Solved solved = solve(p, r, h);
        if (h.sites().length < r.k()) {
            notes.add("only " + h.sites().length + " of " + r.k() + " cameras add coverage: the rest would "
                    + "see nothing new (or every remaining site is too close to a chosen one)");
        }
        return result(r, d, p, sites, solved, h, candidates, notes);
    }

    /**
     * What a given set of cameras would cover (sites dragged by hand, say): the same answer as
     * a placement, with the sites in the order given and no solver run.
     *
     * @param sites lon/lat and bearing (NaN for all-round) of each camera
     */
    public Result evaluate(AnalysisFilter filter, Viewshed view, List<double[]> sites, List<Camera> existing,
                           HarmWeights weights) {
        Demand d = demand(filter, weights, existing, view);
        double[] x = new double[sites.size()];
        double[] y = new double[sites.size()];
        double[] bearing = new double[sites.size()];
        int[] location = new int[sites.size()];
        for (int i = 0; i < x.length; i++) {
            double[] en = grid.toGrid(sites.get(i)[0], sites.get(i)[1]);
            x[i] = en[0];
            y[i] = en[1];
            bearing[i] = view.isAllRound() ? Double.NaN : sites.get(i)[2];
            location[i] = i;
        }
        Sites given = new Sites(x, y, bearing, location);
        CoverageProblem p = CoverageProblem.build(d.x(), d.y(), d.w(), d.n(), given, view, 0);
        int[] order = java.util.stream.IntStream.range(0, x.length).toArray();
        double value = p.value(order);
        Optimality none = new Optimality("evaluated", value, value, value, value, 0, 0, "none (sites given)",
                "not run", 0);
        Request r = new Request(filter, x.length, view, new double[0], Optional.empty(), existing, weights, 0,
                ExactMode.NEVER);
        GreedyInterchange.Solution curve = new GreedyInterchange.Solution(order, GreedyInterchange.marginals(p, order),
                value, value, 0, new double[0]);
        return result(r, d, p, given, new Solved(order, none), curve, new Candidates(x, y, "given"), new ArrayList<>());
    }

    static double[] weights(PointSet points, HarmWeights weights) {
        double[] byCategory = weights.byOrdinal();
        double[] w = new double[points.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = byCategory[points.category()[i]];
        }
        return w;
    }

    private record Candidates(double[] x, double[] y, String source) {
    }

    private Candidates candidates(Request r, double[] dx, double[] dy, List<String> notes) {
        if (r.candidates().isPresent()) {
            List<double[]> given = r.candidates().get();
            double[] x = new double[given.size()];
            double[] y = new double[given.size()];
            for (int i = 0; i < x.length; i++) {
                double[] en = grid.toGrid(given.get(i)[0], given.get(i)[1]);
                x[i] = en[0];
                y[i] = en[1];
            }
            return new Candidates(x, y, "given");
        }
        double spacing = r.view().radius() / 2;
        // One node past the cap tells the lattice is too fine; the coarser one is built instead.
        double[][] lattice = CandidateLattice.around(dx, dy, spacing, r.view().radius(), MAX_LATTICE_SITES + 1);
        while (lattice[0].length > MAX_LATTICE_SITES) {
            spacing *= 1.5;
            lattice = CandidateLattice.around(dx, dy, spacing, r.view().radius(), MAX_LATTICE_SITES + 1);
        }
        notes.add(String.format(java.util.Locale.ROOT, "no candidates given: %d sites generated on a %.0f m lattice "
                + "wherever a camera would see an incident; real sites (lamp columns, buildings) should be "
                + "checked for mounting, power and line of sight", lattice[0].length, spacing));
        return new Candidates(lattice[0], lattice[1], "lattice " + Math.round(spacing) + " m");
    }

    private record Solved(int[] sites, Optimality optimality) {
    }

    /** Runs the exact model (or the LP bound) per the request and keeps the better sites. */
    private Solved solve(CoverageProblem p, Request r, GreedyInterchange.Solution h) {
        long pairs = Arrays.stream(p.cover()).mapToLong(c -> c.length).sum();
        // Separation constraints (on by default) make SCIP's model much harder: left to decide, the
        // service answers with the heuristic and the LP bound rather than spend the time limit.
        boolean separated = r.minSeparation() > 0;
        boolean runExact = r.exact() == ExactMode.ALWAYS
                || (r.exact() == ExactMode.AUTO && pairs <= AUTO_EXACT_MAX_PAIRS && !separated);
        if (h.value() <= 0) {
            return new Solved(h.sites(), new Optimality("greedy+interchange", 0, 0, 0, 0, 0, 0,
                    "nothing to cover", "trivial", 0));
        }
        if (!runExact) {
            ExactMclp.Outcome lp = exact.relaxation(p, r.k());
            double gap = gap(h.value(), lp.bound());
            return new Solved(h.sites(), new Optimality("greedy+interchange", h.value(), h.greedyValue(), h.value(),
                    lp.bound(), gap, gap, separated ? "LP relaxation (GLOP), separation relaxed" : "LP relaxation (GLOP)",
                    "not run: " + (r.exact() == ExactMode.NEVER
                    ? "exact=false" : separated && pairs <= AUTO_EXACT_MAX_PAIRS
                    ? "sites must be " + Math.round(r.minSeparation()) + " m apart, which the exact model solves "
                    + "slowly; ask exact=true" : pairs + " site-incident pairs is above the automatic limit of "
                    + AUTO_EXACT_MAX_PAIRS + "; ask exact=true"), lp.millis()));
        }
        ExactMclp.Outcome e = exact.solve(p, r.k(), h.sites(),
                r.exact() == ExactMode.ALWAYS ? FORCED_EXACT_LIMIT : AUTO_EXACT_LIMIT);
        boolean exactBetter = e.value() > h.value() + 1e-9 * Math.max(1, h.value());
        double value = exactBetter ? e.value() : h.value();
        return new Solved(exactBetter ? GreedyInterchange.rank(p, e.sites()) : h.sites(),
                new Optimality(exactBetter ? "exact (SCIP)" : "greedy+interchange", h.value(), h.greedyValue(),
                        value, e.bound(), gap(h.value(), e.bound()), gap(value, e.bound()),
                        e.status() == ExactMclp.Status.OPTIMAL ? "optimum (SCIP)" : "best bound (SCIP, time limit)",
                        e.status().name().toLowerCase(java.util.Locale.ROOT), e.millis()));
    }

    private static double gap(double value, double bound) {
        return bound <= 0 || !Double.isFinite(bound) ? 0 : Math.max(0, 100 * (bound - value) / bound);
    }

    private Result result(Request r, Demand d, CoverageProblem p, Sites sites, Solved solved,
                          GreedyInterchange.Solution h, Candidates candidates, List<String> notes) {
        int incidents = d.incidents();
        double totalWeight = d.totalWeight();
        int existingIncidents = d.servedIncidents();
        double existingWeight = d.servedWeight();
        int[] chosen = solved.sites();
        double[] marginal = GreedyInterchange.marginals(p, chosen);
        boolean[] hit = new boolean[p.classCount()];
        List<Site> out = new ArrayList<>();
        double cumulative = existingWeight;
        int newIncidents = 0;
        for (int rank = 0; rank < chosen.length; rank++) {
            int s = chosen[rank];
            int raw = 0;
            for (int c : p.cover()[s]) {
                if (!hit[c]) {
                    hit[c] = true;
                    raw += p.count()[c];
                }
            }
            newIncidents += raw;
            cumulative += marginal[rank];
            double[] lonLat = grid.toWgs84(sites.x()[s], sites.y()[s]);
            double bearing = sites.bearing()[s];
            out.add(new Site(rank + 1, lonLat[0], lonLat[1], Double.isNaN(bearing) ? null : bearing, marginal[rank],
                    raw, percent(cumulative, totalWeight),
                    shapes.shape(sites.x()[s], sites.y()[s], bearing, r.view())));
        }
        double newWeight = Arrays.stream(marginal).sum();
        List<CurvePoint> curve = new ArrayList<>();
        for (int i = 0; i < h.greedyCurve().length; i++) {
            double covered = existingWeight + h.greedyCurve()[i];
            curve.add(new CurvePoint(i + 1, covered, percent(covered, totalWeight)));
        }
        if (!r.existing().isEmpty()) {
            notes.add(r.existing().size() + " existing cameras already see " + existingIncidents
                    + " incidents; those count as served and no new camera is credited for them");
        }
        double covered = existingWeight + newWeight;
        int coveredIncidents = existingIncidents + newIncidents;
        return new Result(out, incidents, totalWeight, r.existing().size(), existingIncidents, existingWeight,
                newWeight, covered, percent(covered, totalWeight), coveredIncidents,
                percent(coveredIncidents, incidents), curve, solved.optimality(), sites.size(), candidates.source(),
                p.classCount(), r.weights().name(), notes);
    }

    static double percent(double part, double whole) {
        return whole <= 0 ? 0 : 100 * part / whole;
    }

    private static double[] pick(double[] values, boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        double[] out = new double[n];
        for (int i = 0, j = 0; i < values.length; i++) {
            if (keep[i]) {
                out[j++] = values[i];
            }
        }
        return out;
    }

    private static int[] pick(int[] values, boolean[] keep) {
        int[] out = new int[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (keep[i]) {
                out[n++] = values[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** One hot spot and how much of it the cameras see. */
    public record HotspotCoverage(int rank, int incidents, int seen, double seenPercent, boolean covered,
                                  Geometry outline) {
    }

    /**
     * What the registered cameras see of the filtered incidents, and each DBSCAN hot spot with
     * the share of its incidents in view; a hot spot counts as covered when at least half is.
     */
    public record CoverageReport(int cameras, int incidents, int seenIncidents, double incidentPercent,
                                 double weight, double seenWeight, double weightPercent, String weighting,
                                 List<HotspotCoverage> hotspots, int uncoveredHotspots, List<Geometry> cameraShapes) {
    }

    /** How much of the filtered incidents, and of each hot spot, the registered cameras see. */
    public CoverageReport coverage(AnalysisFilter filter, List<Camera> registered, CctvCoverageParameters p) {
        Viewshed defaultView = p.camera().view();
        HarmWeights weights = p.camera().weights();
        ClusterService.Result hotspots = clusters.clusters(filter, p.hotspots());
        PointSet points = selection.select(filter, false);
        double[] w = weights(points, weights);
        boolean[] seen = cameras.seen(registered, defaultView, points.easting(), points.northing());
        int seenCount = 0;
        double seenWeight = 0;
        for (int i = 0; i < seen.length; i++) {
            if (seen[i]) {
                seenCount++;
                seenWeight += w[i];
            }
        }
        List<HotspotCoverage> spots = new ArrayList<>();
        int uncovered = 0;
        List<int[]> members = hotspots.positionsIn(points);
        for (int k = 0; k < members.size(); k++) {
            ClusterService.RankedCluster c = hotspots.clusters().get(k);
            int inView = 0;
            for (int i : members.get(k)) {
                inView += seen[i] ? 1 : 0;
            }
            double share = percent(inView, c.count());
            boolean covered = share >= 50;
            uncovered += covered ? 0 : 1;
            spots.add(new HotspotCoverage(c.rank(), c.count(), inView, share, covered, c.outline()));
        }
        double total = Arrays.stream(w).sum();
        return new CoverageReport(registered.size(), points.size(), seenCount, percent(seenCount, points.size()), total,
                seenWeight, percent(seenWeight, total), weights.name(), spots, uncovered,
                cameras.shapes(registered, defaultView, shapes));
    }
}
