package uk.safermap.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.areas.AreaResolver;
import uk.safermap.params.ParameterSource;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON request body (or one object inside it), read with the same rules as query
 * parameters: unknown members are refused, every value is checked against its declared type
 * and range, and each 400 names the member by its path ({@code filter.from}, {@code units[2].base}).
 * The incident filter is the {@code filter} object, spelt as the analysis query parameters.
 */
final class JsonBody implements ParameterSource {

    static final Set<String> FILTER = AnalysisParams.FILTER;

    private final JsonNode node;
    private final String path;

    private JsonBody(JsonNode node, String path, Set<String> accepted) {
        this.node = node;
        this.path = path;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!accepted.contains(name)) {
                throw ApiException.badRequest("unknown member '" + at(name) + "'; accepted: "
                        + String.join(", ", new TreeSet<>(accepted)));
            }
        }
    }

    /** Reads the request body, at most {@code maxBytes}; it must be a JSON object. */
    static JsonBody read(Context ctx, ObjectMapper mapper, long maxBytes, Set<String> accepted) {
        JsonNode root;
        try {
            root = mapper.readTree(LimitedInputStream.of(ctx, maxBytes));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("body must be a JSON object");
        }
        return new JsonBody(root, "", accepted);
    }

    /** A body already parsed, e.g. in tests or when one object holds another. */
    static JsonBody of(JsonNode node, Set<String> accepted) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("body must be a JSON object");
        }
        return new JsonBody(node, "", accepted);
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    /** A member that must be an object with these members. */
    Optional<JsonBody> object(String name, Set<String> accepted) {
        return member(name).map(v -> {
            if (!v.isObject()) {
                throw ApiException.badRequest(at(name) + " must be an object");
            }
            return new JsonBody(v, at(name), accepted);
        });
    }

    /** A member that must be an array of objects with these members. */
    List<JsonBody> objects(String name, Set<String> accepted) {
        List<JsonBody> out = new ArrayList<>();
        member(name).ifPresent(v -> {
            if (!v.isArray()) {
                throw ApiException.badRequest(at(name) + " must be an array of objects");
            }
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isObject()) {
                    throw ApiException.badRequest(at(name) + "[" + i + "] must be an object");
                }
                out.add(new JsonBody(v.get(i), at(name) + "[" + i + "]", accepted));
            }
        });
        return out;
    }

    @Override
    public OptionalDouble optionalNumber(String name, double min, double max) {
        Optional<JsonNode> v = member(name);
        if (v.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (!v.get().isNumber()) {
            throw ApiException.badRequest(at(name) + " must be a number, got " + v.get());
        }
        double d = v.get().asDouble();
        if (!(d >= min && d <= max)) {
            throw ApiException.badRequest(at(name) + " must be between " + trim(min) + " and " + trim(max) + ", got "
                    + v.get());
        }
        return OptionalDouble.of(d);
    }

    @Override
    public int integer(String name, int fallback, int min, int max) {
        OptionalDouble d = optionalNumber(name, min, max);
        if (d.isPresent() && d.getAsDouble() != Math.rint(d.getAsDouble())) {
            throw ApiException.badRequest(at(name) + " must be a whole number, got " + node.get(name));
        }
        return d.isPresent() ? (int) d.getAsDouble() : fallback;
    }

    @Override
    public int requiredInteger(String name, int min, int max) {
        if (!has(name)) {
            throw ApiException.badRequest(at(name) + " is required (a whole number from " + min + " to " + max + ")");
        }
        return integer(name, 0, min, max);
    }

    boolean bool(String name, boolean fallback) {
        return flag(name).orElse(fallback);
    }

    @Override
    public Optional<YearMonth> month(String name) {
        return string(name).map(v -> Params.month(at(name), v));
    }

    @Override
    public Optional<Boolean> flag(String name) {
        Optional<JsonNode> v = member(name);
        if (v.isPresent() && !v.get().isBoolean()) {
            throw ApiException.badRequest(at(name) + " must be true or false, got " + v.get());
        }
        return v.map(JsonNode::asBoolean);
    }

    @Override
    public RuntimeException invalid(String message) {
        return ApiException.badRequest(path.isEmpty() ? message : path + "." + message);
    }

    @Override
    public Optional<String> string(String name) {
        return member(name).map(v -> {
            if (!v.isTextual()) {
                throw ApiException.badRequest(at(name) + " must be a string, got " + v);
            }
            return v.asText();
        });
    }

    /** An array of numbers, e.g. a coordinate pair. */
    @Override
    public Optional<double[]> numbers(String name) {
        return member(name).map(v -> {
            if (!v.isArray()) {
                throw ApiException.badRequest(at(name) + " must be an array of numbers, got " + v);
            }
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                if (!v.get(i).isNumber()) {
                    throw ApiException.badRequest(at(name) + "[" + i + "] must be a number, got " + v.get(i));
                }
                out[i] = v.get(i).asDouble();
            }
            return out;
        });
    }

    /** The raw member, for values with their own format (GeoJSON, per-key maps). */
    Optional<JsonNode> member(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /** A GeoJSON member (a FeatureCollection, Feature or geometry) as lon/lat geometries, one per feature. */
    Optional<List<GeoJsonFeature>> geoJson(String name) {
        return member(name).map(v -> GeoJsonFeature.parse(v, at(name)));
    }

    /** The {@code filter} member, spelt as the analysis query parameters; absent means every incident. */
    AnalysisFilter filter(AreaResolver areas) {
        Optional<JsonBody> f = object("filter", FILTER);
        if (f.isEmpty()) {
            return AnalysisFilter.everything();
        }
        JsonBody body = f.get();
        return AnalysisParams.filter(body::filterValue, areas);
    }

    /** A filter value as query text: arrays (types, bbox) become comma-separated lists. */
    private String filterValue(String name) {
        return member(name).map(v -> {
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(e -> parts.add(e.asText()));
                return String.join(",", parts);
            }
            if (!v.isValueNode()) {
                throw ApiException.badRequest(at(name) + " must be a string or an array");
            }
            return v.asText();
        }).orElse(null);
    }

    /** The path of a member, for messages. */
    String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** One GeoJSON feature (or bare geometry) with its properties, geometry in lon/lat. */
    record GeoJsonFeature(Geometry geometry, JsonNode properties) {

        static List<GeoJsonFeature> parse(JsonNode v, String where) {
            String type = v.path("type").asText("");
            List<GeoJsonFeature> out = new ArrayList<>();
            switch (type) {
                case "FeatureCollection" -> {
                    JsonNode features = v.path("features");
                    if (!features.isArray()) {
                        throw ApiException.badRequest(where + " is a FeatureCollection without a features array");
                    }
                    for (int i = 0; i < features.size(); i++) {
                        out.add(feature(features.get(i), where + ".features[" + i + "]"));
                    }
                }
                case "Feature" -> out.add(feature(v, where));
                case "" -> throw ApiException.badRequest(where + " must be GeoJSON with a \"type\" "
                        + "(FeatureCollection, Feature or a geometry)");
                default -> out.add(new GeoJsonFeature(geometry(v, where), v.path("properties")));
            }
            return out;
        }

        private static GeoJsonFeature feature(JsonNode f, String where) {
            if (!"Feature".equals(f.path("type").asText())) {
                throw ApiException.badRequest(where + " must be a GeoJSON Feature");
            }
            if (!f.path("geometry").isObject()) {
                throw ApiException.badRequest(where + " has no geometry");
            }
            return new GeoJsonFeature(geometry(f.get("geometry"), where + ".geometry"), f.path("properties"));
        }

        /** A lon/lat geometry (RFC 7946): every coordinate a finite longitude -180..180, latitude -90..90. */
        static Geometry geometry(JsonNode g, String where) {
            try {
                Geometry geometry = new GeoJsonReader().read(g.toString());
                if (geometry.isEmpty()) {
                    throw ApiException.badRequest(where + " is an empty geometry");
                }
                for (Coordinate c : geometry.getCoordinates()) {
                    if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                        throw ApiException.badRequest(where + " has the position [" + c.x + ", " + c.y + "], outside "
                                + "longitude -180..180 / latitude -90..90: GeoJSON positions are [lon, lat] in WGS 84");
                    }
                }
                return geometry;
            } catch (ParseException | RuntimeException e) {
                if (e instanceof ApiException api) {
                    throw api;
                }
                throw ApiException.badRequest(where + " is not a valid GeoJSON geometry: it needs \"type\" and "
                        + "\"coordinates\" as in RFC 7946, e.g. {\"type\":\"Point\",\"coordinates\":[lon,lat]}");
            }
        }
    }
}
