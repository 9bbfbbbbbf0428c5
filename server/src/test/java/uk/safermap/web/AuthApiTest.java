package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in and privacy over real HTTP on the 12-month sample: sessions, CSRF, throttling, tokens,
 * what a councillor can and cannot get, and the audit trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthApiTest {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient anonymous;
    private ApiClient analyst;
    private ApiClient councillor;
    private ApiClient admin;

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "generated", "SAFERMAP_SAMPLE_MONTHS", "12")).load());
        anonymous = new ApiClient(app.port());
        analyst = anonymous.withToken(TestUsers.ANALYST);
        councillor = anonymous.withToken(TestUsers.COUNCILLOR);
        admin = anonymous.withToken(TestUsers.ADMIN);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Content-Type", "application/json");
    }

    private ApiClient.Response login(String name, String password) {
        return anonymous.send(request("/api/login").POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}")));
    }

    private static String sessionCookie(ApiClient.Response r) {
        String header = r.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    @Test
    void a_session_cookie_is_http_only_and_strict_and_changes_need_the_csrf_token() {
        ApiClient.Response in = login("ana", TestUsers.PASSWORD);
        assertThat(in.status()).as(in.text()).isEqualTo(200);
        String setCookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("safermap_session=", "HttpOnly", "SameSite=Strict").doesNotContain("Secure");
        String cookie = sessionCookie(in);
        String csrf = in.json().get("csrfToken").asText();
        assertThat(in.json().get("role").asText()).isEqualTo("analyst");

        JsonNode me = anonymous.send(request("/api/me").header("Cookie", cookie).GET()).json();
        assertThat(me.get("name").asText()).isEqualTo("ana");
        String body = "{\"units\":10}";
        assertThat(anonymous.send(request("/api/placement/doorbells").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body))).status()).isEqualTo(403);
        assertThat(anonymous.send(request("/api/placement/doorbells").header("Cookie", cookie)
                .header("X-CSRF-Token", "guess").POST(HttpRequest.BodyPublishers.ofString(body))).status()).isEqualTo(403);
        assertThat(anonymous.send(request("/api/placement/doorbells").header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(body))).status()).isEqualTo(200);
        // A bearer token is not an ambient credential: no CSRF token needed.
        assertThat(analyst.post("/api/placement/doorbells", body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);

        assertThat(anonymous.send(request("/api/logout").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(204);
        assertThat(anonymous.send(request("/api/me").header("Cookie", cookie).GET()).json().get("signedIn").asBoolean())
                .isFalse();
        assertThat(anonymous.send(request("/api/placement/doorbells").header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(body))).status()).isEqualTo(401);
    }

    @Test
    void wrong_passwords_are_refused_alike_and_throttled_after_five() {
        ApiClient.Response unknown = login("nobody", "whatever-password");
        ApiClient.Response wrong = login("pc", "not the password");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("message").asText()).isEqualTo(unknown.json().get("message").asText());
        for (int i = 0; i < 4; i++) {
            assertThat(login("pc", "still wrong " + i).status()).isEqualTo(401);
        }
        ApiClient.Response throttled = login("pc", TestUsers.PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        // Other users are not locked out by one user's failures.
        assertThat(login("cllr", TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void a_councillor_never_gets_a_point_a_sensitive_incident_or_a_fine_heatmap() {
        assertThat(councillor.get("/collections").json().findValuesAsText("id")).doesNotContain("incidents")
                .contains("wards");
        assertThat(analyst.get("/collections").json().findValuesAsText("id")).contains("incidents");
        assertThat(councillor.get("/collections/incidents/items?limit=1").status()).isEqualTo(403);
        assertThat(councillor.get("/collections/incidents/items/1").status()).isEqualTo(403);
        assertThat(councillor.get("/api/hotspots/clusters").status()).isEqualTo(403);
        assertThat(councillor.get("/api/density/contours").status()).isEqualTo(403);
        assertThat(councillor.get("/api/areas/profile").status()).isEqualTo(403);

        JsonNode fine = analyst.get("/api/density/legend?bandwidth=100&cell=10").json();
        JsonNode coarse = councillor.get("/api/density/legend?bandwidth=100&cell=10").json();
        assertThat(fine.get("bandwidthMetres").asDouble()).isEqualTo(100);
        assertThat(coarse.get("bandwidthMetres").asDouble()).isGreaterThanOrEqualTo(500);
        assertThat(coarse.get("cellMetres").asDouble()).isGreaterThanOrEqualTo(100);
        assertThat(coarse.get("incidents").asDouble() % 5).isZero();
        assertThat(coarse.get("notes").toString()).contains("fewer than 5 incidents within the bandwidth");

        // Five sensitive incidents in one place and one month after the sample: enough for a rounded
        // square and a published month, had they counted. The analyst's surface counts them; the
        // councillor's heatmap and the published months leave them out.
        YearMonth month = YearMonth.now().minusMonths(1);
        StringBuilder csv = new StringBuilder("Case Reference,Incident Date,Incident Time,Incident Type,Easting,"
                + "Northing,Street,Sensitive\n");
        for (int i = 1; i <= 5; i++) {
            csv.append("S-").append(i).append(',').append(month.atDay(10 + i)).append(",22:00,Domestic abuse,481000,"
                    + "327000,Remote Lane,yes\n");
        }
        assertThat(analyst.post("/api/imports?format=council-csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(201);
        String filter = "/api/density/legend?types=violent-crime&from=" + month + "&to=" + month;
        assertThat(analyst.get(filter).json().get("incidents").asDouble()).isEqualTo(5);
        assertThat(councillor.get(filter).json().get("incidents").asDouble()).isZero();
        assertThat(councillor.get("/api/viewer/config").json().at("/extent/lastMonth").asText())
                .isEqualTo(month.minusMonths(1).toString());
        assertThat(analyst.get("/api/viewer/config").json().at("/extent/lastMonth").asText())
                .isEqualTo(month.toString());
        // A box is refused whatever it holds: the heatmap is the borough's, and a tile is its crop.
        double[] lonLat = new uk.safermap.geo.BritishNationalGrid().toWgs84(481000, 327000);
        String box = String.format(java.util.Locale.ROOT, "&bbox=%f,%f,%f,%f", lonLat[0] - 0.0005, lonLat[1] - 0.0005,
                lonLat[0] + 0.0005, lonLat[1] + 0.0005);
        assertThat(councillor.get("/api/density/legend?cell=100" + box).json().get("message").asText())
                .contains("bbox and area are not available");
    }

    @Test
    void point_reads_and_exports_are_audited_and_only_admins_read_the_log() {
        assertThat(analyst.get("/collections/incidents/items?limit=7").status()).isEqualTo(200);
        assertThat(analyst.post("/api/placement/doorbells?format=csv", "{\"units\":5}".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
        JsonNode log = admin.get("/api/admin/audit?limit=50").json();
        JsonNode read = null;
        JsonNode export = null;
        for (JsonNode e : log) {
            if (e.get("action").asText().equals("GET /collections/incidents/items") && read == null) {
                read = e;
            }
            if (e.get("action").asText().equals("POST /api/placement/doorbells") && export == null) {
                export = e;
            }
        }
        assertThat(read).isNotNull();
        assertThat(read.get("user").asText()).isEqualTo("ana");
        assertThat(read.get("role").asText()).isEqualTo("ANALYST");
        assertThat(read.get("detail").asText()).isEqualTo("limit=7");
        assertThat(read.get("rows").asLong()).isEqualTo(7);
        assertThat(export).isNotNull();
        assertThat(export.get("detail").asText()).isEqualTo("format=csv");
        assertThat(analyst.get("/api/admin/audit").status()).isEqualTo(403);
        // Ward figures are aggregates, not point reads: not audited.
        long before = admin.get("/api/admin/audit?limit=1000").json().size();
        councillor.get("/api/wards/choropleth");
        assertThat(admin.get("/api/admin/audit?limit=1000").json().size()).isEqualTo(before);
    }

    @Test
    void admins_create_users_and_tokens_that_work_once_shown() {
        ApiClient.Response put = admin.put("/api/admin/users/newcllr", "{\"role\":\"councillor\"}");
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(admin.put("/api/admin/users/x", "{\"role\":\"analyst\",\"password\":\"short\"}").status())
                .isEqualTo(400);
        assertThat(admin.put("/api/admin/users/x", "{\"role\":\"mayor\"}").status()).isEqualTo(400);
        ApiClient.Response token = admin.post("/api/admin/users/newcllr/tokens", "{\"label\":\"laptop\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(token.status()).isEqualTo(201);
        ApiClient.Response longLabel = admin.post("/api/admin/users/newcllr/tokens",
                ("{\"label\":\"" + "x".repeat(201) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(longLabel.status()).isEqualTo(400);
        assertThat(longLabel.text()).contains("label: at most 200 characters");
        ApiClient fresh = anonymous.withToken(token.json().get("token").asText());
        assertThat(fresh.get("/api/me").json().get("role").asText()).isEqualTo("councillor");
        assertThat(fresh.get("/api/wards/choropleth").status()).isEqualTo(200);
        assertThat(fresh.get("/collections/incidents/items").status()).isEqualTo(403);
        assertThat(admin.get("/api/admin/users").text()).contains("newcllr").doesNotContain("$2a$");
    }

    @Test
    void admins_list_a_users_tokens_without_the_tokens_and_revoke_one() {
        assertThat(admin.put("/api/admin/users/revokee", "{\"role\":\"police\"}").status()).isEqualTo(200);
        JsonNode kept = admin.post("/api/admin/users/revokee/tokens", "{\"label\":\"desk\"}"
                .getBytes(StandardCharsets.UTF_8)).json();
        JsonNode lost = admin.post("/api/admin/users/revokee/tokens", "{\"label\":\"stolen laptop\"}"
                .getBytes(StandardCharsets.UTF_8)).json();
        ApiClient.Response list = admin.get("/api/admin/users/revokee/tokens");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(2);
        assertThat(list.text()).contains("stolen laptop").contains(lost.get("id").asText())
                .doesNotContain(lost.get("token").asText()).doesNotContain(kept.get("token").asText());
        ApiClient thief = anonymous.withToken(lost.get("token").asText());
        assertThat(thief.get("/collections/incidents/items?limit=1").status()).isEqualTo(200);

        ApiClient.Response revoke = admin.delete("/api/admin/users/revokee/tokens/" + lost.get("id").asText());
        assertThat(revoke.status()).isEqualTo(204);
        assertThat(thief.get("/collections/incidents/items?limit=1").status()).isEqualTo(401);
        assertThat(anonymous.withToken(kept.get("token").asText()).get("/api/me").json().get("name").asText())
                .isEqualTo("revokee");
        assertThat(admin.get("/api/admin/users/revokee/tokens").json()).hasSize(1);
        assertThat(admin.delete("/api/admin/users/revokee/tokens/" + lost.get("id").asText()).status()).isEqualTo(404);
        assertThat(admin.delete("/api/admin/users/nobody/tokens/" + kept.get("id").asText()).status()).isEqualTo(404);
        ApiClient.Response wildcard = admin.delete("/api/admin/users/revokee/tokens/%25");
        assertThat(wildcard.status()).isEqualTo(400);
        assertThat(wildcard.json().get("message").asText()).contains("16 lowercase hex digits");
        assertThat(admin.get("/api/admin/users/nobody/tokens").status()).isEqualTo(404);
        assertThat(analyst.get("/api/admin/users/revokee/tokens").status()).isEqualTo(403);
    }

    @Test
    void a_new_installation_has_no_default_password_only_the_configured_or_printed_one() {
        Path fresh = dir.resolve("fresh");
        try (App first = App.start(ConfigLoader.ofValues(Map.of("SAFERMAP_PORT", "0", "SAFERMAP_DATA_DIR",
                fresh.toString(), "SAFERMAP_SAMPLE", "off", "SAFERMAP_ADMIN_PASSWORD", "a long first password")).load())) {
            ApiClient api = new ApiClient(first.port());
            assertThat(api.get("/api/admin/users").status()).isEqualTo(401);
            ApiClient.Response in = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port()
                    + "/api/login")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"admin\",\"password\":\"a long first password\"}")));
            assertThat(in.status()).isEqualTo(200);
            assertThat(in.json().get("role").asText()).isEqualTo("admin");
            assertThat(api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port() + "/api/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"admin\",\"password\":\"admin\"}")))
                    .status()).isEqualTo(401);
        }
    }
}
