package uk.safermap.placement.mclp;

import java.util.Arrays;

/** A growable int array, so coverage lists are built without boxing. */
final class IntList {

    private int[] values = new int[16];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The values in insertion order. */
    int[] values() {
        return Arrays.copyOf(values, size);
    }

    int[] toSortedArray() {
        int[] out = Arrays.copyOf(values, size);
        Arrays.sort(out);
        return out;
    }
}
