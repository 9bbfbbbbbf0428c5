package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import uk.safermap.App;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.config.ConfigLoader;
import uk.safermap.domain.Area;
import uk.safermap.geo.BritishNationalGrid;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot spots planted by this test, not by the project's generator, in villages and town-edge wards
 * as well as in town: a default Gi* run must find every one. Points are drawn with a plain
 * {@link Random}: a town background over the six town wards, a thinner rural background over the
 * whole borough, and six tight clusters at ward interior points.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VillageHotspotsApiTest {

    private static final List<String> TOWN = List.of("Melton Craven", "Melton Dorian", "Melton Egerton",
            "Melton Newport", "Melton Sysonby", "Melton Warwick");
    /** Two villages, two town-edge wards, two in town. */
    private static final List<String> PLANTED_WARDS = List.of("Bottesford", "Asfordby", "Melton Sysonby",
            "Melton Warwick", "Melton Egerton", "Melton Craven");

    @TempDir
    static Path dir;

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final GeometryFactory factory = new GeometryFactory();
    private final Map<String, Point> plantedLonLat = new LinkedHashMap<>();
    private App app;
    private ApiClient api;

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off")).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
        Map<String, Geometry> wards = new LinkedHashMap<>();
        for (Area w : new BoundaryFiles().read(BoundaryFiles.Layer.WARDS)) {
            wards.put(w.name(), grid.toGrid(w.geometry()));
        }
        Random random = new Random(20211);
        StringBuilder csv = new StringBuilder("reference,date,category,easting,northing\n");
        int[] n = {0};
        Geometry town = union(TOWN.stream().map(wards::get).toList());
        Geometry borough = union(new ArrayList<>(wards.values()));
        scatter(csv, n, random, town, 1500);
        scatter(csv, n, random, borough, 800);
        for (String name : PLANTED_WARDS) {
            Coordinate c = wards.get(name).getInteriorPoint().getCoordinate();
            double[] lonLat = grid.toWgs84(c.x, c.y);
            plantedLonLat.put(name, factory.createPoint(new Coordinate(lonLat[0], lonLat[1])));
            for (int i = 0; i < 40; i++) {
                row(csv, n, random, c.x + random.nextGaussian() * 30, c.y + random.nextGaussian() * 30);
            }
        }
        ApiClient.Response r = api.post("/api/imports?format=council-csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("imported").asInt()).isEqualTo(n[0]);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private Geometry union(List<Geometry> parts) {
        return new GeometryFactory(parts.get(0).getFactory().getPrecisionModel(), BritishNationalGrid.SRID)
                .buildGeometry(parts).union();
    }

    private static void scatter(StringBuilder csv, int[] n, Random random, Geometry area, int count) {
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(area);
        Envelope e = area.getEnvelopeInternal();
        for (int k = 0; k < count; ) {
            double x = e.getMinX() + random.nextDouble() * e.getWidth();
            double y = e.getMinY() + random.nextDouble() * e.getHeight();
            if (inside.locate(new Coordinate(x, y)) == Location.INTERIOR) {
                row(csv, n, random, x, y);
                k++;
            }
        }
    }

    private static void row(StringBuilder csv, int[] n, Random random, double x, double y) {
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
        csv.append("VH-").append(n[0]++).append(',').append(day).append(",Criminal damage,")
                .append(Math.round(x * 10) / 10.0).append(',').append(Math.round(y * 10) / 10.0).append('\n');
    }

    @Test
    void a_default_gi_star_run_finds_every_planted_hot_spot_in_villages_as_in_town() throws Exception {
        JsonNode r = api.get("/api/hotspots/gistar?cell=100").json();
        assertThat(r.at("/summary/incidentsAnalysed").asInt()).isEqualTo(r.at("/summary/incidentsSelected").asInt());
        GeoJsonReader reader = new GeoJsonReader();
        List<Geometry> hot = new ArrayList<>();
        for (JsonNode f : r.get("features")) {
            if (List.of("hot-95", "hot-99").contains(f.at("/properties/class").asText())) {
                hot.add(reader.read(f.get("geometry").toString()));
            }
        }
        for (Map.Entry<String, Point> p : plantedLonLat.entrySet()) {
            assertThat(hot.stream().anyMatch(g -> g.covers(p.getValue()))).as("planted in %s", p.getKey()).isTrue();
        }
    }
}
