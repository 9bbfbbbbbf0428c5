package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded fuzz of every route in the route table: path parameters, the query parameters the
 * OpenAPI document declares for the route, and bodies built from its request schema, filled with
 * hostile values (years like +999999999, latitudes above 90, 100,000-digit numbers, nesting deeper
 * than the parser allows, wrong types, invalid UTF-8). No answer may be a 5xx. Real HTTP, admin
 * token so that every route runs past its access check, on a two-month sample.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteFuzzTest {

    private static final long SEED = 20_261_202L;
    private static final int REQUESTS_PER_ROUTE = 60;

    /** Values for any text parameter: the forms that broke parsers before, and plain junk. */
    static final List<String> HOSTILE = List.of("", " ", "-1", "0", "1", "2", "7", "1e308", "-1e308", "NaN",
            "Infinity", "99999999999999999999", "+999999999-01", "+999999999-12-31", "-999999999-01-01",
            "+999999999-12-31T23:59:59Z", "0000-01", "0001-01-01", "1582-10-10", "9999-12", "2025-13", "2025-02-30",
            "2025-03", "2025-03-14", "2025-03-14T21:30:00Z", "2025-03-14T21:30:00+25:00", "2025-01/..", "../2025-01",
            "2025-05/2025-01", "2025-01/2025-02/2025-03", "-180,-90,180,90", "0,91,1,92", "-0.9,52.7,-0.8,52.8",
            "200,0,201,1", "1,2,3", "a,b,c,d", ",,,", "burglary", "burglary,nope", "all", "oa", "ward", "lsoa",
            "E05005309", "quantile", "jenks", "rate", "count", "pdf", "csv", "geojson", "wards-csv", "police-csv",
            "council-csv", "walk", "drive", "x".repeat(5000), "../../etc/passwd", "' OR 1=1 --", "{}", "[]", "null",
            "\u0000", "\uD83D\uDE00", "é", "%", "10000000", "2147483648", "-2147483649", "0.0000001", "1,2", "0,0",
            "50,100,200", "3,2,1", "true", "P1D");

    @TempDir
    static Path dir;

    private App app;
    private ApiClient admin;
    private JsonNode openapi;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE_MONTHS", "2", "SAFERMAP_MAX_UPLOAD_MB", "2")).load());
        admin = new ApiClient(app.port()).withToken(TestUsers.ADMIN);
        openapi = admin.get("/api").json();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @TestFactory
    Stream<DynamicTest> no_route_answers_a_5xx_to_hostile_input() {
        Random random = new Random(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (Routes.Endpoint e : app.endpoints()) {
            long routeSeed = random.nextLong();
            tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path(), () -> fuzz(e, new Random(routeSeed))));
        }
        return tests.stream();
    }

    private ApiClient.Response send(String method, String path, String contentType, byte[] body) {
        return admin.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private ApiClient.Response send(String method, String path, String json) {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertClientError(ApiClient.Response r, String what) {
        assertThat(r.status()).as(what + ": " + r.text()).isBetween(400, 499);
        assertThat(r.json()).as(what + " answers the JSON error").isNotNull();
        assertThat(r.json().get("message").asText()).as(what).isNotBlank();
    }

    @Test
    void years_like_plus_999999999_in_any_date_parameter_are_a_400() {
        for (String v : List.of("%2B999999999-12", "%2B999999999-12-31", "-999999999-01-01", "0000-01",
                "%2B999999999-12-31T23:59:59Z")) {
            assertClientError(admin.get("/api/hotspots/clusters?from=" + v), "from=" + v);
            assertClientError(admin.get("/api/hotspots/gistar?to=" + v), "to=" + v);
            assertClientError(admin.get("/api/areas/profile?from=" + v), "profile from=" + v);
            assertClientError(admin.get("/collections/incidents/items?datetime=" + v), "datetime=" + v);
            assertClientError(admin.get("/collections/incidents/items?datetime=2025-01/" + v), "datetime=../" + v);
            assertClientError(admin.get("/api/placement/cctv/coverage?from=" + v), "coverage from=" + v);
        }
        assertClientError(send("POST", "/api/patrols/plan", "{\"start\":\"+999999999-12-31T22:00\","
                + "\"end\":\"+999999999-12-31T23:00\"}"), "patrol start");
        assertClientError(send("POST", "/api/placement/cctv", "{\"k\":2,\"filter\":{\"from\":\"+999999999-01\"}}"),
                "cctv filter.from");
    }

    @Test
    void latitudes_above_90_are_a_400_wherever_positions_are_given() {
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[-0.88,95],[-0.87,95],[-0.87,95.01],[-0.88,95]]]}";
        String points = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-0.88,91]}}]}";
        String line = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[-0.88,52.7],[-0.88,91]]}}]}";
        assertClientError(send("PUT", "/api/areas/test-area", "application/geo+json", ("{\"type\":\"Feature\","
                + "\"properties\":{\"name\":\"n\"},\"geometry\":" + polygon + "}").getBytes(StandardCharsets.UTF_8)),
                "PUT /api/areas");
        assertClientError(send("POST", "/api/placement/cctv", "{\"k\":2,\"candidates\":" + points + "}"), "candidates");
        assertClientError(send("POST", "/api/placement/cctv/evaluate", "{\"sites\":" + points + "}"), "sites");
        assertClientError(send("POST", "/api/patrols/plan", "{\"start\":\"2026-06-12T22:00\",\"end\":"
                + "\"2026-06-13T06:00\",\"roads\":" + line + "}"), "roads");
        assertClientError(send("POST", "/api/placement/doorbells", "{\"units\":2,\"unit\":\"addresses\","
                + "\"addresses\":\"id,lon,lat\\na,-0.88,91\\n\"}"), "addresses");
    }

    @Test
    void json_beyond_the_parser_limits_is_a_400() {
        byte[] deep = ("{\"type\":\"FeatureCollection\",\"features\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] longNumber = ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[" + "9".repeat(100_000) + ",52]}}]}").getBytes(StandardCharsets.UTF_8);
        for (byte[] body : List.of(deep, longNumber)) {
            assertClientError(send("POST", "/api/imports?format=geojson", "application/geo+json", body), "import");
            assertClientError(send("PUT", "/api/areas/x", "application/geo+json", body), "areas");
            assertClientError(send("POST", "/api/placement/cctv", "application/json", body), "cctv");
        }
    }

    @Test
    void put_areas_honours_the_upload_limit() {
        byte[] big = ("{\"type\":\"Feature\",\"properties\":{\"note\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        ApiClient.Response r = send("PUT", "/api/areas/big", "application/geo+json", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("message").asText()).contains("SAFERMAP_MAX_UPLOAD_MB");
    }

    /** A body declared over the limit is refused before it is sent: the client gets its 413 at once. */
    @Test
    void an_upload_declared_over_the_limit_is_refused_before_its_body_is_read() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/imports?format=police-csv HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + TestUsers.ADMIN + "\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: 5000000000\r\n\r\nCrime ID,Month\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Only the headers and a line are sent: without the early refusal this read would time out.
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void jettys_own_errors_are_the_json_error_with_the_security_headers() throws Exception {
        ApiClient.Response tooLong = admin.get("/collections/incidents/items?bbox=" + "1".repeat(20_000));
        assertThat(tooLong.status()).isEqualTo(414);
        assertThat(tooLong.json().get("status").asInt()).isEqualTo(414);
        assertThat(tooLong.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(tooLong.headers().firstValue("Content-Security-Policy")).isPresent();
        try (var socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.getOutputStream().write("GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("X-Frame-Options: DENY")
                    .contains("application/json").contains("\"status\":400").doesNotContain("<html");
        }
    }

    private void fuzz(Routes.Endpoint e, Random random) {
        JsonNode operation = operation(e);
        List<String> queryNames = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            if ("query".equals(p.path("in").asText())) {
                queryNames.add(p.path("name").asText());
            }
        });
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_ROUTE; i++) {
            String path = path(e.path(), random);
            StringBuilder query = new StringBuilder();
            for (String name : queryNames) {
                if (random.nextInt(3) == 0) {
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(pick(random)));
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                    + path + query));
            byte[] body = e.method().name().equals("GET") || e.method().name().equals("DELETE") ? null
                    : body(operation, random);
            request.method(e.method().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            ApiClient.Response r;
            try {
                r = admin.send(request);
            } catch (java.io.UncheckedIOException closed) {
                // The server closes a kept-alive connection after refusing a body it did not read
                // (413, 400); a request the client had already queued on it gets no bytes back and
                // never reached a handler. Sent again on a fresh connection, it gets its answer.
                r = admin.send(request);
            }
            if (r.status() >= 500) {
                failures.add(r.status() + " for " + e.method() + " " + path + query + (body == null ? ""
                        : " body " + abbreviate(new String(body, StandardCharsets.UTF_8))) + " -> " + abbreviate(r.text()));
            }
        }
        assertThat(failures).isEmpty();
    }

    private JsonNode operation(Routes.Endpoint e) {
        JsonNode paths = openapi.path("paths");
        JsonNode item = paths.path(e.path());
        if (item.isMissingNode()) {
            item = paths.path(e.path() + ".png");
        }
        JsonNode op = item.path(e.method().name().toLowerCase(java.util.Locale.ROOT));
        assertThat(op.isMissingNode()).as("OpenAPI documents " + e.method() + " " + e.path()).isFalse();
        return op;
    }

    private static String path(String template, Random random) {
        StringBuilder out = new StringBuilder();
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/');
            if (segment.startsWith("{")) {
                List<String> ids = List.of("incidents", "wards", "1", "0", "-1", "12", "E05005309", "melton-town",
                        "99999999999999999999", "x".repeat(300), "%00", "%FF", "..", "abc", "2147483648");
                out.append(ids.get(random.nextInt(ids.size())));
            } else {
                out.append(segment);
            }
        }
        return out.toString();
    }

    /** A body for the operation: JSON built from its schema, CSV, or one of the parser-breakers. */
    private byte[] body(JsonNode operation, Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return breaker(random);
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("text/csv") && (kind < 5 || !content.has("application/geo+json"))) {
            return csv(random).getBytes(StandardCharsets.UTF_8);
        }
        JsonNode schema = content.path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return geoJson(random, "Polygon").getBytes(StandardCharsets.UTF_8);
        }
        return value(schema, random, 0).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] breaker(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 1 -> ("{\"k\":" + "9".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
            case 4 -> "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1e400,-1e400]}}"
                    .getBytes(StandardCharsets.UTF_8);
            default -> "not json at all".getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A JSON value for a schema, often of the wrong type or out of range. */
    private String value(JsonNode schema, Random random, int depth) {
        if (random.nextInt(8) == 0) {
            return "\"" + pick(random).replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\u0000", "\\u0000") + "\"";
        }
        String type = schema.path("type").asText(schema.has("oneOf") ? "oneOf" : "string");
        String description = schema.path("description").asText("");
        return switch (type) {
            case "object" -> description.contains("GeoJSON") ? geoJson(random, "Point") : object(schema, random, depth);
            case "array" -> {
                List<String> items = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(value(schema.path("items"), random, depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            case "integer", "number" -> List.of("0", "1", "-1", "3", "200", "1e308", "2147483648", "0.5",
                    "9".repeat(400)).get(random.nextInt(9));
            case "boolean" -> random.nextBoolean() ? "true" : "false";
            case "oneOf" -> value(schema.path("oneOf").get(random.nextInt(schema.path("oneOf").size())), random, depth);
            default -> description.contains("CSV") ? "\"" + csv(random).replace("\n", "\\n") + "\""
                    : "\"" + encodeJson(enumOrHostile(schema, random)) + "\"";
        };
    }

    private String object(JsonNode schema, Random random, int depth) {
        if (depth > 3) {
            return "{}";
        }
        List<String> members = new ArrayList<>();
        Iterator<String> names = schema.path("properties").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (random.nextInt(4) != 0 || schema.path("required").toString().contains("\"" + name + "\"")) {
                members.add("\"" + name + "\":" + value(schema.path("properties").path(name), random, depth + 1));
            }
        }
        return "{" + String.join(",", members) + "}";
    }

    private static String enumOrHostile(JsonNode schema, Random random) {
        if (schema.has("enum") && random.nextBoolean()) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size())).asText();
        }
        if (schema.has("example") && random.nextBoolean()) {
            return schema.path("example").asText();
        }
        return pick(random);
    }

    /** GeoJSON whose coordinates are sometimes far outside lon/lat. */
    private static String geoJson(Random random, String type) {
        double[][] ring = new double[4][];
        double lon = List.of(-0.88, 200.0, -0.88, 1e300).get(random.nextInt(4));
        double lat = List.of(52.77, 52.77, 95.0, -1e300).get(random.nextInt(4));
        for (int i = 0; i < 3; i++) {
            ring[i] = new double[] {lon + i * 0.001, lat + (i == 1 ? 0.001 : 0)};
        }
        ring[3] = ring[0];
        String point = "[" + ring[0][0] + "," + ring[0][1] + "]";
        StringBuilder r = new StringBuilder("[[");
        for (int i = 0; i < 4; i++) {
            r.append(i > 0 ? "," : "").append('[').append(ring[i][0]).append(',').append(ring[i][1]).append(']');
        }
        r.append("]]");
        String geometry = type.equals("Point") ? "{\"type\":\"Point\",\"coordinates\":" + point + "}"
                : "{\"type\":\"Polygon\",\"coordinates\":" + r + "}";
        String feature = "{\"type\":\"Feature\",\"properties\":{\"name\":\"n\"},\"geometry\":" + geometry + "}";
        return type.equals("Point") ? "{\"type\":\"FeatureCollection\",\"features\":[" + feature + "]}" : feature;
    }

    /** CSV for imports, populations and address lists, with hostile cells. */
    private static String csv(Random random) {
        String[] headers = {
            "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
                    + "Last outcome category,Context",
            "id,lon,lat,households", "code,population", "date,time,category,easting,northing"};
        StringBuilder out = new StringBuilder(headers[random.nextInt(headers.length)]).append('\n');
        for (int row = 0; row < 3; row++) {
            int cells = 2 + random.nextInt(11);
            for (int c = 0; c < cells; c++) {
                String v = List.of("+999999999-01", "0000-01", "10/10/1582", "2025-03", "-0.88", "52.77", "95",
                        "Burglary", "E05005309", "12", "9".repeat(400), "", "x").get(random.nextInt(13));
                out.append(c > 0 ? "," : "").append(v);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String pick(Random random) {
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String encodeJson(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000");
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
