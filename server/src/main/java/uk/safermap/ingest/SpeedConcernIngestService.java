package uk.safermap.ingest;

import org.apache.commons.csv.CSVRecord;
import uk.safermap.domain.SpeedConcern;
import uk.safermap.domain.TimeSpan;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.store.SpeedConcernStore;
import uk.safermap.store.KeyedImportSession;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a log of speeding complaints and Community Speedwatch sessions (CSV): a date (or
 * date-time), a place as longitude/latitude or British National Grid easting/northing, the source
 * (complaint, Speedwatch, enforcement), and for sessions the measured speeds. One transaction per
 * file; a reference is the key, else the row's content, so a second import adds nothing.
 */
public final class SpeedConcernIngestService {

    static final String NAME = "speed concern CSV";

    /** Accepted header names (case, spaces, underscores and hyphens ignored). */
    static final class Columns {
        static final String[] DATE = {"date", "session_date", "reported_date", "date_reported"};
        static final String[] TIME = {"time", "start_time", "session_time"};
        static final String[] DATETIME = {"datetime", "date_time", "occurred_at", "reported_at"};
        static final String[] SOURCE = {"source", "concern_type", "type"};
        static final String[] LOCATION = {"location", "street", "road", "site"};
        static final String[] EASTING = {"easting", "bng_easting", "x"};
        static final String[] NORTHING = {"northing", "bng_northing", "y"};
        static final String[] LONGITUDE = {"longitude", "lon", "lng"};
        static final String[] LATITUDE = {"latitude", "lat"};
        static final String[] SPEED_LIMIT = {"speed_limit", "limit", "limit_mph"};
        static final String[] CHECKED = {"vehicles_checked", "vehicles", "vehicles_monitored", "checked"};
        static final String[] OVER = {"vehicles_over", "over_limit", "vehicles_speeding", "speeding"};
        static final String[] MAX = {"max_speed", "top_speed", "highest_speed"};
        static final String[] MEAN = {"mean_speed", "average_speed", "avg_speed"};
        static final String[] REFERENCE = {"reference", "ref", "id"};

        private Columns() {
        }
    }

    private final SpeedConcernStore store;
    private final BritishNationalGrid grid;
    private final ServiceArea area;
    private final Clock clock;

    public SpeedConcernIngestService(SpeedConcernStore store, BritishNationalGrid grid, ServiceArea area, Clock clock) {
        this.store = store;
        this.grid = grid;
        this.area = area;
        this.clock = clock;
    }

    /** @throws FormatException when the header lacks a date, a source or a place */
    public ImportReport importStream(InputStream in, String sourceName) {
        CsvInput csv = new CsvInput(in, NAME);
        Fields f = new Fields(csv);
        LocalDateTime now = LocalDateTime.now(clock.withZone(WhenParser.LONDON));
        SourceKeys keys = new SourceKeys();
        try (KeyedImportSession<SpeedConcern> session = store.beginImport(sourceName)) {
            Map<String, SpeedConcern> batch = new LinkedHashMap<>();
            List<Rejection> rejections = new ArrayList<>();
            int[] counts = new int[3]; // valid, imported, rejected
            csv.forEach(r -> {
                Row row = csv.nulCharacter(r).map(nul -> new Row(null, nul)).orElseGet(() -> f.row(r, keys, now));
                if (row.rejection() != null) {
                    counts[2]++;
                    if (rejections.size() < IngestService.MAX_REPORTED_REJECTIONS) {
                        rejections.add(row.rejection());
                    }
                    return;
                }
                counts[0]++;
                batch.put(row.concern().sourceKey(), row.concern());
                if (batch.size() == 1000) {
                    counts[1] += session.add(List.copyOf(batch.values()));
                    batch.clear();
                }
            }, NAME);
            counts[1] += session.add(List.copyOf(batch.values()));
            long id = session.commit(counts[0] - counts[1], counts[2]);
            // Rows outside the service area are rejections here (a council's own log), not counted apart.
            return new ImportReport(id, counts[1], counts[0] - counts[1], 0, 0, 0, 0, List.of(),
                    List.copyOf(rejections), counts[2], counts[2] > rejections.size());
        }
    }

    /** One row read: exactly one of the two is present. */
    private record Row(SpeedConcern concern, Rejection rejection) {
        static Row rejected(long line, Optional<String> field, String value, String reason) {
            return new Row(null, new Rejection(line, field.orElse("?"), value, reason));
        }
    }

    /** The columns present in one file, and the parsing of a record against them. */
    private final class Fields {
        private final Optional<String> date;
        private final Optional<String> time;
        private final Optional<String> dateTime;
        private final Optional<String> source;
        private final Optional<String> location;
        private final Optional<String> easting;
        private final Optional<String> northing;
        private final Optional<String> longitude;
        private final Optional<String> latitude;
        private final Optional<String> limit;
        private final Optional<String> checked;
        private final Optional<String> over;
        private final Optional<String> max;
        private final Optional<String> mean;
        private final Optional<String> reference;

