package uk.safermap.areas;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
import uk.safermap.domain.PoliceLocation;
import uk.safermap.store.PointSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * <p>Nearest-neighbour search over an STRtree (Leutenegger et al. 1997, as in JTS). Immutable
 * once built; querying is thread-safe (the trees are built in the constructor).
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

    /** The snap points of the incidents (grid metres, with their locations). */
    public static StreetIndex of(PointSet points) {
        if (points.location() == null) {
            throw new IllegalArgumentException("a street index needs the incidents' locations");
        }
        Map<SnapKey, Integer> streets = new LinkedHashMap<>();
        Map<SnapKey, Integer> facilities = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            String location = points.location()[i];
            double e = points.easting()[i];
            double n = points.northing()[i];
            Optional<String> street = PoliceLocation.street(location);
            if (street.isPresent()) {
                streets.merge(new SnapKey(street.get(), e, n), 1, Integer::sum);
            } else {
                PoliceLocation.facility(location).ifPresent(f -> facilities.merge(new SnapKey(f, e, n), 1, Integer::sum));
            }
        }
        return new StreetIndex(snapPoints(streets), snapPoints(facilities));
    }

    private record SnapKey(String name, double easting, double northing) {
    }

    private static List<SnapPoint> snapPoints(Map<SnapKey, Integer> counts) {
        List<SnapPoint> out = new ArrayList<>(counts.size());
        counts.forEach((k, n) -> out.add(new SnapPoint(k.name(), k.easting(), k.northing(), n)));
        return out;
    }

    /** Every snap point named after a street. */
    public List<SnapPoint> streets() {
        return streets;
    }

    /** The street of the snap point nearest a shape (grid metres), within {@link #NEAR_METRES}. */
    public Optional<Nearest> nearestStreet(Geometry gridShape) {
        return nearest(streetTree, gridShape, NEAR_METRES).map(s -> new Nearest(s.name(), distance(s, gridShape)));
    }

    /** The kind of place of the such snap point nearest a shape (grid metres), within {@link #FACILITY_METRES}. */
    public Optional<String> facility(Geometry gridShape) {
        return nearest(facilityTree, gridShape, FACILITY_METRES).map(SnapPoint::name);
    }

    private static Optional<SnapPoint> nearest(STRtree tree, Geometry shape, double within) {
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        SnapPoint found = (SnapPoint) tree.nearestNeighbour(shape.getEnvelopeInternal(), shape, DISTANCE);
        return distance(found, shape) <= within ? Optional.of(found) : Optional.empty();
    }

    private static double distance(SnapPoint p, Geometry shape) {
        return shape.distance(shape.getFactory().createPoint(new Coordinate(p.easting(), p.northing())));
    }

    /** Between a snap point in the tree and the shape asked about (the tree compares only those). */
    private static final ItemDistance DISTANCE = (ItemBoundable a, ItemBoundable b) -> a.getItem() instanceof SnapPoint p
            ? distance(p, (Geometry) b.getItem()) : distance((SnapPoint) b.getItem(), (Geometry) a.getItem());
}
