package uk.safermap.analysis.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded point sets in BNG-like metres for comparing {@link Dbscan} with brute force. */
record TestPoints(double[] x, double[] y) {

    /** Melton Mowbray town centre, so that coordinates have realistic magnitudes. */
    static final double EAST = 475_000;
    static final double NORTH = 319_000;

    int size() {
        return x.length;
    }

    static TestPoints uniform(long seed, int n, double sideMetres) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = EAST + random.nextDouble() * sideMetres;
            y[i] = NORTH + random.nextDouble() * sideMetres;
        }
        return new TestPoints(x, y);
    }

    /**
     * Like police.uk crime: {@code hotSpots} Gaussian hot spots (sigma 50-100 m) holding
     * {@code hotShare} of the points over a uniform background, and, if {@code snapPoints > 0}, every
     * point moved to the nearest of that many shared locations, as police.uk anonymisation does.
     */
    static TestPoints crimeLike(long seed, int n, double sideMetres, int hotSpots, double hotShare, int snapPoints) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cx = new double[hotSpots];
        double[] cy = new double[hotSpots];
        double[] sigma = new double[hotSpots];
        for (int h = 0; h < hotSpots; h++) {
            cx[h] = EAST + sideMetres * (0.2 + 0.6 * random.nextDouble());
            cy[h] = NORTH + sideMetres * (0.2 + 0.6 * random.nextDouble());
            sigma[h] = 50 + 50 * random.nextDouble();
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (hotSpots > 0 && random.nextDouble() < hotShare) {
                int h = random.nextInt(hotSpots);
                x[i] = cx[h] + sigma[h] * gaussian(random);
                y[i] = cy[h] + sigma[h] * gaussian(random);
            } else {
                x[i] = EAST + random.nextDouble() * sideMetres;
                y[i] = NORTH + random.nextDouble() * sideMetres;
            }
        }
        if (snapPoints > 0) {
            snap(x, y, snapLocations(random, snapPoints, cx, cy, sigma, sideMetres));
        }
        return new TestPoints(x, y);
    }

    /** Snap locations, denser in the hot spots as streets are in town. */
    private static double[][] snapLocations(SplittableRandom random, int count, double[] cx, double[] cy,
            double[] sigma, double sideMetres) {
        double[][] at = new double[count][];
        for (int k = 0; k < count; k++) {
            if (cx.length > 0 && k % 2 == 0) {
                int h = random.nextInt(cx.length);
                at[k] = new double[] {cx[h] + 2 * sigma[h] * gaussian(random), cy[h] + 2 * sigma[h] * gaussian(random)};
            } else {
                at[k] = new double[] {EAST + random.nextDouble() * sideMetres, NORTH + random.nextDouble() * sideMetres};
            }
        }
        return at;
    }

    /** Nearest snap location by a bucket grid; plenty fast for test sizes and the benchmark. */
    private static void snap(double[] x, double[] y, double[][] at) {
        double cell = 200;
        Map<Long, List<double[]>> buckets = new HashMap<>();
        for (double[] p : at) {
            buckets.computeIfAbsent(key((long) Math.floor(p[0] / cell), (long) Math.floor(p[1] / cell)),
                    k -> new ArrayList<>()).add(p);
        }
        for (int i = 0; i < x.length; i++) {
            long bx = (long) Math.floor(x[i] / cell);
            long by = (long) Math.floor(y[i] / cell);
            double[] best = null;
            double bestSq = Double.POSITIVE_INFINITY;
            for (int ring = 0; best == null || ring <= 1 + Math.sqrt(bestSq) / cell; ring++) {
                for (long gx = bx - ring; gx <= bx + ring; gx++) {
                    for (long gy = by - ring; gy <= by + ring; gy++) {
                        if (Math.max(Math.abs(gx - bx), Math.abs(gy - by)) != ring) {
                            continue;
                        }
                        for (double[] p : buckets.getOrDefault(key(gx, gy), List.of())) {
                            double d = (p[0] - x[i]) * (p[0] - x[i]) + (p[1] - y[i]) * (p[1] - y[i]);
                            if (d < bestSq) {
                                bestSq = d;
                                best = p;
                            }
                        }
                    }
                }
            }
            x[i] = best[0];
            y[i] = best[1];
        }
    }

    private static long key(long gx, long gy) {
        return gx * 1_000_003L + gy;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian in Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The first {@code n} points. */
    TestPoints head(int n) {
        return new TestPoints(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
    }
}
