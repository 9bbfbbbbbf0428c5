package uk.safermap.areas;

import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.geom.util.PointExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import uk.safermap.domain.PoliceLocation;
import uk.safermap.geo.DistinctPoints;
import uk.safermap.store.PointSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The streets police.uk names its snap points after, at those points: the street gazetteer of
 * the stored incidents. police.uk publishes each incident at an anonymous snap point named "On or
 * near Burton Street"; the distinct (point, street) pairs of the stored incidents say which street
 * runs past each point. Snap points named after a kind of place ("On or near Supermarket") are
 * never streets, but are kept to qualify a street ("near Supermarket").
 *
 * <p>Candidates are found by window queries on an STRtree (Leutenegger et al. 1997, as in JTS).
 * Immutable once built; querying is thread-safe (the trees are built in the constructor).
 */
public final class StreetIndex {

    /**
     * A result this close to a street's snap point is on that street: about a town block, within
     * sight on foot (police.uk snap points in a town lie a few tens of metres apart).
     */
    public static final double ON_STREET_METRES = 150;
    /**
     * Up to this distance a result is named "near" the street, as import labels the snap points
     * that name no street ("Sports/Recreation Area near Copley Close"): a playing field or a park
     * can lie 250 m from its nearest street snap point. Further off, in open country, no street is
     * named, since none would help find the spot.
     */
    public static final double NEAR_METRES = 500;
    /** A kind of place names a spot only this close: it must be the landmark there. */
    public static final double FACILITY_METRES = 50;

    /** A street found for a shape, and how far its snap point is (0 inside an area). */
    public record Nearest(String street, double metres) {

        /** Whether the shape is on the street rather than near it. */
        public boolean on() {
            return metres <= ON_STREET_METRES;
        }
    }

    /** A snap point named after a street (or a kind of place), and how many incidents lie there. */
    public record SnapPoint(String name, double easting, double northing, int incidents) {
    }

    private static final StreetIndex EMPTY = new StreetIndex(List.of(), List.of());

    private final List<SnapPoint> streets;
    private final STRtree streetTree = new STRtree();
    private final STRtree facilityTree = new STRtree();

    private StreetIndex(List<SnapPoint> streets, List<SnapPoint> facilities) {
        this.streets = List.copyOf(streets);
        streets.forEach(s -> streetTree.insert(new Envelope(s.easting(), s.easting(), s.northing(), s.northing()), s));
        facilities.forEach(f -> facilityTree.insert(new Envelope(f.easting(), f.easting(), f.northing(), f.northing()), f));
        streetTree.build();
        facilityTree.build();
    }

    /** An index naming no street, for a store without police.uk locations. */
    public static StreetIndex empty() {
        return EMPTY;
    }

