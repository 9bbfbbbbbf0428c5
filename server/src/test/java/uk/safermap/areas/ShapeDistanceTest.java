package uk.safermap.areas;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.locationtech.jts.algorithm.hull.ConcaveHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * The indexed distance the ground labels search with is {@link Geometry#distance} to the metre
 * and below: on cluster-like outlines (buffered concave hulls of scattered points, some with
 * holes), lines and points, for snap points inside, on and outside them.
 */
class ShapeDistanceTest {

    @Property(tries = 200)
    void equals_geometry_distance(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                  @ForAll @IntRange(min = 0, max = 3) int kind) {
        Random r = new Random(seed);
        Geometry shape = shape(r, kind);
        StreetIndex.ShapeDistance indexed = new StreetIndex.ShapeDistance(shape);
        for (int i = 0; i < 60; i++) {
            // Around the shape, a few exactly on its vertices (on the boundary).
            Coordinate c = i % 10 == 0 ? shape.getCoordinates()[r.nextInt(shape.getNumPoints())]
                    : new Coordinate(475_000 + r.nextGaussian() * 300, 319_000 + r.nextGaussian() * 300);
            StreetIndex.SnapPoint p = new StreetIndex.SnapPoint("x", c.x, c.y, 1);
            assertThat(indexed.to(p)).isEqualTo(shape.distance(GRID.createPoint(c)));
        }
    }

    private static Geometry shape(Random r, int kind) {
        Coordinate[] cloud = new Coordinate[30 + r.nextInt(200)];
        for (int i = 0; i < cloud.length; i++) {
            cloud[i] = new Coordinate(475_000 + r.nextGaussian() * 150, 319_000 + r.nextGaussian() * 150);
        }
        Geometry points = GRID.createMultiPointFromCoords(cloud);
        return switch (kind) {
            case 0 -> ConcaveHull.concaveHullByLengthRatio(points, 0.2).buffer(10 + r.nextInt(30));
            case 1 -> points.buffer(40).difference(GRID.createPoint(cloud[0]).buffer(15));
            case 2 -> GRID.createLineString(new Coordinate[] {cloud[0], cloud[1], cloud[2]});
            default -> GRID.createPoint(cloud[0]);
        };
    }
}
