package uk.safermap.analysis.grid;

/**
 * Points binned into the cells of a {@link SquareGrid}: the number of points (or the sum of their
 * weights) per cell. Points outside the grid, or with a NaN coordinate, are ignored and counted in
 * {@link #outside}. Cells with no point hold 0, so every cell of the grid is present.
 *
 * <p>Time O(points + cells), one pass, no allocation besides the counts. The arrays are shared, not
 * copied: treat them as read-only.
 *
 * @param grid    the grid binned into
 * @param counts  per cell (index {@code row * nx + col}), the number of points or sum of weights
 * @param binned  number of points that fell in a cell
 * @param outside number of points ignored because they were outside the grid or not a number
 */
public record CellCounts(SquareGrid grid, double[] counts, long binned, long outside) {

    public CellCounts {
        if (counts.length != grid.cellCount()) {
            throw new IllegalArgumentException("counts has " + counts.length + " cells, the grid " + grid.cellCount());
        }
    }

    /** Counts the points {@code (x[k], y[k])} per cell. */
    public static CellCounts of(SquareGrid grid, double[] x, double[] y) {
        return of(grid, x, y, null);
    }

    /**
     * Sums {@code weights[k]} (for example a harm score) per cell; {@code weights == null} counts points.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a weight is not finite
     */
    public static CellCounts of(SquareGrid grid, double[] x, double[] y, double[] weights) {
        checkLengths(x, y, weights);
        double[] counts = new double[grid.cellCount()];
        long binned = 0;
        for (int k = 0; k < x.length; k++) {
            int cell = grid.cellOf(x[k], y[k]);
            if (cell >= 0) {
                counts[cell] += weights == null ? 1.0 : weights[k];
                binned++;
            }
        }
        return new CellCounts(grid, counts, binned, x.length - binned);
    }

    /**
     * Counts points already placed in cells by their distinct positions: position k is in cell
     * {@code cellOfPosition[k]} (by {@link SquareGrid#cellOf}, -1 outside) and holds
     * {@code pointsAt[k]} points. The same counts as {@link #of(SquareGrid, double[], double[])}
     * on the points' coordinates, in time O(positions + cells): police.uk snaps a million
     * incidents to a few thousand positions.
     */
    public static CellCounts ofCells(SquareGrid grid, int[] cellOfPosition, int[] pointsAt) {
        if (cellOfPosition.length != pointsAt.length) {
            throw new IllegalArgumentException("one count per position: " + cellOfPosition.length + " positions, "
                    + pointsAt.length + " counts");
        }
        double[] counts = new double[grid.cellCount()];
        long binned = 0;
        long outside = 0;
        for (int k = 0; k < cellOfPosition.length; k++) {
            if (cellOfPosition[k] >= 0) {
                counts[cellOfPosition[k]] += pointsAt[k];
                binned += pointsAt[k];
            } else {
                outside += pointsAt[k];
            }
        }
        return new CellCounts(grid, counts, binned, outside);
    }

    /** The sum over all cells: the number of points binned, or their total weight. */
    public double total() {
        double sum = 0;
        for (double c : counts) {
            sum += c;
        }
        return sum;
    }

    static void checkLengths(double[] x, double[] y, double[] weights) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, were " + x.length + " and " + y.length);
        }
        if (weights != null) {
            if (weights.length != x.length) {
                throw new IllegalArgumentException("weights must have one value per point: " + weights.length
                        + " weights for " + x.length + " points");
            }
            for (int k = 0; k < weights.length; k++) {
                if (!Double.isFinite(weights[k])) {
                    throw new IllegalArgumentException("weights must be finite numbers; weights[" + k + "] was " + weights[k]);
                }
            }
        }
    }
}
