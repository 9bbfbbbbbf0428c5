package uk.safermap.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import uk.safermap.layers.Feature;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/** Streams GeoJSON responses ({@code application/geo+json}). */
final class GeoJsonResponse {

    private GeoJsonResponse() {
    }

    static void collection(Context ctx, ObjectMapper mapper, Iterable<Feature> features, Map<String, Object> members)
            throws IOException {
        ctx.contentType(Links.GEOJSON);
        if (features instanceof Collection<?> c) {
            ctx.attribute(AccessControl.ROWS, (long) c.size());
        }
        try (JsonGenerator gen = mapper.getFactory().createGenerator(ctx.outputStream())) {
            new GeoJsonWriter(gen).featureCollection(features, members);
        }
    }

    static void feature(Context ctx, ObjectMapper mapper, Feature feature, Map<String, Object> members)
            throws IOException {
        ctx.contentType(Links.GEOJSON);
        ctx.attribute(AccessControl.ROWS, 1L);
        try (JsonGenerator gen = mapper.getFactory().createGenerator(ctx.outputStream())) {
            new GeoJsonWriter(gen).feature(feature, members);
        }
    }
}
