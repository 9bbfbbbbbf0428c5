package uk.safermap.analysis.cluster;

import uk.safermap.geo.DistinctPoints;

import java.util.Arrays;

/**
 * The input points of a {@link Dbscan} run bucketed into square cells and, within each cell,
 * collapsed into <em>sites</em> (distinct coordinates, each weighted by how many points share
 * it), with each cell's list of nearby cells. Immutable once built; built and used by one run.
 *
 * <p>Every distance decision goes through {@link #within}: {@code dx*dx + dy*dy <= eps*eps} in
 * double arithmetic, the same expression as a brute-force DBSCAN. The shortcuts taken on cell
 * bounding boxes ({@link #tight}, {@link #mayReach}, {@link #reachesAll}, and leaving out far
 * cells from the neighbour lists) are exact, not approximately right: IEEE rounding is monotone,
 * so a difference, square or sum computed from a box edge bounds the same expression computed
 * from any point inside the box. Points near the eps boundary or a cell edge are never misjudged.
 *
 * <p>Neighbours are searched 2 columns and rows either side, corners included: cells of side
 * eps/sqrt(2) whose corners touch diagonally across one cell are exactly eps apart, so in real
 * arithmetic the 21-cell pattern of the papers suffices, but rounding of the cell edges can put
 * two points within eps into such corner cells.
 *
 * <p>Memory layout is for the cache: points are counting-sorted by cell, cells are numbered row
 * by row, and duplicates are found within each cell, so a million points in time order cost few
 * random memory accesses.
 */
final class SiteGrid {

    /** Neighbour cells are looked up this many columns and rows either side. */
    private static final int REACH = 2;
    /** Cells with at most this many points find duplicates by comparing, larger ones by hashing. */
    private static final int SMALL_CELL = 8;

    final double epsSq;
    final int pointCount;

    final int siteCount;
    /** Site coordinates, weights and smallest input index; the sites of a cell are consecutive. */
    final double[] siteX;
    final double[] siteY;
    final int[] weight;
    final int[] firstIndex;
    /** The site of each input point. */
    final int[] siteOfPoint;

    final int cellCount;
    /** The sites of cell c are cellStart[c] .. cellStart[c + 1] - 1. */
    final int[] cellStart;
    final int[] cellWeight;
    /** Bounding box of the sites of cell c: box[4c .. 4c + 3] = minX, minY, maxX, maxY. */
    final double[] box;
    /** Whether every two sites of the cell are within eps of each other. */
    final boolean[] tight;
    /**
     * Other cells that may hold sites within eps of cell c:
     * neighbours[neighbourStart[c] .. neighbourStart[c + 1] - 1].
     */
    final int[] neighbourStart;
    final int[] neighbours;

    /** The sites of a grid's points, cell by cell, before the cells are summarised. */
    private record Layout(CellIndex cells, int[] cellStart, double[] x, double[] y, int[] weight, int[] first,
                          int[] siteOfPoint) {
    }

    private SiteGrid(double eps, Layout layout) {
        epsSq = eps * eps;
        pointCount = layout.siteOfPoint().length;
        siteOfPoint = layout.siteOfPoint();
        siteCount = layout.x().length;
        siteX = layout.x();
        siteY = layout.y();
        weight = layout.weight();
        firstIndex = layout.first();
        cellCount = layout.cells().count();
        cellStart = layout.cellStart();
        cellWeight = new int[cellCount];
        box = new double[4 * cellCount];
        tight = new boolean[cellCount];
        summariseCells();
        neighbourStart = new int[cellCount + 1];
        neighbours = findNeighbours(layout.cells());
    }

    /**
     * The grid of the points {@code (x[i], y[i])}.
     *
     * @param cellSide cell side in metres; at most eps / sqrt(2) keeps the cells tight (and is what
     *     {@link Dbscan} uses), and at most eps keeps every neighbour within {@value #REACH} cells
     */
    static SiteGrid of(double[] x, double[] y, double eps, double cellSide) {
        int n = x.length;
        CellIndex cells = new CellIndex(bounds(x, y), cellSide, eps, n);
        int[] cellOfPoint = cellOf(cells, x, y);
        int[] pointStart = byCell(cells, cellOfPoint);
        Points sorted = new Points(x, y, cellOfPoint, pointStart);

        int[] siteOfPoint = cellOfPoint; // each entry is read above before it is overwritten below
        int cellCount = cells.count();
        int[] cellStart = new int[cellCount + 1];
        Sites sites = new Sites(n);
        for (int c = 0; c < cellCount; c++) {
            cellStart[c] = sites.count;
            sites.collapse(sorted, pointStart[c], pointStart[c + 1], siteOfPoint);
        }
        cellStart[cellCount] = sites.count;
        int m = sites.count;
        return new SiteGrid(eps, new Layout(cells, cellStart, Arrays.copyOf(sites.x, m), Arrays.copyOf(sites.y, m),
                Arrays.copyOf(sites.weight, m), Arrays.copyOf(sites.first, m), siteOfPoint));
    }

