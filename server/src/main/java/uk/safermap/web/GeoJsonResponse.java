package uk.safermap.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import uk.safermap.layers.Feature;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams GeoJSON responses ({@code application/geo+json}). The request's audit row, when it
 * owes one, is written before the stream opens: once bytes are on the wire it is too late to refuse.
 */
final class GeoJsonResponse {

    private GeoJsonResponse() {
    }

    static void collection(Context ctx, ObjectMapper mapper, Iterable<Feature> features, Map<String, Object> members)
            throws IOException {
        AccessControl.audit(ctx, features instanceof Collection<?> c ? c.size() : -1);
        ctx.contentType(Links.GEOJSON);
        try (JsonGenerator gen = mapper.getFactory().createGenerator(ctx.outputStream())) {
            new GeoJsonWriter(gen).featureCollection(features, members);
        }
    }

    /**
     * A collection of features with record properties; the members record's components become
     * top-level members (written before the features, null components left out).
     */
    static void typedCollection(Context ctx, ObjectMapper mapper, List<? extends GeoFeature<?>> features,
                                Record members) throws IOException {
        AccessControl.audit(ctx, features.size());
        Map<String, Object> top = new LinkedHashMap<>();
        mapper.valueToTree(members).properties().forEach(e -> top.put(e.getKey(), e.getValue()));
        ctx.contentType(Links.GEOJSON);
        try (JsonGenerator gen = mapper.getFactory().createGenerator(ctx.outputStream())) {
            new GeoJsonWriter(gen).typedCollection(features, top);
        }
    }

    static void feature(Context ctx, ObjectMapper mapper, Feature feature, Map<String, Object> members)
            throws IOException {
        AccessControl.audit(ctx, 1);
        ctx.contentType(Links.GEOJSON);
        try (JsonGenerator gen = mapper.getFactory().createGenerator(ctx.outputStream())) {
            new GeoJsonWriter(gen).feature(feature, members);
        }
    }
}
