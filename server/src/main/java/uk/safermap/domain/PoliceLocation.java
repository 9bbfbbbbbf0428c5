package uk.safermap.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * police.uk's {@code Location} texts, and the labels import writes for those that name no street.
 * police.uk moves each incident to an anonymous snap point and publishes the point's name as
 * "On or near Burton Street"; some snap points are named after a kind of place instead ("On or
 * near Parking Area"), and import relabels those from the nearest street ("Parking Area near
 * Burton Street") or the LSOA ("Parking Area, Melton 005B"). Reads and writes both forms, so the
 * format lives in one place. Thread-safe (stateless).
 */
public final class PoliceLocation {

    private static final String ON_OR_NEAR = "on or near";
    private static final String NEAR = " near ";
    /** police.uk's snap-point kinds that are places, not streets (as published in its street-level files). */
    private static final Set<String> GENERIC = Set.of("parking area", "petrol station", "supermarket",
            "sports/recreation area", "shopping area", "nightclub", "pedestrian subway", "police station",
            "further/higher educational building", "conference/exhibition centre", "theatre/concert hall",
            "hospital", "motorway service area", "prison", "bus/coach station", "airport/airfield",
            "park/open space", "no location");

    private PoliceLocation() {
    }

    /**
     * The location without police.uk's "On or near" prefix, in any case ("" for null). No regular
     * expression: every imported row's location goes through here.
     */
    public static String withoutPrefix(String location) {
        if (location == null) {
            return "";
        }
        String s = location.trim();
        return hasPrefix(s) ? s.substring(ON_OR_NEAR.length()).trim() : s;
    }

    private static boolean hasPrefix(String trimmed) {
        return trimmed.regionMatches(true, 0, ON_OR_NEAR, 0, ON_OR_NEAR.length());
    }

    /** Whether the location names no street (null and blank included). */
    public static boolean streetless(String location) {
        String place = withoutPrefix(location);
        return place.isEmpty() || GENERIC.contains(place.toLowerCase(Locale.ROOT));
    }

    /**
     * The street a snap point is named after: only police.uk's own "On or near <street>" form,
     * never a label made at import, which names a street some way off.
     */
    public static Optional<String> street(String location) {
        if (location == null || !hasPrefix(location.trim()) || streetless(location)) {
            return Optional.empty();
        }
        return Optional.of(withoutPrefix(location));
    }

    /**
     * The kind of place a snap point is named after ("Supermarket"), from police.uk's form or an
     * import label; empty for a street.
     */
    public static Optional<String> facility(String location) {
        String place = withoutPrefix(location);
        String lower = place.toLowerCase(Locale.ROOT);
        for (String kind : GENERIC) {
            if (lower.equals(kind) || lower.startsWith(kind + NEAR) || lower.startsWith(kind + ",")) {
                return kind.equals("no location") ? Optional.empty() : Optional.of(place.substring(0, kind.length()));
            }
        }
        return Optional.empty();
    }

    /** The import label of a streetless snap point near a street: "Parking Area near Burton Street", "Near Burton Street". */
    public static String near(String kind, String street) {
        return (kind.isEmpty() ? "Near " : kind + NEAR) + street;
    }
}
