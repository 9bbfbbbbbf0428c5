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
import uk.safermap.domain.PoliceLocation;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.GridReference;
import uk.safermap.privacy.DisclosurePolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static uk.safermap.geo.GeometryFactories.WGS84;

/**
 * Names a point on the ground: the nearest street police.uk names a snap point after (from the
 * stored incidents, {@link StreetIndex}), the nearest GeoNames place (shipped in
 * {@code gis-data/melton/places-geonames.tsv}, CC BY 4.0), the ward it lies in and its OS grid
 * reference, so that every result can be found without coordinates. Thread-safe (read-only; the
 * street index is asked for its current version on every use).
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
     * Where a point is: the kind of place at the spot ({@code at}, e.g. "Supermarket", else null),
     * the nearest street (null when none is within {@link StreetIndex#NEAR_METRES}), whether the
     * spot is {@code onStreet} (within {@link StreetIndex#ON_STREET_METRES}) or only near it,
     * {@code place} as read aloud ("Melton Mowbray", "1.2 km NE of Asfordby"), its ward (null
     * outside every ward) and the 100 m grid reference.
     */
    public record Label(String at, String street, boolean onStreet, String place, String ward, String gridRef) {

        /**
         * One line for tables, exports and printouts, like police.uk's own labels:
         * "Burton Street, Melton Mowbray (Melton Egerton ward) · SK 752 190", or "Supermarket near
         * Burton Street, ..." at a kind of place, or "Near Burton Street, ..." further off.
         */
        public String text() {
            String spot = spot();
            return (spot == null ? "" : spot + ", ") + place + (ward == null ? "" : " (" + ward + " ward)") + " · "
                    + gridRef;
        }

        /** The spot ("Burton Street", "Supermarket near Burton Street"), else the place: a short name for lists. */
        public String shortName() {
            String spot = spot();
            return spot == null ? place : spot;
        }

        private String spot() {
            if (street == null) {
                return at;
            }
            return at == null && onStreet ? street : PoliceLocation.near(at == null ? "" : at, street);
        }
    }

    /** A name to draw on the map at a lon/lat point. */
    public record MapLabel(String name, double lon, double lat) {
    }

    /** A search hit: what it is (place, ward, lsoa, street, gridref), its name, and where to look. */
    public record Match(String kind, String name, double lon, double lat) {
    }

    private record Ward(String name, PreparedGeometry lonLat) {
    }

    private final BritishNationalGrid grid;
    private final List<Place> places;
    private final List<Ward> wards;
    private final List<Match> searchable;
    private final Supplier<StreetIndex> streets;
    private final DisclosurePolicy policy;

    /**
     * @param areas   wards (which name points) and any other areas to search by name, e.g. LSOAs; lon/lat
     * @param streets the street index of the stored incidents as it is now
     * @param policy  which streets roles that see aggregates only may find
     */
    public Gazetteer(List<Place> places, List<Area> areas, BritishNationalGrid grid, Supplier<StreetIndex> streets,
                     DisclosurePolicy policy) {
        if (places.isEmpty()) {
            throw new IllegalArgumentException("a gazetteer needs at least one place");
        }
        this.grid = grid;
        this.streets = streets;
        this.policy = policy;
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

    /** The gazetteer over the shipped GeoNames places, the given boundaries (lon/lat) and streets. */
    public static Gazetteer melton(List<Area> areas, BritishNationalGrid grid, Supplier<StreetIndex> streets,
                                   DisclosurePolicy policy) {
        return new Gazetteer(readPlaces(grid), areas, grid, streets, policy);
    }

    /**
     * Places, wards, other areas and streets whose name or code contains the query (names starting
     * with it first), or the square an OS grid reference names ("SK 751 191"); at most {@code limit}.
     * A street is named with its place ("Main Street, Asfordby"), once per place, at the snap
     * point nearest the middle of its snap points there.
     *
     * @param aggregateOnly for a role that sees aggregates only: streets as {@link DisclosurePolicy#streetShown} allows
     */
    public List<Match> search(String query, int limit, boolean aggregateOnly) {
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
        return Stream.concat(searchable.stream(), streetMatches(q, aggregateOnly).stream())
                .filter(m -> m.name().toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing((Match m) -> !m.name().toLowerCase(Locale.ROOT).startsWith(q))
                        .thenComparing(Match::name))
                .limit(limit).toList();
    }

    /** The streets whose name contains the (lower-case) query, one match per street and place. */
    private List<Match> streetMatches(String q, boolean aggregateOnly) {
        Map<String, List<StreetIndex.SnapPoint>> byName = new TreeMap<>();
        for (StreetIndex.SnapPoint s : streets.get().streets()) {
            if (s.name().toLowerCase(Locale.ROOT).contains(q) && (!aggregateOnly || policy.streetShown(s.incidents()))) {
                byName.computeIfAbsent(s.name() + ", " + nearestPlace(s.easting(), s.northing()).name(),
                        k -> new ArrayList<>()).add(s);
            }
        }
        List<Match> out = new ArrayList<>();
        byName.forEach((name, points) -> {
            double e = points.stream().mapToDouble(StreetIndex.SnapPoint::easting).average().orElseThrow();
            double n = points.stream().mapToDouble(StreetIndex.SnapPoint::northing).average().orElseThrow();
            StreetIndex.SnapPoint middle = points.stream().min(Comparator.comparingDouble(
                    p -> Math.hypot(p.easting() - e, p.northing() - n))).orElseThrow();
            double[] ll = grid.toWgs84(middle.easting(), middle.northing());
            out.add(new Match("street", name, ll[0], ll[1]));
        });
        return out;
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
        return label(WGS84.createPoint(new Coordinate(lon, lat)));
    }

    /**
     * The label of a lon/lat geometry: place, ward and grid reference at a point inside it (a
     * polygon's centroid can fall outside), the street and kind of place nearest the whole shape.
     */
    public Label label(Geometry lonLat) {
        return label(lonLat, grid.toGrid(lonLat));
    }

    /** As {@link #label(Geometry)}, given the shape in grid metres too, for a caller that holds both. */
    public Label label(Geometry lonLat, Geometry shape) {
        Point p = lonLat.getInteriorPoint();
        double[] en = grid.toGrid(p.getX(), p.getY());
        String ward = wards.stream().filter(w -> w.lonLat().covers(p)).map(Ward::name).findFirst().orElse(null);
        StreetIndex index = streets.get();
        Optional<StreetIndex.Nearest> street = index.nearestStreet(shape);
        return new Label(index.facility(shape).orElse(null), street.map(StreetIndex.Nearest::street).orElse(null),
                street.map(StreetIndex.Nearest::on).orElse(false), place(en[0], en[1]), ward,
                GridReference.of(en[0], en[1]));
    }

    private Place nearestPlace(double easting, double northing) {
        Place nearest = null;
        double best = Double.POSITIVE_INFINITY;
        for (Place candidate : places) {
            // Distance measured from the place's edge, so a town is not outdrawn by a nearer hamlet centre.
            double dx = candidate.easting() - easting;
            double dy = candidate.northing() - northing;
            // sqrt, not Math.hypot: metres cannot overflow, and hypot cost a tenth of a cluster map.
            double d = Math.sqrt(dx * dx + dy * dy) - candidate.radiusMetres();
            if (d < best) {
                best = d;
                nearest = candidate;
            }
        }
        return nearest;
    }

    private String place(double easting, double northing) {
        Place nearest = nearestPlace(easting, northing);
        double dx = easting - nearest.easting();
        double dy = northing - nearest.northing();
        double metres = Math.hypot(dx, dy);
        if (metres <= nearest.radiusMetres()) {
            return nearest.name();
        }
        double bearing = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
        // Tenths of a km rounded half up, as "%.1f" would, without String.format's cost per call.
        long tenths = BigDecimal.valueOf(metres).movePointLeft(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return tenths / 10 + "." + tenths % 10 + " km " + COMPASS[(int) Math.round(bearing / 45) % 8] + " of "
                + nearest.name();
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