    /**
     * The snap points of the incidents (grid metres, with their locations), each street's and each
     * kind of place's in the order first met, with how many incidents lie there.
     *
     * <p>police.uk snaps a million incidents to a few thousand points named by a few thousand
     * texts, so each distinct text is read once, each distinct position numbered once
     * ({@link DistinctPoints}), and an incident costs three hash lookups on numbers: no text is
     * parsed and no key object made per incident.
     */
    public static StreetIndex of(PointSet points) {
        if (points.location() == null) {
            throw new IllegalArgumentException("a street index needs the incidents' locations");
        }
        DistinctPoints at = DistinctPoints.of(points.easting(), points.northing());
        Map<String, Integer> nameOfText = new HashMap<>();
        Map<String, Integer> numberOfName = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<Boolean> street = new ArrayList<>();
        PairCounts pairs = new PairCounts();
        String[] location = points.location();
        for (int i = 0; i < points.size(); i++) {
            int name = nameOfText.computeIfAbsent(location[i], text -> nameNumber(text, numberOfName, names, street));
            if (name >= 0) {
                pairs.add(name, at.pointOf(i));
            }
        }
        double[] atX = at.x();
        double[] atY = at.y();
        List<SnapPoint> streets = new ArrayList<>();
        List<SnapPoint> facilities = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            int name = pairs.name(p);
            int position = pairs.position(p);
            (street.get(name) ? streets : facilities).add(new SnapPoint(names.get(name), atX[position],
                    atY[position], pairs.count(p)));
        }
        return new StreetIndex(streets, facilities);
    }

    /**
     * The number of the street or kind of place a location text names (streets and kinds
     * numbered apart, by the {@code "s"}/{@code "f"} key prefix), or -1 when it names neither.
     */
    private static int nameNumber(String text, Map<String, Integer> numberOfName, List<String> names,
                                  List<Boolean> street) {
        Optional<String> streetName = PoliceLocation.street(text);
        Optional<String> kind = streetName.isPresent() ? Optional.empty() : PoliceLocation.facility(text);
        if (streetName.isEmpty() && kind.isEmpty()) {
            return -1;
        }
        String name = streetName.orElseGet(kind::get);
        return numberOfName.computeIfAbsent((streetName.isPresent() ? "s" : "f") + name, k -> {
            names.add(name);
            street.add(streetName.isPresent());
            return names.size() - 1;
        });
    }

    /**
     * Incidents counted per (name number, position number) pair, pairs numbered in the order
     * first met: open addressing on the pair packed into a long, so counting boxes nothing.
     */
    static final class PairCounts {
        private int[] table = new int[1024];
        private long[] pairs = new long[512];
        private int[] counts = new int[512];
        private int size;

        void add(int name, int position) {
            long pair = (long) name << 32 | position;
            int slot = find(table, pairs, pair);
            if (table[slot] == 0) {
                if (size == pairs.length) {
                    pairs = Arrays.copyOf(pairs, 2 * size);
                    counts = Arrays.copyOf(counts, 2 * size);
                    table = new int[2 * pairs.length];
                    for (int p = 0; p < size; p++) {
                        table[find(table, pairs, pairs[p])] = p + 1;
                    }
                    slot = find(table, pairs, pair);
                }
                pairs[size] = pair;
                table[slot] = ++size;
            }
            counts[table[slot] - 1]++;
        }

        int size() {
            return size;
        }

        int name(int p) {
            return (int) (pairs[p] >>> 32);
        }

        int position(int p) {
            return (int) pairs[p];
        }

        int count(int p) {
            return counts[p];
        }

        /** The slot holding the pair, or the free slot where it goes; slots hold pair number + 1, 0 is free. */
        private static int find(int[] table, long[] pairs, long pair) {
            int mask = table.length - 1;
            long h = pair * 0x9E3779B97F4A7C15L;
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (table[slot] != 0 && pairs[table[slot] - 1] != pair) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
    }

    /** Every snap point named after a street. */
    public List<SnapPoint> streets() {
        return streets;
    }

    /** The street of the snap point nearest a shape (grid metres), within {@link #NEAR_METRES}. */
    public Optional<Nearest> nearestStreet(Geometry gridShape) {
        ShapeDistance shape = new ShapeDistance(gridShape);
        return nearest(streetTree, shape, NEAR_METRES).map(s -> new Nearest(s.name(), shape.to(s)));
    }

    /** The kind of place of the such snap point nearest a shape (grid metres), within {@link #FACILITY_METRES}. */
    public Optional<String> facility(Geometry gridShape) {
        return nearest(facilityTree, new ShapeDistance(gridShape), FACILITY_METRES).map(SnapPoint::name);
    }

    /**
     * The snap point nearest the shape within {@code within} metres; of several as near, the
     * busiest, which names what most of the shape's incidents are on (an area asked about, a
     * cluster's outline or a hot cell, mostly holds snap points of its own incidents, all at
     * distance 0). Only the points in windows around the shape are measured: a few per shape,
     * where JTS's nearest-neighbour search over the tree had measured far more and was half of a
     * cluster map's time.
     */
    private static Optional<SnapPoint> nearest(STRtree tree, ShapeDistance shape, double within) {
        SnapPoint best = null;
        for (Object item : tree.query(shape.envelope())) {
            SnapPoint p = (SnapPoint) item;
            if ((best == null || p.incidents() > best.incidents()) && shape.covers(p)) {
                best = p;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        // Widening the window step by step: a point found at d within the window widened by r >= d
        // is the nearest, since any nearer one lies in the envelope widened by d.
        for (double r = Math.min(within, FACILITY_METRES); ; r = Math.min(within, 3 * r)) {
            Envelope near = new Envelope(shape.envelope());
            near.expandBy(r);
            SnapPoint nearest = null;
            double bestMetres = Double.POSITIVE_INFINITY;
            for (Object item : tree.query(near)) {
                SnapPoint p = (SnapPoint) item;
                double metres = shape.to(p);
                if (metres < bestMetres || metres == bestMetres && nearest != null && p.incidents() > nearest.incidents()) {
                    nearest = p;
                    bestMetres = metres;
                }
            }
            if (bestMetres <= r) {
                return Optional.of(nearest);
            }
            if (r >= within) {
                return Optional.empty();
            }
        }
    }

    /**
     * The distance from snap points to one shape, as {@link Geometry#distance} gives it (0 inside
     * an area, else to the nearest segment or point), with the shape's area indexed once (JTS
     * {@link IndexedPointInAreaLocator}) and its segments measured in a plain loop: an outline
     * has tens of vertices, and {@code Geometry.distance} or JTS's indexed facet distance build
     * structures for every point measured. One per search; not thread-safe.
     */
    static final class ShapeDistance {
        private final Geometry shape;
        private final IndexedPointInAreaLocator area;
        private final List<Coordinate[]> lines;
        private final Coordinate[] points;

        ShapeDistance(Geometry shape) {
            this.shape = shape;
            this.area = shape.getDimension() == 2 ? new IndexedPointInAreaLocator(shape) : null;
            List<Coordinate[]> found = new ArrayList<>();
            for (Object line : LinearComponentExtracter.getLines(shape)) {
                found.add(((LineString) line).getCoordinates());
            }
            this.lines = found;
            List<Coordinate> at = new ArrayList<>();
            for (Object point : PointExtracter.getPoints(shape)) {
                at.add(((Point) point).getCoordinate());
            }
            this.points = at.toArray(Coordinate[]::new);
        }

        Envelope envelope() {
            return shape.getEnvelopeInternal();
        }

        /** Whether the shape is an area holding the point, boundary included (distance 0). */
        boolean covers(SnapPoint p) {
            return area != null && area.locate(new Coordinate(p.easting(), p.northing())) != Location.EXTERIOR;
        }

        double to(SnapPoint p) {
            Coordinate c = new Coordinate(p.easting(), p.northing());
            if (covers(p)) {
                return 0;
            }
            double best = Double.POSITIVE_INFINITY;
            for (Coordinate[] line : lines) {
                for (int k = 0; k + 1 < line.length; k++) {
                    best = Math.min(best, Distance.pointToSegment(c, line[k], line[k + 1]));
                }
                if (line.length == 1) {
                    best = Math.min(best, c.distance(line[0]));
                }
            }
            for (Coordinate q : points) {
                best = Math.min(best, c.distance(q));
            }
            return best;
        }
    }
}
