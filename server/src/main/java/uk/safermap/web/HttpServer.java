package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import uk.safermap.auth.AuditTrail;
import uk.safermap.auth.AuthService;

import java.net.URI;

/**
 * The Javalin server: routes, the viewer's static files under {@code /viewer}, the Leaflet
 * WebJars, error mapping and security headers.
 */
public final class HttpServer implements AutoCloseable {

    private final Javalin app;

    /**
     * @param publicAccess whether anonymous visitors get the public role
     */
    public HttpServer(Routes routes, ObjectMapper mapper, String basemapUrl, AuthService auth, AuditTrail audit,
                      boolean publicAccess) {
        AccessControl access = new AccessControl(auth, audit, publicAccess);
        String csp = contentSecurityPolicy(basemapUrl);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/viewer";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.router.apiBuilder(routes.endpoints());
        });
        // Before, not after: a streamed body is on the wire before after-handlers run.
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Content-Security-Policy", csp);
        });
        app.beforeMatched(access::before);
        app.afterMatched(access::after);
        ApiErrors.register(app);
    }

    /** Only our own origin, plus the basemap's tile host for images when one is configured. */
    static String contentSecurityPolicy(String basemapUrl) {
        String images = "'self' data:";
        if (!basemapUrl.isBlank()) {
            String host = URI.create(basemapUrl.replaceAll("[{}]", "")).getHost();
            if (host != null) {
                images += " https://" + host.replaceFirst("^[a-z]\\.", "*.");
            }
        }
        return "default-src 'self'; img-src " + images + "; style-src 'self'; script-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    }

    public HttpServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
