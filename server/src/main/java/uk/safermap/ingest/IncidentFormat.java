package uk.safermap.ingest;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The import formats, by the names used in {@code POST /api/imports?format=}. */
public enum IncidentFormat {
    POLICE_CSV("police-csv"),
    COUNCIL_CSV("council-csv"),
    GEOJSON("geojson");

    private final String key;

    IncidentFormat(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<IncidentFormat> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** "police-csv, council-csv, geojson", for error messages. */
    public static String keys() {
        return Arrays.stream(values()).map(IncidentFormat::key).collect(Collectors.joining(", "));
    }
}
