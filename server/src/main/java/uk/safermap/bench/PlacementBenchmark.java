package uk.safermap.bench;

import uk.safermap.placement.mclp.CoverageProblem;
import uk.safermap.placement.mclp.ExactMclp;
import uk.safermap.placement.mclp.GreedyInterchange;
import uk.safermap.placement.mclp.Sites;
import uk.safermap.placement.mclp.Viewshed;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * CCTV placement (MCLP) on generated Melton incidents: the greedy + interchange heuristic next
 * to the exact SCIP model measured in the same run, for several k. Candidates stand where
 * lamp columns would: near incident locations, jittered up to 30 m. Weights are harm-like
 * (most incidents weigh 1 to 10, a few weigh hundreds). Times are warm medians.
 */
public final class PlacementBenchmark {

    private static final int RUNS = 5;

    private final int incidents;
    private final int candidates;
    private final int[] ks;
    private final double radius;
    private final PrintStream out;

    public PlacementBenchmark(int incidents, int candidates, int[] ks, double radius, PrintStream out) {
        this.incidents = incidents;
        this.candidates = candidates;
        this.ks = ks.clone();
        this.radius = radius;
        this.out = out;
    }

    public void run() throws IOException {
        BenchPoints points = BenchPoints.generate(incidents, 42);
        SplittableRandom random = new SplittableRandom(7);
        double[] w = new double[points.size()];
        for (int i = 0; i < w.length; i++) {
            double u = random.nextDouble();
            w[i] = u < 0.02 ? 365 : u < 0.1 ? 10 : 1 + random.nextInt(5);
        }
        double[] sx = new double[candidates];
        double[] sy = new double[candidates];
        for (int j = 0; j < candidates; j++) {
            int i = random.nextInt(points.size());
            sx[j] = points.x()[i] + random.nextDouble(-30, 30);
            sy[j] = points.y()[i] + random.nextDouble(-30, 30);
        }
        Sites sites = Sites.omnidirectional(sx, sy);
        Viewshed view = Viewshed.allRound(radius);
        double buildSeconds = median(() -> CoverageProblem.build(points.x(), points.y(), w, sites, view, 0));
        CoverageProblem p = CoverageProblem.build(points.x(), points.y(), w, sites, view, 0);
        long nonZeros = Arrays.stream(p.cover()).mapToLong(c -> c.length).sum();
        out.printf(Locale.ROOT, "%,d incidents, %,d candidates, radius %.0f m: %,d demand classes, %,d "
                        + "site-class pairs, built in %.0f ms%n%n", points.size(), candidates, radius, p.classCount(),
                nonZeros, buildSeconds * 1000);
        out.println("| k | heuristic | exact (SCIP) | heuristic / exact time | heuristic gap | greedy-only gap "
                + "| LP bound (GLOP) |");
        out.println("|---|---|---|---|---|---|---|");
        ExactMclp exact = new ExactMclp();
        GreedyInterchange heuristic = new GreedyInterchange();
        for (int k : ks) {
            double hSeconds = median(() -> heuristic.solve(p, k, k));
            GreedyInterchange.Solution h = heuristic.solve(p, k, k);
            double eSeconds = median(() -> exact.solve(p, k, h.sites(), Duration.ofSeconds(60)));
            ExactMclp.Outcome e = exact.solve(p, k, h.sites(), Duration.ofSeconds(60));
            ExactMclp.Outcome lp = exact.relaxation(p, k);
            out.printf(Locale.ROOT, "| %d | %.1f ms | %.0f ms, %s | %.3fx | %.3f %% | %.3f %% | %.0f ms, gap %.3f %% |%n",
                    k, hSeconds * 1000, eSeconds * 1000, e.status(),
                    hSeconds / eSeconds, gap(h.value(), e.bound()), gap(h.greedyValue(), e.bound()),
                    (double) lp.millis(), gap(h.value(), lp.bound()));
        }
    }

    private static double gap(double value, double bound) {
        return bound <= 0 ? 0 : 100 * (bound - value) / bound;
    }

    private static double median(Supplier<?> task) {
        task.get();
        double[] t = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long t0 = System.nanoTime();
            task.get();
            t[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }
}
