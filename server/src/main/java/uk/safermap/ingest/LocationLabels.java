package uk.safermap.ingest;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
import uk.safermap.domain.Incident;
import uk.safermap.domain.PoliceLocation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static uk.safermap.domain.IncidentDetail.LOCATION;
import static uk.safermap.domain.IncidentDetail.LSOA_NAME;

/**
 * Labels for incidents whose police.uk {@code Location} names no street: "On or near " alone, or
 * one of police.uk's generic snap-point kinds ("On or near Parking Area", "On or near Petrol
 * Station"). Such an incident is labelled by the nearest snap point of the same file that does
 * name a street, within {@value #MAX_NEAR_METRES} m ("Petrol Station near Leicester Road"),
 * else by its LSOA name ("Petrol Station, Melton 005B"), so no view shows "On or near" alone.
 * The snap points are those of the file's incidents, found by an STRtree nearest-neighbour search.
 * One per file, labelling only once every street snap point is observed; not thread-safe.
 */
final class LocationLabels {

    /** Beyond this a street is too far to describe where the incident was. */
    static final double MAX_NEAR_METRES = 500;

    private record Snap(double x, double y, String street) {
    }

    /** A street snap point already in the tree. */
    private record Seen(String location, double x, double y) {
    }

    private record Position(double x, double y) {
    }

    private final STRtree streets = new STRtree();
    private final Set<Seen> seen = new HashSet<>();
    private final Map<Position, Optional<String>> nearestAt = new HashMap<>();

    /**
     * Remembers the incident's snap point if it names a street; returns whether it does (one
     * that does not is to be {@link #label}led once the file's streets are all known).
     */
    boolean observe(Incident i) {
        if (PoliceLocation.streetless(i.detail(LOCATION))) {
            return false;
        }
        if (seen.add(new Seen(i.detail(LOCATION), i.easting(), i.northing()))) {
            streets.insert(new Envelope(i.easting(), i.easting(), i.northing(), i.northing()),
                    new Snap(i.easting(), i.northing(), PoliceLocation.withoutPrefix(i.detail(LOCATION))));
        }
        return true;
    }

    /** The incident with a label naming a street or its LSOA; call after every street snap point is observed. */
    Incident label(Incident i) {
        String kind = PoliceLocation.withoutPrefix(i.detail(LOCATION));
        Optional<String> street = nearestStreet(i.easting(), i.northing());
        String label;
        if (street.isPresent()) {
            label = PoliceLocation.near(kind, street.get());
        } else if (i.detail(LSOA_NAME) != null) {
            label = kind.isEmpty() ? i.detail(LSOA_NAME) : kind + ", " + i.detail(LSOA_NAME);
        } else {
            label = kind.isEmpty() ? null : kind;
        }
        return i.withDetail(LOCATION, label);
    }

    /**
     * Searched once per position: police.uk snaps incidents to a few thousand points, so most
     * streetless incidents share their position with an earlier one.
     */
    private Optional<String> nearestStreet(double x, double y) {
        return nearestAt.computeIfAbsent(new Position(x, y), p -> searchNearest(x, y));
    }

    private Optional<String> searchNearest(double x, double y) {
        if (streets.isEmpty()) {
            return Optional.empty();
        }
        Snap probe = new Snap(x, y, null);
        Snap nearest = (Snap) streets.nearestNeighbour(new Envelope(x, x, y, y), probe, DISTANCE);
        return Math.hypot(nearest.x - x, nearest.y - y) <= MAX_NEAR_METRES ? Optional.of(nearest.street) : Optional.empty();
    }

    private static final ItemDistance DISTANCE = (ItemBoundable a, ItemBoundable b) -> {
        Snap p = (Snap) a.getItem();
        Snap q = (Snap) b.getItem();
        return Math.hypot(p.x - q.x, p.y - q.y);
    };
}
