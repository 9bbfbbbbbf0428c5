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

    int get(int i) {
        return values[i];
    }

    /** Removes the first occurrence of v, keeping the order of the rest. */
    void removeValue(int v) {
        for (int i = 0; i < size; i++) {
            if (values[i] == v) {
                System.arraycopy(values, i + 1, values, i, size - i - 1);
                size--;
                return;
            }
        }
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
