package uk.safermap.sample;

import java.util.List;

/**
 * Nearest-snap-point lookup on a uniform grid of {@value #CELL_METRES} m cells, searched in growing
 * square rings. It answers in constant time in town and within a few hundred cells in open country,
 * without allocating, which matters at a million lookups (a JTS STRtree nearest-neighbour query
 * allocates a priority queue each time). Ties go to the first point met in a fixed scan order, so
 * results are deterministic. Immutable and thread-safe.
 */
final class SnapIndex {

    static final double CELL_METRES = 100;

    private final double minX;
    private final double minY;
    private final int cols;
    private final int rows;
    /** Points of cell c are points[cellStart[c] .. cellStart[c + 1]), in their original order. */
    private final int[] cellStart;
    private final SnapPoint[] points;

    SnapIndex(List<SnapPoint> snapPoints) {
        if (snapPoints.isEmpty()) {
            throw new IllegalArgumentException("no snap points to index");
        }
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (SnapPoint p : snapPoints) {
            x0 = Math.min(x0, p.easting());
            y0 = Math.min(y0, p.northing());
            x1 = Math.max(x1, p.easting());
            y1 = Math.max(y1, p.northing());
        }
        minX = x0;
        minY = y0;
        cols = (int) ((x1 - x0) / CELL_METRES) + 1;
        rows = (int) ((y1 - y0) / CELL_METRES) + 1;
        cellStart = new int[cols * rows + 1];
        points = new SnapPoint[snapPoints.size()];
        fill(snapPoints);
    }

    /** A counting sort by cell, which keeps each cell's points in their original order. */
    private void fill(List<SnapPoint> snapPoints) {
        int[] cellOf = new int[snapPoints.size()];
        for (int i = 0; i < cellOf.length; i++) {
            SnapPoint p = snapPoints.get(i);
            cellOf[i] = row(p.northing()) * cols + col(p.easting());
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < cols * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] next = cellStart.clone();
        for (int i = 0; i < cellOf.length; i++) {
            points[next[cellOf[i]]++] = snapPoints.get(i);
        }
    }

    int size() {
        return points.length;
    }

    SnapPoint nearest(double easting, double northing) {
        int cx = col(easting);
        int cy = row(northing);
        SnapPoint best = null;
        double bestSq = Double.POSITIVE_INFINITY;
        int maxRing = Math.max(cols, rows);
        for (int ring = 0; ring <= maxRing; ring++) {
            for (int y = cy - ring; y <= cy + ring; y++) {
                if (y < 0 || y >= rows) {
                    continue;
                }
                boolean edgeRow = y == cy - ring || y == cy + ring;
                int step = edgeRow ? 1 : 2 * ring;
                for (int x = cx - ring; x <= cx + ring; x += Math.max(step, 1)) {
                    if (x < 0 || x >= cols) {
                        continue;
                    }
                    int cell = y * cols + x;
                    for (int i = cellStart[cell]; i < cellStart[cell + 1]; i++) {
                        SnapPoint p = points[i];
                        double dx = p.easting() - easting;
                        double dy = p.northing() - northing;
                        double dSq = dx * dx + dy * dy;
                        if (dSq < bestSq) {
                            bestSq = dSq;
                            best = p;
                        }
                    }
                }
            }
            // Every cell in a later ring is at least ring * CELL_METRES from the query's cell, hence from the query.
            double reach = ring * CELL_METRES;
            if (best != null && bestSq <= reach * reach) {
                return best;
            }
        }
        return best;
    }

    private int col(double easting) {
        return clamp((int) Math.floor((easting - minX) / CELL_METRES), cols);
    }

    private int row(double northing) {
        return clamp((int) Math.floor((northing - minY) / CELL_METRES), rows);
    }

    private static int clamp(int i, int size) {
        return Math.max(0, Math.min(size - 1, i));
    }
}
