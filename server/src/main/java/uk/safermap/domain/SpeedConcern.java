package uk.safermap.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A speeding concern: a resident's complaint or a Community Speedwatch session at a place,
 * with the speeds a session measured (mph) when it measured them.
 *
 * @param source          {@code complaint}, {@code speedwatch} or {@code enforcement}
 * @param vehiclesChecked vehicles a session watched, null when not measured
 * @param vehiclesOver    of those, vehicles over the limit
 */
public record SpeedConcern(long id, String sourceKey, LocalDate date, LocalTime time, String source, String reference,
                           String location, double lon, double lat, double easting, double northing,
                           Integer speedLimit, Integer vehiclesChecked, Integer vehiclesOver, Double maxSpeed,
                           Double meanSpeed) {
}
