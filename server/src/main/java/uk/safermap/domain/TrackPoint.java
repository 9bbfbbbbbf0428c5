package uk.safermap.domain;

import java.time.Instant;

/**
 * One GPS fix of a patrol unit.
 *
 * @param unit the unit's name, as in its patrol plan
 * @param lon  WGS 84 longitude
 * @param lat  WGS 84 latitude
 */
public record TrackPoint(String unit, Instant time, double lon, double lat) {
}
