package uk.safermap.areas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.geo.BritishNationalGrid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Melton boundary files shipped in {@code gis-data/melton/} (wards 2013, LSOA 2011,
 * OA 2011; GeoJSON in WGS 84) into {@link Area}s. The files travel inside the jar as
 * classpath resources under {@code /gis-data/melton/}.
 */
public final class BoundaryFiles {

    /** The attribution that must accompany the boundaries (see gis-data/melton/LICENCE.md). */
    public static final String ATTRIBUTION = "Contains Ordnance Survey, Office for National Statistics, "
            + "National Records Scotland and LPS Intellectual Property data \u00a9 Crown copyright and database "
            + "right 2016. Data licensed under the Open Government Licence v3.0. Ordnance Survey data covered by "
            + "the OS OpenData Licence. GeoJSON conversion by Martin Chorley, CC BY 4.0.";

    private static final String ROOT = "/gis-data/melton/";

    /** One boundary file: its resource name, kind, and which properties hold code and name. */
    public enum Layer {
        WARDS("wards-2013.geojson", AreaKind.WARD, "WD13CD", "WD13NM"),
        LSOA("lsoa-2011.geojson", AreaKind.LSOA, "LSOA11CD", "LSOA11NM"),
        OA("oa-2011.geojson", AreaKind.OA, "OA11CD", "OA11CD");

        private final String file;
        private final AreaKind kind;
        private final String codeProperty;
        private final String nameProperty;

        Layer(String file, AreaKind kind, String codeProperty, String nameProperty) {
            this.file = file;
            this.kind = kind;
            this.codeProperty = codeProperty;
            this.nameProperty = nameProperty;
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    /** Reads one layer's features as areas with lon/lat geometry. */
    public List<Area> read(Layer layer) {
        try (InputStream in = BoundaryFiles.class.getResourceAsStream(ROOT + layer.file)) {
            if (in == null) {
                throw new IllegalStateException("boundary file " + ROOT + layer.file + " is missing from the classpath");
            }
            return parse(json.readTree(in), layer);
        } catch (IOException e) {
            throw new UncheckedIOException("reading boundary file " + layer.file, e);
        }
    }

    private static List<Area> parse(JsonNode collection, Layer layer) {
        GeoJsonReader reader = new GeoJsonReader();
        List<Area> areas = new ArrayList<>();
        for (JsonNode feature : collection.path("features")) {
            JsonNode props = feature.path("properties");
            String code = props.path(layer.codeProperty).asText();
            try {
                Geometry g = reader.read(feature.path("geometry").toString());
                g.setSRID(BritishNationalGrid.WGS84_SRID);
                areas.add(new Area(layer.kind, code, props.path(layer.nameProperty).asText(code), false, null, g));
            } catch (ParseException e) {
                throw new IllegalStateException("boundary " + code + " in " + layer.file + " has bad geometry", e);
            }
        }
        return areas;
    }
}
