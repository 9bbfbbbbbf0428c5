package uk.safermap.roads;

import uk.safermap.analysis.density.DensityGrid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The highest local maxima of a density surface: cells above zero and at least as high as
 * their eight neighbours, where plateaus keep their first cell (west to east, south to north).
 * One pass over the grid, O(cells).
 */
final class LocalMaxima {

    private LocalMaxima() {
    }

    /** Up to {@code limit} peaks as {i, j} cell indexes, highest first. */
    static List<int[]> of(DensityGrid g, int limit) {
        List<int[]> peaks = new ArrayList<>();
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                if (g.value(i, j) > 0 && isPeak(g, i, j)) {
                    peaks.add(new int[] {i, j});
                }
            }
        }
        peaks.sort(Comparator.comparingDouble((int[] c) -> g.value(c[0], c[1])).reversed());
        return peaks.subList(0, Math.min(limit, peaks.size()));
    }

    private static boolean isPeak(DensityGrid g, int i, int j) {
        double v = g.value(i, j);
        for (int dj = -1; dj <= 1; dj++) {
            for (int di = -1; di <= 1; di++) {
                int a = i + di;
                int b = j + dj;
                if ((di != 0 || dj != 0) && a >= 0 && b >= 0 && a < g.nx() && b < g.ny()) {
                    double u = g.value(a, b);
                    // Strictly higher neighbours, or an equal one earlier in scan order, win the plateau.
                    if (u > v || (u == v && (b < j || (b == j && a < i)))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
