package uk.safermap.analysis.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import uk.safermap.analysis.grid.BandStencil;
import uk.safermap.analysis.grid.CellCounts;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Getis-Ord Gi* hot spot statistic on a square grid with a fixed distance band and binary weights,
 * as ArcGIS Hot Spot Analysis (fixed distance band, no row standardisation, which has no effect on
 * Gi* anyway) and PySAL {@code esda.G_Local(star=True)} with binary weights.
 *
 * <p>For each study cell i, with x the cell counts, n the number of study cells, w_ij = 1 when the
 * centres of i and j are at most {@code bandMetres} apart (i itself included) and both are study cells:
 * <pre>
 *   G*_i = (sum_j w_ij x_j - Xbar W_i) / (S sqrt((n sum_j w_ij^2 - W_i^2) / (n - 1)))
 *   Xbar = sum_j x_j / n,   S = sqrt(sum_j x_j^2 / n - Xbar^2),   W_i = sum_j w_ij
 * </pre>
 * (Getis &amp; Ord 1992; Ord &amp; Getis 1995, Geographical Analysis 27(4):286-306; the form in the ArcGIS
 * "How Hot Spot Analysis works" page). G*_i is itself a z-score; its p-value is two-sided from the
 * standard normal. Bins follow {@link FalseDiscoveryRate}: with {@code fdr} the critical p-values are
 * Benjamini-Hochberg over the n study cells, else the plain 0.10/0.05/0.01. The z and p are never
 * corrected, only the bins, as in ArcGIS.
 *
 * <p><b>Study area.</b> Only cells of the {@link StudyMask} take part: their counts, zero or not, make
 * Xbar and S, and they are the only neighbours. Counts in cells outside the mask are ignored. Edge cells
 * have fewer neighbours, so W_i is the number of study cells in the stencil, not the stencil size.
 *
 * <p><b>Degenerate cases</b> give a result with messages, not an exception: no study cell (empty
 * result); S = 0, all counts equal (every z = 0, p = 1, not significant); a cell whose band reaches
 * every study cell (W_i = n: numerator and denominator both vanish; z = 0, p = 1). Messages also warn
 * when more than {@value #EMPTY_WARNING_PERCENT} % of study cells are empty, since then the mean is
 * near zero and almost every non-empty cell reads as hot; when n &lt; {@value #MIN_CELLS} (ArcGIS's
 * minimum); and when the band is below the cell size (each cell is its own only neighbour).
 *
 * <p>Time O(cells * (2R + 1)) for the neighbour sums (row prefix sums over a stencil of radius R =
 * band / cell) plus O(n log n) for the FDR sort; memory a few arrays of the grid size. For 40,000 cells
 * and a 300 m band on 100 m cells that is about a million additions. An instance is immutable and
 * thread-safe; every {@link #compute} call has its own state.
 */
public final class GetisOrdGiStar {

    /** Warn when more than this percentage of study cells have a count of zero. */
    public static final int EMPTY_WARNING_PERCENT = 50;
    /** ArcGIS requires at least this many features for Hot Spot Analysis; fewer gives a warning here. */
    public static final int MIN_CELLS = 30;

    static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final StudyMask mask;
    private final BandStencil stencil;
    private final boolean fdr;

    /**
     * @param mask       the study cells (and so the grid)
     * @param bandMetres the distance band, metres (finite, &gt;= 0)
     * @param fdr        whether the bins use the Benjamini-Hochberg correction (ArcGIS's FDR box)
     */
    public GetisOrdGiStar(StudyMask mask, double bandMetres, boolean fdr) {
        this.mask = mask;
        this.stencil = BandStencil.of(mask.grid(), bandMetres);
        this.fdr = fdr;
    }

    /** Gi* of the counts over the study mask, bins FDR-corrected: the {@code /api/hotspots/gistar} call. */
    public static Result run(CellCounts counts, StudyMask mask, double bandMetres) {
        if (!counts.grid().equals(mask.grid())) {
            throw new IllegalArgumentException("counts and mask must be on the same grid: " + counts.grid() + " vs " + mask.grid());
        }
        return new GetisOrdGiStar(mask, bandMetres, true).compute(counts.counts());
    }

    /**
     * Gi* for every study cell.
     *
     * @param values one value per grid cell (counts, or weighted counts); cells outside the mask are ignored
     */
    public Result compute(double[] values) {
        SquareGrid grid = mask.grid();
        if (values.length != grid.cellCount()) {
            throw new IllegalArgumentException("values must have one entry per grid cell: " + values.length + " for " + grid.cellCount());
        }
        return new Instance(values).run();
    }

    /** Per-run state. */
    private final class Instance {
        private final double[] values;
        private final List<String> warnings = new ArrayList<>();

        Instance(double[] values) {
            this.values = values;
        }

        Result run() {
            SquareGrid grid = mask.grid();
            int cells = grid.cellCount();
            boolean[] in = mask.inside();
            int n = mask.size();
            double[] z = new double[cells];
            double[] p = new double[cells];
            HotSpotClass[] classes = new HotSpotClass[cells];
            Arrays.fill(z, Double.NaN);
            Arrays.fill(p, Double.NaN);
            if (n == 0) {
                warnings.add("the study area contains no cell centre of the " + fmt(grid.cellMetres())
                        + " m grid; nothing to analyse");
                return new Result(grid, stencil.bandMetres(), FalseDiscoveryRate.Thresholds.UNCORRECTED, 0, Double.NaN,
                        Double.NaN, z, p, classes, new int[cells], 0, List.copyOf(warnings));
            }
            Moments m = Moments.of(values, in);
            int empty = 0;
            for (int i = 0; i < cells; i++) {
                if (in[i] && values[i] == 0) {
                    empty++;
                }
            }
            checkInputs(grid, n, empty, m);

            int[] w = stencil.neighbourCounts(in);
            double[] local = stencil.windowSums(values, in, new double[cells]);
            int whole = 0;
            for (int i = 0; i < cells; i++) {
                if (!in[i]) {
                    continue;
                }
                if (w[i] == n && n > 1) {
                    whole++;
                }
                z[i] = zScore(local[i], w[i], n, m.mean(), m.sd());
                p[i] = twoSidedP(z[i]);
            }
            if (whole > 0) {
                warnings.add("the " + fmt(stencil.bandMetres()) + " m band reaches every study cell from " + whole
                        + " cell(s); Gi* is undefined there and reported as z = 0, not significant. Use a smaller band");
            }
            FalseDiscoveryRate.Thresholds t = FalseDiscoveryRate.thresholds(p, in, fdr);
            for (int i = 0; i < cells; i++) {
                if (in[i]) {
                    classes[i] = t.classify(z[i], p[i]);
                }
            }
            return new Result(grid, stencil.bandMetres(), t, n, m.mean(), m.sd(), z, p, classes, w, empty, List.copyOf(warnings));
        }

        private void checkInputs(SquareGrid grid, int n, int empty, Moments m) {
            if (n < MIN_CELLS) {
                warnings.add("only " + n + " cells in the study area; hot spot analysis needs at least " + MIN_CELLS
                        + " (as ArcGIS) for results to mean much. Use a smaller cell or a larger area");
            }
            if (m.sd() == 0) {
                warnings.add("all " + n + " study cells have the same value (" + fmt(m.mean())
                        + "); with no variation no cell can be a hot or cold spot");
            }
            if (empty * 100L > (long) EMPTY_WARNING_PERCENT * n) {
                warnings.add(String.format(Locale.ROOT, "%.0f%% of the %d study cells are empty; with mostly empty cells "
                        + "the mean is near zero and nearly every non-empty cell reads as hot. Consider a larger cell, "
                        + "a tighter study area or a longer period", 100.0 * empty / n, n));
            }
            if (stencil.bandMetres() < grid.cellMetres()) {
                warnings.add("the band (" + fmt(stencil.bandMetres()) + " m) is smaller than the cell (" + fmt(grid.cellMetres())
                        + " m): each cell is its own only neighbour, so Gi* is just the z-score of its own count");
            }
        }
    }

    /**
     * Gi* of one location from its neighbourhood sum and binary weight sum, n locations of mean
     * {@code mean} and standard deviation {@code sd} (population form). Returns 0 where the statistic is
     * undefined: S = 0, n = 1, or W = n (the neighbourhood is everything).
     */
    static double zScore(double localSum, double w, double n, double mean, double sd) {
        double den = sd * Math.sqrt((n * w - w * w) / (n - 1));
        if (!(den > 0) || !Double.isFinite(den)) {
            return 0.0;
        }
        return (localSum - mean * w) / den;
    }

    /** Two-sided p-value of a standard normal z. */
    static double twoSidedP(double z) {
        return Math.min(1.0, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Mean and population standard deviation of the values at the included cells (two-pass). */
    record Moments(int n, double mean, double sd) {
        static Moments of(double[] values, boolean[] in) {
            int n = 0;
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                if (in[i]) {
                    sum += values[i];
                    n++;
                }
            }
            double mean = sum / n;
            double ss = 0;
            for (int i = 0; i < values.length; i++) {
                if (in[i]) {
                    double d = values[i] - mean;
                    ss += d * d;
                }
            }
            return new Moments(n, mean, Math.sqrt(ss / n));
        }
    }

    /**
     * Gi* for every cell of the grid; arrays are indexed by cell, entries outside the study mask are
     * NaN (z, p) or null (class). Arrays are not copied: treat them as read-only.
     *
     * @param grid        the grid
     * @param bandMetres  the distance band used, metres
     * @param thresholds  the critical p-values of the bins (FDR-corrected or not)
     * @param n           number of study cells
     * @param mean        Xbar, mean count over the study cells
     * @param sd          S, population standard deviation of the counts over the study cells
     * @param z           Gi* z-score per cell (uncorrected)
     * @param p           two-sided p-value per cell (uncorrected)
     * @param classes     hot spot class per cell (null outside the mask)
     * @param neighbours  W_i: number of study cells within the band of cell i, itself included
     * @param emptyCells  number of study cells with value 0
     * @param warnings    human-readable messages about the data or parameters (empty when all is well)
     */
    public record Result(SquareGrid grid, double bandMetres, FalseDiscoveryRate.Thresholds thresholds, int n,
                         double mean, double sd, double[] z, double[] p, HotSpotClass[] classes, int[] neighbours,
                         int emptyCells, List<String> warnings) {

        /** The class of cell {@code i}, or null when it is outside the study area. */
        public HotSpotClass classOf(int i) {
            return classes[i];
        }

        /** Share of study cells that are empty, 0..1 (NaN with no study cell). */
        public double emptyFraction() {
            return n == 0 ? Double.NaN : (double) emptyCells / n;
        }

        /** Number of study cells in each class, indexed by {@link HotSpotClass#ordinal()}. */
        public int[] classCounts() {
            int[] counts = new int[HotSpotClass.values().length];
            for (HotSpotClass c : classes) {
                if (c != null) {
                    counts[c.ordinal()]++;
                }
            }
            return counts;
        }
    }
}
