package uk.safermap.ingest;

import org.apache.commons.csv.CSVRecord;
import uk.safermap.domain.Collision;
import uk.safermap.domain.Severity;
import uk.safermap.domain.TimeSpan;
import uk.safermap.geo.BritishNationalGrid;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Department for Transport's STATS19 collision CSV in any of its three column namings:
 * current ({@code collision_*}, 2024 release on), intermediate (lower-case {@code accident_*},
 * 2021-2024 releases) and old ({@code Accident_Index}, {@code 1st_Road_Class}, files before 2021).
 * Columns are found by name, so column order and the extra or missing optional columns of each
 * release do not matter. Codes are kept as published; -1, blank and NULL become "unknown".
 * Position comes from the OSGB36 eastings/northings, or from longitude/latitude when those are missing.
 */
final class Stats19CsvReader {

    static final String NAME = "STATS19 collision CSV";

    /** Which naming a file uses, reported back so the analyst sees what was recognised. */
    enum Naming { CURRENT, INTERMEDIATE, OLD }

    /** Accepted header names for each field (case, spaces, underscores and hyphens ignored). */
    static final class Columns {
        static final String[] INDEX = {"collision_index", "accident_index"};
        static final String[] SEVERITY = {"collision_severity", "accident_severity"};
        static final String[] ENHANCED = {"enhanced_collision_severity", "enhanced_severity_collision"};
        static final String[] DATE = {"date"};
        static final String[] TIME = {"time"};
        static final String[] EASTING = {"location_easting_osgr"};
        static final String[] NORTHING = {"location_northing_osgr"};
        static final String[] LONGITUDE = {"longitude"};
        static final String[] LATITUDE = {"latitude"};
        static final String[] SPEED_LIMIT = {"speed_limit"};
        static final String[] ROAD_CLASS = {"first_road_class", "1st_road_class"};
        static final String[] ROAD_NUMBER = {"first_road_number", "1st_road_number"};
        static final String[] LIGHT = {"light_conditions"};
        static final String[] WEATHER = {"weather_conditions"};
        static final String[] VEHICLES = {"number_of_vehicles"};
        static final String[] CASUALTIES = {"number_of_casualties"};
        static final String[] LSOA = {"lsoa_of_collision_location", "lsoa_of_accident_location"};

        private Columns() {
        }
    }

    /** Enhanced severity codes (2023 on): 1 fatal, 5 very, 6 moderately, 7 less serious, 3 slight. */
    private static final Set<Integer> ENHANCED_CODES = Set.of(1, 3, 5, 6, 7);

    /** One row read: a collision (not yet checked against the service area) or why not. */
    record Row(Collision collision, Rejection rejection) {
    }

    private final BritishNationalGrid grid;
    private final LocalDate today;

    /** @param today London's date now: a collision after it is an error in the file */
    Stats19CsvReader(BritishNationalGrid grid, LocalDate today) {
        this.grid = grid;
        this.today = today;
    }

    /**
     * Reads every row into the sink and returns the naming found.
     *
     * @throws FormatException when the header is not a STATS19 collision header
     */
    Naming read(InputStream in, Consumer<Row> sink) {
        CsvInput csv = new CsvInput(in, NAME);
        Fields f = new Fields(csv);
        Naming naming = naming(csv);
        csv.forEach(r -> sink.accept(csv.nulCharacter(r).map(nul -> new Row(null, nul)).orElseGet(() -> f.row(r))), NAME);
        return naming;
    }

    private static Naming naming(CsvInput csv) {
        boolean upper = csv.header().stream().anyMatch(h -> h.equals("Accident_Index"));
        if (csv.column("collision_index").isPresent()) {
            return Naming.CURRENT;
        }
        return upper ? Naming.OLD : Naming.INTERMEDIATE;
    }

    /** The columns present in one file, and the parsing of a record against them. */
    private final class Fields {
        private final Optional<String> index;
        private final Optional<String> severity;
        private final Optional<String> enhanced;
        private final Optional<String> date;
        private final Optional<String> time;
        private final Optional<String> easting;
        private final Optional<String> northing;
        private final Optional<String> longitude;
        private final Optional<String> latitude;
        private final Optional<String> speedLimit;
        private final Optional<String> roadClass;
        private final Optional<String> roadNumber;
        private final Optional<String> light;
        private final Optional<String> weather;
        private final Optional<String> vehicles;
        private final Optional<String> casualties;
        private final Optional<String> lsoa;

        Fields(CsvInput csv) {
            index = csv.column(Columns.INDEX);
            severity = csv.column(Columns.SEVERITY);
            enhanced = csv.column(Columns.ENHANCED);
            date = csv.column(Columns.DATE);
            time = csv.column(Columns.TIME);
            easting = csv.column(Columns.EASTING);
            northing = csv.column(Columns.NORTHING);
            longitude = csv.column(Columns.LONGITUDE);
            latitude = csv.column(Columns.LATITUDE);
            speedLimit = csv.column(Columns.SPEED_LIMIT);
            roadClass = csv.column(Columns.ROAD_CLASS);
            roadNumber = csv.column(Columns.ROAD_NUMBER);
            light = csv.column(Columns.LIGHT);
            weather = csv.column(Columns.WEATHER);
            vehicles = csv.column(Columns.VEHICLES);
            casualties = csv.column(Columns.CASUALTIES);
            lsoa = csv.column(Columns.LSOA);
            boolean located = (easting.isPresent() && northing.isPresent())
                    || (longitude.isPresent() && latitude.isPresent());
            if (index.isEmpty() || severity.isEmpty() || date.isEmpty() || casualties.isEmpty() || !located) {
                throw new FormatException("not a " + NAME + ": it needs columns collision_index (or accident_index), "
                        + "collision_severity (or accident_severity), date, number_of_casualties and "
                        + "location_easting_osgr/location_northing_osgr or longitude/latitude; found "
                        + String.join(", ", csv.header()));
            }
        }

