package uk.safermap.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.areas.NeighbourhoodService;
import uk.safermap.domain.Area;
import uk.safermap.layers.AreaLayer;

import java.io.IOException;
import java.util.Map;

/**
 * Priority neighbourhoods over HTTP: {@code GET /api/areas}, and {@code GET/PUT/DELETE
 * /api/areas/{id}} with a GeoJSON Feature body (Polygon or MultiPolygon, properties
 * {@code name}, {@code approximate}, {@code note}).
 */
final class AreaHandler {

    private final NeighbourhoodService neighbourhoods;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    AreaHandler(NeighbourhoodService neighbourhoods, ObjectMapper mapper, long maxBodyBytes) {
        this.neighbourhoods = neighbourhoods;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    void list(Context ctx) throws IOException {
        GeoJsonResponse.collection(ctx, mapper, neighbourhoods.list().stream().map(AreaLayer::feature).toList(), Map.of());
    }

    void get(Context ctx) throws IOException {
        write(ctx, found(ctx.pathParam("id")));
    }

    void put(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        JsonNode body = body(ctx);
        JsonNode props = body.path("properties");
        boolean created = neighbourhoods.put(id, props.path("name").asText(null),
                props.path("approximate").asBoolean(false), props.path("note").asText(null), geometry(body));
        ctx.status(created ? 201 : 200);
        write(ctx, found(id));
    }

    void delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (!neighbourhoods.delete(id)) {
            throw ApiException.notFound("no neighbourhood '" + id + "'");
        }
        ctx.status(204);
    }

    private Area found(String id) {
        return neighbourhoods.get(id).orElseThrow(() -> ApiException.notFound(
                "no neighbourhood '" + id + "'; see GET /api/areas"));
    }

    private JsonNode body(Context ctx) {
        JsonNode body;
        try {
            body = mapper.readTree(LimitedInputStream.of(ctx, maxBodyBytes));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("body could not be read");
        }
        if (body == null || !"Feature".equals(body.path("type").asText())) {
            throw ApiException.badRequest("body must be a GeoJSON Feature with a Polygon or MultiPolygon geometry");
        }
        return body;
    }

    private static Geometry geometry(JsonNode feature) {
        JsonNode g = feature.path("geometry");
        if (!g.isObject()) {
            throw ApiException.badRequest("the Feature has no geometry");
        }
        return JsonBody.GeoJsonFeature.geometry(g, "geometry");
    }

    private void write(Context ctx, Area area) throws IOException {
        GeoJsonResponse.feature(ctx, mapper, AreaLayer.feature(area), Map.of());
    }
}