    /**
     * The grid of points whose distinct positions are already known ({@link DistinctPoints},
     * which a caller may keep for several runs over the same points): only the positions are
     * bucketed, and each point is then given its position's site in one pass. With police.uk's
     * snapping (a few thousand positions for a million incidents) that replaces bucketing and
     * collapsing every point. The sites, their order and weights are those {@link #of(double[],
     * double[], double, double)} gives: positions are numbered by first occurrence, so a stable
     * sort by cell keeps each cell's sites in order of their first point.
     */
    static SiteGrid of(DistinctPoints at, double eps, double cellSide) {
        double[] px = at.x();
        double[] py = at.y();
        int positions = px.length;
        CellIndex cells = new CellIndex(bounds(px, py), cellSide, eps, positions);
        int[] cellOfPosition = cellOf(cells, px, py);
        int[] cellStart = byCell(cells, cellOfPosition);
        int[] count = at.counts();
        int[] firstPoint = at.firstPoints();
        double[] x = new double[positions];
        double[] y = new double[positions];
        int[] weight = new int[positions];
        int[] first = new int[positions];
        int[] siteOfPosition = new int[positions];
        int[] next = Arrays.copyOf(cellStart, cells.count());
        for (int p = 0; p < positions; p++) {
            int s = next[cellOfPosition[p]]++;
            // + 0.0 turns -0.0 into 0.0, as for points.
            x[s] = px[p] + 0.0;
            y[s] = py[p] + 0.0;
            weight[s] = count[p];
            first[s] = firstPoint[p];
            siteOfPosition[p] = s;
        }
        return new SiteGrid(eps, new Layout(cells, cellStart, x, y, weight, first, at.perPoint(siteOfPosition)));
    }

