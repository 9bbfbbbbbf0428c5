package uk.safermap.analysis.density;

import java.util.ArrayList;
import java.util.List;

/**
 * Blanks a density surface wherever fewer than {@code minCount} incidents lie near a cell, so
 * that a heatmap shown to viewers who must not see incidents never draws a bump made by one or
 * two of them. "Near" is the square inscribed in the kernel's disc (half-side h/sqrt 2): every
 * incident counted is within the bandwidth, so the rule errs towards blanking. Counts come
 * from a summed-area table of the points binned on the grid, O(1) per cell.
 */
public final class SupportMask {

    private SupportMask() {
    }

    public static DensityGrid blankSparse(DensityGrid g, double[] x, double[] y, int minCount) {
        return blankSparse(g, x, y, null, minCount);
    }

    /** As {@link #blankSparse(DensityGrid, double[], double[], int)}, each point counting its weight (null: 1). */
    public static DensityGrid blankSparse(DensityGrid g, double[] x, double[] y, double[] weights, int minCount) {
        int nx = g.nx();
        int ny = g.ny();
        double[] sat = new double[(nx + 1) * (ny + 1)];
        for (int k = 0; k < x.length; k++) {
            int i = (int) Math.floor((x[k] - g.originX()) / g.cellMetres());
            int j = (int) Math.floor((y[k] - g.originY()) / g.cellMetres());
            if (i >= 0 && i < nx && j >= 0 && j < ny) {
                sat[(j + 1) * (nx + 1) + i + 1] += weights == null ? 1 : weights[k];
            }
        }
        for (int j = 1; j <= ny; j++) {
            for (int i = 1; i <= nx; i++) {
                int at = j * (nx + 1) + i;
                sat[at] += sat[at - 1] + sat[at - (nx + 1)] - sat[at - (nx + 1) - 1];
            }
        }
        // Whole cells inside the inscribed square, measured from the centre cell.
        int r = Math.max(0, (int) Math.floor(g.bandwidthMetres() / Math.sqrt(2) / g.cellMetres() - 0.5));
        double[] out = g.perKm2().clone();
        int blanked = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int i0 = Math.max(0, i - r);
                int i1 = Math.min(nx, i + r + 1);
                int j0 = Math.max(0, j - r);
                int j1 = Math.min(ny, j + r + 1);
                double n = sat[j1 * (nx + 1) + i1] - sat[j0 * (nx + 1) + i1] - sat[j1 * (nx + 1) + i0]
                        + sat[j0 * (nx + 1) + i0];
                if (n < minCount && out[j * nx + i] > 0) {
                    out[j * nx + i] = 0;
                    blanked++;
                }
            }
        }
        List<String> notes = new ArrayList<>(g.notes());
        notes.add(blanked + " cells with fewer than " + minCount + " incidents within the bandwidth are left blank");
        return new DensityGrid(g.originX(), g.originY(), g.cellMetres(), nx, ny, out, g.bandwidthMetres(),
                g.bandwidthRule(), g.incidents(), g.method(), notes);
    }
}
