package uk.safermap.patrol.routing;

import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.main;
import com.google.ortools.util.OptionalBoolean;
import uk.safermap.ortools.OrTools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Solves a {@link PatrolProblem} as a prize-collecting vehicle routing problem with a time
 * window (the shift), with the OR-Tools routing solver (Google OR-Tools 9.14, {@code RoutingModel}).
 *
 * <p><b>Model.</b> One vehicle per unit, from its start base to its end base. Arc cost is travel
 * time in tenths of a second. A time dimension adds travel plus the dwell at the stop left, with
 * no waiting, and caps every route at the shift length. Each hot spot is a disjunction whose
 * penalty is its prize scaled so that 1 % of the total prize outweighs 24 hours of travel: the
 * solver first collects as much risk as fits in the shift and then minimises travel (Balas's
 * prize-collecting TSP, here as the "orienteering" variant with a hard time budget). Must-visit
 * places get a penalty above every other term combined. Each unit's return past a fair share of
 * the work (the nearest-neighbour plan's total duration over the units) costs, second for second,
 * as much as travel, so the units share the places rather than one walking them all while the
 * others wait at the station. (A global span cost does the same but made the search six times
 * slower; a place worth less than 0.01 % of the prize may be left out rather than overrun.)
 * Places with a busiest time ({@link PatrolProblem#preferredArrival}) have a soft time window of
 * plus or minus {@value #PREFERRED_TOLERANCE_SECONDS} s around it; a second outside costs as much
 * as a second of travel, and units may then wait (on their beat) to arrive in it. A place with
 * repeat visits ({@link PatrolProblem#visitWindows}) becomes one node per visit, each a copy of the
 * place with a hard time window and the place's penalty (the time-window formulation of
 * Solomon 1987 applied to copies of a node, as OR-Tools' VRPTW examples do); those windows, not
 * the fair share, spread the units' work over the shift. Units always leave base at the start.
 *
 * <p><b>Search.</b> Two first solutions (path-cheapest-arc and cheapest insertion), each improved
 * by guided local search (Voudouris and Tsang 1999) with moves that swap visited and unvisited
 * places, up to a number of solutions; the better plan is kept. Stopping at a solution count,
 * not a time, means the same problem always gives the same plan (a time limit alone would make
 * the result depend on machine load); the time limit only guards against pathological instances.
 * With a random seed, arc costs are multiplied by independent factors in
 * [1, 1 + {@value #ARC_NOISE}] and optional prizes by factors in [1 - {@value #PRIZE_NOISE},
 * 1 + {@value #PRIZE_NOISE}], so different seeds give different but still efficient routes;
 * times always use the true travel.
 *
 * <p>Thread-safe: each {@link #solve} builds its own model.
 */
public final class PatrolRouter {

    /**
     * Solutions explored by guided local search from each start. On 60 hot spots and 4 units
     * (scripts/bench patrols) 100 per start plan in 0.2 s on straight lines and 0.7 s on a street
     * lattice; on a random 60-place instance they came within 1.8 % of the best route found by
     * 30 s of search, and twenty times as many found it.
     */
    public static final long DEFAULT_SOLUTION_LIMIT = 100;
    /** A guard only: reaching it would make the plan depend on machine load. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
    static final double ARC_NOISE = 0.5;
    static final double PRIZE_NOISE = 0.25;
    /** Penalty of the whole prize; 1 % of it (1e6) exceeds a day of travel in tenths of seconds (864,000). */
    private static final double PRIZE_SCALE = 1e8;
    private static final long MUST_VISIT_PENALTY = 1_000_000_000_000L;
    /** A visit this close to a place's busiest time costs nothing. */
    static final long PREFERRED_TOLERANCE_SECONDS = 30 * 60;
    /** Cost of a second further from it, in arc cost units: as much as a second of travel. */
    private static final long PREFERRED_COST = 10;
    /** Cost of a second past a unit's fair share, in arc cost units (tenths of a second of travel). */
    private static final long SPAN_COST = 10;
    private static final List<FirstSolutionStrategy.Value> START_STRATEGIES = List.of(
            FirstSolutionStrategy.Value.PATH_CHEAPEST_ARC, FirstSolutionStrategy.Value.LOCAL_CHEAPEST_INSERTION);

    /** With repeat windows: the insertion heuristic OR-Tools recommends for time windows. */
    private static final List<FirstSolutionStrategy.Value> WINDOW_STRATEGIES = List.of(
            FirstSolutionStrategy.Value.PARALLEL_CHEAPEST_INSERTION);

    private final long solutionLimit;
    private final Duration timeLimit;
    private final OptionalLong randomSeed;

    /**
     * @param randomSeed when present, perturb costs and optional prizes with this seed
     */
    public PatrolRouter(long solutionLimit, Duration timeLimit, OptionalLong randomSeed) {
        if (solutionLimit < 1 || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("solution and time limits must be positive");
        }
        this.solutionLimit = solutionLimit;
        this.timeLimit = timeLimit;
        this.randomSeed = randomSeed;
    }

    /**
     * The first unit (0-based) that cannot even go from its start base to its end base within the
     * shift, for which no plan exists; callers with the problem from a request check this first.
     */
    public static OptionalInt strandedUnit(PatrolProblem problem) {
        for (int u = 0; u < problem.units(); u++) {
            if (problem.travelSeconds(problem.unitStart()[u], problem.unitEnd()[u]) > problem.horizonSeconds()) {
                return OptionalInt.of(u);
            }
        }
        return OptionalInt.empty();
    }

    /** Why {@link #strandedUnit} found unit {@code u}, numbered from 1 as callers number units. */
    public static String strandedMessage(int u) {
        return "unit " + (u + 1) + " cannot travel from its start base to its end base within the shift";
    }

    /** The default limits, deterministic (no perturbation). */
    public static PatrolRouter deterministic() {
        return new PatrolRouter(DEFAULT_SOLUTION_LIMIT, DEFAULT_TIME_LIMIT, OptionalLong.empty());
    }

    /**
     * @throws IllegalArgumentException if some unit cannot even go from its start to its end base within the shift
     */
    public PatrolSolution solve(PatrolProblem problem) {
        OrTools.load();
        OptionalInt stranded = strandedUnit(problem);
        if (stranded.isPresent()) {
            throw new IllegalArgumentException(strandedMessage(stranded.getAsInt()));
        }
        Nodes nodes = Nodes.of(problem);
        int n = nodes.size();
        SplittableRandom random = randomSeed.isPresent() ? new SplittableRandom(randomSeed.getAsLong()) : null;
        long[][] cost = new long[n][n];
        long[][] time = new long[n][n];
        for (int i = 0; i < n; i++) {
            int from = nodes.stop[i];
            long dwell = problem.isBase(from) ? 0 : problem.dwellSeconds();
            for (int j = 0; j < n; j++) {
                int to = nodes.stop[j];
                double noise = random == null ? 1 : 1 + ARC_NOISE * random.nextDouble();
                cost[i][j] = Math.round(problem.travel().metres(from, to) / problem.speedMetresPerSecond() * 10 * noise);
                time[i][j] = problem.travelSeconds(from, to) + dwell;
            }
        }
        List<Integer> hotspots = problem.hotspots();
        double total = hotspots.stream().mapToDouble(h -> problem.prize()[h]).sum();
        long[] penalties = new long[n];
        for (int node = 0; node < n; node++) {
            if (!problem.isBase(nodes.stop[node])) {
                penalties[node] = penalty(problem, nodes.stop[node], total, random);
            }
        }
        boolean windows = problem.hasVisitWindows();
        // With repeat visits the windows spread each unit's work over the shift, so the fair-share
        // bound (which pulls units home early) would fight the dose.
        long shareTarget = windows ? problem.horizonSeconds() : shareTarget(problem);
        // Two starts, the better kept: path-cheapest-arc builds good tours when everything fits,
        // cheapest insertion weighs prizes against detours and chooses better subsets when the
        // shift is short; local search from either alone misses the other's best in some cases.
        PatrolSolution best = null;
        long bestObjective = Long.MAX_VALUE;
        for (FirstSolutionStrategy.Value start : windows ? WINDOW_STRATEGIES : START_STRATEGIES) {
            RoutingIndexManager manager = new RoutingIndexManager(n, problem.units(), problem.unitStart(),
                    problem.unitEnd());
            RoutingModel model = new RoutingModel(manager);
            // Matrices (indexed by node), not Java callbacks: the search evaluates arcs millions of
            // times, and a call back into the JVM for each one made it about ten times slower.
            model.setArcCostEvaluatorOfAllVehicles(model.registerTransitMatrix(cost));
            // Waiting is allowed only when some place has a busiest time or a visit window to wait
            // for; without it a unit goes straight on, which keeps the search fast.
            long slack = problem.hasPreferredTimes() || windows ? problem.horizonSeconds() : 0;
            // Start cumuls fixed at zero: units leave at the shift start, so any waiting happens on
            // the beat before the next place, never at the station.
            model.addDimension(model.registerTransitMatrix(time), slack, problem.horizonSeconds(), true, "time");
            RoutingDimension clock = model.getMutableDimension("time");
            for (int u = 0; u < problem.units(); u++) {
                clock.setCumulVarSoftUpperBound(model.end(u), shareTarget, SPAN_COST);
            }
            for (int node = 0; node < n; node++) {
                int stop = nodes.stop[node];
                if (problem.isBase(stop)) {
                    continue;
                }
                long index = manager.nodeToIndex(node);
                model.addDisjunction(new long[] {index}, penalties[node]);
                VisitWindow window = nodes.window[node];
                long preferred = problem.preferredArrival()[stop];
                if (window != null) {
                    clock.cumulVar(index).setRange(window.open(), Math.min(window.close(), problem.horizonSeconds()));
                } else if (preferred >= 0) {
                    clock.setCumulVarSoftLowerBound(index, Math.max(0, preferred - PREFERRED_TOLERANCE_SECONDS),
                            PREFERRED_COST);
                    clock.setCumulVarSoftUpperBound(index, preferred + PREFERRED_TOLERANCE_SECONDS, PREFERRED_COST);
                }
            }
            Assignment solution = model.solveWithParameters(parameters(start, windows));
            if (solution == null) {
                throw new IllegalStateException("the routing solver found no plan (status " + model.status() + ")");
            }
            if (solution.objectiveValue() < bestObjective) {
                bestObjective = solution.objectiveValue();
                best = extract(problem, nodes, manager, model, solution, hotspots, clock, slack > 0);
            }
        }
        return best;
    }

    /**
     * The routing nodes: every stop once (its first window, if any), then one more node for each
     * further window of a repeat-visit place.
     */
    private record Nodes(int[] stop, VisitWindow[] window) {

        static Nodes of(PatrolProblem problem) {
            List<Integer> stops = new ArrayList<>();
            List<VisitWindow> windows = new ArrayList<>();
            int n = problem.travel().size();
            for (int s = 0; s < n; s++) {
                List<VisitWindow> w = problem.visitWindows().get(s);
                stops.add(s);
                windows.add(w.isEmpty() ? null : w.get(0));
            }
            for (int s = 0; s < n; s++) {
                List<VisitWindow> w = problem.visitWindows().get(s);
                for (int k = 1; k < w.size(); k++) {
                    stops.add(s);
                    windows.add(w.get(k));
                }
            }
            return new Nodes(stops.stream().mapToInt(Integer::intValue).toArray(), windows.toArray(VisitWindow[]::new));
        }

        int size() {
            return stop.length;
        }
    }

    /** A fair share of the work: the nearest-neighbour plan's total duration over the units. */
    private static long shareTarget(PatrolProblem problem) {
        PatrolSolution baseline = NearestNeighbourRouter.solve(problem);
        return baseline.routes().stream().mapToLong(PatrolSolution.UnitRoute::returnSeconds).sum() / problem.units();
    }

    private static long penalty(PatrolProblem problem, int stop, double total, SplittableRandom random) {
        if (problem.mustVisit()[stop]) {
            return MUST_VISIT_PENALTY;
        }
        double noise = random == null ? 1 : 1 - PRIZE_NOISE + 2 * PRIZE_NOISE * random.nextDouble();
        // One more than the scaled prize, so a zero-risk place still costs a little to leave out.
        return 1 + Math.round(total > 0 ? problem.prize()[stop] / total * PRIZE_SCALE * noise : 0);
    }

    private RoutingSearchParameters parameters(FirstSolutionStrategy.Value start, boolean windows) {
        RoutingSearchParameters defaults = main.defaultRoutingSearchParameters();
        // Moves that trade a visited place for one left out: off by default, and the ones that
        // matter when the shift cannot hold every place. Not with repeat windows: the copies
        // leave so many nodes out that these moves (active x inactive x position) made each
        // solution take half a second on 12 places, and the windows' must-visit copies are
        // inserted by the first solution anyway.
        OptionalBoolean ext = windows ? OptionalBoolean.BOOL_FALSE : OptionalBoolean.BOOL_TRUE;
        var operators = defaults.getLocalSearchOperators().toBuilder()
                .setUseExtendedSwapActive(ext)
                .setUseRelocateAndMakeActive(ext)
                .setUseExchangeAndMakeActive(ext);
        return defaults.toBuilder()
                .setFirstSolutionStrategy(start)
                .setLocalSearchOperators(operators)
                .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                .setSolutionLimit(solutionLimit)
                .setTimeLimit(com.google.protobuf.Duration.newBuilder().setSeconds(timeLimit.getSeconds())
                        .setNanos(timeLimit.getNano()))
                .setLogSearch(false)
                .build();
    }

    private static PatrolSolution extract(PatrolProblem problem, Nodes nodes, RoutingIndexManager manager,
                                          RoutingModel model, Assignment solution, List<Integer> hotspots,
                                          RoutingDimension clock, boolean waits) {
        List<PatrolSolution.UnitRoute> routes = new ArrayList<>();
        TreeSet<Integer> unvisited = new TreeSet<>(hotspots);
        for (int u = 0; u < problem.units(); u++) {
            List<Integer> stops = new ArrayList<>();
            List<Long> arrivals = new ArrayList<>();
            long index = solution.value(model.nextVar(model.start(u)));
            while (!model.isEnd(index)) {
                stops.add(nodes.stop[manager.indexToNode(index)]);
                arrivals.add(solution.value(clock.cumulVar(index)));
                index = solution.value(model.nextVar(index));
            }
            unvisited.removeAll(stops);
            int[] order = stops.stream().mapToInt(Integer::intValue).toArray();
            routes.add(waits
                    ? new PatrolSolution.UnitRoute(u, problem.unitStart()[u], problem.unitEnd()[u], order,
                            arrivals.stream().mapToLong(Long::longValue).toArray(),
                            solution.value(clock.cumulVar(index)))
                    : PatrolSolution.UnitRoute.timed(problem, u, order));
        }
        return new PatrolSolution(routes, unvisited.stream().mapToInt(Integer::intValue).toArray());
    }
}
