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
import uk.safermap.privacy.DisclosurePolicy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks a determined councillor (or, with the public role on, anyone) would try, over real
 * HTTP on the 12-month sample with one planted burglary, and the same attacks as an analyst to
 * show they would work where incidents may be seen:
 * <ul>
 *   <li>recursive quartering of a bbox on the heatmap legend, and of the map tiles, to locate
 *       the planted burglary (the 657-request attack);</li>
 *   <li>a filter holding one incident against a filter holding none;</li>
 *   <li>the differencing walk: incidents added to the store one at a time, every councillor and
 *       public answer compared after each.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyAttackTest {

    @TempDir
    static Path dir;

    /** Melton Mowbray town centre, grid metres: inside a ward, among the sample's incidents. */
    private static final double[] PLACE = {475_310, 319_240};
    /** The month the presence search looks for (after the sample, which ends two months ago). */
    private static final YearMonth PLANTED = YearMonth.now().minusMonths(1);
    /** The month of the differencing walk (before the sample, which starts 13 months ago). */
    private static final YearMonth WALK = YearMonth.now().minusMonths(30);
    /** A month with no incidents at all. */
    private static final YearMonth EMPTY = YearMonth.now().minusMonths(40);
    /** Quartering to this depth narrows the service area (about 40 km) to about 10 m. */
    private static final int DEPTH = 12;

    private final DisclosurePolicy policy = DisclosurePolicy.standard();
    private final BritishNationalGrid grid = new BritishNationalGrid();
    private App app;
    private ApiClient analyst;
    private ApiClient councillor;
    private ApiClient anonymous;
    private double[] serviceArea;
    private int imported;

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE_MONTHS", "12", "SAFERMAP_PUBLIC", "on")).load());
        anonymous = new ApiClient(app.port());
        analyst = anonymous.withToken(TestUsers.ANALYST);
        councillor = anonymous.withToken(TestUsers.COUNCILLOR);
        JsonNode box = anonymous.get("/api/viewer/config").json().get("serviceArea");
        serviceArea = new double[] {box.get(0).asDouble(), box.get(1).asDouble(), box.get(2).asDouble(),
                box.get(3).asDouble()};
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** What a caller gets: status, type and body bytes, compared whole. */
    private record Answer(int status, String type, byte[] body) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Answer a && a.status == status && a.type.equals(type) && Arrays.equals(a.body, body);
        }

        @Override
        public int hashCode() {
            return 31 * status + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return status + " " + type + " " + (type.contains("json") ? new String(body, StandardCharsets.UTF_8)
                    : body.length + " bytes");
        }
    }

    private static Answer answer(ApiClient who, String path) {
        ApiClient.RawResponse r = who.getRaw(path);
        return new Answer(r.status(), r.contentType(), r.body());
    }

    /** Imports one burglary at PLACE on the 15th of the month, as the analyst. */
    private void plant(YearMonth month) {
        imported++;
        String csv = "Case Reference,Incident Date,Incident Time,Incident Type,Easting,Northing,Street,Sensitive\n"
                + "ATTACK-" + imported + "," + month.atDay(15) + ",23:00,Burglary," + (long) PLACE[0] + ","
                + (long) PLACE[1] + ",High Street,no\n";
        ApiClient.Response r = analyst.post("/api/imports?format=council-csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private static String burglary(YearMonth month) {
        return "types=burglary&from=" + month + "&to=" + month;
    }

    private double[] lonLat() {
        return grid.toWgs84(PLACE[0], PLACE[1]);
    }

    /** The XYZ tile holding a lon/lat point at zoom z. */
    private static int[] tileOf(double lon, double lat, int z) {
        double n = 1 << z;
        double rad = Math.toRadians(lat);
        return new int[] {(int) Math.floor((lon + 180) / 360 * n),
                (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n)};
    }

    private static String box(double[] b) {
        return String.format(Locale.ROOT, "bbox=%.7f,%.7f,%.7f,%.7f", b[0], b[1], b[2], b[3]);
    }

    /**
     * The presence search: quarter the service area while the legend for a quarter differs from the
     * legend for a box known to be empty, down to about 10 m. Returns the smallest boxes found.
     */
    private List<double[]> quarterBoxes(ApiClient who, String filter) {
        double[] empty = {serviceArea[0], serviceArea[1], serviceArea[0] + 1e-4, serviceArea[1] + 1e-4};
        Answer nothing = answer(who, "/api/density/legend?" + filter + "&" + box(empty));
        Predicate<double[]> holds = b -> !answer(who, "/api/density/legend?" + filter + "&" + box(b)).equals(nothing);
        List<double[]> found = new ArrayList<>();
        List<double[]> level = holds.test(serviceArea) ? List.of(serviceArea) : List.of();
        for (int depth = 1; depth <= DEPTH && !level.isEmpty(); depth++) {
            List<double[]> next = new ArrayList<>();
            for (double[] b : level) {
                double mx = (b[0] + b[2]) / 2;
                double my = (b[1] + b[3]) / 2;
                for (double[] q : List.of(new double[] {b[0], b[1], mx, my}, new double[] {mx, b[1], b[2], my},
                        new double[] {b[0], my, mx, b[3]}, new double[] {mx, my, b[2], b[3]})) {
                    if (holds.test(q)) {
                        next.add(q);
                    }
                }
            }
            level = next;
            if (depth == DEPTH) {
                found.addAll(next);
            }
        }
        return found;
    }

    /**
     * The same search on map tiles, which need no bbox: from the zoom-10 tiles over the service
     * area down to zoom 17, follow every tile that is not the blank tile of the same surface.
     */
    private List<int[]> quarterTiles(ApiClient who, String filter) {
        int[] sw = tileOf(serviceArea[0], serviceArea[1], 10);
        int[] ne = tileOf(serviceArea[2], serviceArea[3], 10);
        List<int[]> level = new ArrayList<>();
        for (int x = sw[0]; x <= ne[0]; x++) {
            for (int y = ne[1]; y <= sw[1]; y++) {
                level.add(new int[] {10, x, y});
            }
        }
        for (int z = 10; z <= 17 && !level.isEmpty(); z++) {
            // A tile on the far side of the world: blank on every surface of this service.
            Answer blank = answer(who, "/tiles/density/" + z + "/0/0.png?" + filter);
            List<int[]> marked = level.stream().filter(t -> !answer(who, "/tiles/density/" + t[0] + "/" + t[1] + "/"
                    + t[2] + ".png?" + filter).equals(blank)).toList();
            if (z == 17) {
                return marked;
            }
            level = new ArrayList<>();
            for (int[] t : marked) {
                for (int dx = 0; dx < 2; dx++) {
                    for (int dy = 0; dy < 2; dy++) {
                        level.add(new int[] {z + 1, 2 * t[1] + dx, 2 * t[2] + dy});
                    }
                }
            }
        }
        return level;
    }

    @Test
    void the_recursive_presence_search_locates_the_planted_burglary_for_an_analyst_and_nothing_for_others() {
        plant(PLANTED);
        double[] at = lonLat();

        // The attack works where incidents may be seen: it is a real attack, not a test that cannot fail.
        List<double[]> byLegend = quarterBoxes(analyst, burglary(PLANTED));
        assertThat(byLegend).singleElement().satisfies(b -> {
            assertThat(at[0]).isBetween(b[0], b[2]);
            assertThat(at[1]).isBetween(b[1], b[3]);
            assertThat((b[2] - b[0]) * 111_320 * Math.cos(Math.toRadians(at[1]))).isLessThan(20);
        });
        int[] home = tileOf(at[0], at[1], 17);
        assertThat(quarterTiles(analyst, burglary(PLANTED) + "&bandwidth=200")).anySatisfy(t ->
                assertThat(new int[] {t[1], t[2]}).containsExactly(home[0], home[1]));

        for (ApiClient who : List.of(councillor, anonymous)) {
            assertThat(quarterBoxes(who, burglary(PLANTED))).isEmpty();
            assertThat(quarterTiles(who, burglary(PLANTED))).isEmpty();
            assertThat(quarterTiles(who, burglary(PLANTED) + "&bandwidth=1000&cell=100")).isEmpty();
            // A box holding the burglary and an empty box: the same refusal, whatever they hold.
            double[] near = {at[0] - 1e-4, at[1] - 1e-4, at[0] + 1e-4, at[1] + 1e-4};
            double[] far = {serviceArea[0], serviceArea[1], serviceArea[0] + 1e-4, serviceArea[1] + 1e-4};
            Answer holding = answer(who, "/api/density/legend?" + burglary(PLANTED) + "&" + box(near));
            assertThat(holding.status()).isEqualTo(400);
            assertThat(holding).isEqualTo(answer(who, "/api/density/legend?" + burglary(EMPTY) + "&" + box(far)));
            // A filter holding one incident and a filter holding none: the same answer, status and bytes.
            assertThat(answer(who, "/api/density/legend?" + burglary(PLANTED)))
                    .isEqualTo(answer(who, "/api/density/legend?" + burglary(EMPTY)))
                    .satisfies(a -> assertThat(a.status()).isEqualTo(200));
            for (int z = 11; z <= 16; z++) {
                int[] t = tileOf(at[0], at[1], z);
                String tile = "/tiles/density/" + z + "/" + t[0] + "/" + t[1] + ".png?";
                assertThat(answer(who, tile + burglary(PLANTED))).isEqualTo(answer(who, tile + burglary(EMPTY)));
            }
        }
    }

    /** Every answer a councillor or the public could compare before and after a change to the store. */
    private Map<String, Answer> everything(ApiClient who) {
        double[] at = lonLat();
        List<String> paths = new ArrayList<>(List.of("/health", "/api/viewer/config", "/api/density/legend",
                "/api/density/legend?" + burglary(WALK), "/api/wards/choropleth",
                "/api/wards/choropleth?metric=change", "/api/wards/choropleth?" + burglary(WALK),
                "/api/wards/choropleth?level=lsoa&" + burglary(WALK), "/api/reports/ward/E05005503"));
        for (int z = 11; z <= 15; z++) {
            int[] t = tileOf(at[0], at[1], z);
            paths.add("/tiles/density/" + z + "/" + t[0] + "/" + t[1] + ".png");
            paths.add("/tiles/density/" + z + "/" + t[0] + "/" + t[1] + ".png?" + burglary(WALK));
        }
        Map<String, Answer> out = new LinkedHashMap<>();
        for (String p : paths) {
            out.put(p, answer(who, p));
        }
        return out;
    }

    /** The sum of the shown ward counts of the walk's month, 0 where suppressed. */
    private int wardTotal(ApiClient who, String level) {
        int sum = 0;
        for (JsonNode f : who.get("/api/wards/choropleth?level=" + level + "&" + burglary(WALK)).json()
                .get("features")) {
            sum += f.at("/properties/count").asInt(0);
        }
        return sum;
    }

    @Test
    void adding_incidents_one_at_a_time_changes_no_answer_until_the_rounding_shows_a_group() {
        Map<String, Answer> councillorBefore = everything(councillor);
        Map<String, Answer> publicBefore = everything(anonymous);
        assertThat(councillorBefore.values()).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        for (int k = 1; k <= 4; k++) {
            plant(WALK);
            int expected = policy.round(k);
            JsonNode legend = councillor.get("/api/density/legend?" + burglary(WALK)).json();
            // The legend's total is a sum of rounded cells: 0, 0, 5, 5 for 1..4 incidents.
            assertThat(legend.get("incidents").asDouble()).as(k + " incidents").isEqualTo(expected);
            assertThat(legend.get("classes").size() > 0).as(k + " incidents").isEqualTo(expected > 0);
            assertThat(wardTotal(councillor, "ward")).as(k + " incidents").isEqualTo(expected);
            assertThat(wardTotal(councillor, "lsoa")).as(k + " incidents").isEqualTo(expected);
            if (expected == 0) {
                assertThat(everything(councillor)).as(k + " incidents").isEqualTo(councillorBefore);
                assertThat(everything(anonymous)).as(k + " incidents").isEqualTo(publicBefore);
            } else {
                // A group of three shows as about 5: the default views, on months with data, are unmoved.
                Map<String, Answer> now = everything(councillor);
                for (String p : List.of("/health", "/api/viewer/config", "/api/wards/choropleth",
                        "/api/wards/choropleth?metric=change", "/api/reports/ward/E05005503")) {
                    assertThat(now.get(p)).as(p).isEqualTo(councillorBefore.get(p));
                }
            }
        }
        // The analyst, who may see incidents, sees all four.
        assertThat(analyst.get("/api/density/legend?" + burglary(WALK)).json().get("incidents").asDouble())
                .isEqualTo(4);
    }

    @Test
    void anonymous_callers_get_the_service_area_and_the_published_period_not_the_incidents() {
        JsonNode anon = anonymous.get("/api/viewer/config").json();
        JsonNode seen = analyst.get("/api/viewer/config").json();
        assertThat(anon.at("/extent/bbox")).isEqualTo(anon.get("serviceArea"));
        assertThat(councillor.get("/api/viewer/config").json().get("extent")).isEqualTo(anon.get("extent"));
        assertThat(seen.at("/extent/bbox")).isNotEqualTo(seen.get("serviceArea"));
        // On the real Melton months every month holds far more than the publication minimum, so the
        // published period ends where the data do.
        assertThat(anon.at("/extent/lastMonth").asText()).isEqualTo(seen.at("/extent/lastMonth").asText());
        assertThat(anonymous.get("/health").json().fieldNames()).toIterable().containsExactly("status", "store");
        // The choropleth's default period ends at the published period's last month.
        assertThat(councillor.get("/api/wards/choropleth?types=burglary").json().at("/period/to").asText())
                .isEqualTo(anon.at("/extent/lastMonth").asText());
    }

    @Test
    void aggregate_roles_get_whole_months_and_no_free_form_place_whatever_the_data() {
        for (String bad : List.of("from=" + PLANTED.atDay(3), "to=" + PLANTED.atDay(20), "area=ward:E05005503",
                box(new double[] {-0.9, 52.7, -0.8, 52.8}))) {
            ApiClient.Response r = councillor.get("/api/density/legend?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("message").asText()).as(bad).containsAnyOf("whole month", "bbox and area");
        }
        JsonNode legend = councillor.get("/api/density/legend?bandwidth=100&cell=10").json();
        assertThat(legend.get("bandwidthMetres").asDouble()).isEqualTo(policy.bandwidthMetres());
        assertThat(legend.get("cellMetres").asDouble()).isEqualTo(policy.cellMetres());
    }
}
