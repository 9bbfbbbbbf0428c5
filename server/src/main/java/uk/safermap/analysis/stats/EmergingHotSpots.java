package uk.safermap.analysis.stats;

import uk.safermap.analysis.grid.BandStencil;
import uk.safermap.analysis.grid.CountCube;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Emerging Hot Spot Analysis on a space-time cube of grid cells by time steps, as ArcGIS Pro
 * (Space Time Pattern Mining, "How Emerging Hot Spot Analysis works") and its open port sfdep.
 *
 * <ol>
 * <li><b>Space-time Gi*</b> for every bin (cell, step): {@link GetisOrdGiStar}'s formula with binary
 *     weights over the space-time neighbourhood: study cells whose centre is within
 *     {@code bandMetres} of the cell centre, in the same step and in the {@code timeLag} steps either
 *     side (ArcGIS "Neighborhood Time Step" = 1 by default; sfdep {@code k = 1}); the bin itself included.
 *     Xbar, S and n are over every study bin of the cube (n = study cells x steps), so each bin is
 *     compared with the whole cube, as ArcGIS does. Steps at the start and end have fewer neighbours.</li>
 * <li><b>Bins</b> with Benjamini-Hochberg FDR over all n bins of the cube ({@link FalseDiscoveryRate}).
 *     A bin is a significant hot (cold) spot when its bin is at least the confidence of
 *     {@code binAlpha} (default 0.10: any non-zero Gi_Bin, as the hot spot map shows it) and z &gt; 0
 *     (z &lt; 0).</li>
 * <li><b>Trend</b>: {@link MannKendall} on each location's series of Gi* z-scores, significant at
 *     {@code trendAlpha} (default 0.05).</li>
 * <li><b>Category</b> per location: {@link EmergingCategory#classify} (17 classes, 90 % rule).</li>
 * </ol>
 * The two significance levels are parameters: the ArcGIS pages read for this project (docs/methods.md 1.2) do not
 * state them, and sfdep uses one threshold, 0.01, for both. The defaults (bins at 90 %, trend at 5 %)
 * make a location's hot steps exactly the steps the Gi* map draws as hot.
 *
 * <p>Degenerate input gives messages, not exceptions: no study cell; all counts equal (every z = 0,
 * no pattern); one time step (no trend; a significant bin is "new"); fewer than 10 steps (ArcGIS's
 * minimum for a cube; "90 %" then means every step).
 *
 * <p>Time O(steps * cells * (2R + 1)) for the neighbour sums, O(n log n) for the FDR sort and
 * O(locations * steps^2) for the trends. Memory: three arrays of steps x cells. An instance is immutable
 * and thread-safe; every {@link #compute} call has its own state.
 */
public final class EmergingHotSpots {

    /** ArcGIS needs at least this many time steps in a space-time cube; fewer gives a warning here. */
    public static final int MIN_STEPS = 10;

    /**
     * The analysis parameters.
     *
     * @param bandMetres spatial distance band, metres (finite, &gt;= 0)
     * @param timeLag    time steps either side in the neighbourhood, 0..12 (default 1)
     * @param binAlpha   significance of a hot/cold bin after FDR: 0.10, 0.05 or 0.01 (default 0.10)
     * @param trendAlpha significance of the Mann-Kendall trend, in (0, 1) (default 0.05)
     */
    public record Parameters(double bandMetres, int timeLag, double binAlpha, double trendAlpha) {

        public static final int DEFAULT_TIME_LAG = 1;
        public static final int MAX_TIME_LAG = 12;
        public static final double DEFAULT_BIN_ALPHA = FalseDiscoveryRate.ALPHA_90;
        public static final double DEFAULT_TREND_ALPHA = 0.05;

        public Parameters {
            if (!(bandMetres >= 0) || !Double.isFinite(bandMetres)) {
                throw new IllegalArgumentException("bandMetres must be a finite number >= 0, was " + bandMetres);
            }
            if (timeLag < 0 || timeLag > MAX_TIME_LAG) {
                throw new IllegalArgumentException("timeLag must be in 0.." + MAX_TIME_LAG + " steps, was " + timeLag);
            }
            if (binAlpha != FalseDiscoveryRate.ALPHA_90 && binAlpha != FalseDiscoveryRate.ALPHA_95
                    && binAlpha != FalseDiscoveryRate.ALPHA_99) {
                throw new IllegalArgumentException("binAlpha must be 0.10, 0.05 or 0.01, was " + binAlpha);
            }
            if (!(trendAlpha > 0 && trendAlpha < 1)) {
                throw new IllegalArgumentException("trendAlpha must be in (0, 1), was " + trendAlpha);
            }
        }

        /** The defaults with this band: time lag 1, bins at 90 %, trend at 5 %. */
        public static Parameters of(double bandMetres) {
            return new Parameters(bandMetres, DEFAULT_TIME_LAG, DEFAULT_BIN_ALPHA, DEFAULT_TREND_ALPHA);
        }

        /** The smallest |Gi_Bin| that counts as significant. */
        int minBin() {
            return binAlpha == FalseDiscoveryRate.ALPHA_99 ? 3 : binAlpha == FalseDiscoveryRate.ALPHA_95 ? 2 : 1;
        }
    }

    private final StudyMask mask;
    private final Parameters parameters;
    private final BandStencil stencil;

    public EmergingHotSpots(StudyMask mask, Parameters parameters) {
        this.mask = mask;
        this.parameters = parameters;
        this.stencil = BandStencil.of(mask.grid(), parameters.bandMetres());
    }

    /** EHSA of the cube over the study mask with default parameters: the {@code /api/hotspots/emerging} call. */
    public static Result run(CountCube cube, StudyMask mask, double bandMetres) {
        if (!cube.grid().equals(mask.grid())) {
            throw new IllegalArgumentException("cube and mask must be on the same grid: " + cube.grid() + " vs " + mask.grid());
        }
        return new EmergingHotSpots(mask, Parameters.of(bandMetres)).compute(cube.counts());
    }

    /**
     * @param counts {@code counts[step][cell]}, at least one step, one value per grid cell in each
     */
    public Result compute(double[][] counts) {
        int cells = mask.grid().cellCount();
        if (counts.length < 1) {
            throw new IllegalArgumentException("counts needs at least one time step");
        }
        if ((long) counts.length * cells > 4 * SquareGrid.MAX_CELLS) {
            throw new IllegalArgumentException(counts.length + " time steps of " + cells + " cells exceed the limit of "
                    + 4 * SquareGrid.MAX_CELLS + " bins; use a larger cell, a smaller area or fewer steps");
        }
        for (double[] layer : counts) {
            if (layer.length != cells) {
                throw new IllegalArgumentException("every time step needs one value per grid cell: " + layer.length + " for " + cells);
            }
        }
        return new Instance(counts).run();
    }

    /** Per-run state. */
    private final class Instance {
        private final double[][] counts;
        private final int steps;
        private final int cells;
        private final boolean[] in;
        private final List<String> warnings = new ArrayList<>();

        Instance(double[][] counts) {
            this.counts = counts;
            this.steps = counts.length;
            this.cells = mask.grid().cellCount();
            this.in = mask.inside();
        }

        Result run() {
            int n = mask.size();
            double[][] z = new double[steps][cells];
            double[][] p = new double[steps][cells];
            HotSpotClass[][] classes = new HotSpotClass[steps][cells];
            for (int t = 0; t < steps; t++) {
                Arrays.fill(z[t], Double.NaN);
                Arrays.fill(p[t], Double.NaN);
            }
            if (n == 0) {
                warnings.add("the study area contains no cell centre of the " + GetisOrdGiStar.fmt(mask.grid().cellMetres())
                        + " m grid; nothing to analyse");
                return new Result(mask.grid(), steps, parameters, 0, Double.NaN, Double.NaN, z, p, classes,
                        FalseDiscoveryRate.Thresholds.UNCORRECTED, List.of(), List.copyOf(warnings));
            }
            long bins = (long) n * steps;
            double mean = 0;
            long empty = 0;
            for (double[] layer : counts) {
                for (int c = 0; c < cells; c++) {
                    if (in[c]) {
                        mean += layer[c];
                        if (layer[c] == 0) {
                            empty++;
                        }
                    }
                }
            }
            mean /= bins;
            double ss = 0;
            for (double[] layer : counts) {
                for (int c = 0; c < cells; c++) {
                    if (in[c]) {
                        double d = layer[c] - mean;
                        ss += d * d;
                    }
                }
            }
            double sd = Math.sqrt(ss / bins);
            checkInputs(n, bins, empty, mean, sd);

            spaceTimeGiStar(z, p, bins, mean, sd);
            double[] flat = new double[(int) bins];
            int k = 0;
            for (int t = 0; t < steps; t++) {
                for (int c = 0; c < cells; c++) {
                    if (in[c]) {
                        flat[k++] = p[t][c];
                    }
                }
            }
            FalseDiscoveryRate.Thresholds thresholds = FalseDiscoveryRate.thresholds(flat, null, true);
            for (int t = 0; t < steps; t++) {
                for (int c = 0; c < cells; c++) {
                    if (in[c]) {
                        classes[t][c] = thresholds.classify(z[t][c], p[t][c]);
                    }
                }
            }
            List<Location> locations = classify(z, classes);
            return new Result(mask.grid(), steps, parameters, n, mean, sd, z, p, classes, thresholds, locations,
                    List.copyOf(warnings));
        }

        private void spaceTimeGiStar(double[][] z, double[][] p, long bins, double mean, double sd) {
            int lag = parameters.timeLag();
            int[] w = stencil.neighbourCounts(in);
            double[][] spatial = new double[steps][];
            for (int t = 0; t < steps; t++) {
                spatial[t] = stencil.windowSums(counts[t], in, new double[cells]);
            }
            double[] local = new double[cells];
            long whole = 0;
            for (int t = 0; t < steps; t++) {
                int t0 = Math.max(0, t - lag);
                int t1 = Math.min(steps - 1, t + lag);
                Arrays.fill(local, 0);
                for (int u = t0; u <= t1; u++) {
                    double[] s = spatial[u];
                    for (int c = 0; c < cells; c++) {
                        local[c] += s[c];
                    }
                }
                int span = t1 - t0 + 1;
                for (int c = 0; c < cells; c++) {
                    if (in[c]) {
                        double weight = (double) w[c] * span;
                        if (weight == bins && bins > 1) {
                            whole++;
                        }
                        z[t][c] = GetisOrdGiStar.zScore(local[c], weight, bins, mean, sd);
                        p[t][c] = GetisOrdGiStar.twoSidedP(z[t][c]);
                    }
                }
            }
            if (whole > 0) {
                warnings.add("the space-time neighbourhood reaches every bin of the cube from " + whole
                        + " bin(s); Gi* is undefined there and reported as z = 0. Use a smaller band or time lag");
            }
        }

        private List<Location> classify(double[][] z, HotSpotClass[][] classes) {
            int minBin = parameters.minBin();
            int[] study = mask.cells();
            int n = study.length;
            // Gather each location's series contiguously, one time step at a time: reading z[t][c] for all t
            // per location instead would touch a different array (cache line) at every step.
            double[] series = new double[n * steps];
            int[] sig = new int[n * steps];
            for (int t = 0; t < steps; t++) {
                double[] zt = z[t];
                HotSpotClass[] ct = classes[t];
                for (int k = 0; k < n; k++) {
                    int c = study[k];
                    series[k * steps + t] = zt[c];
                    int bin = ct[c].bin();
                    sig[k * steps + t] = bin >= minBin ? 1 : bin <= -minBin ? -1 : 0;
                }
            }
            List<Location> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int from = k * steps;
                int[] own = Arrays.copyOfRange(sig, from, from + steps);
                int hot = 0;
                int cold = 0;
                for (int s : own) {
                    hot += s == 1 ? 1 : 0;
                    cold += s == -1 ? 1 : 0;
                }
                MannKendall.Result trend = MannKendall.test(Arrays.copyOfRange(series, from, from + steps));
                EmergingCategory category = EmergingCategory.classify(own, trend, parameters.trendAlpha());
                out.add(new Location(study[k], category, trend, hot, cold, classes[steps - 1][study[k]]));
            }
            return List.copyOf(out);
        }

        private void checkInputs(int n, long bins, long empty, double mean, double sd) {
            if (steps == 1) {
                warnings.add("only one time step: no trend can be tested, and a significant bin is classed as new");
            } else if (steps < MIN_STEPS) {
                warnings.add("only " + steps + " time steps; ArcGIS needs at least " + MIN_STEPS
                        + " for a space-time cube, and with fewer '90 % of steps' means every step");
            }
            if (n < GetisOrdGiStar.MIN_CELLS) {
                warnings.add("only " + n + " cells in the study area; hot spot analysis needs at least "
                        + GetisOrdGiStar.MIN_CELLS + " for results to mean much");
            }
            if (sd == 0) {
                warnings.add("all " + bins + " bins of the cube have the same value (" + GetisOrdGiStar.fmt(mean)
                        + "); with no variation there are no hot or cold spots and no pattern");
            }
            if (empty * 100 > (long) GetisOrdGiStar.EMPTY_WARNING_PERCENT * bins) {
                warnings.add(String.format(Locale.ROOT, "%.0f%% of the %d bins (cells x steps) are empty; with mostly "
                        + "empty bins nearly every non-empty bin reads as hot. Consider a larger cell or a longer time step",
                        100.0 * empty / bins, bins));
            }
            if (parameters.bandMetres() < mask.grid().cellMetres()) {
                warnings.add("the band (" + GetisOrdGiStar.fmt(parameters.bandMetres()) + " m) is smaller than the cell ("
                        + GetisOrdGiStar.fmt(mask.grid().cellMetres()) + " m): cells have no spatial neighbours, only their own "
                        + "previous and next time steps");
            }
        }
    }

    /**
     * The outcome for one study cell.
     *
     * @param cell       grid cell index
     * @param category   the emerging hot spot category
     * @param trend      Mann-Kendall test of the cell's Gi* z-scores over time
     * @param hotBins    number of steps in which the cell is a significant hot spot (at binAlpha)
     * @param coldBins   number of steps in which it is a significant cold spot
     * @param finalClass the Gi* class of its final time step
     */
    public record Location(int cell, EmergingCategory category, MannKendall.Result trend, int hotBins, int coldBins,
                           HotSpotClass finalClass) {
    }

    /**
     * Per-bin arrays are {@code [step][cell]} over the whole grid: NaN (z, p) or null (class) outside the
     * study mask. Arrays are not copied: treat them as read-only.
     *
     * @param grid       the grid
     * @param steps      number of time steps
     * @param parameters the parameters used
     * @param n          number of study cells (locations); the cube has {@code n * steps} bins
     * @param mean       mean count per bin over the cube's study bins
     * @param sd         population standard deviation of the counts per bin
     * @param z          space-time Gi* z-score per bin (uncorrected)
     * @param p          two-sided p-value per bin (uncorrected)
     * @param classes    FDR-corrected hot spot class per bin
     * @param thresholds critical p-values of the bins (FDR over the whole cube)
     * @param locations  one entry per study cell, in cell order
     * @param warnings   human-readable messages (empty when all is well)
     */
    public record Result(SquareGrid grid, int steps, Parameters parameters, int n, double mean, double sd,
                         double[][] z, double[][] p, HotSpotClass[][] classes, FalseDiscoveryRate.Thresholds thresholds,
                         List<Location> locations, List<String> warnings) {

        /** Number of locations in each category, indexed by {@link EmergingCategory#ordinal()}. */
        public int[] categoryCounts() {
            int[] out = new int[EmergingCategory.values().length];
            for (Location l : locations) {
                out[l.category().ordinal()]++;
            }
            return out;
        }
    }
}
