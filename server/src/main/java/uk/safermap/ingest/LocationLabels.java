package uk.safermap.ingest;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
import uk.safermap.domain.Incident;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Labels for incidents whose police.uk {@code Location} names no street: "On or near " alone, or
 * one of police.uk's generic snap-point kinds ("On or near Parking Area", "On or near Petrol
 * Station"). Such an incident is labelled by the nearest snap point of the same file that does
 * name a street, within {@value #MAX_NEAR_METRES} m ("Petrol Station near Leicester Road"),
 * else by its LSOA name ("Petrol Station, Melton 005B"), so no view shows "On or near" alone.
 * The snap points are those of the file's incidents, found by an STRtree nearest-neighbour search.
 * One per file; not thread-safe.
 */
final class LocationLabels {

    /** Beyond this a street is too far to describe where the incident was. */
    static final double MAX_NEAR_METRES = 500;

    private static final String ON_OR_NEAR = "on or near";
    /** police.uk's snap-point kinds that are places, not streets (as published in its street-level files). */
    private static final Set<String> GENERIC = Set.of("parking area", "petrol station", "supermarket",
            "sports/recreation area", "shopping area", "nightclub", "pedestrian subway", "police station",
            "further/higher educational building", "conference/exhibition centre", "theatre/concert hall",
            "hospital", "motorway service area", "prison", "bus/coach station", "airport/airfield",
            "park/open space", "no location");

    private record Snap(double x, double y, String street) {
    }

    /** A street snap point already in the tree. */
    private record Seen(String location, double x, double y) {
    }

    private final STRtree streets = new STRtree();
    private final Set<Seen> seen = new HashSet<>();

    /** Whether the location names no street (null and blank included). */
    static boolean streetless(String location) {
        String place = place(location);
        return place.isEmpty() || GENERIC.contains(place.toLowerCase(Locale.ROOT));
    }

    /**
     * The location without police.uk's "On or near" prefix (any case). No regular expression:
     * every imported row's location goes through here.
     */
    private static String place(String location) {
        if (location == null) {
            return "";
        }
        String s = location.trim();
        return s.regionMatches(true, 0, ON_OR_NEAR, 0, ON_OR_NEAR.length())
                ? s.substring(ON_OR_NEAR.length()).trim() : s;
    }

    /** Remembers the incident's snap point if it names a street. */
    void observe(Incident i) {
        if (!streetless(i.location()) && seen.add(new Seen(i.location(), i.easting(), i.northing()))) {
            streets.insert(new Envelope(i.easting(), i.easting(), i.northing(), i.northing()),
                    new Snap(i.easting(), i.northing(), place(i.location())));
        }
    }

    /** The incident with a label naming a street or its LSOA; call after every street snap point is observed. */
    Incident label(Incident i) {
        String kind = place(i.location());
        Optional<String> street = nearestStreet(i.easting(), i.northing());
        String label;
        if (street.isPresent()) {
            label = (kind.isEmpty() ? "Near " : kind + " near ") + street.get();
        } else if (i.lsoaName() != null) {
            label = kind.isEmpty() ? i.lsoaName() : kind + ", " + i.lsoaName();
        } else {
            label = kind.isEmpty() ? null : kind;
        }
        return new Incident(i.id(), i.sourceKey(), i.source(), i.crimeId(), i.month(), i.when(), i.category(),
                i.categoryLabel(), i.lon(), i.lat(), i.easting(), i.northing(), label, i.lsoaCode(), i.lsoaName(),
                i.outcome(), i.context(), i.reportedBy(), i.fallsWithin(), i.sensitive());
    }

    private Optional<String> nearestStreet(double x, double y) {
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
