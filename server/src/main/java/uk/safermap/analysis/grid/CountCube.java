package uk.safermap.analysis.grid;

/**
 * A space-time cube: points binned by cell of a {@link SquareGrid} and by time step (for example the
 * month index of a police.uk row), {@code counts[step][cell]}. Points outside the grid, with a NaN
 * coordinate or with a step outside {@code [0, steps)} are ignored and counted in {@link #outside}.
 *
 * <p>Time O(points + steps * cells). Arrays are shared, not copied: treat them as read-only.
 *
 * @param grid    the grid binned into
 * @param counts  {@code counts[step][cell]}, the number of points or sum of weights
 * @param binned  number of points that fell in a bin
 * @param outside number of points ignored
 */
public record CountCube(SquareGrid grid, double[][] counts, long binned, long outside) {

    public CountCube {
        if (counts.length < 1) {
            throw new IllegalArgumentException("a cube needs at least one time step");
        }
        for (double[] layer : counts) {
            if (layer.length != grid.cellCount()) {
                throw new IllegalArgumentException("every time step needs " + grid.cellCount() + " cells, one had " + layer.length);
            }
        }
    }

    /**
     * Bins the points {@code (x[k], y[k])} of time step {@code step[k]}.
     *
     * @param steps number of time steps (&gt;= 1); the cube has a layer for every step, empty or not
     * @throws IllegalArgumentException if the arrays differ in length or {@code steps < 1}
     */
    public static CountCube of(SquareGrid grid, double[] x, double[] y, int[] step, int steps) {
        return of(grid, x, y, step, steps, null);
    }

    /** As {@link #of(SquareGrid, double[], double[], int[], int)}, summing {@code weights} (null counts points). */
    public static CountCube of(SquareGrid grid, double[] x, double[] y, int[] step, int steps, double[] weights) {
        CellCounts.checkLengths(x, y, weights);
        if (step.length != x.length) {
            throw new IllegalArgumentException("step must have one index per point: " + step.length + " for " + x.length + " points");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        if ((long) steps * grid.cellCount() > SquareGrid.MAX_CELLS * 4) {
            throw new IllegalArgumentException(steps + " time steps of " + grid.cellCount() + " cells exceed the limit of "
                    + SquareGrid.MAX_CELLS * 4 + " bins; use a larger cell, a smaller area or fewer steps");
        }
        double[][] counts = new double[steps][grid.cellCount()];
        long binned = 0;
        for (int k = 0; k < x.length; k++) {
            int t = step[k];
            if (t < 0 || t >= steps) {
                continue;
            }
            int cell = grid.cellOf(x[k], y[k]);
            if (cell >= 0) {
                counts[t][cell] += weights == null ? 1.0 : weights[k];
                binned++;
            }
        }
        return new CountCube(grid, counts, binned, x.length - binned);
    }

    /** Number of time steps. */
    public int steps() {
        return counts.length;
    }

    /** The cube summed over time: one count per cell (for choosing a band, for example). */
    public CellCounts collapse() {
        double[] sum = new double[grid.cellCount()];
        for (double[] layer : counts) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += layer[i];
            }
        }
        return new CellCounts(grid, sum, binned, outside);
    }
}
