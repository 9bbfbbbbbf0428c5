package uk.safermap.patrol.routing;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Travel over a road network: shortest paths, snapping, the lines drawn, and refusals. */
class RoadNetworkTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /**
     * A river along y = 0 crossed by one bridge at x = 1000: two banks' streets (y = -100 and
     * y = 100, x 0..1000) joined only by the bridge.
     */
    private static final String[] RIVER_TOWN = {
        "LINESTRING (0 100, 500 100, 1000 100)",
        "LINESTRING (0 -100, 500 -100, 1000 -100)",
        "LINESTRING (1000 100, 1000 -100)",
    };

    private static RoadNetwork network(String... wkt) {
        List<Geometry> lines = new ArrayList<>();
        WKTReader reader = new WKTReader();
        for (String w : wkt) {
            try {
                lines.add(reader.read(w));
            } catch (ParseException e) {
                throw new IllegalArgumentException(w, e);
            }
        }
        return new RoadNetwork(lines);
    }

    @Test
    void crossing_the_river_goes_round_by_the_bridge() {
        RoadNetwork town = network(RIVER_TOWN);
        // Two stops facing each other across the river, 200 m apart as the crow flies.
        RoadNetwork.NetworkTravel travel = town.travel(new double[] {0, 0}, new double[] {100, -100}, 1.3);

        assertThat(travel.metres(0, 1)).isCloseTo(1000 + 200 + 1000, within(1e-9));
        assertThat(travel.metres(1, 0)).isCloseTo(travel.metres(0, 1), within(1e-9));
        assertThat(travel.metres(0, 1)).isGreaterThan(new StraightLineTravel(new double[] {0, 0},
                new double[] {100, -100}, 1.3).metres(0, 1));
        LineString path = travel.path(0, 1, FACTORY);
        assertThat(path.getLength()).isCloseTo(2200, within(1e-9));
        assertThat(path.getCoordinates()).extracting(c -> c.x + " " + c.y)
                .containsExactly("0.0 100.0", "500.0 100.0", "1000.0 100.0", "1000.0 -100.0", "500.0 -100.0", "0.0 -100.0");
    }

    @Test
    void a_stop_off_the_network_walks_straight_to_its_nearest_vertex() {
        RoadNetwork town = network(RIVER_TOWN);
        RoadNetwork.NetworkTravel travel = town.travel(new double[] {500, 1000}, new double[] {130, 70}, 1.3);

        // 30 m to the street, 500 m along it, 30 m off it again.
        assertThat(travel.metres(0, 1)).isCloseTo(560, within(1e-9));
        assertThat(travel.maxAccessMetres()).isCloseTo(30, within(1e-9));
        assertThat(travel.unconnectedPairs()).isZero();
    }

    @Test
    void unconnected_stops_fall_back_to_the_straight_line_with_the_detour_factor() {
        RoadNetwork islands = network("LINESTRING (0 0, 100 0)", "LINESTRING (0 500, 100 500)");
        RoadNetwork.NetworkTravel travel = islands.travel(new double[] {0, 0}, new double[] {0, 500}, 1.3);

        assertThat(travel.unconnectedPairs()).isEqualTo(2);
        assertThat(travel.metres(0, 1)).isCloseTo(650, within(1e-9));
        assertThat(travel.path(0, 1, FACTORY).getNumPoints()).isEqualTo(2);
    }

    @Test
    void lines_sharing_a_vertex_join_and_the_shorter_of_two_parallel_roads_is_taken() {
        RoadNetwork roads = network("LINESTRING (0 0, 100 0)", "LINESTRING (100 0, 100 100)",
                "LINESTRING (0 0, 50 80, 100 100)", "MULTILINESTRING ((0 0, 100 100), (0 0, 0 1))");
        assertThat(roads.vertexCount()).isEqualTo(5);

        RoadNetwork.NetworkTravel travel = roads.travel(new double[] {0, 100}, new double[] {0, 100}, 1.3);
        assertThat(travel.metres(0, 1)).isCloseTo(Math.sqrt(2) * 100, within(1e-9));
    }

    @Test
    void polygons_points_and_empty_networks_are_refused() {
        assertThatThrownBy(() -> network("LINESTRING (0 0, 1 1)", "POLYGON ((0 0, 1 0, 1 1, 0 0))"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("road 1 is a Polygon; roads must be LineString "
                        + "or MultiLineString");
        assertThatThrownBy(() -> network("POINT (0 0)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("road 0 is a Point");
        assertThatThrownBy(() -> network("LINESTRING (5 5, 5 5)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no line with two distinct points");
    }
}
