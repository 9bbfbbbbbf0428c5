package uk.safermap.analysis.nearrepeat;

/**
 * How the distance between two incidents is measured, in British National Grid metres.
 *
 * <p>The Near Repeat Calculator offers both. The R port ({@code wsteenbeek/NearRepeat}) defaults to
 * Manhattan as "a fair approximation of the distance travelled by a road network"; SaferMap defaults to
 * Euclidean (as the crow flies) because near-repeat windows in the literature (Johnson et al. 2007: 200 m)
 * are mostly stated that way. Manhattan distance depends on the grid's orientation, here BNG north.
 */
public enum Metric {
    /** Straight-line distance, {@code sqrt(dx^2 + dy^2)}. */
    EUCLIDEAN {
        @Override
        public double distance(double dx, double dy) {
            return Math.sqrt(dx * dx + dy * dy);
        }
    },
    /** City-block distance along grid east and north, {@code |dx| + |dy|}; never less than Euclidean. */
    MANHATTAN {
        @Override
        public double distance(double dx, double dy) {
            return Math.abs(dx) + Math.abs(dy);
        }
    };

    /** The distance in metres for offsets {@code dx} (east) and {@code dy} (north) in metres. */
    public abstract double distance(double dx, double dy);
}
