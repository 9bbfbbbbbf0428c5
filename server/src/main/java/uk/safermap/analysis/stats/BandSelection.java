package uk.safermap.analysis.stats;

import uk.safermap.analysis.grid.BandStencil;
import uk.safermap.analysis.grid.CellCounts;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the Gi* distance band when the user gives none, the way ArcGIS Optimized Hot Spot Analysis
 * does for aggregated incidents, and says which rule decided and why.
 *
 * <p><b>Rule 1, {@link Rule#ISA_FIRST_PEAK}</b> (incremental spatial autocorrelation): global Moran's
 * I ({@link GlobalMoransI}, randomisation z-score) at bands of 1, 2, ..., {@code steps} cells
 * (default {@value #DEFAULT_STEPS}). The band is the first <em>peak</em>: a tried band whose z-score is
 * strictly greater than the z-scores of the bands just before and after it and is statistically
 * significant (z &gt; {@value #PEAK_MIN_Z}, two-sided 5 %). The first and last bands cannot be peaks,
 * because it is unknown what lies beyond them. This is the scale at which clustering is most
 * pronounced before it starts to fade.
 *
 * <p><b>Rule 2, {@link Rule#MIN_8_NEIGHBOURS}</b>, when there is no peak (z-scores only rising or only
 * falling, none significant, or Moran's I undefined because all counts are equal): the smallest multiple
 * of the cell giving every study cell at least {@value #MIN_NEIGHBOURS} neighbours besides itself. That
 * is the ArcGIS rule of thumb for distance bands ("each feature should have at least eight neighbours");
 * cells at the study area edge and in narrow parts set it. If the study area has fewer than
 * {@value #MIN_NEIGHBOURS} + 1 cells the band reaching every cell is used, with a warning.
 *
 * <p>Time O(steps^2 * cells) for the Moran's I series (each band costs O(cells * (2k + 1))) plus
 * O(cells * R * log R) for the fallback's binary search. An instance is immutable and thread-safe.
 */
public final class BandSelection {

    public static final int DEFAULT_STEPS = 10;
    public static final int MAX_STEPS = 50;
    public static final double PEAK_MIN_Z = 1.96;
    public static final int MIN_NEIGHBOURS = 8;

    /** Which rule chose the band. */
    public enum Rule {
        ISA_FIRST_PEAK("isa-first-peak"),
        MIN_8_NEIGHBOURS("min-8-neighbours");

        private final String slug;

        Rule(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    private final StudyMask mask;
    private final int steps;

    /**
     * @param mask  the study cells
     * @param steps number of bands tried, 3..{@value #MAX_STEPS} (a peak needs a band either side)
     */
    public BandSelection(StudyMask mask, int steps) {
        if (steps < 3 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be in 3.." + MAX_STEPS + ", was " + steps);
        }
        this.mask = mask;
        this.steps = steps;
    }

    /** The band for the counts over the study mask, trying {@value #DEFAULT_STEPS} bands. */
    public static Result select(CellCounts counts, StudyMask mask) {
        if (!counts.grid().equals(mask.grid())) {
            throw new IllegalArgumentException("counts and mask must be on the same grid: " + counts.grid() + " vs " + mask.grid());
        }
        return new BandSelection(mask, DEFAULT_STEPS).compute(counts.counts());
    }

    /**
     * The chosen band and the evidence for it.
     *
     * @param values one per grid cell (counts); cells outside the mask are ignored
     */
    public Result compute(double[] values) {
        SquareGrid grid = mask.grid();
        if (values.length != grid.cellCount()) {
            throw new IllegalArgumentException("values must have one entry per grid cell: " + values.length + " for " + grid.cellCount());
        }
        double cell = grid.cellMetres();
        double[] bands = new double[steps];
        double[] moransI = new double[steps];
        double[] z = new double[steps];
        for (int k = 1; k <= steps; k++) {
            bands[k - 1] = k * cell;
            GlobalMoransI.Result r = GlobalMoransI.compute(values, mask, BandStencil.of(grid, k * cell));
            moransI[k - 1] = r.moransI();
            z[k - 1] = r.z();
        }
        List<String> messages = new ArrayList<>();
        int peak = firstPeak(z);
        if (peak >= 0) {
            String reason = String.format(Locale.ROOT, "first significant peak of Moran's I z-score (z = %.2f) among %d "
                    + "bands of %s to %s m: clustering is most pronounced at %s m", z[peak], steps,
                    GetisOrdGiStar.fmt(bands[0]), GetisOrdGiStar.fmt(bands[steps - 1]), GetisOrdGiStar.fmt(bands[peak]));
            return new Result(bands[peak], Rule.ISA_FIRST_PEAK, reason, bands, moransI, z, List.of());
        }
        Fallback f = minNeighbourBand(messages);
        String why = allUndefined(z) ? "Moran's I is undefined (fewer than 4 cells, or all counts equal)"
                : "no significant peak of Moran's I z-score among " + steps + " bands of " + GetisOrdGiStar.fmt(bands[0])
                + " to " + GetisOrdGiStar.fmt(bands[steps - 1]) + " m";
        String reason = why + "; smallest multiple of the cell giving every study cell at least " + MIN_NEIGHBOURS
                + " neighbours" + f.detail;
        return new Result(f.band, Rule.MIN_8_NEIGHBOURS, reason, bands, moransI, z, List.copyOf(messages));
    }

    /** Index of the first interior strict local maximum above {@link #PEAK_MIN_Z}, or -1. */
    static int firstPeak(double[] z) {
        for (int k = 1; k + 1 < z.length; k++) {
            // NaN compares false, so an undefined band is never a peak nor makes its neighbour one.
            if (z[k] > PEAK_MIN_Z && z[k] > z[k - 1] && z[k] > z[k + 1]) {
                return k;
            }
        }
        return -1;
    }

    private static boolean allUndefined(double[] z) {
        for (double v : z) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    private record Fallback(double band, String detail) {
    }

    private Fallback minNeighbourBand(List<String> messages) {
        SquareGrid grid = mask.grid();
        double cell = grid.cellMetres();
        int n = mask.size();
        // A band of ceil(diagonal) cells reaches every cell from every cell.
        int hi = (int) Math.ceil(Math.hypot(grid.nx(), grid.ny()));
        if (n <= MIN_NEIGHBOURS) {
            messages.add("only " + n + " study cells: no band gives " + MIN_NEIGHBOURS
                    + " neighbours, so the band reaching every cell is used and Gi* cannot find hot spots");
            return new Fallback(Math.max(1, hi) * cell, " (impossible with " + n + " cells)");
        }
        // The minimum neighbour count never falls as the band grows, so a binary search finds the smallest.
        int lo = 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (weakest(mid).count >= MIN_NEIGHBOURS + 1) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Weakest before = lo > 1 ? weakest(lo - 1) : null;
        String detail = "";
        if (before != null) {
            detail = String.format(Locale.ROOT, " (at %s m the cell centred %.0f, %.0f had only %d)",
                    GetisOrdGiStar.fmt((lo - 1) * cell), grid.centreX(before.cell), grid.centreY(before.cell), before.count - 1);
        }
        return new Fallback(lo * cell, detail);
    }

    /** The study cell with the fewest study cells (itself included) within k cells. */
    private record Weakest(int cell, int count) {
    }

    private Weakest weakest(int k) {
        int[] w = BandStencil.of(mask.grid(), k * mask.grid().cellMetres()).neighbourCounts(mask.inside());
        boolean[] in = mask.inside();
        int best = -1;
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < w.length; i++) {
            if (in[i] && w[i] < min) {
                min = w[i];
                best = i;
            }
        }
        return new Weakest(best, min);
    }

    /**
     * The chosen band and the evidence.
     *
     * @param bandMetres  the band to use, metres (a multiple of the cell)
     * @param rule        which rule decided
     * @param reason      one sentence saying why, for the tool messages
     * @param triedBands  the bands tried by incremental spatial autocorrelation, metres
     * @param moransI     Moran's I per tried band (NaN when undefined)
     * @param moransZ     Moran's I z-score per tried band (NaN when undefined)
     * @param warnings    further messages (empty when all is well)
     */
    public record Result(double bandMetres, Rule rule, String reason, double[] triedBands, double[] moransI,
                         double[] moransZ, List<String> warnings) {
    }
}
