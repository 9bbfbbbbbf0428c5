package uk.safermap.domain;

import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * One crime or anti-social behaviour incident, normalised from any import format.
 *
 * <p>Position is held twice: WGS 84 lon/lat (as published, for maps) and British National Grid
 * metres (for every distance, grid and density computation). When it happened is a
 * {@link TimeSpan}: a whole month for police.uk rows, a day or an instant for council rows.
 *
 * @param id             store id, 0 before the incident is stored
 * @param sourceKey      de-duplication key: the same real incident always gets the same key
 * @param source         import format it came from ({@code police-csv}, {@code council-csv}, {@code geojson})
 * @param crimeId        police.uk Crime ID or council reference, null when the source has none (police.uk ASB)
 * @param category       normalised category
 * @param categoryLabel  the category text exactly as the source gave it
 * @param sensitive      flagged sensitive at import (e.g. domestic abuse, sexual offences)
 * @param details        the descriptive texts as the source gave them (location, LSOA, outcome, ...)
 */
public record Incident(long id, String sourceKey, String source, String crimeId, YearMonth month, TimeSpan when,
                       Category category, String categoryLabel, double lon, double lat, double easting,
                       double northing, boolean sensitive, IncidentDetails details) {

    /** One descriptive text, or null when the source gave none. */
    public String detail(IncidentDetail d) {
        return details.get(d);
    }

    /** This incident with one descriptive text replaced. */
    public Incident withDetail(IncidentDetail d, String value) {
        return new Incident(id, sourceKey, source, crimeId, month, when, category, categoryLabel, lon, lat, easting,
                northing, sensitive, details.with(d, value));
    }

    /** The local date-time it happened, when the source gave one (police.uk never does). */
    public LocalDateTime occurredAt() {
        return when.isInstant() ? when.start() : null;
    }
}
