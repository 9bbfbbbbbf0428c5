package uk.safermap.placement.mclp;

/**
 * Candidate camera sites in grid metres. A site is a position and, for a directional camera,
 * a bearing: several sites may share a {@code location} (one per bearing choice), and at most
 * one of them can be chosen, since a camera points one way.
 *
 * @param bearing degrees clockwise from grid north, or NaN for an all-round (360 degree) view
 * @param location sites with equal values stand at the same place
 */
public record Sites(double[] x, double[] y, double[] bearing, int[] location) {

    public Sites {
        if (x.length != y.length || x.length != bearing.length || x.length != location.length) {
            throw new IllegalArgumentException("site arrays differ in length");
        }
    }

    /** All-round sites, one per position. */
    public static Sites omnidirectional(double[] x, double[] y) {
        double[] bearing = new double[x.length];
        int[] location = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            bearing[i] = Double.NaN;
            location[i] = i;
        }
        return new Sites(x, y, bearing, location);
    }

    /**
     * Each position once per bearing; the positions keep their index as the location, so
     * site {@code p * bearings.length + b} is position p facing bearings[b].
     */
    public static Sites directional(double[] x, double[] y, double[] bearings) {
        int n = x.length * bearings.length;
        double[] sx = new double[n];
        double[] sy = new double[n];
        double[] sb = new double[n];
        int[] loc = new int[n];
        for (int p = 0, i = 0; p < x.length; p++) {
            for (double b : bearings) {
                sx[i] = x[p];
                sy[i] = y[p];
                sb[i] = b;
                loc[i++] = p;
            }
        }
        return new Sites(sx, sy, sb, loc);
    }

    public int size() {
        return x.length;
    }
}
