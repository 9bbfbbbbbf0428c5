package uk.safermap.placement;

import uk.safermap.domain.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Cameras as GeoJSON Points (a FeatureCollection, or an array of Features): the register of
 * installed cameras, or the {@code existing} member of a request. Optional properties:
 * {@code name}, {@code radius} (m), {@code bearing} and {@code fieldOfView} (degrees).
 */
public final class CameraFile {

    private CameraFile() {
    }

    /** The register file; an absent path means no cameras are registered. */
    public static List<Camera> read(Path file) {
        try {
            return parse(new ObjectMapper().readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the camera register " + file, e);
        }
    }

    /**
     * @throws InvalidInputException naming the feature that is not a camera
     */
    public static List<Camera> parse(JsonNode json, String where) {
        JsonNode features = json.isArray() ? json : json.path("features");
        if (!features.isArray()) {
            throw new InvalidInputException(where + " must be a GeoJSON FeatureCollection of Points");
        }
        List<Camera> out = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String at = where + ".features[" + i + "]";
            JsonNode g = f.path("geometry");
            JsonNode c = g.path("coordinates");
            if (!"Point".equals(g.path("type").asText()) || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
                throw new InvalidInputException(at + " must be a Feature with a Point geometry [lon, lat]");
            }
            double lon = c.get(0).asDouble();
            double lat = c.get(1).asDouble();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new InvalidInputException(at + " has coordinates outside lon/lat range: [" + lon + ", " + lat + "]");
            }
            JsonNode p = f.path("properties");
            out.add(new Camera(p.path("name").asText("camera " + (i + 1)), lon, lat,
                    number(p, "radius", at, 1, 1000), number(p, "bearing", at, 0, 360),
                    number(p, "fieldOfView", at, 1, 360)));
        }
        return out;
    }

    private static OptionalDouble number(JsonNode properties, String name, String at, double min, double max) {
        JsonNode v = properties.get(name);
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            throw new InvalidInputException(at + ".properties." + name + " must be a number from " + (int) min
                    + " to " + (int) max + ", got " + v);
        }
        return OptionalDouble.of(v.asDouble());
    }
}
