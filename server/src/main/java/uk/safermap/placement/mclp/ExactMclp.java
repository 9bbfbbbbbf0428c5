package uk.safermap.placement.mclp;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import uk.safermap.ortools.OrTools;

import java.time.Duration;
import java.util.Arrays;

/**
 * The MCLP as a mixed-integer programme (Church and ReVelle 1974), solved by SCIP through
 * OR-Tools, or its linear relaxation by GLOP as a cheap upper bound (without the separation
 * constraints, see {@link #relaxation}):
 *
 * <pre>
 *   max  sum_c w_c y_c
 *   s.t. y_c <= sum_{s reaches c} x_s      for every demand class c
 *        sum_s x_s <= k
 *        x_s + x_t <= 1                    for every conflicting pair (one per location, separation)
 *        x_s in {0,1},  0 <= y_c <= 1
 * </pre>
 *
 * y need not be integer: with x integral the optimum sets y_c to 1 exactly when c is covered.
 * The heuristic's sites are passed as a hint, so the solver starts from a good incumbent.
 */
public final class ExactMclp {

    /** How a solve ended. {@code bound} is a proven upper bound on the optimum. */
    public record Outcome(Status status, String solver, double value, double bound, int[] sites, long millis) {
    }

    public enum Status {
        /** The optimum, proven. */
        OPTIMAL,
        /** Time ran out: {@code value} is the best found, {@code bound} the best proven. */
        TIME_LIMIT,
        /** The linear relaxation: {@code bound} only, no sites. */
        RELAXATION
    }

    public ExactMclp() {
        OrTools.load();
    }

    /** Solves to optimality, or until the time limit, starting from {@code hint}. */
    public Outcome solve(CoverageProblem p, int k, int[] hint, Duration limit) {
        long t0 = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("SCIP");
        try {
            MPVariable[] x = model(solver, p, k, true, true);
            solver.setTimeLimit(Math.max(1, limit.toMillis()));
            if (hint.length > 0) {
                MPVariable[] hv = new MPVariable[hint.length];
                double[] ones = new double[hint.length];
                for (int i = 0; i < hint.length; i++) {
                    hv[i] = x[hint[i]];
                    ones[i] = 1;
                }
                solver.setHint(hv, ones);
            }
            MPSolver.ResultStatus r = solver.solve();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r != MPSolver.ResultStatus.OPTIMAL && r != MPSolver.ResultStatus.FEASIBLE) {
                return new Outcome(Status.TIME_LIMIT, "SCIP", p.value(hint), Double.POSITIVE_INFINITY, hint, ms);
            }
            int[] sites = chosen(x);
            // The objective is recomputed from the sites: y is continuous, and the solver's
            // value carries its tolerances.
            double value = p.value(sites);
            double bound = Math.max(solver.objective().bestBound(), value);
            Status status = r == MPSolver.ResultStatus.OPTIMAL ? Status.OPTIMAL : Status.TIME_LIMIT;
            return new Outcome(status, "SCIP", value, status == Status.OPTIMAL ? value : bound, sites, ms);
        } finally {
            solver.delete();
        }
    }

    /**
     * The LP relaxation's optimum without the conflict rows: an upper bound on any k sites'
     * coverage, separated or not (dropping constraints can only raise a maximum). The pairwise
     * rows would hardly tighten it, since x = 1/2 everywhere satisfies them all, and at the default
     * separation (twice the radius) a 20,000-site lattice has about half a million of them, which
     * took GLOP seconds where the covering rows alone take a fraction of one.
     */
    public Outcome relaxation(CoverageProblem p, int k) {
        long t0 = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            model(solver, p, k, false, false);
            MPSolver.ResultStatus r = solver.solve();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            double bound = r == MPSolver.ResultStatus.OPTIMAL ? solver.objective().value() : Double.POSITIVE_INFINITY;
            return new Outcome(Status.RELAXATION, "GLOP", Double.NaN, bound, new int[0], ms);
        } finally {
            solver.delete();
        }
    }

    private static MPVariable[] model(MPSolver solver, CoverageProblem p, int k, boolean integer,
                                      boolean conflicts) {
        int n = p.siteCount();
        MPVariable[] x = new MPVariable[n];
        for (int s = 0; s < n; s++) {
            // A site that reaches nothing can only use up a camera: fix it at 0.
            double ub = p.cover()[s].length == 0 ? 0 : 1;
            x[s] = integer ? solver.makeIntVar(0, ub, "x" + s) : solver.makeNumVar(0, ub, "x" + s);
        }
        MPConstraint[] link = new MPConstraint[p.classCount()];
        MPObjective objective = solver.objective();
        for (int c = 0; c < p.classCount(); c++) {
            MPVariable y = solver.makeNumVar(0, 1, "y" + c);
            objective.setCoefficient(y, p.weight()[c]);
            link[c] = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "cover" + c);
            link[c].setCoefficient(y, 1);
        }
        for (int s = 0; s < n; s++) {
            for (int c : p.cover()[s]) {
                link[c].setCoefficient(x[s], -1);
            }
        }
        MPConstraint budget = solver.makeConstraint(0, k, "k");
        for (MPVariable v : x) {
            budget.setCoefficient(v, 1);
        }
        for (int s = 0; conflicts && s < n; s++) {
            for (int t : p.conflicts()[s]) {
                if (t > s && p.cover()[s].length > 0 && p.cover()[t].length > 0) {
                    MPConstraint pair = solver.makeConstraint(0, 1);
                    pair.setCoefficient(x[s], 1);
                    pair.setCoefficient(x[t], 1);
                }
            }
        }
        objective.setMaximization();
        return x;
    }

    private static int[] chosen(MPVariable[] x) {
        return Arrays.stream(x).filter(v -> v.solutionValue() > 0.5).mapToInt(MPVariable::index).toArray();
    }
}
