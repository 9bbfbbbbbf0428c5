package uk.safermap.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.domain.Area;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks the Melton sample against the police.uk format and against its own plan: one six-month
 * sample is generated once and every test reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleGeneratorTest {

    private static final YearMonth END = YearMonth.of(2025, 5);
    private static final SampleSpec SPEC = SampleSpec.realistic(42, 6, END);
    private static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
            + "LSOA code,LSOA name,Crime type,Last outcome category,Context";

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final GeometryFactory lonLat = new GeometryFactory();
    private List<Area> wards;
    private List<Area> lsoas;
    private SampleGenerator generator;
    private String csv;
    private GenerationResult result;
    private List<CSVRecord> rows;

    @BeforeAll
    void generateOnce() throws IOException {
        BoundaryFiles files = new BoundaryFiles();
        wards = files.read(BoundaryFiles.Layer.WARDS);
        lsoas = files.read(BoundaryFiles.Layer.LSOA);
        generator = generator(SPEC);
        StringWriter out = new StringWriter();
        result = generator.write(out);
        csv = out.toString();
        rows = parse(csv);
    }

    @Test
    void same_seed_gives_byte_identical_csv() throws IOException {
        SampleGenerator again = generator(SPEC);
        assertThat(write(again)).isEqualTo(csv);
        assertThat(write(again)).as("a second write from the same generator").isEqualTo(csv);
    }

    @Test
    void a_different_seed_gives_a_different_csv() throws IOException {
        assertThat(write(generator(SampleSpec.realistic(43, 6, END)))).isNotEqualTo(csv);
    }

    @Test
    void header_is_exactly_the_police_uk_header() {
        assertThat(csv.lines().findFirst()).contains(HEADER);
        assertThat(String.join(",", SampleGenerator.HEADER)).isEqualTo(HEADER);
    }

    @Test
    void months_are_the_requested_window_with_a_realistic_volume() {
        assertThat(result.months()).containsExactlyElementsOf(SPEC.monthList());
        assertThat(result.months()).first().isEqualTo(YearMonth.of(2024, 12));
        Map<YearMonth, Long> perMonth = rows.stream()
                .collect(Collectors.groupingBy(r -> YearMonth.parse(r.get("Month")), TreeMap::new,
                        Collectors.counting()));
        assertThat(perMonth).isEqualTo(result.rowsByMonth());
        // About 380 a month with +-12% seasonality and Poisson noise (sd about 20).
        assertThat(perMonth.values()).allSatisfy(n -> assertThat(n).isBetween(250L, 520L));
        assertThat(rows).hasSize((int) result.rows());
    }

    @Test
    void rows_per_month_when_given_is_exact() throws IOException {
        SampleSpec fixed = SampleSpec.fixedVolume(7, 2, END, 1000);
        GenerationResult r = generator(fixed).write(new StringWriter());
        assertThat(r.rowsByMonth().values()).containsExactly(1000L, 1000L);
        assertThat(r.rows()).isEqualTo(2000);
    }

    @Test
    void asb_rows_have_no_crime_id_or_outcome_and_crime_rows_have_unique_hex_ids() {
        Set<String> ids = new HashSet<>();
        for (CSVRecord r : rows) {
            if (r.get("Crime type").equals("Anti-social behaviour")) {
                assertThat(r.get("Crime ID")).isEmpty();
                assertThat(r.get("Last outcome category")).isEmpty();
            } else {
                assertThat(r.get("Crime ID")).matches("[0-9a-f]{64}");
                assertThat(r.get("Last outcome category")).isNotBlank();
                assertThat(ids.add(r.get("Crime ID"))).as("unique Crime ID %s", r.get("Crime ID")).isTrue();
            }
        }
        assertThat(csv.lines().skip(1)).as("ASB lines start with an unquoted empty field")
                .noneMatch(l -> l.startsWith("\""));
    }

    @Test
    void fixed_fields_look_like_police_uk() {
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("Month")).matches("\\d{4}-\\d{2}");
            assertThat(r.get("Reported by")).isEqualTo("Leicestershire Police");
            assertThat(r.get("Falls within")).isEqualTo("Leicestershire Police");
            assertThat(r.get("Longitude")).matches("-\\d\\.\\d{6}");
            assertThat(r.get("Latitude")).matches("52\\.\\d{6}");
            assertThat(r.get("Location")).startsWith("On or near ");
            assertThat(r.get("LSOA name")).matches("Melton \\d{3}[A-Z]");
            assertThat(r.get("Context")).isEmpty();
        });
    }

    @Test
    void every_point_lies_inside_the_borough() {
        Geometry union = lonLat.buildGeometry(wards.stream().map(Area::geometry).toList()).union();
        PreparedGeometry borough = PreparedGeometryFactory.prepare(union);
        assertThat(rows).allSatisfy(r ->
                assertThat(borough.covers(point(r))).as("%s inside Melton", point(r)).isTrue());
    }

    @Test
    void lsoa_code_and_name_match_point_in_polygon() {
        Map<String, Area> checked = new HashMap<>();
        for (CSVRecord r : rows) {
            String key = r.get("Longitude") + "," + r.get("Latitude");
            Area lsoa = checked.computeIfAbsent(key, k -> {
                Point p = point(r);
                List<Area> containing = lsoas.stream().filter(a -> a.geometry().covers(p)).toList();
                assertThat(containing).as("LSOAs containing %s", p).hasSize(1);
                return containing.get(0);
            });
            assertThat(r.get("LSOA code")).isEqualTo(lsoa.code());
            assertThat(r.get("LSOA name")).isEqualTo(lsoa.name());
        }
    }

    @Test
    void every_crime_type_is_a_police_uk_label() {
        assertThat(rows).allSatisfy(r -> assertThat(Category.fromLabel(r.get("Crime type")))
                .hasValueSatisfying(c -> assertThat(c.label()).isEqualTo(r.get("Crime type"))));
    }

    @Test
    void category_mix_is_that_of_a_market_town() {
        Map<Category, Long> counted = rows.stream()
                .collect(Collectors.groupingBy(r -> Category.fromLabel(r.get("Crime type")).orElseThrow(),
                        Collectors.counting()));
        for (Category c : Category.values()) {
            assertThat(result.rowsByCategory().get(c)).as(c.slug()).isEqualTo(counted.getOrDefault(c, 0L));
        }
        assertThat(fraction(Category.ANTI_SOCIAL_BEHAVIOUR)).isCloseTo(0.25, within(0.04));
        assertThat(fraction(Category.VIOLENT_CRIME)).isCloseTo(0.30, within(0.04));
        assertThat(fraction(Category.CRIMINAL_DAMAGE_ARSON)).isCloseTo(0.08, within(0.025));
        assertThat(fraction(Category.SHOPLIFTING)).isCloseTo(0.07, within(0.025));
    }

    @Test
    void each_planted_hotspot_holds_about_its_share() {
        assertThat(result.hotspots()).extracting(PlantedHotspot::name)
                .contains("town-centre", "fairmead", "egerton-shops", "railway-station");
        for (PlantedHotspot h : result.hotspots()) {
            assertThat((double) h.count() / result.rows()).as(h.name()).isCloseTo(h.share(), within(0.03));
            long nearby = rowsWithin(h, h.truncationRadiusMetres() + 20);
            assertThat(nearby).as("rows near %s", h.name()).isGreaterThanOrEqualTo(h.count() * 9 / 10);
        }
    }

    @Test
    void each_planted_hotspot_centre_stays_dense_after_snapping() {
        for (PlantedHotspot h : result.hotspots()) {
            // A Gaussian puts 39% of its mass within one sigma; snapping must not spread that out.
            assertThat(rowsWithin(h, h.radiusMetres())).as("rows within one radius of %s", h.name())
                    .isGreaterThanOrEqualTo(Math.max(20, h.count() / 4));
        }
    }

    @Test
    void planted_hotspots_are_inside_their_wards_and_the_egerton_ones_are_apart() {
        assertThat(wardOf(hotspot("town-centre"))).isEqualTo("Melton Craven");
        assertThat(wardOf(hotspot("fairmead"))).isEqualTo("Melton Egerton");
        assertThat(wardOf(hotspot("egerton-shops"))).isEqualTo("Melton Egerton");
        assertThat(wardOf(hotspot("railway-station"))).isEqualTo("Melton Warwick");
        PlantedHotspot egertonShops = hotspot("egerton-shops");
        assertThat(hotspot("fairmead").distanceMetres(egertonShops.easting(), egertonShops.northing()))
                .isGreaterThanOrEqualTo(400);
        double[] en = grid.toGrid(hotspot("town-centre").lon(), hotspot("town-centre").lat());
        assertThat(en[0]).isCloseTo(hotspot("town-centre").easting(), within(0.01));
    }

    @Test
    void a_hotspot_centre_outside_its_intended_ward_fails_fast() {
        // Newport's outline under Egerton's name: fairmead's centre is then outside "Melton Egerton".
        Area newport = wards.stream().filter(w -> w.name().equals("Melton Newport")).findFirst().orElseThrow();
        List<Area> wrong = wards.stream()
                .map(w -> w.name().equals("Melton Egerton")
                        ? new Area(w.kind(), w.code(), w.name(), false, null, newport.geometry()) : w)
                .toList();
        assertThatThrownBy(() -> new SampleGenerator(wrong, lsoas, grid, SPEC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fairmead").hasMessageContaining("Melton Egerton");
    }

    @Test
    void a_missing_town_ward_fails_fast() {
        List<Area> noWarwick = wards.stream().filter(w -> !w.name().equals("Melton Warwick")).toList();
        assertThatThrownBy(() -> new SampleGenerator(noWarwick, lsoas, grid, SPEC))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Melton Warwick");
    }

    @Test
    void many_rows_share_coordinates_as_after_police_uk_snapping() {
        long distinct = rows.stream().map(r -> r.get("Longitude") + "," + r.get("Latitude")).distinct().count();
        assertThat(distinct).isLessThan(rows.size() * 7L / 10);
        assertThat(generator.snapPointCount()).isBetween(1000, 10_000);
    }

    @Test
    void hotspots_file_describes_the_sample_and_reads_back() throws IOException {
        StringWriter out = new StringWriter();
        HotspotsFile file = new HotspotsFile();
        file.write(result, out);

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("note").asText()).containsIgnoringCase("synthetic");
        assertThat(json.path("seed").asLong()).isEqualTo(42);
        assertThat(json.path("months").asInt()).isEqualTo(6);
        assertThat(json.path("endMonth").asText()).isEqualTo("2025-05");
        assertThat(json.path("rows").asLong()).isEqualTo(result.rows());
        JsonNode first = json.path("hotspots").path(0);
        for (String field : List.of("name", "lon", "lat", "easting", "northing", "radiusMetres", "share",
                "categories", "count")) {
            assertThat(first.has(field)).as(field).isTrue();
        }

        HotspotsFile.Contents back = file.read(new StringReader(out.toString()));
        assertThat(back.hotspots()).isEqualTo(result.hotspots());
        assertThat(back.end()).isEqualTo(END);
        assertThat(back.rowsOf(Category.ANTI_SOCIAL_BEHAVIOUR))
                .isEqualTo(result.rowsByCategory().get(Category.ANTI_SOCIAL_BEHAVIOUR));
    }

    @Test
    void spec_rejects_impossible_values_with_clear_messages() {
        assertThatThrownBy(() -> SampleSpec.realistic(1, 0, END))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("months must be at least 1");
        assertThatThrownBy(() -> SampleSpec.realistic(1, 6, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endMonth");
        assertThatThrownBy(() -> SampleSpec.fixedVolume(1, 6, END, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rowsPerMonth");
        assertThatThrownBy(() -> new SampleSpec(1, 6, END, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OptionalInt.empty()");
        assertThat(new SampleSpec(1, 6, END, OptionalInt.empty()).startMonth()).isEqualTo(YearMonth.of(2024, 12));
    }

    private SampleGenerator generator(SampleSpec spec) {
        return new SampleGenerator(wards, lsoas, grid, spec);
    }

    private static String write(SampleGenerator generator) throws IOException {
        StringWriter out = new StringWriter();
        generator.write(out);
        return out.toString();
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            return parser.getRecords();
        }
    }

    private Point point(CSVRecord r) {
        return lonLat.createPoint(new Coordinate(Double.parseDouble(r.get("Longitude")),
                Double.parseDouble(r.get("Latitude"))));
    }

    private double fraction(Category c) {
        return (double) result.rowsByCategory().get(c) / result.rows();
    }

    private long rowsWithin(PlantedHotspot h, double metres) {
        return rows.stream().filter(r -> {
            double[] en = grid.toGrid(Double.parseDouble(r.get("Longitude")), Double.parseDouble(r.get("Latitude")));
            return h.distanceMetres(en[0], en[1]) <= metres;
        }).count();
    }

    private PlantedHotspot hotspot(String name) {
        return result.hotspot(name).orElseThrow();
    }

    private String wardOf(PlantedHotspot h) {
        Point p = lonLat.createPoint(new Coordinate(h.lon(), h.lat()));
        return wards.stream().filter(w -> w.geometry().covers(p)).map(Area::name).findFirst().orElse("none");
    }
}
