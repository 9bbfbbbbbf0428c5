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
        AccessControl access = new AccessControl(auth, audit, publicAccess, routes.pointCollections());
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
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(mapper, csp)));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler(mapper, csp)));
        });
        // Before, not after: a streamed body is on the wire before after-handlers run.
        app.before(ctx -> securityHeaders(csp).forEach(ctx::header));
        app.beforeMatched(access::before);
        app.afterMatched(access::after);
        ApiErrors.register(app);
    }

    /** The headers every answer carries, Javalin's and Jetty's own error pages included. */
    static java.util.Map<String, String> securityHeaders(String csp) {
        return java.util.Map.of("X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer",
                "X-Frame-Options", "DENY", "Content-Security-Policy", csp);
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