        Fields(CsvInput csv) {
            date = csv.column(Columns.DATE);
            time = csv.column(Columns.TIME);
            dateTime = csv.column(Columns.DATETIME);
            source = csv.column(Columns.SOURCE);
            location = csv.column(Columns.LOCATION);
            easting = csv.column(Columns.EASTING);
            northing = csv.column(Columns.NORTHING);
            longitude = csv.column(Columns.LONGITUDE);
            latitude = csv.column(Columns.LATITUDE);
            limit = csv.column(Columns.SPEED_LIMIT);
            checked = csv.column(Columns.CHECKED);
            over = csv.column(Columns.OVER);
            max = csv.column(Columns.MAX);
            mean = csv.column(Columns.MEAN);
            reference = csv.column(Columns.REFERENCE);
            boolean placed = (easting.isPresent() && northing.isPresent())
                    || (longitude.isPresent() && latitude.isPresent());
            if ((date.isEmpty() && dateTime.isEmpty()) || source.isEmpty() || !placed) {
                throw new FormatException("not a " + NAME + ": it needs columns date (or datetime), source, and "
                        + "longitude/latitude or easting/northing; found " + String.join(", ", csv.header()));
            }
        }

        Row row(CSVRecord r, SourceKeys keys, LocalDateTime now) {
            long line = CsvInput.line(r);
            String sourceText = CsvInput.value(r, source);
            String kind = kind(sourceText);
            if (kind == null) {
                return Row.rejected(line, source, sourceText, sourceText == null ? "missing source"
                        : "unknown source: expected a complaint, Community Speedwatch or enforcement");
            }
            String dt = CsvInput.value(r, dateTime);
            String d = CsvInput.value(r, date);
            Optional<TimeSpan> when = dt != null ? WhenParser.dateTime(dt)
                    : d != null ? WhenParser.date(d, CsvInput.value(r, time)) : Optional.empty();
            Optional<String> dateColumn = dateTime.isPresent() ? dateTime : date;
            if (when.isEmpty()) {
                String given = dt != null ? dt : d;
                return Row.rejected(line, dateColumn, given, given == null ? "missing date"
                        : "unknown date: expected " + WhenParser.ACCEPTED);
            }
            if (when.get().start().isAfter(now)) {
                return Row.rejected(line, dateColumn, when.get().start().toString(), "date is in the future");
            }
            double[] place = new double[4];
            Row bad = place(r, line, place);
            if (bad != null) {
                return bad;
            }
            Double[] measured = new Double[5];
            Optional<String>[] measures = List.of(limit, checked, over, max, mean).toArray(Optional[]::new);
            for (int k = 0; k < measures.length; k++) {
                String text = CsvInput.value(r, measures[k]);
                if (text != null) {
                    measured[k] = number(text);
                    if (measured[k] == null || measured[k] < 0) {
                        return Row.rejected(line, measures[k], text, "not a number of at least 0");
                    }
                }
            }
            String ref = CsvInput.value(r, reference);
            String loc = CsvInput.value(r, location);
            String key = ref != null ? keys.forId("speed", ref) : keys.forContent("speed-concerns",
                    when.get().start().toString(), kind, Double.toString(place[2]), Double.toString(place[3]), loc);
            return new Row(new SpeedConcern(0, key, when.get().start().toLocalDate(),
                    when.get().isInstant() ? when.get().start().toLocalTime() : null, kind, ref, loc, place[0],
                    place[1], place[2], place[3], whole(measured[0]), whole(measured[1]), whole(measured[2]),
                    measured[3], measured[4]), null);
        }

        /** lon, lat, easting, northing into {@code out}; a rejection, or null when fine. */
        private Row place(CSVRecord r, long line, double[] out) {
            Double x = number(CsvInput.value(r, easting));
            Double y = number(CsvInput.value(r, northing));
            double[] en;
            if (x != null && y != null) {
                en = new double[] {x, y};
                double[] lonLat = grid.toWgs84(x, y);
                out[0] = lonLat[0];
                out[1] = lonLat[1];
            } else {
                Double lon = number(CsvInput.value(r, longitude));
                Double lat = number(CsvInput.value(r, latitude));
                if (lon == null || lat == null || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                    return Row.rejected(line, longitude.isPresent() ? longitude : easting, null,
                            "no place: give longitude/latitude or easting/northing");
                }
                en = grid.toGrid(lon, lat);
                out[0] = lon;
                out[1] = lat;
            }
            if (!area.contains(en[0], en[1])) {
                return Row.rejected(line, easting.isPresent() ? easting : longitude, en[0] + "," + en[1],
                        "outside the service area (" + area.description() + ")");
            }
            out[2] = en[0];
            out[3] = en[1];
            return null;
        }
    }

    /** complaint, speedwatch or enforcement from the wording councils and Speedwatch groups use. */
    private static String kind(String text) {
        if (text == null) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("speedwatch") || t.equals("csw")) {
            return "speedwatch";
        }
        if (t.contains("complaint") || t.contains("resident") || t.contains("report")) {
            return "complaint";
        }
        if (t.contains("enforcement") || t.contains("camera") || t.contains("police")) {
            return "enforcement";
        }
        return null;
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer whole(Double d) {
        return d == null ? null : (int) Math.round(d);
    }
}
