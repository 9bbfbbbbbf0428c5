package uk.safermap.web;

import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.auth.Access;
import uk.safermap.config.ConfigLoader;
import uk.safermap.domain.Role;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the service has, against every kind of caller: no credentials get 401, a bad token
 * gets 401, a role the route does not allow gets 403, and an allowed role is never refused. A
 * second service with the public role switched on serves anonymous callers aggregates only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    @TempDir
    static Path dir;

    private App app;
    private App open;

    private static final Map<Role, String> TOKENS = Map.of(Role.ADMIN, TestUsers.ADMIN, Role.ANALYST, TestUsers.ANALYST,
            Role.POLICE, TestUsers.POLICE, Role.COUNCILLOR, TestUsers.COUNCILLOR);

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir.resolve("a"), "SAFERMAP_DATA_DIR",
                dir.resolve("a").toString(), "SAFERMAP_SAMPLE", "off")).load());
        open = App.start(ConfigLoader.ofValues(TestUsers.settings(dir.resolve("b"), "SAFERMAP_DATA_DIR",
                dir.resolve("b").toString(), "SAFERMAP_SAMPLE", "off", "SAFERMAP_PUBLIC", "on")).load());
    }

    @AfterAll
    void stop() {
        app.close();
        open.close();
    }

    /** A concrete path for a route, with ids that exist or, for changes, that do not. */
    private static String concrete(HandlerType method, String path) {
        String id = method == HandlerType.DELETE ? "no-such-area" : "fairmead";
        return path.replace("{collectionId}", "wards").replace("{featureId}", "E05005503")
                .replace("{z}/{x}/{y}", "12/2037/1350.png").replace("{code}", "E05005503")
                .replace("/api/patrols/plan/{id}", "/api/patrols/plan/no-such-plan").replace("{id}", id)
                .replace("{name}", "no-such-user").replace("{tokenId}", "0123456789abcdef");
    }

    private static int call(App target, HandlerType method, String path, String token) {
        ApiClient api = new ApiClient(target.port());
        if (token != null) {
            api = api.withToken(token);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + path))
                .header("Content-Type", "application/json");
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{}");
        b = switch (method) {
            case GET -> b.GET();
            case POST -> b.POST(body);
            case PUT -> b.PUT(body);
            case DELETE -> b.DELETE();
            default -> throw new IllegalArgumentException(method.toString());
        };
        return api.send(b).status();
    }

    @Test
    void every_route_refuses_missing_and_bad_credentials_and_roles_it_does_not_allow() {
        List<String> checked = new ArrayList<>();
        assertThat(app.endpoints()).hasSizeGreaterThan(40);
        for (var e : app.endpoints()) {
            String path = concrete(e.method(), e.path());
            String route = e.method() + " " + path;
            int anonymous = call(app, e.method(), path, null);
            if (e.access() == Access.OPEN) {
                assertThat(anonymous).as(route).isNotEqualTo(403);
            } else {
                assertThat(anonymous).as(route + " without credentials").isEqualTo(401);
            }
            assertThat(call(app, e.method(), path, "not-a-token")).as(route + " with a bad token").isEqualTo(401);
            for (Map.Entry<Role, String> role : TOKENS.entrySet()) {
                int status = call(app, e.method(), path, role.getValue());
                if (e.access().allows(role.getKey())) {
                    assertThat(status).as(route + " as " + role.getKey()).isNotIn(401, 403);
                } else {
                    assertThat(status).as(route + " as " + role.getKey()).isEqualTo(403);
                }
            }
            checked.add(route);
        }
        assertThat(checked).contains("POST /api/imports", "GET /collections/wards/items",
                "GET /api/admin/audit", "POST /api/patrols/plan");
    }

    @Test
    void with_the_public_role_on_anonymous_callers_get_aggregates_and_nothing_else() {
        for (var e : open.endpoints()) {
            String path = concrete(e.method(), e.path());
            int status = call(open, e.method(), path, null);
            if (e.access().allows(Role.PUBLIC)) {
                assertThat(status).as(e.method() + " " + path).isNotIn(401, 403);
            } else {
                assertThat(status).as(e.method() + " " + path).isEqualTo(403);
            }
        }
        assertThat(call(open, HandlerType.GET, "/collections/incidents/items", null)).isEqualTo(403);
    }
}
