package uk.safermap.analysis.cluster;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClusterOutlinesTest {

    private static final GeometryFactory GRID = new GeometryFactory(new PrecisionModel(), 27700);

    private static void checkEveryMemberInside(double[] x, double[] y, Clustering clustering, List<Polygon> outlines) {
        assertThat(outlines).hasSize(clustering.clusterCount());
        int[][] members = clustering.members();
        for (int c = 0; c < outlines.size(); c++) {
            Polygon outline = outlines.get(c);
            assertThat(outline.isValid()).as("cluster %d outline valid", c).isTrue();
            assertThat(outline.getSRID()).isEqualTo(27700);
            PreparedGeometry inside = PreparedGeometryFactory.prepare(outline);
            for (int i : members[c]) {
                assertThat(inside.contains(GRID.createPoint(new Coordinate(x[i], y[i]))))
                        .as("point %d (%s, %s) inside the outline of cluster %d", i, x[i], y[i], c).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}, {1} snap points")
    @CsvSource({"31, 0", "32, 150", "33, 2000"})
    void every_member_point_lies_inside_its_outline(long seed, int snapPoints) {
        // Unsnapped hot spots put thousands of distinct points in a cluster, which exercises the
        // thinning to one representative per square.
        TestPoints points = TestPoints.crimeLike(seed, 8000, 3000, 4, 0.5, snapPoints);
        Clustering clustering = Dbscan.cluster(points.x(), points.y(), 50, 20);

        List<Polygon> outlines = ClusterOutlines.outlines(points.x(), points.y(), clustering, 50, GRID);

        assertThat(clustering.clusterCount()).isPositive();
        checkEveryMemberInside(points.x(), points.y(), clustering, outlines);
    }

    @ParameterizedTest(name = "seed {0}, {1} snap points, eps {2}")
    @CsvSource({"41, 0, 50", "42, 150, 50", "43, 2000, 35", "44, 40, 80"})
    void outlines_from_a_runs_sites_are_exactly_those_from_its_points(long seed, int snapPoints, double eps) {
        TestPoints points = TestPoints.crimeLike(seed, 8000, 3000, 4, 0.5, snapPoints);
        Dbscan dbscan = new Dbscan(eps, 20);
        Dbscan.Sited run = dbscan.runSited(points.x(), points.y());
        Clustering clustering = run.clustering();
        assertThat(clustering).isEqualTo(dbscan.run(points.x(), points.y()));
        for (int i = 0; i < points.x().length; i++) {
            assertThat(run.siteX()[run.siteOfPoint()[i]]).isEqualTo(points.x()[i]);
            assertThat(run.siteY()[run.siteOfPoint()[i]]).isEqualTo(points.y()[i]);
        }

        List<Polygon> fromSites = ClusterOutlines.outlines(run, eps, GRID);
        List<Polygon> fromPoints = ClusterOutlines.outlines(points.x(), points.y(), clustering, eps, GRID);

        assertThat(clustering.clusterCount()).isPositive();
        assertThat(fromSites).hasSameSizeAs(fromPoints);
        for (int c = 0; c < fromPoints.size(); c++) {
            assertThat(fromSites.get(c).equalsExact(fromPoints.get(c), 0)).as("cluster %d", c).isTrue();
        }
    }

    @Test
    void a_run_too_small_to_cluster_still_has_its_sites() {
        double[] x = {475_000, 475_010, 475_000};
        double[] y = {319_000, 319_000, 319_000};
        Dbscan.Sited run = new Dbscan(50, 5).runSited(x, y);
        assertThat(run.clustering().clusterCount()).isZero();
        assertThat(run.siteX()).containsExactly(475_000, 475_010);
        assertThat(run.siteOfPoint()).containsExactly(0, 1, 0);
        assertThat(ClusterOutlines.outlines(run, 50, GRID)).isEmpty();
    }

    @Test
    void a_cluster_at_a_single_location_is_a_disc_of_the_buffer_radius() {
        double[] x = {475_000, 475_000, 475_000, 475_000, 475_000};
        double[] y = {319_000, 319_000, 319_000, 319_000, 319_000};
        Clustering clustering = Dbscan.cluster(x, y, 50, 5);

        List<Polygon> outlines = ClusterOutlines.outlines(x, y, clustering, 50, GRID);

        checkEveryMemberInside(x, y, clustering, outlines);
        // Buffer max(5, 50 / 4) = 12.5 m; the disc is a 16-gon inscribed in that circle.
        assertThat(outlines.get(0).getArea()).isCloseTo(Math.PI * 12.5 * 12.5, within(0.03 * Math.PI * 12.5 * 12.5));
    }

    @Test
    void a_cluster_of_two_locations_is_a_stadium_around_both() {
        double[] x = {475_000, 475_030, 475_000, 475_030};
        double[] y = {319_000, 319_000, 319_000, 319_000};
        Clustering clustering = Dbscan.cluster(x, y, 50, 3);

        List<Polygon> outlines = ClusterOutlines.outlines(x, y, clustering, 50, GRID);

        checkEveryMemberInside(x, y, clustering, outlines);
        double stadium = 30 * 2 * 12.5 + Math.PI * 12.5 * 12.5;
        assertThat(outlines.get(0).getArea()).isCloseTo(stadium, within(0.03 * stadium));
    }

    @Test
    void a_small_buffer_still_gives_the_minimum_and_collinear_clusters_are_polygons() {
        // eps 8: buffer max(5, 2) = 5 m around a straight line of points 4 m apart.
        double[] x = new double[12];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i] = 475_000 + 4 * i;
            y[i] = 319_000 + 3 * i;
        }
        Clustering clustering = Dbscan.cluster(x, y, 8, 3);

        List<Polygon> outlines = ClusterOutlines.outlines(x, y, clustering, 8, GRID);

        checkEveryMemberInside(x, y, clustering, outlines);
        double stadium = 55 * 2 * 5 + Math.PI * 5 * 5;
        assertThat(outlines.get(0).getArea()).isCloseTo(stadium, within(0.03 * stadium));
    }

    @Test
    void an_l_shaped_cluster_keeps_its_inner_corner_out() {
        // Two 400 m arms, three rows of points 10 m apart, meeting at the origin; a convex hull
        // would cover the whole triangle between the arms, including (200, 200).
        int n = 0;
        double[] x = new double[2 * 41 * 3];
        double[] y = new double[x.length];
        for (int i = 0; i <= 40; i++) {
            for (int row = 0; row < 3; row++) {
                x[n] = 475_000 + 10 * i;
                y[n++] = 319_000 + 10 * row;
                x[n] = 475_000 + 10 * row;
                y[n++] = 319_000 + 10 * i;
            }
        }
        Clustering clustering = Dbscan.cluster(x, y, 50, 3);

        List<Polygon> outlines = ClusterOutlines.outlines(x, y, clustering, 50, GRID);

        assertThat(clustering.clusterCount()).isEqualTo(1);
        checkEveryMemberInside(x, y, clustering, outlines);
        assertThat(outlines.get(0).contains(GRID.createPoint(new Coordinate(475_200, 319_200)))).isFalse();
        // The L is about 16,000 m2 and a 12.5 m buffer round its 1,700 m perimeter adds about
        // 21,000; the buffered convex hull would be over 100,000.
        assertThat(outlines.get(0).getArea()).isBetween(30_000.0, 45_000.0);
    }

    @Test
    void noise_gets_no_outline_and_outlines_are_indexed_by_cluster_id() {
        // Cluster 0 (first core at index 1) to the east, cluster 1 to the west, noise between.
        double[] x = {475_500, 476_000, 476_010, 476_020, 475_000, 475_010, 475_020};
        double[] y = {319_000, 319_000, 319_000, 319_000, 319_000, 319_000, 319_000};
        Clustering clustering = Dbscan.cluster(x, y, 15, 2);

        List<Polygon> outlines = ClusterOutlines.outlines(x, y, clustering, 15, GRID);

        assertThat(clustering.labels()).containsExactly(Clustering.NOISE, 0, 0, 0, 1, 1, 1);
        assertThat(outlines).hasSize(2);
        assertThat(outlines.get(0).getCentroid().getX()).isCloseTo(476_010, within(1.0));
        assertThat(outlines.get(1).getCentroid().getX()).isCloseTo(475_010, within(1.0));
        assertThat(outlines).noneMatch(o -> o.contains(GRID.createPoint(new Coordinate(475_500, 319_000))));
    }

    @Test
    void invalid_parameters_and_inputs_are_rejected() {
        assertThatThrownBy(() -> new ClusterOutlines(50, 0, GRID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bufferMetres must be > 0");
        assertThatThrownBy(() -> new ClusterOutlines(-1, 5, GRID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEdgeMetres must be >= 0");
        ClusterOutlines outlines = new ClusterOutlines(50, 5, GRID);
        assertThatThrownBy(() -> outlines.outline(new double[1], new double[1], new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("members must not be empty");
        Clustering threePoints = Dbscan.cluster(new double[3], new double[3], 50, 2);
        assertThatThrownBy(() -> outlines.outlines(new double[2], new double[2], threePoints))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
    }
}
