package uk.safermap.domain;

import java.util.List;

/**
 * The one description of an incident's descriptive texts: the values an import copies as its
 * source gave them, the store keeps in a column of the same name, and the incidents layer
 * publishes as a property of that name. The readers, both stores and the layer iterate over
 * these constants, so adding a field is one constant here plus a Flyway migration adding its
 * column ({@code ALTER TABLE incident ADD COLUMN name VARCHAR(maxLength)}); whether the layer
 * shows it is the disclosure policy's decision ({@code DisclosurePolicy.shownAtPointLevel}).
 *
 * <p>The typed fields every computation needs (time, category, position, sensitivity) are not
 * here: they are {@link Incident}'s own components.
 *
 * @param column        the store column, the layer property and the GeoJSON import property
 * @param maxLength     the column's width; longer values are cut at import
 * @param policeCsv     the data.police.uk street-level CSV header, or null when police.uk has none
 * @param councilCsv    the accepted council case CSV headers, first match wins (case and
 *                      separators ignored); empty when council exports have none
 */
public enum IncidentDetail {
    LOCATION("location", 500, "Location", List.of("location", "street", "address", "place")),
    LSOA_CODE("lsoa_code", 20, "LSOA code", List.of()),
    LSOA_NAME("lsoa_name", 200, "LSOA name", List.of()),
    OUTCOME("outcome", 200, "Last outcome category", List.of("outcome", "status", "case_status")),
    CONTEXT("context", 2000, "Context", List.of()),
    REPORTED_BY("reported_by", 200, "Reported by", List.of()),
    FALLS_WITHIN("falls_within", 200, "Falls within", List.of());

    private final String column;
    private final int maxLength;
    private final String policeCsv;
    private final List<String> councilCsv;

    IncidentDetail(String column, int maxLength, String policeCsv, List<String> councilCsv) {
        this.column = column;
        this.maxLength = maxLength;
        this.policeCsv = policeCsv;
        this.councilCsv = councilCsv;
    }

    public String column() {
        return column;
    }

    public int maxLength() {
        return maxLength;
    }

    public String policeCsv() {
        return policeCsv;
    }

    public List<String> councilCsv() {
        return councilCsv;
    }
}
