package uk.safermap.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import java.io.IOException;

/**
 * The one ObjectMapper configuration: record components as named (camelCase, as OGC API
 * documents spell {@code conformsTo}, {@code itemType}), no nulls, ISO dates. Feature
 * properties are data attributes and keep their own snake_case names.
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper newObjectMapper() {
        return new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("geo").addSerializer(Geometry.class, new GeometrySerializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** A lon/lat JTS geometry in a record, written as a GeoJSON geometry with 6 decimals (about 10 cm). */
    private static final class GeometrySerializer extends JsonSerializer<Geometry> {
        @Override
        public void serialize(Geometry g, JsonGenerator gen, SerializerProvider provider) throws IOException {
            GeoJsonWriter writer = new GeoJsonWriter(6);
            writer.setEncodeCRS(false);
            gen.writeRawValue(writer.write(g));
        }
    }
}
