package uk.safermap.analysis.density;

/**
 * The quartic (biweight) kernel of Silverman (1986, <i>Density Estimation for Statistics and
 * Data Analysis</i>, eq. 4.5), the kernel ArcGIS Kernel Density and the QGIS heatmap use by
 * default:
 *
 * <pre>K(d) = 3 / (pi h^2) * (1 - d^2 / h^2)^2   for d &lt; h, else 0</pre>
 *
 * <p>with d and the bandwidth h in metres, so K is per square metre and integrates to 1 over the
 * plane. Multiply by {@link #SQUARE_METRES_PER_KM2} for per square kilometre. Stateless and
 * thread-safe.
 */
public final class QuarticKernel {

    /** Square metres in a square kilometre: the factor from per m^2 to per km^2. */
    public static final double SQUARE_METRES_PER_KM2 = 1e6;

    private QuarticKernel() {
    }

    /** K at distance {@code distanceMetres} from a point, per square metre. */
    public static double perSquareMetre(double distanceMetres, double bandwidthMetres) {
        return ofSquaredDistance(distanceMetres * distanceMetres, bandwidthMetres * bandwidthMetres);
    }

    /** The peak K(0) = 3 / (pi h^2), per square metre. */
    public static double peakPerSquareMetre(double bandwidthMetres) {
        return 3.0 / (Math.PI * bandwidthMetres * bandwidthMetres);
    }

    /** K from the squared distance and squared bandwidth, avoiding a square root in hot loops. */
    static double ofSquaredDistance(double d2, double h2) {
        if (d2 >= h2) {
            return 0;
        }
        double u = 1 - d2 / h2;
        return 3.0 / (Math.PI * h2) * u * u;
    }
}
