package uk.safermap.analysis.cluster;

import java.util.Arrays;

/**
 * Ids for the occupied cells of a square grid, addressed by column and row from the south-west
 * corner of the points. A dense table holds the ids when the grid is not much bigger than the
 * number of points (a borough at 35 m cells: a few hundred thousand cells), an open-addressing
 * hash otherwise (a few points spread over a huge area). Built and used by one {@link SiteGrid}.
 */
final class CellIndex {

    /** Cells per axis are capped so that indexes and their +-2 neighbours fit in an int. */
    static final double MAX_CELLS_PER_AXIS = Integer.MAX_VALUE - 8;

    private final double minX;
    private final double minY;
    private final double side;
    private final int cols;
    private final int rows;
    private int count;
    private int[] col;
    private int[] row;
    /** cellId + 1 at row * cols + col, or null when the hash table is used. */
    private final int[] dense;
    /** cellId + 1 in open-addressing slots, or null when the dense table is used. */
    private final int[] hashTable;

    /**
     * @param bounds minX, minY, maxX, maxY of the points
     * @throws IllegalArgumentException if the grid would need too many cells per axis
     */
    CellIndex(double[] bounds, double side, double eps, int points) {
        minX = bounds[0];
        minY = bounds[1];
        this.side = side;
        double spanCells = Math.max((bounds[2] - minX) / side, (bounds[3] - minY) / side);
        if (!(spanCells < MAX_CELLS_PER_AXIS)) {
            throw new IllegalArgumentException("epsMetres " + eps + " is too small for points spread over "
                    + Math.max(bounds[2] - minX, bounds[3] - minY) + " m: the grid of eps/sqrt(2) cells would need "
                    + "more than " + (long) MAX_CELLS_PER_AXIS + " cells per axis");
        }
        cols = (int) ((bounds[2] - minX) / side) + 1;
        rows = (int) ((bounds[3] - minY) / side) + 1;
        col = new int[Math.max(16, points / 8)];
        row = new int[col.length];
        // The dense table costs at most 4 ints per point; beyond that, hash.
        boolean useDense = (long) cols * rows <= Math.min(4L * points + 4096, 1L << 30);
        dense = useDense ? new int[cols * rows] : null;
        hashTable = useDense ? null : new int[SiteGrid.tableSize(points)];
    }

    int count() {
        return count;
    }

    int column(double x) {
        return (int) ((x - minX) / side);
    }

    int row(double y) {
        return (int) ((y - minY) / side);
    }

    int columnOf(int cell) {
        return col[cell];
    }

    int rowOf(int cell) {
        return row[cell];
    }

    /** The id of the cell at (cx, cy), giving it the next id if it is new. */
    int findOrAdd(int cx, int cy) {
        if (dense != null) {
            int key = cy * cols + cx;
            if (dense[key] == 0) {
                dense[key] = add(cx, cy) + 1;
            }
            return dense[key] - 1;
        }
        int slot = slotOf(cx, cy);
        if (hashTable[slot] == 0) {
            hashTable[slot] = add(cx, cy) + 1;
        }
        return hashTable[slot] - 1;
    }

    /** The id of the cell at (cx, cy), or -1 if it is empty or off the grid. */
    int find(int cx, int cy) {
        if (cx < 0 || cy < 0 || cx >= cols || cy >= rows) {
            return -1;
        }
        return (dense != null ? dense[cy * cols + cx] : hashTable[slotOf(cx, cy)]) - 1;
    }

    /** The slot holding (cx, cy), or the empty slot where it belongs. */
    private int slotOf(int cx, int cy) {
        int mask = hashTable.length - 1;
        int slot = SiteGrid.hash(((long) cx << 32) | cy) & mask;
        while (hashTable[slot] != 0 && (col[hashTable[slot] - 1] != cx || row[hashTable[slot] - 1] != cy)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int add(int cx, int cy) {
        if (count == col.length) {
            col = Arrays.copyOf(col, count * 2);
            row = Arrays.copyOf(row, count * 2);
        }
        col[count] = cx;
        row[count] = cy;
        return count++;
    }

    /**
     * Renumbers the cells row by row, so that the cells near a cell, and their sites, are near it
     * in memory: with input in time order, first-appearance ids scatter neighbours across the
     * arrays and nearly every neighbour lookup misses the cache.
     *
     * @return the new id of each old id
     */
    int[] renumberRowByRow() {
        int[] newId = new int[count];
        if (dense != null) {
            int next = 0;
            for (int k = 0; k < dense.length; k++) {
                if (dense[k] != 0) {
                    newId[dense[k] - 1] = next;
                    dense[k] = ++next;
                }
            }
        } else {
            long[] keys = new long[count];
            for (int c = 0; c < count; c++) {
                keys[c] = ((long) row[c] << 32) | col[c];
            }
            Arrays.sort(keys);
            for (int k = 0; k < count; k++) {
                newId[find((int) keys[k], (int) (keys[k] >>> 32))] = k;
            }
            for (int slot = 0; slot < hashTable.length; slot++) {
                if (hashTable[slot] != 0) {
                    hashTable[slot] = newId[hashTable[slot] - 1] + 1;
                }
            }
        }
        int[] newCol = new int[count];
        int[] newRow = new int[count];
        for (int c = 0; c < count; c++) {
            newCol[newId[c]] = col[c];
            newRow[newId[c]] = row[c];
        }
        col = newCol;
        row = newRow;
        return newId;
    }
}
