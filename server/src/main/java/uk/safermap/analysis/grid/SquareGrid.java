package uk.safermap.analysis.grid;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A regular grid of square cells in British National Grid metres (EPSG:27700).
 *
 * <p>Cell {@code (col, row)} covers the half-open square
 * {@code [originX + col*cell, originX + (col+1)*cell) x [originY + row*cell, originY + (row+1)*cell)};
 * its index is {@code row * nx + col}, so row 0 is the southernmost and index 0 the south-west corner.
 * Grids made by {@link #covering} have their origin on a multiple of the cell size, so a 100 m grid
 * lines up with the OS 100 m squares and the same incident always falls in the same cell whatever the
 * area asked for (the cells of a ward's grid are cells of the borough's grid).
 *
 * <p>An immutable value, thread-safe.
 *
 * @param originX    easting of the south-west corner of cell 0, metres
 * @param originY    northing of the south-west corner of cell 0, metres
 * @param cellMetres side of a cell, metres (&gt; 0)
 * @param nx         number of columns (&gt;= 1)
 * @param ny         number of rows (&gt;= 1)
 */
public record SquareGrid(double originX, double originY, double cellMetres, int nx, int ny) {

    /**
     * The largest grid accepted: 10 million cells (a 100 m grid over 100 km by 100 km). Every analysis
     * keeps several arrays of this length, so a larger grid is a request mistake, not a workload.
     */
    public static final long MAX_CELLS = 10_000_000L;

    public SquareGrid {
        if (!(cellMetres > 0) || !Double.isFinite(cellMetres)) {
            throw new IllegalArgumentException("cellMetres must be a finite number > 0, was " + cellMetres);
        }
        if (!Double.isFinite(originX) || !Double.isFinite(originY)) {
            throw new IllegalArgumentException("grid origin must be finite, was " + originX + ", " + originY);
        }
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("grid needs nx >= 1 and ny >= 1, was " + nx + " x " + ny);
        }
        if ((long) nx * ny > MAX_CELLS) {
            throw new IllegalArgumentException("grid of " + nx + " x " + ny + " cells of " + cellMetres
                    + " m exceeds the limit of " + MAX_CELLS + " cells; use a larger cell or a smaller area");
        }
    }

    /**
     * The smallest grid aligned to multiples of {@code cellMetres} whose cells cover the envelope.
     * The origin is the envelope's minimum rounded down to a multiple of the cell; a maximum lying exactly
     * on a cell edge gets the next cell too, because cells are half-open and a point there belongs to it.
     *
     * @param bng        the area of interest in EPSG:27700 metres (not null, not empty)
     * @param cellMetres the cell side, metres (&gt; 0)
     * @throws IllegalArgumentException if the envelope is empty or the grid would exceed {@link #MAX_CELLS}
     */
    public static SquareGrid covering(Envelope bng, double cellMetres) {
        if (bng == null || bng.isNull()) {
            throw new IllegalArgumentException("the area to cover must be a non-empty envelope");
        }
        if (!(cellMetres > 0) || !Double.isFinite(cellMetres)) {
            throw new IllegalArgumentException("cellMetres must be a finite number > 0, was " + cellMetres);
        }
        double ox = Math.floor(bng.getMinX() / cellMetres) * cellMetres;
        double oy = Math.floor(bng.getMinY() / cellMetres) * cellMetres;
        double cols = Math.floor((bng.getMaxX() - ox) / cellMetres) + 1;
        double rows = Math.floor((bng.getMaxY() - oy) / cellMetres) + 1;
        if (cols * rows > MAX_CELLS) {
            throw new IllegalArgumentException("covering " + bng.getWidth() + " m x " + bng.getHeight()
                    + " m with " + cellMetres + " m cells needs " + (long) (cols * rows)
                    + " cells, more than the limit of " + MAX_CELLS + "; use a larger cell or a smaller area");
        }
        return new SquareGrid(ox, oy, cellMetres, (int) cols, (int) rows);
    }

    /** Number of cells, {@code nx * ny}. */
    public int cellCount() {
        return nx * ny;
    }

    /** The index of cell {@code (col, row)}; no range check beyond the arithmetic. */
    public int index(int col, int row) {
        return row * nx + col;
    }

    /** Column of cell {@code i}. */
    public int col(int i) {
        return i % nx;
    }

    /** Row of cell {@code i} (0 = southernmost). */
    public int row(int i) {
        return i / nx;
    }

    /** Easting of the centre of cell {@code i}, metres. */
    public double centreX(int i) {
        return originX + (col(i) + 0.5) * cellMetres;
    }

    /** Northing of the centre of cell {@code i}, metres. */
    public double centreY(int i) {
        return originY + (row(i) + 0.5) * cellMetres;
    }

    /**
     * The index of the cell containing {@code (x, y)}, or -1 when the point is outside the grid or not a
     * number. Division (not multiplication by a reciprocal) keeps points on cell edges in the right cell.
     */
    public int cellOf(double x, double y) {
        // The column is floor(fx); for fx >= 0 that is (int) fx, and floor(fx) is in [0, nx) exactly
        // when fx is (nx is whole), so no floor is taken: it is a call per point, not an
        // instruction, where the JIT does not make it one. Written so that NaN fails the test:
        // (int) NaN would be 0, a real cell.
        double fx = (x - originX) / cellMetres;
        double fy = (y - originY) / cellMetres;
        if (fx >= 0 && fx < nx && fy >= 0 && fy < ny) {
            return (int) fy * nx + (int) fx;
        }
        return -1;
    }

    /** The extent of the whole grid, metres. */
    public Envelope envelope() {
        return new Envelope(originX, originX + nx * cellMetres, originY, originY + ny * cellMetres);
    }

    /** The square of cell {@code i} as a closed counter-clockwise polygon, in the factory's SRID. */
    public Polygon cellPolygon(int i, GeometryFactory factory) {
        double x0 = originX + col(i) * cellMetres;
        double y0 = originY + row(i) * cellMetres;
        double x1 = x0 + cellMetres;
        double y1 = y0 + cellMetres;
        return factory.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
            new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }
}
