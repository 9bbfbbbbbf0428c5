package uk.safermap.areas;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.domain.PoliceLocation;
import uk.safermap.store.PointSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * {@link StreetIndex#of} reads each location text and position once, not once per incident: it
 * must still give exactly what reading every incident gives (the same snap points, in the order
 * first met, with the same counts), texts that are equal but not the same object included.
 */
class StreetIndexTest {

    private static final String[] TEXTS = {"On or near Burton Street", "on or near burton street",
        "On or near Sherrard Street", "On or near Supermarket", "Supermarket near Burton Street",
        "Parking Area, Melton 005B", "Near Sherrard Street", "On or near Parking Area", "On or near No Location",
        "On or near Petrol Station", "  On or near Burton Street  ", "", null, "Burton Street"};

    /** One snap point as read from every incident in turn, the way the index was first built. */
    private record Expected(String name, double easting, double northing) {
    }

    @Property(tries = 60)
    void the_snap_points_and_their_counts_are_those_of_reading_every_incident(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 3_000) int incidents) {
        PointSet points = generated(new Random(seed), incidents);
        StreetIndex index = StreetIndex.of(points);
        assertThat(index.streets()).isEqualTo(everyIncident(points, true));
        // Kinds of place are not listed: at each of their snap points, one of the kinds there is found.
        List<StreetIndex.SnapPoint> facilities = everyIncident(points, false);
        for (StreetIndex.SnapPoint f : facilities) {
            List<String> there = facilities.stream().filter(o -> o.easting() == f.easting()
                    && o.northing() == f.northing()).map(StreetIndex.SnapPoint::name).toList();
            assertThat(index.facility(GRID.createPoint(new Coordinate(f.easting(), f.northing()))))
                    .hasValueSatisfying(kind -> assertThat(there).contains(kind));
        }
    }

    @Test
    void counts_grow_past_the_first_table_and_keep_the_order_first_met() {
        // 3,000 streets at 3,000 points, each met twice, the second time in reverse order.
        int n = 3_000;
        double[] e = new double[2 * n];
        double[] no = new double[2 * n];
        String[] loc = new String[2 * n];
        for (int i = 0; i < n; i++) {
            for (int k : new int[] {i, 2 * n - 1 - i}) {
                e[k] = 470_000 + 10 * i;
                no[k] = 315_000;
                loc[k] = new String("On or near Street " + i);
            }
        }
        List<StreetIndex.SnapPoint> streets = StreetIndex.of(pointSet(e, no, loc)).streets();
        assertThat(streets).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(streets.get(i)).isEqualTo(new StreetIndex.SnapPoint("Street " + i, 470_000 + 10 * i, 315_000, 2));
        }
    }

    /**
     * The street named for a shape is the snap point nearest it (Geometry.distance, 0 inside),
     * within 500 m, and of several as near the busiest: the same as measuring every snap point.
     */
    @Property(tries = 200)
    void the_street_named_is_the_nearest_and_of_equals_the_busiest(@ForAll long seed,
                                                                  @ForAll @IntRange(min = 0, max = 900) int size) {
        Random r = new Random(seed);
        PointSet points = generated(r, 4000);
        StreetIndex index = StreetIndex.of(points);
        double x = 469_500 + r.nextDouble() * 1_800;
        double y = 314_500 + r.nextDouble() * 1_500;
        Geometry shape = size == 0 ? GRID.createPoint(new Coordinate(x, y))
                : GRID.createPoint(new Coordinate(x, y)).buffer(size / 4.0, 2).union(
                        GRID.createPoint(new Coordinate(x + size / 3.0, y - size / 5.0)).buffer(size / 6.0, 2));
        check(index.streets(), shape, StreetIndex.NEAR_METRES, index.nearestStreet(shape).map(StreetIndex.Nearest::street));
        check(everyIncident(points, false), shape, StreetIndex.FACILITY_METRES, index.facility(shape));
    }

    private static void check(List<StreetIndex.SnapPoint> all, Geometry shape, double within, Optional<String> named) {
        double best = all.stream().mapToDouble(p -> metres(shape, p)).min().orElse(Double.POSITIVE_INFINITY);
        if (best > within) {
            assertThat(named).isEmpty();
            return;
        }
        int busiest = all.stream().filter(p -> metres(shape, p) == best).mapToInt(StreetIndex.SnapPoint::incidents)
                .max().orElseThrow();
        assertThat(all.stream().filter(p -> metres(shape, p) == best && p.incidents() == busiest)
                .map(StreetIndex.SnapPoint::name)).contains(named.orElseThrow());
    }

    private static double metres(Geometry shape, StreetIndex.SnapPoint p) {
        return shape.distance(GRID.createPoint(new Coordinate(p.easting(), p.northing())));
    }

    @Test
    void an_index_needs_the_locations() {
        PointSet points = pointSet(new double[] {1}, new double[] {2}, null);
        assertThatThrownBy(() -> StreetIndex.of(points)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The snap points of streets (or of kinds of place) counted incident by incident, in the order first met. */
    private static List<StreetIndex.SnapPoint> everyIncident(PointSet points, boolean streets) {
        Map<Expected, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            String location = points.location()[i];
            Optional<String> street = PoliceLocation.street(location);
            Optional<String> name = street.isPresent() ? (streets ? street : Optional.empty())
                    : streets ? Optional.empty() : PoliceLocation.facility(location);
            if (name.isPresent()) {
                counts.merge(new Expected(name.get(), points.easting()[i], points.northing()[i]), 1, Integer::sum);
            }
        }
        List<StreetIndex.SnapPoint> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new StreetIndex.SnapPoint(k.name(), k.easting(), k.northing(), n)));
        return out;
    }

    /** Incidents at a few hundred snap points, each text a new String object half the time. */
    private static PointSet generated(Random r, int n) {
        double[] e = new double[n];
        double[] no = new double[n];
        String[] loc = new String[n];
        for (int i = 0; i < n; i++) {
            int snap = r.nextInt(300);
            e[i] = 470_000 + (snap % 20) * 37.5;
            no[i] = 315_000 + (snap / 20) * 41.0;
            String text = TEXTS[r.nextInt(TEXTS.length)];
            loc[i] = text != null && r.nextBoolean() ? new String(text) : text;
        }
        return pointSet(e, no, loc);
    }

    private static PointSet pointSet(double[] e, double[] no, String[] loc) {
        int n = e.length;
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
        }
        return new PointSet(ids, e, no, new int[n], new int[n], new int[n], new byte[n], new boolean[n], loc);
    }
}
