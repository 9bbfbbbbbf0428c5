package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /}: the OGC landing page for clients that want JSON, the viewer for browsers
 * ({@code f=json|html} overrides the Accept header). {@code GET /api}: the OpenAPI document, with
 * the server address it was reached at and this installation's page sizes filled in.
 */
final class LandingHandler {

    private static final String INDEX = "/web/index.html";
    private static final String OPENAPI = "/openapi.json";

    private final ObjectNode openapi;

    LandingHandler(ObjectMapper mapper, int defaultLimit, int maxLimit) {
        try (InputStream in = LandingHandler.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is missing from the build");
            }
            openapi = (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // GDAL 3.7+ takes its page size from these (components/parameters/limit/schema).
        ObjectNode limit = (ObjectNode) openapi.at("/components/parameters/limit/schema");
        limit.put("default", defaultLimit).put("maximum", maxLimit);
        ((ObjectNode) openapi.at("/components/parameters/limit")).put("description", "page size: default "
                + defaultLimit + ", at most " + maxLimit + " (larger values are clamped)");
    }

    record Landing(String title, String description, List<Links.Link> links) {
    }

    void landing(Context ctx) throws IOException {
        if (wantsHtml(ctx)) {
            resource(ctx, INDEX, "text/html; charset=utf-8");
            return;
        }
        ctx.json(new Landing("SaferMap",
                "Crime and anti-social behaviour incidents, boundaries and priority neighbourhoods for community "
                        + "safety partnerships (OGC API - Features)",
                List.of(Links.link(ctx, "/", "self", Links.JSON, "this document"),
                        Links.link(ctx, "/?f=html", "alternate", Links.HTML, "the map viewer"),
                        Links.link(ctx, "/api", "service-desc", Links.OPENAPI, "the API definition"),
                        Links.link(ctx, "/conformance", "conformance", Links.JSON, "conformance classes"),
                        Links.link(ctx, "/collections", "data", Links.JSON, "the collections"))));
    }

    void openapi(Context ctx) {
        ObjectNode doc = openapi.deepCopy();
        doc.putArray("servers").addObject().put("url", Links.base(ctx)).put("description", "this service");
        ctx.contentType(Links.OPENAPI).result(doc.toString());
    }

    private static boolean wantsHtml(Context ctx) {
        String f = ctx.queryParam("f");
        if (f != null) {
            if (!f.equals("json") && !f.equals("html")) {
                throw ApiException.badRequest("f must be json or html, got '" + f + "'");
            }
            return f.equals("html");
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains(Links.HTML);
    }

    private static void resource(Context ctx, String path, String contentType) throws IOException {
        try (InputStream in = LandingHandler.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            ctx.contentType(contentType).result(in.readAllBytes());
        }
    }
}
