package uk.safermap.analysis.grid;

import java.util.Arrays;

/**
 * A fixed distance band on a {@link SquareGrid} as a stencil of cell offsets: cell {@code j} is a
 * neighbour of cell {@code i} when the distance between their centres is at most the band
 * (the cell itself included, distance 0). On a regular grid that set is the same for every cell, a
 * disc of lattice offsets, stored as one half-width per row offset.
 *
 * <p>Distances are compared with a relative tolerance of {@value #TOLERANCE}: a band equal to a
 * lattice distance (300 m on a 100 m grid reaches (3, 0); 141.42 m does not reach the diagonal
 * 141.421 m, but {@code 100 * Math.sqrt(2)} does) includes it whatever the rounding of the inputs.
 *
 * <p>{@link #windowSums} computes, for every cell, the sum of a value over its in-mask neighbours from
 * prefix sums along rows: time O(cells * (2R + 1)) for a stencil of radius R cells, whatever the
 * number of points. Immutable and thread-safe; each call allocates its own scratch arrays.
 */
public final class BandStencil {

    /** Relative tolerance on the band: centres at most {@code band * (1 + TOLERANCE)} apart are neighbours. */
    public static final double TOLERANCE = 1e-9;

    private final SquareGrid grid;
    private final double bandMetres;
    private final int radius;
    private final int[] halfWidth;
    private final int size;

    private BandStencil(SquareGrid grid, double bandMetres) {
        this.grid = grid;
        this.bandMetres = bandMetres;
        double r = bandMetres / grid.cellMetres() * (1 + TOLERANCE);
        double limit = r * r;
        // Offsets beyond the grid can never hold a cell, so the stencil need not be larger than the grid.
        int max = Math.max(grid.nx(), grid.ny());
        radius = (int) Math.min(max, Math.floor(r));
        halfWidth = new int[2 * radius + 1];
        int cells = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            long dy2 = (long) dy * dy;
            // sqrt gives the answer to within one; the integer checks settle it exactly.
            long dx = (long) Math.floor(Math.sqrt(Math.max(0, limit - dy2)));
            while (dx > 0 && dx * dx + dy2 > limit) {
                dx--;
            }
            while ((dx + 1) * (dx + 1) + dy2 <= limit && dx < max) {
                dx++;
            }
            int hw = (int) Math.min(dx, max);
            halfWidth[dy + radius] = hw;
            cells += 2 * hw + 1;
        }
        size = cells;
    }

    /**
     * The stencil of all cells within {@code bandMetres} of a cell centre.
     *
     * @param bandMetres the distance band, metres (finite, &gt;= 0; below the cell size only the cell itself)
     */
    public static BandStencil of(SquareGrid grid, double bandMetres) {
        if (!(bandMetres >= 0) || !Double.isFinite(bandMetres)) {
            throw new IllegalArgumentException("bandMetres must be a finite number >= 0, was " + bandMetres);
        }
        return new BandStencil(grid, bandMetres);
    }

    public SquareGrid grid() {
        return grid;
    }

    public double bandMetres() {
        return bandMetres;
    }

    /** The largest row (or column) offset in the stencil, cells. */
    public int radiusCells() {
        return radius;
    }

    /** The largest column offset at row offset {@code dy} ({@code |dy| <= radiusCells()}). */
    public int halfWidth(int dy) {
        return halfWidth[dy + radius];
    }

    /** Number of offsets in the stencil, the cell itself included: the neighbour count of an interior cell. */
    public int size() {
        return size;
    }

    /**
     * For every cell {@code i}, the sum of {@code values[j]} over the cells {@code j} within the band
     * of {@code i} that are in the mask ({@code i} itself included if it is). Cells outside the mask
     * get a sum too (of their in-mask neighbours); callers usually ignore them.
     *
     * @param values one value per grid cell
     * @param mask   which cells count, one per grid cell
     * @param out    receives the sums (length = cells); returned
     */
    public double[] windowSums(double[] values, boolean[] mask, double[] out) {
        int nx = grid.nx();
        int ny = grid.ny();
        int stride = nx + 1;
        double[] prefix = new double[ny * stride];
        for (int r = 0; r < ny; r++) {
            int base = r * nx;
            int pb = r * stride;
            double run = 0;
            for (int c = 0; c < nx; c++) {
                if (mask[base + c]) {
                    run += values[base + c];
                }
                prefix[pb + c + 1] = run;
            }
        }
        Arrays.fill(out, 0, grid.cellCount(), 0.0);
        for (int r = 0; r < ny; r++) {
            int base = r * nx;
            int dyLo = Math.max(-radius, -r);
            int dyHi = Math.min(radius, ny - 1 - r);
            for (int dy = dyLo; dy <= dyHi; dy++) {
                int hw = halfWidth[dy + radius];
                int pb = (r + dy) * stride;
                for (int c = 0; c < nx; c++) {
                    int lo = Math.max(0, c - hw);
                    int hi = Math.min(nx, c + hw + 1);
                    out[base + c] += prefix[pb + hi] - prefix[pb + lo];
                }
            }
        }
        return out;
    }

    /**
     * For every cell, the number of in-mask cells within the band (itself included if in the mask):
     * the Gi* weight sum W_i. Cells near the grid or mask edge have fewer than {@link #size()}.
     */
    public int[] neighbourCounts(boolean[] mask) {
        // The window sum of ones over the mask: exact in doubles for any realistic count.
        double[] ones = new double[grid.cellCount()];
        Arrays.fill(ones, 1.0);
        double[] sums = windowSums(ones, mask, new double[grid.cellCount()]);
        int[] out = new int[sums.length];
        for (int i = 0; i < sums.length; i++) {
            out[i] = (int) Math.round(sums[i]);
        }
        return out;
    }
}
