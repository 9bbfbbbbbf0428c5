package uk.safermap.web;

import io.javalin.http.Context;

/** Absolute links for OGC responses, built from the request's own scheme and host. */
final class Links {

    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String HTML = "text/html";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    /** One link object of an OGC response. */
    record Link(String href, String rel, String type, String title) {
    }

    private Links() {
    }

    static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    static Link link(Context ctx, String path, String rel, String type, String title) {
        return new Link(base(ctx) + path, rel, type, title);
    }
}
