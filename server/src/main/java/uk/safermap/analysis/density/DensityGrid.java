package uk.safermap.analysis.density;

import org.locationtech.jts.geom.Envelope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A density surface on a regular grid of square cells in British National Grid metres: the
 * value of each cell is the density at its centre, in incidents per square kilometre, so maps at
 * different cell sizes compare.
 *
 * <p>Cells are stored row by row from the south-west corner: cell (i, j) covers
 * [originX + i*cell, originX + (i+1)*cell) x [originY + j*cell, originY + (j+1)*cell), and its
 * value is {@code perKm2[j * nx + i]}.
 *
 * <p>The array is not copied, for a four-million-cell grid is 32 MB: treat it as read-only. With
 * that, instances are immutable and thread-safe.
 *
 * @param originX         west edge of the grid, metres
 * @param originY         south edge of the grid, metres
 * @param cellMetres      side of a cell, metres
 * @param nx              cells west to east
 * @param ny              cells south to north
 * @param perKm2          the density at each cell centre, incidents per km^2, never negative
 * @param bandwidthMetres the kernel radius h used
 * @param bandwidthRule   "given", or the rule that chose h with its numbers
 * @param incidents       the (weighted) number of incidents given to the estimator
 * @param method          how the sum was evaluated
 * @param notes           decisions and warnings to show with the map (defaults taken, floors applied)
 */
public record DensityGrid(double originX, double originY, double cellMetres, int nx, int ny, double[] perKm2,
                          double bandwidthMetres, String bandwidthRule, double incidents,
                          KernelDensity.Method method, List<String> notes) {

    public DensityGrid {
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("nx and ny must be at least 1, got " + nx + " x " + ny);
        }
        if (!(cellMetres > 0)) {
            throw new IllegalArgumentException("cellMetres must be > 0, got " + cellMetres);
        }
        Objects.requireNonNull(perKm2, "perKm2");
        if (perKm2.length != (long) nx * ny) {
            throw new IllegalArgumentException("perKm2 has " + perKm2.length + " values for " + nx + " x " + ny + " cells");
        }
        notes = List.copyOf(notes);
    }

    /** The same surface with one more note. */
    public DensityGrid withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new DensityGrid(originX, originY, cellMetres, nx, ny, perKm2, bandwidthMetres, bandwidthRule, incidents,
                method, more);
    }

    /** The value of cell (i, j), per km^2. */
    public double value(int i, int j) {
        return perKm2[j * nx + i];
    }

    /** Easting of the centre of column i. */
    public double centreX(int i) {
        return originX + (i + 0.5) * cellMetres;
    }

    /** Northing of the centre of row j. */
    public double centreY(int j) {
        return originY + (j + 0.5) * cellMetres;
    }

    /** The area the grid covers, BNG metres. */
    public Envelope envelope() {
        return new Envelope(originX, originX + nx * cellMetres, originY, originY + ny * cellMetres);
    }

    /**
     * The density at (x, y) in BNG metres, per km^2, interpolated bilinearly between the four
     * nearest cell centres; the edge value within half a cell of the edge; 0 outside the grid.
     */
    public double valueAt(double x, double y) {
        double fx = (x - originX) / cellMetres;
        double fy = (y - originY) / cellMetres;
        if (!(fx >= 0 && fx <= nx && fy >= 0 && fy <= ny)) {
            return 0;
        }
        fx = Math.min(Math.max(fx - 0.5, 0), nx - 1);
        fy = Math.min(Math.max(fy - 0.5, 0), ny - 1);
        int i = Math.min((int) fx, Math.max(nx - 2, 0));
        int j = Math.min((int) fy, Math.max(ny - 2, 0));
        double tx = fx - i;
        double ty = fy - j;
        int i1 = Math.min(i + 1, nx - 1);
        int j1 = Math.min(j + 1, ny - 1);
        double south = perKm2[j * nx + i] * (1 - tx) + perKm2[j * nx + i1] * tx;
        double north = perKm2[j1 * nx + i] * (1 - tx) + perKm2[j1 * nx + i1] * tx;
        return south * (1 - ty) + north * ty;
    }

    /** The largest cell value, per km^2. */
    public double max() {
        double m = 0;
        for (double v : perKm2) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The integral of the surface (sum of cells times cell area), in incidents. */
    public double total() {
        double s = 0;
        for (double v : perKm2) {
            s += v;
        }
        return s * cellMetres * cellMetres / QuarticKernel.SQUARE_METRES_PER_KM2;
    }

    /** How many cells have a density above zero. */
    public int positiveCells() {
        int c = 0;
        for (double v : perKm2) {
            if (v > 0) {
                c++;
            }
        }
        return c;
    }

    /**
     * The q-th percentile (0..100) of the positive cell values, per km^2, interpolating linearly
     * between order statistics (numpy's default); NaN when no cell is positive. O(cells), about
     * 30 ms for four million cells.
     */
    public double percentile(double q) {
        return percentiles(q)[0];
    }

    /** Several percentiles (0..100) of the positive cells in one pass; see {@link #percentile}. */
    public double[] percentiles(double... qs) {
        for (double q : qs) {
            if (!(q >= 0 && q <= 100)) {
                throw new IllegalArgumentException("percentile must be between 0 and 100, got " + q);
            }
        }
        return Selection.percentilesOfPositive(perKm2, qs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DensityGrid g && g.originX == originX && g.originY == originY
                && g.cellMetres == cellMetres && g.nx == nx && g.ny == ny && Arrays.equals(g.perKm2, perKm2)
                && g.bandwidthMetres == bandwidthMetres && g.bandwidthRule.equals(bandwidthRule)
                && g.incidents == incidents && g.method == method && g.notes.equals(notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(originX, originY, cellMetres, nx, ny, Arrays.hashCode(perKm2), bandwidthMetres,
                bandwidthRule, incidents, method, notes);
    }

    /** A summary; the cell values are left out because there may be millions. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "DensityGrid[origin=(%.1f, %.1f), cell=%.2f m, %d x %d, h=%.1f m (%s), incidents=%.6g, method=%s]",
                originX, originY, cellMetres, nx, ny, bandwidthMetres, bandwidthRule, incidents, method);
    }
}
