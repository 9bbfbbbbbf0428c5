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
 * properties are data attributes and keep their own snake_case names. JSON has no NaN or
 * infinity: an undefined statistic (a z-score of a constant grid, a ratio over zero expected) is
 * written as null, here once rather than in every handler.
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper newObjectMapper() {
        return new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("geo").addSerializer(Geometry.class, new GeometrySerializer()))
                .registerModule(new SimpleModule("finite")
                        .addSerializer(Double.class, new FiniteDoubleSerializer())
                        .addSerializer(double.class, new FiniteDoubleSerializer())
                        .addSerializer(double[].class, new FiniteDoubleArraySerializer()))
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

    /** A double, or null when it is NaN or infinite. */
    private static final class FiniteDoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            writeFinite(gen, v);
        }
    }

    /** A double array with its NaN and infinite entries as null (Jackson's own writes them as strings). */
    private static final class FiniteDoubleArraySerializer extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray(values, values.length);
            for (double v : values) {
                writeFinite(gen, v);
            }
            gen.writeEndArray();
        }
    }

    private static void writeFinite(JsonGenerator gen, double v) throws IOException {
        if (Double.isFinite(v)) {
            gen.writeNumber(v);
        } else {
            gen.writeNull();
        }
    }
}