    /** Each item's cell, adding the cells to the index as they are met. */
    private static int[] cellOf(CellIndex cells, double[] x, double[] y) {
        int[] cell = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            cell[i] = cells.findOrAdd(cells.column(x[i]), cells.row(y[i]));
        }
        return cell;
    }

    /**
     * Numbers the cells row by row, renumbering each item's cell, and answers where each cell's
     * items start in cell order (one entry more than the cells, the last the item count).
     */
    private static int[] byCell(CellIndex cells, int[] cellOfItem) {
        int[] newId = cells.renumberRowByRow();
        int cellCount = cells.count();
        int[] start = new int[cellCount + 1];
        for (int i = 0; i < cellOfItem.length; i++) {
            cellOfItem[i] = newId[cellOfItem[i]];
            start[cellOfItem[i] + 1]++;
        }
        for (int c = 0; c < cellCount; c++) {
            start[c + 1] += start[c];
        }
        return start;
    }

    /** The DBSCAN neighbourhood predicate, exactly as a brute-force implementation evaluates it. */
    boolean within(int s, int t) {
        double dx = siteX[s] - siteX[t];
        double dy = siteY[s] - siteY[t];
        return dx * dx + dy * dy <= epsSq;
    }

    /** False only if no site of the cell can be within eps of site s. */
    boolean mayReach(int s, int cell) {
        double px = siteX[s];
        double py = siteY[s];
        int b = 4 * cell;
        double dx = px < box[b] ? box[b] - px : px > box[b + 2] ? px - box[b + 2] : 0;
        double dy = py < box[b + 1] ? box[b + 1] - py : py > box[b + 3] ? py - box[b + 3] : 0;
        return dx * dx + dy * dy <= epsSq;
    }

    /** True only if every site of the cell is within eps of site s. */
    boolean reachesAll(int s, int cell) {
        double px = siteX[s];
        double py = siteY[s];
        int b = 4 * cell;
        double dx = Math.max(Math.abs(px - box[b]), Math.abs(px - box[b + 2]));
        double dy = Math.max(Math.abs(py - box[b + 1]), Math.abs(py - box[b + 3]));
        return dx * dx + dy * dy <= epsSq;
    }

    /** True only if every site of cell a is within eps of every site of cell b. */
    boolean cellReachesAll(int a, int b) {
        int i = 4 * a;
        int j = 4 * b;
        double dx = Math.max(Math.abs(box[i + 2] - box[j]), Math.abs(box[j + 2] - box[i]));
        double dy = Math.max(Math.abs(box[i + 3] - box[j + 1]), Math.abs(box[j + 3] - box[i + 1]));
        return dx * dx + dy * dy <= epsSq;
    }

    /** False only if no site of cell a can be within eps of a site of cell b. */
    private boolean cellsMayReach(int a, int b) {
        int i = 4 * a;
        int j = 4 * b;
        double dx = Math.max(0, Math.max(box[j] - box[i + 2], box[i] - box[j + 2]));
        double dy = Math.max(0, Math.max(box[j + 1] - box[i + 3], box[i + 1] - box[j + 3]));
        return dx * dx + dy * dy <= epsSq;
    }

    private static double[] bounds(double[] x, double[] y) {
        double inf = Double.POSITIVE_INFINITY;
        double[] b = {inf, inf, -inf, -inf};
        for (int i = 0; i < x.length; i++) {
            b[0] = Math.min(b[0], x[i]);
            b[1] = Math.min(b[1], y[i]);
            b[2] = Math.max(b[2], x[i]);
            b[3] = Math.max(b[3], y[i]);
        }
        return b;
    }

    private void summariseCells() {
        for (int c = 0; c < cellCount; c++) {
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            int w = 0;
            for (int s = cellStart[c]; s < cellStart[c + 1]; s++) {
                minX = Math.min(minX, siteX[s]);
                minY = Math.min(minY, siteY[s]);
                maxX = Math.max(maxX, siteX[s]);
                maxY = Math.max(maxY, siteY[s]);
                w += weight[s];
            }
            cellWeight[c] = w;
            box[4 * c] = minX;
            box[4 * c + 1] = minY;
            box[4 * c + 2] = maxX;
            box[4 * c + 3] = maxY;
            // A cell of side eps/sqrt(2) is tight by geometry, but its edges are rounded
            // coordinates, so the box decides; only an eps of a few ulps of the coordinates,
            // or a wider cell, can fail this.
            double width = maxX - minX;
            double height = maxY - minY;
            tight[c] = width * width + height * height <= epsSq;
        }
    }

    private int[] findNeighbours(CellIndex cells) {
        int[] out = new int[Math.max(16, cellCount * 8)];
        int size = 0;
        for (int c = 0; c < cellCount; c++) {
            neighbourStart[c] = size;
            for (int dy = -REACH; dy <= REACH; dy++) {
                for (int dx = -REACH; dx <= REACH; dx++) {
                    int d = (dx == 0 && dy == 0) ? -1 : cells.find(cells.columnOf(c) + dx, cells.rowOf(c) + dy);
                    if (d >= 0 && cellsMayReach(c, d)) {
                        if (size == out.length) {
                            out = Arrays.copyOf(out, size * 2);
                        }
                        out[size++] = d;
                    }
                }
            }
        }
        neighbourStart[cellCount] = size;
        return Arrays.copyOf(out, size);
    }

    /** The points in cell order (stable, so ascending input index within a cell). */
    private static final class Points {
        final double[] x;
        final double[] y;
        final int[] index;

        Points(double[] inX, double[] inY, int[] cellOfPoint, int[] pointStart) {
            int n = inX.length;
            x = new double[n];
            y = new double[n];
            index = new int[n];
            int[] next = Arrays.copyOf(pointStart, pointStart.length - 1);
            for (int i = 0; i < n; i++) {
                int k = next[cellOfPoint[i]]++;
                // + 0.0 turns -0.0 into 0.0, so that equal coordinates have equal bits.
                x[k] = inX[i] + 0.0;
                y[k] = inY[i] + 0.0;
                index[k] = i;
            }
        }
    }

    /** Distinct coordinates, appended cell by cell. */
    private static final class Sites {
        int count;
        final double[] x;
        final double[] y;
        final int[] weight;
        final int[] first;
        private int[] table = new int[16];

        Sites(int capacity) {
            x = new double[capacity];
            y = new double[capacity];
            weight = new int[capacity];
            first = new int[capacity];
        }

        /** Adds the points from .. to - 1 of one cell as sites and records the site of each point. */
        void collapse(Points points, int from, int to, int[] siteOfPoint) {
            int cellFirstSite = count;
            int size = tableSize(to - from);
            if (to - from > SMALL_CELL) {
                if (table.length < size) {
                    table = new int[size];
                }
                Arrays.fill(table, 0, size, 0);
            }
            for (int k = from; k < to; k++) {
                double px = points.x[k];
                double py = points.y[k];
                int s = to - from > SMALL_CELL ? findOrAddHashed(px, py, size - 1)
                        : findOrAddSmall(px, py, cellFirstSite);
                if (s == count) {
                    x[s] = px;
                    y[s] = py;
                    first[s] = points.index[k]; // the smallest index, as points come in input order
                    count++;
                }
                weight[s]++;
                siteOfPoint[points.index[k]] = s;
            }
        }

        private int findOrAddSmall(double px, double py, int cellFirstSite) {
            for (int s = cellFirstSite; s < count; s++) {
                if (x[s] == px && y[s] == py) {
                    return s;
                }
            }
            return count;
        }

        private int findOrAddHashed(double px, double py, int mask) {
            long key = Double.doubleToRawLongBits(px) * 0x9E3779B97F4A7C15L + Double.doubleToRawLongBits(py);
            int slot = hash(key) & mask;
            while (table[slot] != 0) {
                int s = table[slot] - 1;
                if (x[s] == px && y[s] == py) {
                    return s;
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = count + 1;
            return count;
        }
    }

    /** A power of two at least twice {@code entries}, so linear probing stays short. */
    static int tableSize(int entries) {
        return Integer.highestOneBit(Math.max(8, entries) * 2 - 1) << 1;
    }

    /** The 64-bit finaliser of MurmurHash3: spreads nearby keys over the whole table. */
    static int hash(long key) {
        key = (key ^ (key >>> 33)) * 0xff51afd7ed558ccdL;
        key = (key ^ (key >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return (int) (key ^ (key >>> 33));
    }
}
