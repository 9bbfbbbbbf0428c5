package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;
import uk.safermap.geo.BritishNationalGrid;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a new user starts it: seeded with the real Melton months shipped in
 * gis-data/melton, and the default analyses over them leave no incident out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataApiTest {

    @TempDir
    static Path dir;

    /** police.uk's snap-point names that are kinds of place, not streets (as in its street-level files). */
    private static final Set<String> PLACE_KINDS = Set.of("Parking Area", "Petrol Station", "Supermarket",
            "Sports/Recreation Area", "Shopping Area", "Nightclub", "Park/Open Space", "Hospital", "Police Station",
            "Further/Higher Educational Building", "Conference/Exhibition Centre", "Theatre/Concert Hall",
            "Bus/Coach Station", "Airport/Airfield", "Pedestrian Subway");
    /** A result this close to a street's snap point is on it, as documented (metres). */
    private static final double ON_STREET = 150;
    /** A result this close is near it ("Near Burton Street", "Supermarket near Burton Street"). */
    private static final double NEAR_STREET = 500;

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private App app;
    private ApiClient api;
    private int extractRows;
    /** The street snap points of the shipped extract, read here from the raw file: name and grid point. */
    private final List<Street> streets = new ArrayList<>();

    private record Street(String name, Point at) {
    }

    @BeforeAll
    void start() throws Exception {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString())).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Path.of("../gis-data/melton/police-uk-melton-street.csv.gz"))),
                StandardCharsets.UTF_8))) {
            extractRows = (int) r.lines().count() - 1;
        }
        try (Reader r = new InputStreamReader(new GZIPInputStream(Files.newInputStream(
                Path.of("../gis-data/melton/police-uk-melton-street.csv.gz"))), StandardCharsets.UTF_8)) {
            GeometryFactory factory = new GeometryFactory();
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                String location = row.get("Location");
                if (location.startsWith("On or near ") && !row.get("Longitude").isEmpty()) {
                    double[] en = grid.toGrid(Double.parseDouble(row.get("Longitude")),
                            Double.parseDouble(row.get("Latitude")));
                    streets.add(new Street(location.substring("On or near ".length()),
                            factory.createPoint(new Coordinate(en[0], en[1]))));
                }
            }
        }
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_new_store_opens_on_every_real_melton_row_and_names_its_source_and_licence() {
        assertThat(api.get("/collections/incidents/items?limit=1").json().get("numberMatched").asInt())
                .isEqualTo(extractRows);
        JsonNode config = api.get("/api/viewer/config").json();
        assertThat(config.get("sampleData").asBoolean()).isFalse();
        assertThat(config.get("dataSource").asText())
                .startsWith("data.police.uk, Leicestershire Police, months 2019-12 to 2021-11")
                .contains("Open Government Licence v3.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&from=2021-06&to=2021-12", "&types=burglary"})
    void default_gi_star_emerging_and_dbscan_runs_analyse_every_selected_incident(String filter) {
        for (String path : new String[] {"/api/hotspots/gistar?cell=100", "/api/hotspots/emerging?cell=200",
                "/api/hotspots/clusters?eps=50"}) {
            JsonNode summary = api.get(path + filter).json().get("summary");
            assertThat(summary.get("incidentsSelected").asInt()).as(path + filter).isPositive();
            assertThat(summary.get("incidentsAnalysed").asInt()).as(path + filter)
                    .isEqualTo(summary.get("incidentsSelected").asInt());
        }
        JsonNode all = api.get("/api/hotspots/gistar?cell=100").json().get("summary");
        assertThat(all.get("incidentsSelected").asInt()).isEqualTo(extractRows);
    }

    @Test
    void no_profile_names_a_top_location_on_or_near_nothing_or_a_place_kind_alone() {
        JsonNode areas = api.get("/api/areas/profile?from=2020-01&to=2021-11&baseline=2019").json().get("areas");
        assertThat(areas.size()).isPositive();
        int locations = 0;
        for (JsonNode area : areas) {
            for (JsonNode l : area.get("topLocations")) {
                locations++;
                assertThat(l.get("location").asText()).as(area.get("name").asText())
                        .isNotBlank().doesNotMatch("(?i)on or near\\s*(|parking area|petrol station|supermarket)");
            }
        }
        assertThat(locations).isPositive();
    }

    @Test
    void the_town_centre_gets_gi_star_cells_judged_against_the_borough() {
        JsonNode r = api.get("/api/hotspots/gistar?cell=100&area=neighbourhood:town-centre").json();
        assertThat(r.get("features").size()).isPositive();
        assertThat(r.get("warnings").toString()).doesNotContain("needs at least");
        int hot = r.at("/summary/classCounts/hot-99").asInt() + r.at("/summary/classCounts/hot-95").asInt();
        assertThat(hot).as("the busiest streets of the borough are in its town centre").isPositive();
        assertThat(r.at("/summary/incidentsAnalysed").asInt()).isEqualTo(r.at("/summary/incidentsSelected").asInt())
                .isPositive();
    }

    @Test
    void every_hot_spot_camera_site_and_patrol_stop_is_named_by_a_police_uk_street_within_reach() throws Exception {
        List<JsonNode> named = new ArrayList<>();
        api.get("/api/hotspots/clusters").json().get("features").forEach(named::add);
        api.get("/api/hotspots/gistar?cell=100").json().get("features").forEach(f -> {
            if (f.at("/properties/class").asText().startsWith("hot")) {
                named.add(f);
            }
        });
        int hotspots = named.size();
        ApiClient.Response cctv = api.post("/api/placement/cctv", "{\"k\":5,\"existing\":[]}".getBytes());
        assertThat(cctv.status()).as(cctv.text()).isEqualTo(200);
        cctv.json().get("features").forEach(f -> {
            if (f.at("/properties/kind").asText().equals("site")) {
                named.add(f);
            }
        });
        assertThat(hotspots).isGreaterThan(2);
        assertThat(named).hasSizeGreaterThan(hotspots + 4);
        for (JsonNode f : named) {
            assertNamedByStreet(f.get("properties"), gridGeometry(f.get("geometry")));
        }
    }

    @Test
    void a_sergeant_reads_the_street_of_every_stop_in_the_briefing() throws Exception {
        ApiClient.Response r = api.post("/api/patrols/plan", ("{\"start\":\"2021-06-11T18:00\","
                + "\"end\":\"2021-06-12T02:00\",\"units\":[{\"name\":\"Alpha\"},{\"name\":\"Bravo\"}]}").getBytes());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode plan = r.json();
        String page = api.getAccepting("/api/patrols/plan/" + plan.get("id").asText() + "/print", "text/html").text();
        int stops = 0;
        for (JsonNode unit : plan.get("units")) {
            for (JsonNode visit : unit.get("visits")) {
                double[] en = grid.toGrid(visit.at("/position/0").asDouble(), visit.at("/position/1").asDouble());
                assertNamedByStreet(visit, new GeometryFactory().createPoint(new Coordinate(en[0], en[1])));
                assertThat(page).contains(Html.escape(visit.get("street").asText()), Html.escape(visit.get("label").asText()));
                stops++;
            }
        }
        assertThat(stops).isPositive();
    }

    @Test
    void search_finds_streets_places_wards_lsoas_and_grid_references_and_tells_councillors_no_counts() {
        JsonNode street = api.get("/api/search?q=Burton%20Street").json().get("matches");
        assertThat(street).anySatisfy(m -> {
            assertThat(m.get("kind").asText()).isEqualTo("street");
            assertThat(m.get("name").asText()).isEqualTo("Burton Street, Melton Mowbray");
            // The match lies at one of Burton Street's own snap points.
            double[] en = grid.toGrid(m.get("lon").asDouble(), m.get("lat").asDouble());
            assertThat(streets).anySatisfy(s -> {
                assertThat(s.name()).isEqualTo("Burton Street");
                assertThat(s.at().distance(new GeometryFactory().createPoint(new Coordinate(en[0], en[1]))))
                        .isLessThan(1.0);
            });
        });
        assertThat(api.get("/api/search?q=Petrol%20Station").json().get("matches")).isEmpty();
        assertThat(api.get("/api/search?q=SK%20752%20190").json().at("/matches/0/kind").asText()).isEqualTo("gridref");
        assertThat(api.get("/api/search?q=Asfordby").json().get("matches")).extracting(m -> m.get("kind").asText())
                .contains("place", "ward");
        assertThat(api.get("/api/search?q=Melton%20003A").json().at("/matches/0/kind").asText()).isEqualTo("lsoa");
        // A councillor finds a busy street by name and position only; a street of one or two incidents not at all.
        ApiClient councillor = new ApiClient(app.port()).withToken(TestUsers.COUNCILLOR);
        JsonNode burton = councillor.get("/api/search?q=Burton%20Street").json().at("/matches/0");
        assertThat(burton.get("kind").asText()).isEqualTo("street");
        assertThat(burton.properties()).extracting(Map.Entry::getKey).containsExactly("kind", "name", "lon", "lat");
        Map<String, Long> perStreet = new HashMap<>();
        streets.forEach(s -> perStreet.merge(s.name(), 1L, Long::sum));
        String rare = perStreet.entrySet().stream().filter(e -> e.getValue() == 1 && !PLACE_KINDS.contains(e.getKey())
                && !e.getKey().isBlank()).map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        String q = "/api/search?q=" + rare.replace(" ", "%20");
        assertThat(api.get(q).json().get("matches")).extracting(m -> m.get("kind").asText()).contains("street");
        assertThat(councillor.get(q).json().get("matches")).extracting(m -> m.get("kind").asText())
                .doesNotContain("street");
    }

    /**
     * The result names a police.uk street (never a kind of place) that has a snap point within
     * 500 m of its shape, and its one-line label names that street and the place; a label that
     * puts it on the street ("Burton Street, Melton Mowbray ...") has the snap point within 150 m
     * (1 m is left for rounding of positions).
     */
    private void assertNamedByStreet(JsonNode p, Geometry at) {
        String street = p.path("street").asText("");
        String label = p.get("label").asText();
        assertThat(street).as(p.toString()).isNotBlank();
        assertThat(PLACE_KINDS).doesNotContain(street);
        double reach = label.startsWith(street + ", ") ? ON_STREET : NEAR_STREET;
        assertThat(streets).as(label + ": " + street + " within " + reach + " m")
                .anyMatch(s -> s.name().equals(street) && at.distance(s.at()) <= reach + 1);
        assertThat(label).contains(street + ", " + p.get("place").asText()).endsWith(" · " + p.get("gridRef").asText());
    }

    private Geometry gridGeometry(JsonNode lonLat) throws Exception {
        Geometry g = new GeoJsonReader().read(lonLat.toString());
        g.apply((CoordinateFilter) c -> {
            double[] en = grid.toGrid(c.x, c.y);
            c.x = en[0];
            c.y = en[1];
        });
        g.geometryChanged();
        return g;
    }
}
