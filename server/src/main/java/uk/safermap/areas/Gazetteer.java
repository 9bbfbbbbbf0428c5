package uk.safermap.areas;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.GridReference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static uk.safermap.geo.GeometryFactories.WGS84;

/**
 * Names a point on the ground: the nearest GeoNames place (shipped in
 * {@code gis-data/melton/places-geonames.tsv}, CC BY 4.0), the ward it lies in and its OS grid
 * reference, so that every result can be found without coordinates. Thread-safe (read-only).
 *
 * <p>A place's own extent is taken as a circle holding its population at {@value #PEOPLE_PER_KM2}
 * people per km² (about the density of English towns' built-up areas, ONS 2011), at least
 * {@value #MIN_RADIUS_METRES} m: inside it a point is "in" the place ("Melton Mowbray"), beyond it
 * the label gives distance and compass direction ("1.2 km NE of Asfordby").
 */
public final class Gazetteer {

    static final double PEOPLE_PER_KM2 = 2_500;
    static final double MIN_RADIUS_METRES = 500;
    /** The attribution the places need wherever their names appear. */
    public static final String ATTRIBUTION = "Place names: GeoNames, geonames.org, CC BY 4.0";

    private static final String PLACES = "/gis-data/melton/places-geonames.tsv";
    private static final String[] COMPASS = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};

    /** A named place with its position in grid metres. */
    public record Place(String name, double lon, double lat, double easting, double northing, long population) {

        double radiusMetres() {
            return Math.max(MIN_RADIUS_METRES, Math.sqrt(population / (Math.PI * PEOPLE_PER_KM2)) * 1000);
        }
    }

    /**
     * Where a point is: {@code place} as read aloud ("Melton Mowbray", "1.2 km NE of Asfordby"),
     * its ward (null outside every ward) and the 100 m grid reference.
     */
    public record Label(String place, String ward, String gridRef) {

        /** One line for tables, exports and printouts: "Melton Mowbray, Melton Egerton ward (SK 752 190)". */
        public String text() {
            return place + (ward == null ? "" : ", " + ward + " ward") + " (" + gridRef + ")";
        }
    }

    /** A name to draw on the map at a lon/lat point. */
    public record MapLabel(String name, double lon, double lat) {
    }

    /** A search hit: what it is (place, ward, lsoa, gridref), its name, and where to look. */
    public record Match(String kind, String name, double lon, double lat) {
    }

    private record Ward(String name, PreparedGeometry lonLat) {
    }

    private final BritishNationalGrid grid;
    private final List<Place> places;
    private final List<Ward> wards;
    private final List<Match> searchable;

    /** @param areas wards (which name points) and any other areas to search by name, e.g. LSOAs; lon/lat */
    public Gazetteer(List<Place> places, List<Area> areas, BritishNationalGrid grid) {
        if (places.isEmpty()) {
            throw new IllegalArgumentException("a gazetteer needs at least one place");
        }
        this.grid = grid;
        this.places = List.copyOf(places);
        this.wards = areas.stream().filter(a -> a.kind() == AreaKind.WARD)
                .map(w -> new Ward(w.name(), PreparedGeometryFactory.prepare(w.geometry()))).toList();
        List<Match> all = new ArrayList<>();
        places.forEach(p -> all.add(new Match("place", p.name(), p.lon(), p.lat())));
        for (Area a : areas) {
            Coordinate c = a.geometry().getInteriorPoint().getCoordinate();
            all.add(new Match(a.kind().key(), a.kind() == AreaKind.WARD ? a.name() + " ward"
                    : a.name() + " (" + a.code() + ")", c.x, c.y));
        }
        this.searchable = List.copyOf(all);
    }

    /** The gazetteer over the shipped GeoNames places and the given boundaries (lon/lat). */
    public static Gazetteer melton(List<Area> areas, BritishNationalGrid grid) {
        return new Gazetteer(readPlaces(grid), areas, grid);
    }

    /**
     * Places, wards and other areas whose name or code contains the query (names starting with it
     * first), or the square an OS grid reference names ("SK 751 191"); at most {@code limit}.
     */
    public List<Match> search(String query, int limit) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        if (q.matches("[a-z]{2}\\s*\\d[\\d\\s]*")) {
            try {
                double[] en = GridReference.parse(q);
                double[] ll = grid.toWgs84(en[0], en[1]);
                return List.of(new Match("gridref", GridReference.of(en[0], en[1]), ll[0], ll[1]));
            } catch (IllegalArgumentException notAGridReference) {
                // Fall through to a name search: "SK 7" is not a whole reference.
            }
        }
        return searchable.stream()
                .filter(m -> m.name().toLowerCase(Locale.ROOT).contains(q))
                .sorted(java.util.Comparator.comparing((Match m) -> !m.name().toLowerCase(Locale.ROOT).startsWith(q))
                        .thenComparing(Match::name))
                .limit(limit).toList();
    }

    public List<Place> places() {
        return places;
    }

    /** Ward names at a point inside each ward, for the map. */
    public List<MapLabel> wardLabels() {
        return wards.stream().map(w -> {
            Coordinate c = w.lonLat().getGeometry().getInteriorPoint().getCoordinate();
            return new MapLabel(w.name(), c.x, c.y);
        }).toList();
    }

    /** Place names at their GeoNames points, for the map. */
    public List<MapLabel> placeLabels() {
        return places.stream().map(p -> new MapLabel(p.name(), p.lon(), p.lat())).toList();
    }

    /** The label of a lon/lat point. */
    public Label label(double lon, double lat) {
        double[] en = grid.toGrid(lon, lat);
        Point p = WGS84.createPoint(new Coordinate(lon, lat));
        String ward = wards.stream().filter(w -> w.lonLat().covers(p)).map(Ward::name).findFirst().orElse(null);
        return new Label(place(en[0], en[1]), ward, GridReference.of(en[0], en[1]));
    }

    /** The label of a lon/lat geometry, taken at a point inside it (a polygon's centroid can fall outside). */
    public Label label(Geometry lonLat) {
        Coordinate c = lonLat.getInteriorPoint().getCoordinate();
        return label(c.x, c.y);
    }

    private String place(double easting, double northing) {
        Place nearest = null;
        double best = Double.POSITIVE_INFINITY;
        for (Place candidate : places) {
            // Distance measured from the place's edge, so a town is not outdrawn by a nearer hamlet centre.
            double d = Math.hypot(candidate.easting() - easting, candidate.northing() - northing)
                    - candidate.radiusMetres();
            if (d < best) {
                best = d;
                nearest = candidate;
            }
        }
        double dx = easting - nearest.easting();
        double dy = northing - nearest.northing();
        double metres = Math.hypot(dx, dy);
        if (metres <= nearest.radiusMetres()) {
            return nearest.name();
        }
        double bearing = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
        return String.format(Locale.UK, "%.1f km %s of %s", metres / 1000,
                COMPASS[(int) Math.round(bearing / 45) % 8], nearest.name());
    }

    static List<Place> readPlaces(BritishNationalGrid grid) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(PLACES)) {
            if (in == null) {
                throw new IllegalStateException("places file " + PLACES + " is missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), grid);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + PLACES, e);
        }
    }

    static List<Place> parse(Reader tsv, BritishNationalGrid grid) throws IOException {
        List<Place> out = new ArrayList<>();
        CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).build();
        for (CSVRecord r : format.parse(tsv)) {
            double lon = Double.parseDouble(r.get("lon"));
            double lat = Double.parseDouble(r.get("lat"));
            double[] en = grid.toGrid(lon, lat);
            out.add(new Place(r.get("name"), lon, lat, en[0], en[1], Long.parseLong(r.get("population"))));
        }
        return out;
    }
}
