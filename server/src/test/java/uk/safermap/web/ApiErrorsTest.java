package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestConfig;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import uk.safermap.domain.ConflictException;
import uk.safermap.domain.NotFoundException;
import uk.safermap.layers.IncidentLayer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error mapping over real HTTP: the services' typed refusals reach the caller with their
 * message and status; anything else, a plain IllegalArgumentException included, is a 500 that
 * shows an error id and nothing of the exception, while the log line carries the same id and
 * the stack trace.
 */
class ApiErrorsTest {

    private static final Pattern ID = Pattern.compile(
            "internal error, id ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}); see the server log");
    private final ObjectMapper mapper = new ObjectMapper();

    private static Javalin app() {
        Javalin app = Javalin.create();
        app.get("/layer", ctx -> ctx.result(IncidentLayer.categories("types", ctx.queryParam("types")).toString()));
        app.get("/missing", ctx -> {
            throw new NotFoundException("no intervention 'iv-1'");
        });
        app.get("/conflict", ctx -> {
            throw new ConflictException("the data end in 2025-01");
        });
        app.get("/bug", ctx -> {
            throw new IllegalArgumentException("index -1 out of bounds for SECRET_TABLE");
        });
        app.get("/npe", ctx -> {
            throw new NullPointerException("SECRET_FIELD is null");
        });
        ApiErrors.register(app);
        return app;
    }

    private JsonNode json(Response r) throws IOException {
        return mapper.readTree(r.body().string());
    }

    @Test
    void a_typed_invalid_input_is_a_400_with_the_message_naming_the_parameter_the_caller_used() {
        JavalinTest.test(app(), (server, client) -> {
            Response r = client.get("/layer?types=burglary,nope");
            assertThat(r.code()).isEqualTo(400);
            JsonNode body = json(r);
            assertThat(body.get("status").asInt()).isEqualTo(400);
            assertThat(body.get("message").asText()).startsWith("types has an unknown category 'nope'");
        });
    }

    @Test
    void not_found_and_conflict_are_404_and_409_with_their_messages() {
        JavalinTest.test(app(), (server, client) -> {
            Response missing = client.get("/missing");
            assertThat(missing.code()).isEqualTo(404);
            assertThat(json(missing).get("message").asText()).isEqualTo("no intervention 'iv-1'");
            Response conflict = client.get("/conflict");
            assertThat(conflict.code()).isEqualTo(409);
            assertThat(json(conflict).get("message").asText()).isEqualTo("the data end in 2025-01");
        });
    }

    @Test
    void an_unexpected_exception_is_a_500_with_an_error_id_that_the_log_line_also_carries() {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            // the test tool's own log capture off, so the log line reaches the stream read here
            JavalinTest.test(app(), new TestConfig(true, false), (server, client) -> {
                for (String path : new String[] {"/bug", "/npe"}) {
                    Response r = client.get(path);
                    assertThat(r.code()).as(path).isEqualTo(500);
                    String body = r.body().string();
                    JsonNode json = mapper.readTree(body);
                    assertThat(json.get("status").asInt()).isEqualTo(500);
                    Matcher m = ID.matcher(json.get("message").asText());
                    assertThat(m.matches()).as(json.get("message").asText()).isTrue();
                    assertThat(body).as("nothing of the exception leaks").doesNotContain("SECRET")
                            .doesNotContain("Exception").doesNotContain("at uk.safermap");
                    String logged = log.toString(StandardCharsets.UTF_8);
                    assertThat(logged).contains("error id " + m.group(1) + ": GET " + path + " failed")
                            .contains(path.equals("/bug") ? "IllegalArgumentException: index -1 out of bounds"
                                    : "NullPointerException: SECRET_FIELD is null");
                }
            });
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void two_failures_get_two_ids() {
        JavalinTest.test(app(), (server, client) -> {
            Matcher a = ID.matcher(json(client.get("/bug")).get("message").asText());
            Matcher b = ID.matcher(json(client.get("/bug")).get("message").asText());
            assertThat(a.matches() && b.matches()).isTrue();
            assertThat(a.group(1)).isNotEqualTo(b.group(1));
        });
    }
}
