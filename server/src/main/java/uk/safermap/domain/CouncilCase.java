package uk.safermap.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One council case of a {@link CaseType} (a fly-tipping report, a dog fouling complaint),
 * positioned in WGS 84 and British National Grid metres.
 *
 * @param sourceKey de-duplication key: {@code case:} and the council reference, or a content hash
 * @param label     the case type text exactly as the council's export gave it
 * @param time      local time of day, null when the export gives a date only
 */
public record CouncilCase(long id, String sourceKey, CaseType type, String label, String reference, LocalDate date,
                          LocalTime time, double lon, double lat, double easting, double northing, String location) {
}
