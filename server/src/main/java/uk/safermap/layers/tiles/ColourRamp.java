package uk.safermap.layers.tiles;

import uk.safermap.analysis.density.DensityGrid;

import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Classes of density mapped to colours for heatmap tiles. Class c covers [breaks[c], breaks[c+1])
 * incidents per km^2; values below breaks[0] are transparent and values at or above the last
 * break take the top class. The breaks belong to the request, not to a tile: every tile of one map
 * must use the same ramp, or neighbouring tiles disagree at their seams.
 *
 * <p>{@link #ylOrRd} uses ColorBrewer's YlOrRd sequential scheme (Brewer and Harrower,
 * colorbrewer2.org), light yellow to dark red, whose lightness falls steadily so the order of the
 * classes reads without a legend, with opacity rising from 0.45 to 0.85 so the basemap shows
 * through the low classes. Immutable; thread-safe.
 */
public final class ColourRamp {

    /** Percentiles of the positive cells used as lower bounds by {@link #forDensity}: 8 classes. */
    public static final double[] DEFAULT_PERCENTILES = {50, 75, 85, 90, 95, 97.5, 99, 99.5};
    public static final int MAX_CLASSES = 8;

    private static final String[][] YL_OR_RD = {
        {"#f03b20"},
        {"#feb24c", "#f03b20"},
        {"#ffeda0", "#feb24c", "#f03b20"},
        {"#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"},
        {"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"},
        {"#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"},
        {"#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"},
        {"#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"},
    };

    private final double[] breaks;
    private final int[] argb;

    /**
     * @param breaks strictly increasing finite class bounds, per km^2, one more than the colours
     * @param argb   the colour of each class, 0xAARRGGBB
     */
    public ColourRamp(double[] breaks, int[] argb) {
        if (breaks.length != argb.length + 1) {
            throw new IllegalArgumentException("breaks must have one more value than colours, got "
                    + breaks.length + " breaks for " + argb.length + " colours");
        }
        if (argb.length > 255) {
            throw new IllegalArgumentException("at most 255 classes fit a PNG palette, got " + argb.length);
        }
        for (int k = 0; k < breaks.length; k++) {
            if (!Double.isFinite(breaks[k]) || (k > 0 && !(breaks[k] > breaks[k - 1]))) {
                throw new IllegalArgumentException("breaks must be finite and strictly increasing, got "
                        + Arrays.toString(breaks));
            }
        }
        this.breaks = breaks.clone();
        this.argb = argb.clone();
    }

    /** YlOrRd with 1..8 classes between the given breaks (2..9 values, per km^2). */
    public static ColourRamp ylOrRd(double... breaks) {
        int classes = breaks.length - 1;
        if (classes < 1 || classes > MAX_CLASSES) {
            throw new IllegalArgumentException("ylOrRd needs 2.." + (MAX_CLASSES + 1) + " breaks, got " + breaks.length);
        }
        String[] hex = YL_OR_RD[classes - 1];
        int[] colours = new int[classes];
        for (int c = 0; c < classes; c++) {
            double opacity = classes == 1 ? 0.7 : 0.45 + 0.4 * c / (classes - 1);
            colours[c] = (int) Math.round(opacity * 255) << 24 | Integer.parseInt(hex[c].substring(1), 16);
        }
        return new ColourRamp(breaks, colours);
    }

    /**
     * YlOrRd with lower bounds at {@link #DEFAULT_PERCENTILES} of the grid's positive cells and the
     * grid's maximum on top; percentiles that tie are merged, so there may be fewer than 8
     * classes. A grid with no positive cell gets a ramp with no classes: every tile transparent.
     */
    public static ColourRamp forDensity(DensityGrid grid) {
        return forDensity(grid, DEFAULT_PERCENTILES);
    }

    /** YlOrRd with lower bounds at the given percentiles (0..100, at most 8) of the positive cells. */
    public static ColourRamp forDensity(DensityGrid grid, double... percentiles) {
        if (percentiles.length < 1 || percentiles.length > MAX_CLASSES) {
            throw new IllegalArgumentException("give 1.." + MAX_CLASSES + " percentiles, got " + percentiles.length);
        }
        double max = grid.max();
        if (!(max > 0)) {
            return new ColourRamp(new double[] {0}, new int[0]);
        }
        double[] sorted = percentiles.clone();
        Arrays.sort(sorted);
        double[] values = grid.percentiles(sorted);
        List<Double> bounds = new ArrayList<>();
        for (double v : values) {
            if (v < max && (bounds.isEmpty() || v > bounds.get(bounds.size() - 1))) {
                bounds.add(v);
            }
        }
        if (bounds.isEmpty()) {
            bounds.add(values[0] < max ? values[0] : max / 2);
        }
        bounds.add(max);
        return ylOrRd(bounds.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The class of a value, 0..classes-1, or -1 when it is below the first break (transparent). */
    public int classOf(double value) {
        // A handful of classes: scanning down from the top beats a binary search, and this runs per pixel.
        for (int c = argb.length - 1; c >= 0; c--) {
            if (value >= breaks[c]) {
                return c;
            }
        }
        return -1;
    }

    /** The 0xAARRGGBB colour of a value; 0 (transparent) below the first break. */
    public int argbOf(double value) {
        int c = classOf(value);
        return c < 0 ? 0 : argb[c];
    }

    public int classes() {
        return argb.length;
    }

    public double[] breaks() {
        return breaks.clone();
    }

    /** One entry per class, lowest first: its colour, opacity and value range per km^2. */
    public List<LegendEntry> legend() {
        List<LegendEntry> out = new ArrayList<>();
        for (int c = 0; c < argb.length; c++) {
            out.add(new LegendEntry(String.format(Locale.ROOT, "#%06x", argb[c] & 0xffffff),
                    ((argb[c] >>> 24) & 0xff) / 255.0, breaks[c], breaks[c + 1]));
        }
        return out;
    }

    /** A PNG palette: index 0 transparent, index c + 1 the colour of class c. */
    IndexColorModel palette() {
        int size = argb.length + 1;
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        byte[] a = new byte[size];
        for (int c = 0; c < argb.length; c++) {
            r[c + 1] = (byte) (argb[c] >> 16);
            g[c + 1] = (byte) (argb[c] >> 8);
            b[c + 1] = (byte) argb[c];
            a[c + 1] = (byte) (argb[c] >>> 24);
        }
        return new IndexColorModel(8, size, r, g, b, a);
    }
}
