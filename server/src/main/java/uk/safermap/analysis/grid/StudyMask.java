package uk.safermap.analysis.grid;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The cells of a {@link SquareGrid} that take part in an analysis: those whose <em>centre</em> lies in
 * the study area (interior or boundary). Cells outside the mask are left out entirely: their counts are
 * not used, they are nobody's neighbours and they get no statistic. The mask therefore decides which
 * zero-count cells take part, and so what the mean the z-scores compare against is.
 *
 * <p>Centres are tested with JTS's {@link IndexedPointInAreaLocator} (the locator a
 * {@code PreparedPolygon} uses: an interval tree over the ring edges, O(log edges) per test), and only
 * for cells whose centre falls in the geometry's envelope. Non-areal geometries fall back to a
 * {@link PreparedGeometry} intersects test. Time O(cells in envelope * log edges).
 *
 * <p>The array is shared, not copied: treat it as read-only. Thread-safe as a value.
 *
 * @param grid   the grid
 * @param inside per cell, whether it takes part
 * @param size   number of cells taking part
 */
public record StudyMask(SquareGrid grid, boolean[] inside, int size) {

    private static final int BNG_SRID = 27700;

    public StudyMask {
        if (inside.length != grid.cellCount()) {
            throw new IllegalArgumentException("mask has " + inside.length + " cells, the grid " + grid.cellCount());
        }
    }

    /** A mask from an array (copied); handy for tests and for masks built elsewhere. */
    public static StudyMask of(SquareGrid grid, boolean[] inside) {
        boolean[] copy = inside.clone();
        return new StudyMask(grid, copy, countTrue(copy));
    }

    /** Every cell of the grid takes part. */
    public static StudyMask all(SquareGrid grid) {
        boolean[] inside = new boolean[grid.cellCount()];
        java.util.Arrays.fill(inside, true);
        return new StudyMask(grid, inside, inside.length);
    }

    /**
     * The cells whose centre lies in the study area (interior or boundary).
     *
     * @param studyArea the area in EPSG:27700 metres; SRID 0 (unset) or 27700
     * @throws IllegalArgumentException if the geometry has another SRID (it is not in grid metres)
     */
    public static StudyMask of(SquareGrid grid, Geometry studyArea) {
        if (studyArea.getSRID() != 0 && studyArea.getSRID() != BNG_SRID) {
            throw new IllegalArgumentException("the study area must be in British National Grid metres (EPSG:27700), had SRID "
                    + studyArea.getSRID());
        }
        boolean[] inside = new boolean[grid.cellCount()];
        if (studyArea.isEmpty()) {
            return new StudyMask(grid, inside, 0);
        }
        CentreTest test = centreTest(studyArea);
        Envelope env = studyArea.getEnvelopeInternal();
        double cell = grid.cellMetres();
        // Only centres inside the envelope can be inside the area: col range from the envelope.
        int c0 = Math.max(0, (int) Math.floor((env.getMinX() - grid.originX()) / cell - 0.5));
        int c1 = Math.min(grid.nx() - 1, (int) Math.ceil((env.getMaxX() - grid.originX()) / cell - 0.5));
        int r0 = Math.max(0, (int) Math.floor((env.getMinY() - grid.originY()) / cell - 0.5));
        int r1 = Math.min(grid.ny() - 1, (int) Math.ceil((env.getMaxY() - grid.originY()) / cell - 0.5));
        Coordinate centre = new Coordinate();
        int size = 0;
        for (int r = r0; r <= r1; r++) {
            centre.y = grid.originY() + (r + 0.5) * cell;
            for (int c = c0; c <= c1; c++) {
                centre.x = grid.originX() + (c + 0.5) * cell;
                if (test.covers(centre)) {
                    inside[grid.index(c, r)] = true;
                    size++;
                }
            }
        }
        return new StudyMask(grid, inside, size);
    }

    /** Whether cell {@code i} takes part. */
    public boolean contains(int i) {
        return inside[i];
    }

    /** The indexes of the cells taking part, ascending. */
    public int[] cells() {
        int[] out = new int[size];
        int k = 0;
        for (int i = 0; i < inside.length; i++) {
            if (inside[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    private interface CentreTest {
        boolean covers(Coordinate c);
    }

    private static CentreTest centreTest(Geometry area) {
        if (area instanceof Polygonal) {
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
            return c -> locator.locate(c) != Location.EXTERIOR;
        }
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        GeometryFactory factory = area.getFactory();
        return c -> prepared.intersects(factory.createPoint(c));
    }

    private static int countTrue(boolean[] a) {
        int n = 0;
        for (boolean b : a) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
