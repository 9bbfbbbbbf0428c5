package uk.safermap.sample;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

import java.util.random.RandomGenerator;

/**
 * A polygonal region in British National Grid metres that can test and uniformly sample points.
 * Thread-safe: the JTS locator builds its index once, under a lock, and is read-only afterwards.
 */
final class Region {

    /** Rejection sampling needs about envelope/area tries; a region this sparse in its envelope is a bug. */
    private static final int MAX_TRIES = 100_000;

    private final String name;
    private final Geometry polygon;
    private final Envelope envelope;
    private final IndexedPointInAreaLocator locator;

    Region(String name, Geometry polygon) {
        if (polygon.isEmpty() || !(polygon.getArea() > 0)) {
            throw new IllegalArgumentException("region " + name + " has no area");
        }
        this.name = name;
        this.polygon = polygon;
        this.envelope = polygon.getEnvelopeInternal();
        this.locator = new IndexedPointInAreaLocator(polygon);
    }

    String name() {
        return name;
    }

    Geometry polygon() {
        return polygon;
    }

    double areaSquareMetres() {
        return polygon.getArea();
    }

    /** Inside or on the boundary. */
    boolean contains(double easting, double northing) {
        return envelope.contains(easting, northing)
                && locator.locate(new Coordinate(easting, northing)) != Location.EXTERIOR;
    }

    /** Writes a uniformly random point of the region into {@code out} as {easting, northing}. */
    void sampleUniform(RandomGenerator rng, double[] out) {
        for (int i = 0; i < MAX_TRIES; i++) {
            double e = envelope.getMinX() + rng.nextDouble() * envelope.getWidth();
            double n = envelope.getMinY() + rng.nextDouble() * envelope.getHeight();
            if (contains(e, n)) {
                out[0] = e;
                out[1] = n;
                return;
            }
        }
        throw new IllegalStateException("no point of region " + name + " found in " + MAX_TRIES + " tries");
    }
}
