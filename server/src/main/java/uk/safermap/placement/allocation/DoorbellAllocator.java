package uk.safermap.placement.allocation;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import uk.safermap.ortools.OrTools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Shares a number of video doorbells among allocation units (output areas or addresses), at
 * most one per household, as a small integer programme solved by SCIP (OR-Tools):
 *
 * <pre>
 *   n_u integer, 0 <= n_u <= households_u,   sum_u n_u = units
 *   sum_{u in phase area} n_u >= phase units   (e.g. "the first 100 go to the town centre")
 *   sum_{u in ward w} n_u >= minPerWard        (floors, where the ward has homes)
 *   RISK:         max sum_u risk_u n_u
 *   PROPORTIONAL: first min sum_w |N_w - units * R_w / R| (ward totals in proportion to ward
 *                 risk R_w = sum of risk x households), then max sum_u risk_u n_u
 * </pre>
 *
 * A greedy fill in phase-then-floor order can refuse requests that are possible (a phase
 * filled from one ward can starve another ward's floor); the programme cannot. When the
 * constraints cannot all be met, nothing is allocated and the reasons are reported.
 */
public final class DoorbellAllocator {

    public enum Rule { RISK, PROPORTIONAL }

    /**
     * A phase: these units (by index) must together receive at least {@code units} doorbells.
     * Phases are tranches of the same batch, so their units may not add up to more than it.
     */
    public record Phase(String name, boolean[] member, int units) {
    }

    /**
     * @param households per unit, how many homes can take a doorbell
     * @param risk       per unit, the risk of one household (any scale, not negative)
     * @param ward       per unit, its ward index (0..wardNames.length-1)
     */
    public record Problem(int units, int[] households, double[] risk, int[] ward, String[] wardNames,
                          List<Phase> phases, int minPerWard, Rule rule) {
    }

    /** Thrown when the constraints cannot all be met; {@link #reasons} says which and why. */
    public static final class Infeasible extends RuntimeException {
        private final List<String> reasons;

        Infeasible(List<String> reasons) {
            super(String.join("; ", reasons));
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    public DoorbellAllocator() {
        OrTools.load();
    }

    /** Doorbells per unit. */
    public int[] allocate(Problem p) {
        check(p);
        int n = p.households().length;
        MPSolver solver = MPSolver.createSolver("SCIP");
        try {
            MPVariable[] x = new MPVariable[n];
            MPConstraint total = solver.makeConstraint(p.units(), p.units(), "total");
            MPObjective objective = solver.objective();
            double maxRisk = 0;
            for (int u = 0; u < n; u++) {
                x[u] = solver.makeIntVar(0, p.households()[u], "n" + u);
                total.setCoefficient(x[u], 1);
                objective.setCoefficient(x[u], p.risk()[u]);
                maxRisk = Math.max(maxRisk, p.risk()[u]);
            }
            for (Phase phase : p.phases()) {
                MPConstraint c = solver.makeConstraint(phase.units(), Double.POSITIVE_INFINITY, phase.name());
                for (int u = 0; u < n; u++) {
                    if (phase.member()[u]) {
                        c.setCoefficient(x[u], 1);
                    }
                }
            }
            int wards = p.wardNames().length;
            MPConstraint[] floor = new MPConstraint[wards];
            int[] wardHomes = wardHomes(p);
            for (int w = 0; w < wards; w++) {
                floor[w] = solver.makeConstraint(wardHomes[w] > 0 ? p.minPerWard() : 0, Double.POSITIVE_INFINITY);
            }
            for (int u = 0; u < n; u++) {
                floor[p.ward()[u]].setCoefficient(x[u], 1);
            }
            if (p.rule() == Rule.PROPORTIONAL) {
                proportional(solver, p, x, maxRisk);
            }
            objective.setMaximization();
            // SCIP stops at a 1e-4 relative gap by default; an allocation is small enough to prove
            // optimal exactly, and a council should get the best allocation, not a near one.
            MPSolverParameters exact = new MPSolverParameters();
            exact.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            MPSolver.ResultStatus status = solver.solve(exact);
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new Infeasible(List.of("the phases and ward floors cannot be met together with " + p.units()
                        + " doorbells (they overlap in a way that needs more doorbells or more households)"));
            }
            int[] given = new int[n];
            for (int u = 0; u < n; u++) {
                given[u] = (int) Math.round(x[u].solutionValue());
            }
            return given;
        } finally {
            solver.delete();
        }
    }

    /**
     * Deviation variables d_w >= |N_w - ideal_w|, charged at more than any risk gain, so the
     * ward totals come first and risk decides within them.
     */
    private static void proportional(MPSolver solver, Problem p, MPVariable[] x, double maxRisk) {
        int wards = p.wardNames().length;
        double[] mass = new double[wards];
        for (int u = 0; u < x.length; u++) {
            mass[p.ward()[u]] += p.risk()[u] * p.households()[u];
        }
        double all = java.util.Arrays.stream(mass).sum();
        double penalty = 1 + 2 * maxRisk * p.units();
        for (int w = 0; w < wards; w++) {
            double ideal = all <= 0 ? (double) p.units() / wards : p.units() * mass[w] / all;
            MPVariable d = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "d" + w);
            solver.objective().setCoefficient(d, -penalty);
            MPConstraint above = solver.makeConstraint(-ideal, Double.POSITIVE_INFINITY);
            MPConstraint below = solver.makeConstraint(ideal, Double.POSITIVE_INFINITY);
            above.setCoefficient(d, 1);
            below.setCoefficient(d, 1);
            for (int u = 0; u < x.length; u++) {
                if (p.ward()[u] == w) {
                    above.setCoefficient(x[u], -1);
                    below.setCoefficient(x[u], 1);
                }
            }
        }
    }

    private static int[] wardHomes(Problem p) {
        int[] out = new int[p.wardNames().length];
        for (int u = 0; u < p.households().length; u++) {
            out[p.ward()[u]] += p.households()[u];
        }
        return out;
    }

    /** The impossible requests, found before anything is placed. */
    private static void check(Problem p) {
        List<String> reasons = new ArrayList<>();
        long homes = IntStream.of(p.households()).asLongStream().sum();
        if (p.units() > homes) {
            reasons.add(p.units() + " doorbells is more than the " + homes + " households in the allocation units");
        }
        int[] wardHomes = wardHomes(p);
        for (int w = 0; w < wardHomes.length; w++) {
            if (wardHomes[w] > 0 && wardHomes[w] < p.minPerWard()) {
                reasons.add("ward " + p.wardNames()[w] + " has only " + wardHomes[w] + " households, fewer than "
                        + "minPerWard " + p.minPerWard());
            }
        }
        long floors = IntStream.of(wardHomes).filter(h -> h > 0).count() * p.minPerWard();
        if (floors > p.units()) {
            reasons.add("ward floors need " + floors + " doorbells (minPerWard " + p.minPerWard() + " in each ward "
                    + "with households) but only " + p.units() + " are available");
        }
        for (Phase phase : p.phases()) {
            long room = IntStream.range(0, p.households().length).filter(u -> phase.member()[u])
                    .mapToLong(u -> p.households()[u]).sum();
            if (room < phase.units()) {
                reasons.add("phase '" + phase.name() + "' needs " + phase.units() + " doorbells but its area has only "
                        + room + " households");
            }
        }
        // Phases are tranches of one batch (first 100 here, then the rest), so they add up.
        int phaseTotal = p.phases().stream().mapToInt(Phase::units).sum();
        if (phaseTotal > p.units()) {
            reasons.add("the phases ask for " + phaseTotal + " doorbells but only " + p.units() + " are available");
        }
        if (!reasons.isEmpty()) {
            throw new Infeasible(reasons);
        }
    }
}
