package uk.safermap.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One police-recorded injury road collision from the Department for Transport's STATS19 data.
 * Position is held in WGS 84 and British National Grid metres, like {@link Incident}. Coded
 * fields keep the STATS19 codes (see docs/methods.md); null means the source had -1, blank or NULL.
 *
 * @param collisionIndex    DfT's collision (accident) index, unique across years: the source key
 * @param time              local time of day, null when the source does not know it
 * @param enhancedSeverity  the 2023+ enhanced severity code (1, 5, 6, 7, 3), when present
 * @param speedLimit        mph, null when missing or unknown (-1, 99)
 * @param firstRoadClass    1 motorway, 2 A(M), 3 A, 4 B, 5 C, 6 unclassified
 * @param firstRoadNumber   0 for C and unclassified roads
 */
public record Collision(long id, String collisionIndex, LocalDate date, LocalTime time, Severity severity,
                        Integer enhancedSeverity, Integer speedLimit, Integer firstRoadClass, Integer firstRoadNumber,
                        Integer lightConditions, Integer weatherConditions, Integer vehicles, int casualties,
                        double lon, double lat, double easting, double northing, String lsoaCode) {

    /** "A607", "B676", "M1" or null when the road has no number. */
    public String roadName() {
        if (firstRoadClass == null || firstRoadNumber == null || firstRoadNumber <= 0) {
            return null;
        }
        String prefix = switch (firstRoadClass) {
            case 1 -> "M";
            case 2, 3 -> "A";
            case 4 -> "B";
            case 5 -> "C";
            default -> null;
        };
        return prefix == null ? null : prefix + firstRoadNumber;
    }
}
