package uk.safermap.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.IncidentDetails;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A GeoJSON FeatureCollection of Point features (RFC 7946: WGS 84 lon/lat), streamed one feature
 * at a time. Properties are matched by name: {@code category} (or {@code crime_type}, {@code type}),
 * {@code month} or {@code date} [+ {@code time}] or {@code datetime}, {@code crime_id} (or
 * {@code reference}; a bare feature {@code id} is kept but, being file-local, not used as the
 * incident's key), {@code sensitive}, and each {@link IncidentDetail} by its column name
 * ({@code location}, {@code lsoa_code}, {@code outcome}, ...).
 */
final class GeoJsonIncidentReader implements IncidentReader {

    static final String NAME = "GeoJSON FeatureCollection";
    private static final RawRow.FieldNames NAMES =
            new RawRow.FieldNames("crime_id", "date", "category", "longitude", "latitude");

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void read(InputStream in, Consumer<RawRow> sink, Consumer<Rejection> rejected) {
        JsonFactory factory = mapper.getFactory();
        try (JsonParser p = factory.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FormatException("not a " + NAME + ": the file does not start with a JSON object");
            }
            String type = null;
            boolean sawFeatures = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("type".equals(field)) {
                    type = p.getValueAsString();
                    requireCollection(type);
                } else if ("features".equals(field)) {
                    readFeatures(p, sink, rejected);
                    sawFeatures = true;
                } else {
                    p.skipChildren();
                }
            }
            requireCollection(type);
            if (!sawFeatures) {
                throw new FormatException("not a " + NAME + ": it has no \"features\" array");
            }
        } catch (JsonProcessingException e) {
            // A parser limit (nesting depth, number length) is reported without a location.
            throw new FormatException("not valid JSON" + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FormatException("could not read the GeoJSON body: " + e.getMessage());
        }
    }

    private static void requireCollection(String type) {
        if (!"FeatureCollection".equals(type)) {
            throw new FormatException("not a " + NAME + ": \"type\" is " + (type == null ? "missing" : "'" + type + "'")
                    + ", expected 'FeatureCollection'");
        }
    }

    private void readFeatures(JsonParser p, Consumer<RawRow> sink, Consumer<Rejection> rejected) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new FormatException("not a " + NAME + ": \"features\" is not an array");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            long line = p.currentTokenLocation().getLineNr();
            JsonNode feature = mapper.readTree(p);
            row(feature, line, sink, rejected);
        }
    }

    private static void row(JsonNode f, long line, Consumer<RawRow> sink, Consumer<Rejection> rejected) {
        JsonNode geometry = f.path("geometry");
        if (!f.isObject() || geometry.isMissingNode() || geometry.isNull()) {
            rejected.accept(new Rejection(line, "geometry", null, "missing geometry: each feature needs a Point"));
            return;
        }
        String geometryType = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        if (!"Point".equals(geometryType) || !coordinates.isArray() || coordinates.size() < 2) {
            rejected.accept(new Rejection(line, "geometry", geometryType,
                    "geometry must be a Point with [longitude, latitude] coordinates"));
            return;
        }
        JsonNode props = f.path("properties");
        String id = text(props, "crime_id", "reference");
        boolean local = id == null && f.hasNonNull("id");
        if (local) {
            id = f.get("id").asText();
        }
        sink.accept(new RawRow(line, id, local, text(props, "month"), text(props, "date"), text(props, "time"),
                text(props, "datetime", "occurred_at"), text(props, "category", "crime_type", "type"),
                coordinates.get(0).asText(), coordinates.get(1).asText(), false, details(props),
                text(props, "sensitive"), NAMES));
    }

    /** Each detail from the property of its column's name. */
    private static IncidentDetails details(JsonNode props) {
        Map<IncidentDetail, String> out = new EnumMap<>(IncidentDetail.class);
        for (IncidentDetail d : IncidentDetail.values()) {
            out.put(d, text(props, d.column()));
        }
        return new IncidentDetails(out);
    }

    private static String text(JsonNode props, String... names) {
        for (String name : names) {
            JsonNode v = props.get(name);
            if (v != null && !v.isNull() && !v.asText().isBlank()) {
                return v.asText().trim();
            }
        }
        return null;
    }
}
