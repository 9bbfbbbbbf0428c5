package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;
import uk.safermap.geo.BritishNationalGrid;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Patrol dosage over real HTTP on incidents the project never generated: clustered points built
 * here (not by the sample generator), imported as council records into an empty store. Two foot
 * units on an eight-hour evening shift must visit the two riskiest places again and again and
 * spend at least a quarter of the shift at hot spots, rather than go home after two hours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatrolDosageApiTest {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;
    private final BritishNationalGrid grid = new BritishNationalGrid();

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off")).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        assertThat(api.post("/api/imports?format=council-csv", clusteredIncidents().getBytes()).status())
                .isEqualTo(201);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /**
     * Evening incidents in Melton Mowbray: two big clusters (the answer: the riskiest places), four
     * smaller ones and a thin scatter over 3 km, each within 20 m of its centre, 18:00-01:00 in May.
     */
    private String clusteredIncidents() {
        double[][] centres = {{-0.8890, 52.7650, 70}, {-0.8790, 52.7690, 55}, {-0.8950, 52.7600, 30},
            {-0.8830, 52.7580, 28}, {-0.8740, 52.7630, 26}, {-0.8990, 52.7700, 24}};
        SplittableRandom r = new SplittableRandom(20261202);
        StringBuilder csv = new StringBuilder("reference,easting,northing,date,time,category\n");
        int id = 0;
        for (double[] c : centres) {
            double[] en = grid.toGrid(c[0], c[1]);
            for (int i = 0; i < c[2]; i++) {
                csv.append(row(id++, en[0] + r.nextDouble(-20, 20), en[1] + r.nextDouble(-20, 20), r));
            }
        }
        double[] middle = grid.toGrid(-0.8870, 52.7640);
        for (int i = 0; i < 60; i++) {
            csv.append(row(id++, middle[0] + r.nextDouble(-1500, 1500), middle[1] + r.nextDouble(-1500, 1500), r));
        }
        return csv.toString();
    }

    private static String row(int id, double easting, double northing, SplittableRandom r) {
        int minute = 18 * 60 + r.nextInt(7 * 60);
        return String.format(Locale.ROOT, "EVE-%d,%.1f,%.1f,2026-05-%02d,%02d:%02d,Drugs%n", id, easting, northing,
                1 + r.nextInt(28), minute / 60 % 24, minute % 60);
    }

    @Test
    void two_foot_units_visit_the_two_riskiest_places_repeatedly_and_spend_a_quarter_of_the_shift_there() {
        ApiClient.Response r = api.post("/api/patrols/plan", ("{\"start\":\"2026-06-12T18:00\","
                + "\"end\":\"2026-06-13T02:00\",\"units\":2,\"mode\":\"foot\",\"visitMinutes\":15}").getBytes());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode p = r.json();

        for (int rank = 0; rank < 2; rank++) {
            JsonNode h = p.get("hotspots").get(rank);
            assertThat(h.get("visits").asInt()).as("visits to rank %d", rank + 1).isGreaterThanOrEqualTo(4);
            for (JsonNode gap : h.get("gapMinutes")) {
                assertThat(gap.asInt()).isBetween(75, 120);
            }
        }
        // The two big clusters are the top two places.
        double[] top = grid.toGrid(p.at("/hotspots/0/position/0").asDouble(), p.at("/hotspots/0/position/1").asDouble());
        double[] a = grid.toGrid(-0.8890, 52.7650);
        double[] b = grid.toGrid(-0.8790, 52.7690);
        assertThat(Math.min(Math.hypot(top[0] - a[0], top[1] - a[1]), Math.hypot(top[0] - b[0], top[1] - b[1])))
                .isLessThan(50);
        double atHotspots = 0;
        OffsetDateTime end = OffsetDateTime.parse(p.at("/shift/end").asText());
        for (JsonNode unit : p.get("units")) {
            JsonNode shares = unit.get("shares");
            atHotspots += shares.get("atHotspots").asDouble();
            assertThat(shares.get("atHotspots").asDouble() + shares.get("travelling").asDouble()
                    + shares.get("onBeat").asDouble() + shares.get("atBase").asDouble()).isBetween(0.99, 1.01);
            // On the beat until the last cycle of visits, not home after two hours.
            assertThat(OffsetDateTime.parse(unit.get("returnAt").asText())).isAfter(end.minusMinutes(120));
        }
        assertThat(atHotspots / 2).as("share of the shift at hot spots").isGreaterThanOrEqualTo(0.25);
        assertThat(p.get("notes").toString()).contains("visited again and again");
        // The plan, dose included, is stored as made.
        assertThat(api.get("/api/patrols/plan/" + p.get("id").asText()).json()).isEqualTo(p);
    }

    @Test
    void a_week_schedule_exports_as_json_csv_icalendar_and_a_printable_page() throws Exception {
        String body = "{\"firstDay\":\"2026-06-15\",\"days\":7,\"places\":4,\"units\":2,\"visitMinutes\":15,"
                + "\"shifts\":[{\"start\":\"18:00\",\"end\":\"02:00\"}],\"seed\":9}";
        ApiClient.Response json = api.post("/api/patrols/schedule", body.getBytes());
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        JsonNode s = json.json();
        assertThat(s.get("visits")).hasSize(7 * 4);
        assertThat(s.at("/units/0/visits").asInt() + s.at("/units/1/visits").asInt()).isEqualTo(28);
        assertThat(Math.abs(s.at("/units/0/visits").asInt() - s.at("/units/1/visits").asInt())).isLessThanOrEqualTo(1);
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (JsonNode place : s.get("places")) {
            assertThat(place.get("visits").asInt()).isEqualTo(7);
            // Each place is named on the ground in every form: street, place, ward, grid reference.
            assertThat(place.get("label").asText()).contains(place.get("place").asText())
                    .endsWith(" · " + place.get("gridRef").asText());
            labels.put(place.get("rank").asText(), place.get("label").asText());
        }

        ApiClient.Response csv = api.post("/api/patrols/schedule?format=csv", body.getBytes());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.text().split("\r?\n");
        assertThat(lines[0]).isEqualTo("day,start,end,unit,place,label,street,grid_ref,lon,lat");
        assertThat(lines).hasSize(1 + 28);
        for (org.apache.commons.csv.CSVRecord row : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).build().parse(new java.io.StringReader(csv.text()))) {
            assertThat(row.get("label")).isEqualTo(labels.get(row.get("place")));
        }

        ApiClient.Response ics = api.post("/api/patrols/schedule?format=ics", body.getBytes());
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        // Read back with the library: one event per visit, at the JSON's times.
        biweekly.ICalendar calendar = biweekly.Biweekly.parse(ics.text()).first();
        assertThat(calendar.getEvents()).hasSize(28);
        java.util.Set<java.time.Instant> starts = new java.util.HashSet<>();
        s.get("visits").forEach(v -> starts.add(OffsetDateTime.parse(v.get("start").asText()).toInstant()));
        calendar.getEvents().forEach(e -> {
            assertThat(starts).contains(e.getDateStart().getValue().toInstant());
            assertThat(e.getSummary().getValue()).startsWith("Hot spot patrol: ");
            assertThat(labels.values()).contains(e.getLocation().getValue());
            assertThat(java.time.Duration.between(e.getDateStart().getValue().toInstant(),
                    e.getDateEnd().getValue().toInstant())).isEqualTo(java.time.Duration.ofMinutes(15));
        });

        ApiClient.Response html = api.post("/api/patrols/schedule?format=html", body.getBytes());
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.text()).contains("Hot spot patrol schedule", "Mon 15 Jun 2026", "Sun 21 Jun 2026")
                .doesNotContain("<script", "style=");
        labels.values().forEach(label -> assertThat(html.text()).contains(Html.escape(label)));

        assertThat(api.post("/api/patrols/schedule", body.getBytes()).json()).isEqualTo(s);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "no first day|{\"days\":7}|firstDay is required",
        "bad first day|{\"firstDay\":\"15/06/2026\"}|firstDay must be a date",
        "too many days|{\"firstDay\":\"2026-06-15\",\"days\":60}|days",
        "bad shift time|{\"firstDay\":\"2026-06-15\",\"shifts\":[{\"start\":\"6pm\",\"end\":\"02:00\"}]}|must be a time such as 18:00",
        "shift shorter than a visit|{\"firstDay\":\"2026-06-15\",\"shifts\":[{\"start\":\"18:00\",\"end\":\"18:05\"}]}|shorter than a 15-minute visit",
        "unknown member|{\"firstDay\":\"2026-06-15\",\"weeks\":2}|weeks",
    })
    void bad_schedule_requests_get_a_400_that_says_what_is_wrong(String name, String body, String message) {
        ApiClient.Response r = api.post("/api/patrols/schedule", body.getBytes());
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains(message);
    }

    @Test
    void an_unknown_schedule_format_gets_a_400() {
        ApiClient.Response r = api.post("/api/patrols/schedule?format=pdf", "{\"firstDay\":\"2026-06-15\"}".getBytes());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("format must be one of json, csv, ics, html");
    }

    /** A plan of the evening shift, made once per call. */
    private JsonNode eveningPlan() {
        ApiClient.Response r = api.post("/api/patrols/plan", ("{\"start\":\"2026-06-12T18:00\","
                + "\"end\":\"2026-06-13T02:00\",\"units\":[{\"name\":\"Alpha\"},{\"name\":\"Bravo\"}],"
                + "\"visitMinutes\":15}").getBytes());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    /** GPS fixes every 30 s through each visit the plan makes, at the place, except visits to {@code skipRank}. */
    private static List<String[]> fixes(JsonNode plan, int skipRank) {
        List<String[]> out = new ArrayList<>();
        for (JsonNode unit : plan.get("units")) {
            for (JsonNode v : unit.get("visits")) {
                if (v.get("hotspot").asInt() == skipRank) {
                    continue;
                }
                OffsetDateTime t = OffsetDateTime.parse(v.get("arrival").asText());
                OffsetDateTime end = OffsetDateTime.parse(v.get("departure").asText());
                for (; !t.isAfter(end); t = t.plusSeconds(30)) {
                    out.add(new String[] {unit.get("name").asText(), t.toString(), v.at("/position/0").asText(),
                        v.at("/position/1").asText()});
                }
            }
        }
        return out;
    }

    private static String gpx(List<String[]> fixes) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n");
        for (String unit : List.of("Alpha", "Bravo")) {
            out.append("<trk><name>").append(unit).append("</name><trkseg>\n");
            for (String[] f : fixes) {
                if (f[0].equals(unit)) {
                    out.append("<trkpt lat=\"").append(f[3]).append("\" lon=\"").append(f[2]).append("\"><time>")
                            .append(f[1]).append("</time></trkpt>\n");
                }
            }
            out.append("</trkseg></trk>\n");
        }
        return out.append("</gpx>\n").toString();
    }

    private static String csv(List<String[]> fixes) {
        StringBuilder out = new StringBuilder("unit,time,lon,lat\n");
        fixes.forEach(f -> out.append(String.join(",", f)).append('\n'));
        return out.toString();
    }

    private ApiClient.Response upload(String planId, String format, String body) {
        return api.post("/api/patrols/plan/" + planId + "/tracks?format=" + format, body.getBytes());
    }

    @Test
    void gps_tracks_that_follow_the_plan_deliver_the_whole_dose() {
        JsonNode plan = eveningPlan();
        ApiClient.Response r = upload(plan.get("id").asText(), "gpx", gpx(fixes(plan, 0)));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode report = r.json();
        assertThat(report.at("/total/compliance").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/total/plannedMinutes").asDouble()).isEqualTo(plan.at("/summary/dwellMinutes").asDouble());
        report.get("places").forEach(p -> assertThat(p.at("/dose/compliance").asDouble()).isEqualTo(1.0));
        report.get("units").forEach(u -> assertThat(u.at("/dose/compliance").asDouble()).isEqualTo(1.0));
        // The shift crosses midnight: two London days.
        assertThat(report.get("days")).hasSize(2);
        assertThat(api.get("/api/patrols/plan/" + plan.get("id").asText() + "/compliance").json()).isEqualTo(report);
    }

    @Test
    void tracks_that_skip_the_riskiest_place_lose_exactly_its_share_of_the_dose() {
        JsonNode plan = eveningPlan();
        double total = plan.at("/summary/dwellMinutes").asDouble();
        double top = plan.at("/hotspots/0/minutesOnSite").asDouble();
        assertThat(top).isPositive();

        ApiClient.Response r = upload(plan.get("id").asText(), "csv", csv(fixes(plan, 1)));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode report = r.json();
        assertThat(report.at("/total/deliveredMinutes").asDouble()).isCloseTo(total - top, within(0.01));
        assertThat(report.at("/total/compliance").asDouble()).isCloseTo(1 - top / total, within(0.001));
        assertThat(report.at("/places/0/dose/compliance").asDouble()).isZero();
        assertThat(report.at("/places/1/dose/compliance").asDouble()).isEqualTo(1.0);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "gpx|<gpx><trk><name>Alpha</name><trkseg>\\n<trkpt lat='52.76' lon='-0.88'><time>2026-06-12T18:00:00Z</time></trkpt>\\n<trkpt lat='52.76'>|GPX line 3",
        "gpx|<gpx><trk><name>Alpha</name><trkseg>\\n\\n<trkpt lat='north' lon='-0.88'><time>2026-06-12T18:00:00Z</time></trkpt></trkseg></trk></gpx>|GPX line 3: lat must be a number",
        "gpx|<gpx><trk><name>Alpha</name><trkseg>\\n<trkpt lat='52.76' lon='-0.88'><time>six pm</time></trkpt></trkseg></trk></gpx>|GPX line 2: time must be ISO 8601",
        "csv|unit,time,lon,lat\\nAlpha,2026-06-12T18:00:00Z,-0.88,52.76\\nAlpha,2026-06-12T18:00:30Z,-0.88|CSV line 3: 4 fields expected",
        "csv|unit,time,lon,lat\\nAlpha,2026-06-12T18:00:00Z,-0.88,52.76\\nAlpha,2026-06-12T18:00:30Z,west,52.76|CSV line 3: lon must be a number",
        "csv|unit,when,x,y\\nAlpha,2026-06-12T18:00:00Z,-0.88,52.76|CSV line 1: the header must be unit,time,lon,lat",
    })
    void malformed_tracks_get_a_400_naming_the_line_and_leave_the_stored_tracks_alone(String format, String body,
                                                                                      String message) {
        JsonNode plan = eveningPlan();
        String id = plan.get("id").asText();
        assertThat(upload(id, "csv", csv(fixes(plan, 0))).status()).isEqualTo(201);

        ApiClient.Response r = upload(id, format, body.replace("\\n", "\n").replace('\'', '"'));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains(message);
        assertThat(api.get("/api/patrols/plan/" + id + "/compliance").json().at("/total/compliance").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void tracks_for_an_unknown_plan_get_a_404_and_an_unknown_format_a_400() {
        assertThat(upload("no-such-plan", "csv", "unit,time,lon,lat\n").status()).isEqualTo(404);
        assertThat(api.get("/api/patrols/plan/no-such-plan/compliance").status()).isEqualTo(404);
        assertThat(upload("no-such-plan", "kml", "").json().get("message").asText())
                .contains("format must be gpx or csv");
    }
}