        Row row(CSVRecord r) {
            long line = CsvInput.line(r);
            String id = CsvInput.value(r, index);
            if (id == null) {
                return rejected(line, index, null, "missing collision index");
            }
            Optional<Severity> sev = severity(CsvInput.value(r, severity));
            if (sev.isEmpty()) {
                return rejected(line, severity, CsvInput.value(r, severity),
                        "unknown severity: expected 1 (fatal), 2 (serious) or 3 (slight)");
            }
            String dateText = CsvInput.value(r, date);
            Optional<TimeSpan> day = dateText == null ? Optional.empty() : WhenParser.date(dateText, null);
            if (day.isEmpty()) {
                return rejected(line, date, dateText, dateText == null ? "missing date" : "unknown date: expected DD/MM/YYYY");
            }
            if (day.get().start().toLocalDate().isAfter(today)) {
                return rejected(line, date, dateText, "date is in the future");
            }
            String timeText = CsvInput.value(r, time);
            LocalTime timeOfDay = null;
            if (timeText != null && !unknown(timeText)) {
                Optional<TimeSpan> at = WhenParser.date(dateText, timeText);
                if (at.isEmpty()) {
                    return rejected(line, time, timeText, "unknown time: expected HH:MM (24-hour)");
                }
                timeOfDay = at.get().start().toLocalTime();
            }
            Integer enhancedCode = code(CsvInput.value(r, enhanced));
            if (enhancedCode != null && !ENHANCED_CODES.contains(enhancedCode)) {
                return rejected(line, enhanced, CsvInput.value(r, enhanced),
                        "unknown enhanced severity: expected 1, 5, 6, 7, 3 or -1");
            }
            Integer count = code(CsvInput.value(r, casualties));
            if (count == null || count < 1) {
                return rejected(line, casualties, CsvInput.value(r, casualties),
                        "number of casualties must be a whole number of at least 1 (STATS19 records injury collisions)");
            }
            Integer limit = code(CsvInput.value(r, speedLimit));
            if (limit != null && limit == 99) {
                limit = null; // 99: unknown (self reported)
            }
            double[] position = new double[4];
            Row bad = position(r, line, position);
            if (bad != null) {
                return bad;
            }
            LocalDate when = day.get().start().toLocalDate();
            return new Row(new Collision(0, id, when, timeOfDay, sev.get(), enhancedCode, limit,
                    code(CsvInput.value(r, roadClass)), code(CsvInput.value(r, roadNumber)),
                    code(CsvInput.value(r, light)), code(CsvInput.value(r, weather)), code(CsvInput.value(r, vehicles)),
                    count, position[0], position[1], position[2], position[3], CsvInput.value(r, lsoa)), null);
        }

        /** Fills lon, lat, easting, northing from the grid columns, else from lon/lat; null when fine. */
        private Row position(CSVRecord r, long line, double[] out) {
            Double x = number(CsvInput.value(r, easting));
            Double y = number(CsvInput.value(r, northing));
            if (x != null && y != null) {
                if (x <= 0 || x > 700_000 || y <= 0 || y > 1_300_000) {
                    return rejected(line, easting, x + "," + y,
                            "out of range: OSGB eastings are 0 to 700000 m and northings 0 to 1300000 m");
                }
                double[] lonLat = grid.toWgs84(x, y);
                Double lon = number(CsvInput.value(r, longitude));
                Double lat = number(CsvInput.value(r, latitude));
                out[0] = lon != null && lat != null ? lon : lonLat[0];
                out[1] = lon != null && lat != null ? lat : lonLat[1];
                out[2] = x;
                out[3] = y;
                return null;
            }
            Double lon = number(CsvInput.value(r, longitude));
            Double lat = number(CsvInput.value(r, latitude));
            if (lon == null || lat == null) {
                return rejected(line, easting.isPresent() ? easting : longitude, null,
                        "no location: eastings/northings and longitude/latitude are all missing");
            }
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90 || (lon == 0 && lat == 0)) {
                return rejected(line, longitude, lon + "," + lat, "out of range: not a longitude/latitude");
            }
            double[] en = grid.toGrid(lon, lat);
            out[0] = lon;
            out[1] = lat;
            out[2] = en[0];
            out[3] = en[1];
            return null;
        }
    }

    private static Row rejected(long line, Optional<String> column, String value, String reason) {
        return new Row(null, new Rejection(line, column.orElse("?"), value, reason));
    }

    /** Codes 1/2/3, or the labels of decoded re-packs (Fatal, Serious, Slight). */
    private static Optional<Severity> severity(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Integer code = code(text);
        return code != null ? Severity.fromCode(code) : Severity.fromKey(text.toLowerCase(Locale.ROOT));
    }

    private static boolean unknown(String text) {
        return text.equalsIgnoreCase("NULL") || text.equals("-1");
    }

    /** A whole-number code; null for blank, NULL, -1 and anything that is not a whole number. */
    private static Integer code(String text) {
        if (text == null || unknown(text)) {
            return null;
        }
        try {
            int v = Integer.parseInt(text);
            return v < 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double number(String text) {
        if (text == null || unknown(text)) {
            return null;
        }
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
