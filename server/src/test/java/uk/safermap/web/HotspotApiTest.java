package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.GridReference;
import uk.safermap.sample.HotspotsFile;
import uk.safermap.sample.PlantedHotspot;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot spot endpoints over real HTTP on the seeded Melton sample: what the generator planted
 * must be found, and bad parameters are refused with a message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotApiTest {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;
    private List<PlantedHotspot> planted;
    private final GeometryFactory wgs84 = new GeometryFactory();

    @BeforeAll
    void start() throws Exception {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "generated", "SAFERMAP_SAMPLE_MONTHS", "24")).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        planted = new HotspotsFile().read(dir.resolve("sample/melton-sample.hotspots.json")).hotspots();
        assertThat(planted).hasSizeGreaterThanOrEqualTo(5);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private List<Geometry> geometries(JsonNode collection, String property, List<String> wanted) throws Exception {
        List<Geometry> out = new ArrayList<>();
        GeoJsonReader reader = new GeoJsonReader();
        for (JsonNode f : collection.get("features")) {
            if (wanted == null || wanted.contains(f.at("/properties/" + property).asText())) {
                out.add(reader.read(f.get("geometry").toString()));
            }
        }
        return out;
    }

    private boolean covered(List<Geometry> shapes, PlantedHotspot h) {
        var centre = wgs84.createPoint(new Coordinate(h.lon(), h.lat()));
        return shapes.stream().anyMatch(g -> g.covers(centre));
    }

    @Test
    void every_planted_hot_spot_centre_lies_in_a_dbscan_cluster() throws Exception {
        JsonNode r = api.get("/api/hotspots/clusters?eps=50&minPts=20").json();
        assertThat(r.at("/summary/clusters").asInt()).isPositive();
        assertThat(r.get("features").get(0).at("/properties/clusterId").asInt()).isEqualTo(1);
        List<Geometry> clusters = geometries(r, "clusterId", null);
        for (PlantedHotspot h : planted) {
            assertThat(covered(clusters, h)).as("planted hot spot %s", h.name()).isTrue();
        }
    }

    @Test
    void every_planted_hot_spot_centre_lies_in_a_gi_star_hot_spot_at_95_percent_or_more() throws Exception {
        // Defaults as an analyst would run them: 100 m cells, the band chosen by incremental
        // spatial autocorrelation, the settled area as study area.
        JsonNode r = api.get("/api/hotspots/gistar?cell=100").json();
        assertThat(r.at("/parameters/studyArea").asText()).startsWith("Settled area");
        assertThat(r.at("/parameters/bandRule").asText()).isEqualTo("isa-first-peak");
        List<Geometry> hot = geometries(r, "class", List.of("hot-95", "hot-99"));
        for (PlantedHotspot h : planted) {
            assertThat(covered(hot, h)).as("planted hot spot %s", h.name()).isTrue();
        }
    }

    /** The ground label's names as openapi.json documents them (components/schemas/GroundLabel). */
    private static List<String> documentedGroundLabel() throws Exception {
        try (var in = HotspotApiTest.class.getResourceAsStream("/openapi.json")) {
            List<String> names = new ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(in)
                    .at("/components/schemas/GroundLabel/properties").fieldNames().forEachRemaining(names::add);
            return names;
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void feature_properties_are_the_viewers_names_with_the_documented_ground_label_flat_at_the_end() throws Exception {
        List<String> ground = documentedGroundLabel();
        assertThat(ground).containsExactly("label", "street", "place", "ward", "gridRef");
        Map<String, List<String>> own = Map.of(
                "/api/hotspots/clusters?eps=50&minPts=20",
                List.of("clusterId", "count", "share", "categories", "firstMonth", "lastMonth"),
                "/api/hotspots/gistar?cell=100", List.of("count", "z", "p", "class"),
                "/api/hotspots/emerging", List.of("category", "trendZ", "trendP", "tau", "hotBins", "coldBins",
                        "finalClass", "count"));
        for (var endpoint : own.entrySet()) {
            JsonNode collection = api.get(endpoint.getKey()).json();
            List<String> labelled = new ArrayList<>(endpoint.getValue());
            labelled.addAll(ground);
            int named = 0;
            for (JsonNode f : collection.get("features")) {
                List<String> names = names(f.get("properties"));
                if (names.contains("gridRef")) {
                    assertThat(names).as(endpoint.getKey()).isEqualTo(labelled);
                    named++;
                } else {
                    assertThat(names).as(endpoint.getKey()).isEqualTo(endpoint.getValue());
                }
            }
            assertThat(named).as(endpoint.getKey()).isPositive();
            assertThat(names(collection)).as(endpoint.getKey()).contains("type", "parameters", "summary", "features");
        }
    }

    @Test
    void every_cluster_and_hot_gi_star_cell_is_named_on_the_ground() throws Exception {
        BritishNationalGrid grid = new BritishNationalGrid();
        JsonNode clusters = api.get("/api/hotspots/clusters?eps=50&minPts=20").json();
        JsonNode cells = api.get("/api/hotspots/gistar?cell=100").json();
        int named = 0;
        for (JsonNode collection : List.of(clusters, cells)) {
            for (JsonNode f : collection.get("features")) {
                JsonNode p = f.get("properties");
                if (p.has("class") && !p.get("class").asText().startsWith("hot")) {
                    assertThat(p.has("gridRef")).as("only hot cells are named").isFalse();
                    continue;
                }
                // The grid reference is that of a point inside the shape, to 100 m.
                Coordinate c = new GeoJsonReader().read(f.get("geometry").toString()).getInteriorPoint().getCoordinate();
                double[] en = grid.toGrid(c.x, c.y);
                assertThat(p.get("gridRef").asText()).isEqualTo(GridReference.of(en[0], en[1]));
                assertThat(p.get("gridRef").asText()).matches("SK \\d{3} \\d{3}");
                assertThat(p.get("place").asText()).isNotBlank();
                assertThat(p.get("label").asText()).contains(p.get("place").asText()).endsWith(" · " + p.get("gridRef").asText());
                named++;
            }
        }
        assertThat(named).isGreaterThan(clusters.get("features").size());
        // The planted town-centre hot spot lies in Melton Mowbray, in one of its six town wards.
        assertThat(clusters.get("features")).anySatisfy(f -> {
            assertThat(f.at("/properties/place").asText()).isEqualTo("Melton Mowbray");
            assertThat(f.at("/properties/ward").asText()).startsWith("Melton ");
        });
    }

    @Test
    void an_import_makes_cached_results_stale_and_names_its_streets() {
        String query = "/api/hotspots/clusters?eps=50&minPts=20&types=robbery";
        int before = api.get(query).json().at("/summary/incidents").asInt();
        assertThat(api.get(query).json().at("/summary/incidents").asInt()).isEqualTo(before);
        String search = "/api/search?q=Quarrymans%20Walk";
        assertThat(api.get(search).json().get("matches")).isEmpty();
        String csv = "Crime ID,Month,Longitude,Latitude,Location,Crime type\n"
                + "stale-1,2026-01,-0.8870,52.7656,On or near Quarrymans Walk,Robbery\n"
                + "stale-2,2026-01,-0.8871,52.7657,On or near Quarrymans Walk,Robbery\n";
        assertThat(api.post("/api/imports?format=police-csv", csv.getBytes()).status()).isEqualTo(201);
        assertThat(api.get(query).json().at("/summary/incidents").asInt()).isEqualTo(before + 2);
        // The street gazetteer follows the store: the new snap point's street is found at once.
        JsonNode found = api.get(search).json().at("/matches/0");
        assertThat(found.get("kind").asText()).isEqualTo("street");
        assertThat(found.get("name").asText()).isEqualTo("Quarrymans Walk, Melton Mowbray");
    }

    @Test
    void a_bbox_limits_the_cells_shown_while_z_scores_keep_the_borough_context() {
        JsonNode all = api.get("/api/hotspots/gistar?cell=100&band=200").json();
        JsonNode town = api.get("/api/hotspots/gistar?cell=100&band=200&bbox=-0.90,52.76,-0.87,52.77").json();
        assertThat(town.at("/summary/studyCells").asInt()).isEqualTo(all.at("/summary/studyCells").asInt());
        assertThat(town.get("features").size()).isPositive().isLessThan(all.get("features").size());
        Map<Integer, Double> zAll = new HashMap<>();
        all.get("features").forEach(f -> zAll.put(f.get("id").asInt(), f.at("/properties/z").asDouble()));
        for (JsonNode f : town.get("features")) {
            assertThat(f.at("/properties/z").asDouble()).isEqualTo(zAll.get(f.get("id").asInt()));
        }
        assertThat(town.at("/summary/incidentsAnalysed").asInt()).isEqualTo(town.at("/summary/incidentsSelected").asInt())
                .isPositive().isLessThan(all.at("/summary/incidentsSelected").asInt());
    }

    @Test
    void gi_star_chooses_and_reports_a_band_when_none_is_given() {
        JsonNode r = api.get("/api/hotspots/gistar?cell=100&area=ward:E05005503").json();
        assertThat(r.at("/parameters/bandMetres").asDouble()).isGreaterThanOrEqualTo(100);
        assertThat(r.at("/parameters/bandRule").asText()).isIn("isa-first-peak", "min-8-neighbours");
        assertThat(r.at("/parameters/studyArea").asText()).endsWith("showing Melton Egerton");
        int shown = 0;
        for (JsonNode n : r.at("/summary/classCounts")) {
            shown += n.asInt();
        }
        assertThat(shown).isEqualTo(r.get("features").size()).isLessThan(r.at("/summary/studyCells").asInt());
    }

    @Test
    void a_small_neighbourhood_gets_an_answer_judged_against_the_borough() {
        JsonNode r = api.get("/api/hotspots/gistar?cell=100&area=neighbourhood:town-centre").json();
        assertThat(r.get("features").size()).isPositive();
        assertThat(r.at("/summary/studyCells").asInt()).isGreaterThan(30);
        assertThat(r.get("warnings").toString()).doesNotContain("needs at least");
        assertThat(r.at("/summary/incidentsAnalysed").asInt()).isEqualTo(r.at("/summary/incidentsSelected").asInt());
    }

    @Test
    void emerging_hot_spots_classify_every_study_cell() {
        JsonNode r = api.get("/api/hotspots/emerging?cell=200&band=400&step=month").json();
        assertThat(r.get("steps").size()).isEqualTo(24);
        int total = 0;
        for (JsonNode n : r.at("/summary/categoryCounts")) {
            total += n.asInt();
        }
        assertThat(total).isEqualTo(r.get("features").size()).isPositive();
        assertThat(r.get("features").get(0).at("/properties/category").asText()).isNotBlank();
    }

    @Test
    void the_knox_test_finds_planted_near_repeats_in_dated_council_burglaries() {
        // 60 burglaries spread over the town and a year, each followed by a neighbour 30 m away 3 days later.
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("reference,date,category,easting,northing\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 60; i++) {
            double e = 473_500 + random.nextDouble() * 3000;
            double n = 318_000 + random.nextDouble() * 2500;
            LocalDate d = start.plusDays(random.nextInt(330));
            csv.append("NR-").append(i).append("a,").append(d).append(",Burglary,").append(e).append(',').append(n).append('\n');
            csv.append("NR-").append(i).append("b,").append(d.plusDays(3)).append(",Burglary,").append(e + 30).append(',')
                    .append(n).append('\n');
        }
        assertThat(api.post("/api/imports?format=council-csv", csv.toString().getBytes()).status()).isEqualTo(201);

        JsonNode r = api.get("/api/hotspots/near-repeat?type=burglary&distances=0,100,200,400&days=0,7,14,28"
                + "&permutations=99&seed=3").json();
        assertThat(r.get("withoutDate").asInt()).as("police.uk burglaries carry months only").isPositive();
        JsonNode knox = r.get("knox");
        assertThat(knox.at("/spaceBands/1/label").asText()).contains("100");
        // space band 1 = (0, 100] m, time band 1 = 1-7 days: the planted pairs.
        assertThat(knox.at("/ratio/1/1").asDouble()).isGreaterThan(2);
        assertThat(knox.at("/p/1/1").asDouble()).isLessThanOrEqualTo(0.05);
        JsonNode again = api.get("/api/hotspots/near-repeat?type=burglary&permutations=99&seed=3").json();
        assertThat(again.at("/knox/expected")).isEqualTo(knox.get("expected"));
    }

    @Test
    void density_tiles_are_coloured_where_incidents_are_and_transparent_elsewhere() throws Exception {
        JsonNode legend = api.get("/api/density/legend").json();
        assertThat(legend.get("unit").asText()).isEqualTo("incidents per km\u00b2");
        assertThat(legend.get("bandwidthRule").asText()).isNotBlank();
        assertThat(legend.get("classes").size()).isBetween(2, 8);
        JsonNode first = legend.get("classes").get(0);
        assertThat(first.get("colour").asText()).matches("#[0-9a-f]{6}");
        assertThat(first.get("to").asDouble()).isGreaterThan(first.get("from").asDouble());

        PlantedHotspot town = planted.stream().filter(h -> h.name().equals("town-centre")).findFirst().orElseThrow();
        int[] xy = uk.safermap.layers.tiles.WebMercator.tileContaining(town.lon(), town.lat(), 14);
        byte[] png = api.getBytes("/tiles/density/14/" + xy[0] + "/" + xy[1] + ".png");
        java.awt.image.BufferedImage hot = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(hot.getWidth()).isEqualTo(256);
        assertThat(opaquePixels(hot)).isGreaterThan(1000);
        java.awt.image.BufferedImage far = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                api.getBytes("/tiles/density/14/8192/5000.png")));
        assertThat(opaquePixels(far)).isZero();
        assertThat(api.get("/tiles/density/30/1/1.png").status()).isEqualTo(400);
        assertThat(api.get("/tiles/density/14/1/1.jpg").status()).isEqualTo(404);
        assertThat(api.get("/tiles/density/14/1/1.png?cell=500&bandwidth=100").status()).isEqualTo(400);
    }

    private static int opaquePixels(java.awt.image.BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void density_contours_nest_and_the_highest_surrounds_the_town_centre() throws Exception {
        JsonNode r = api.get("/api/density/contours?levels=50,90,99").json();
        List<Geometry> contours = geometries(r, "percentile", null);
        assertThat(contours).hasSize(3);
        assertThat(contours.get(0).covers(contours.get(2))).isTrue();
        PlantedHotspot town = planted.stream().filter(h -> h.name().equals("town-centre")).findFirst().orElseThrow();
        assertThat(covered(List.of(contours.get(2)), town)).isTrue();
        assertThat(api.get("/api/density/contours?levels=0,50").status()).isEqualTo(400);
    }

    @Test
    void neighbourhood_profiles_count_the_period_against_the_baseline() {
        JsonNode all = api.get("/api/areas/profile?target=-3").json().get("areas");
        assertThat(all.findValuesAsText("id")).containsExactlyInAnyOrder("egerton", "fairmead", "town-centre");
        JsonNode town = api.get("/api/areas/town-centre/profile").json();
        assertThat(town.get("total").asInt()).isPositive();
        assertThat(town.get("approximate").asBoolean()).isTrue();
        assertThat(town.get("byMonth").size()).isPositive();
        assertThat(town.get("topLocations").size()).isPositive();
        assertThat(town.get("hotspots").size()).as("the town-centre hot spot is inside").isPositive();
        assertThat(town.hasNonNull("hourProfile")).as("police.uk months carry no time").isFalse();
        assertThat(api.get("/api/areas/nowhere/profile").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/hotspots/clusters?eps=0", "/api/hotspots/clusters?minPts=0", "/api/hotspots/clusters?eps=abc",
            "/api/hotspots/clusters?radius=50", "/api/hotspots/clusters?types=jaywalking",
            "/api/hotspots/clusters?from=2025-06&to=2025-01", "/api/hotspots/clusters?from=June",
            "/api/hotspots/clusters?area=ward:NOPE", "/api/hotspots/clusters?area=county:X",
            "/api/hotspots/gistar?cell=5", "/api/hotspots/gistar?cell=100&band=50",
            "/api/hotspots/emerging?step=week", "/api/hotspots/near-repeat?distances=100,a",
            "/api/hotspots/near-repeat?days=0,1.5", "/api/hotspots/near-repeat?permutations=0",
            "/api/hotspots/near-repeat?metric=chebyshev", "/api/hotspots/near-repeat?distances=200,100",
            "/api/areas/fairmead/profile?baseline=1066", "/api/areas/fairmead/profile?types=burglary",
            "/api/areas/fairmead/profile?from=2025-06&baseline=2025",
            "/api/density/contours?levels=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21",
            "/api/hotspots/gistar?bbox=-2.0,51.0,-1.9,51.1"})
    void bad_parameters_get_400_with_a_message(String path) {
        ApiClient.Response r = api.get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.json().get("message").asText()).isNotBlank();
    }
}
