package uk.safermap.analysis.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbscanTest {

    private static final int N = Clustering.NOISE;

    /** Clusters with {@link Dbscan}, checks it against brute force and returns it. */
    private static Clustering checkAgainstBruteForce(double[] x, double[] y, double eps, int minPoints) {
        Clustering expected = BruteForceDbscan.cluster(x, y, eps, minPoints);
        Clustering actual = Dbscan.cluster(x, y, eps, minPoints);
        assertThat(actual).as("eps %s, minPoints %s", eps, minPoints).isEqualTo(expected);
        // Cells of side eps are not all tight, which takes the paths for loose cells.
        Clustering loose = new Dbscan(eps, minPoints, eps).run(x, y);
        assertThat(loose).as("cells of side eps, eps %s, minPoints %s", eps, minPoints).isEqualTo(expected);
        return actual;
    }

    private static Clustering checkAgainstBruteForce(TestPoints points, double eps, int minPoints) {
        return checkAgainstBruteForce(points.x(), points.y(), eps, minPoints);
    }

    @Test
    void a_hand_checked_example_has_known_core_border_and_noise_points() {
        // eps 1, minPoints 4. Two plus-shaped groups centred on (0,0) and (2,0) share the arm (1,0):
        //   4 (0,0) has 5, 6, 3 within 1 -> core;   2 (2,0) has 1, 7, 3 within 1 -> core;
        //   3 (1,0) has 4 and 2 only -> border, within eps of both cores;
        //   1, 5, 6, 7 have one core each -> border;   0 is alone -> noise.
        // Point 2 is the lowest-indexed core, so its cluster is 0; 3 joins the smaller id, 0.
        double[] x = {10, 2, 2, 1, 0, 0, 0, 2};
        double[] y = {10, 1, 0, 0, 0, 1, -1, -1};

        Clustering c = checkAgainstBruteForce(x, y, 1, 4);

        assertThat(c.labels()).containsExactly(N, 0, 0, 0, 1, 1, 1, 0);
        assertThat(c.core()).containsExactly(false, false, true, false, true, false, false, false);
        assertThat(c.clusterCount()).isEqualTo(2);
        assertThat(c.sizes()).containsExactly(4, 3);
        assertThat(c.noiseCount()).isEqualTo(1);
        assertThat(c.coreCount()).isEqualTo(2);
        assertThat(c.members()).isDeepEqualTo(new int[][] {{1, 2, 3, 7}, {4, 5, 6}});
    }

    @Test
    void a_border_point_between_two_clusters_joins_the_smaller_id_whatever_the_input_order() {
        // The same two groups with the shared arm listed first: still cluster 0 for the arm, and
        // cluster 0 is now the group whose core comes first in the input.
        double[] x = {1, 0, 0, 0, 2, 2, 2};
        double[] y = {0, 0, 1, -1, 0, 1, -1};

        Clustering c = checkAgainstBruteForce(x, y, 1, 4);

        assertThat(c.labels()).containsExactly(0, 0, 0, 0, 1, 1, 1);
        assertThat(c.core()).containsExactly(false, true, false, false, true, false, false);
    }

    @Test
    void duplicate_points_count_towards_min_points() {
        double[] x = {5, 5, 5, 9};
        double[] y = {5, 5, 5, 9};

        Clustering c = checkAgainstBruteForce(x, y, 1, 3);

        assertThat(c.labels()).containsExactly(0, 0, 0, N);
        assertThat(c.core()).containsExactly(true, true, true, false);
    }

    @ParameterizedTest(name = "seed {0}: {1} points over {2} m, eps {3}, minPoints {4}")
    @CsvSource({
        "1, 400, 1000, 50, 4",
        "2, 1500, 1000, 50, 20",
        "3, 1500, 2000, 50, 5",
        "4, 800, 300, 10, 3",
        "5, 1000, 500, 35, 12",
        "6, 600, 100, 7.5, 2"
    })
    void dbscan_equals_brute_force_on_random_uniform_points(long seed, int n, double side, double eps, int minPoints) {
        checkAgainstBruteForce(TestPoints.uniform(seed, n, side), eps, minPoints);
    }

    @ParameterizedTest(name = "seed {0}: {1} points, {2} snap points, eps {3}, minPoints {4}")
    @CsvSource({
        "11, 3000, 0, 50, 20",
        "12, 3000, 300, 50, 20",
        "13, 3000, 60, 50, 20",
        "14, 2500, 0, 25, 8",
        "15, 2500, 500, 100, 30",
        "16, 3000, 200, 50, 1",
        "17, 3000, 0, 50, 2"
    })
    void dbscan_equals_brute_force_on_crime_like_hot_spots(long seed, int n, int snapPoints, double eps, int minPoints) {
        TestPoints points = TestPoints.crimeLike(seed, n, 3000, 4, 0.4, snapPoints);

        Clustering c = checkAgainstBruteForce(points, eps, minPoints);

        assertThat(c.clusterCount()).as("a test that finds no clusters proves little").isPositive();
    }

    @Test
    void identical_points_are_one_cluster_of_core_points_or_all_noise() {
        double[] x = new double[50];
        double[] y = new double[50];
        java.util.Arrays.fill(x, TestPoints.EAST);
        java.util.Arrays.fill(y, TestPoints.NORTH);

        Clustering one = checkAgainstBruteForce(x, y, 50, 20);
        Clustering none = checkAgainstBruteForce(x, y, 50, 51);

        assertThat(one.clusterCount()).isEqualTo(1);
        assertThat(one.coreCount()).isEqualTo(50);
        assertThat(none.noiseCount()).isEqualTo(50);
    }

    @Test
    void points_exactly_eps_apart_in_a_line_are_neighbours() {
        // 10 points 5 m apart, east-west, then along a 3-4-5 diagonal: the 8 inner points have 3
        // neighbours each (eps inclusive), the 2 ends 2, so the ends are border points.
        for (double[] step : new double[][] {{5, 0}, {0, 5}, {3, 4}, {-4, 3}}) {
            double[] x = new double[10];
            double[] y = new double[10];
            for (int i = 0; i < 10; i++) {
                x[i] = TestPoints.EAST + step[0] * i;
                y[i] = TestPoints.NORTH + step[1] * i;
            }

            Clustering atEps = checkAgainstBruteForce(x, y, 5, 3);
            Clustering belowEps = checkAgainstBruteForce(x, y, Math.nextDown(5.0), 3);

            assertThat(atEps.labels()).containsOnly(0);
            assertThat(atEps.core()).containsExactly(false, true, true, true, true, true, true, true, true, false);
            assertThat(belowEps.noiseCount()).isEqualTo(10);
        }
    }

    @Test
    void a_3_4_5_triangle_is_all_core_at_eps_5_and_loses_its_cores_as_eps_shrinks() {
        // Sides 3, 4 and 5 exactly; minPoints 3 needs both other corners within eps.
        double[] x = {0, 3, 3};
        double[] y = {0, 4, 0};

        Clustering atFive = checkAgainstBruteForce(x, y, 5, 3);
        Clustering belowFive = checkAgainstBruteForce(x, y, 4.999, 3);
        Clustering belowFour = checkAgainstBruteForce(x, y, 3.999, 3);

        assertThat(atFive.core()).containsExactly(true, true, true);
        // (3,0) still has both others within 4.999; (0,0) and (3,4) are 5 apart, so border points.
        assertThat(belowFive.labels()).containsExactly(0, 0, 0);
        assertThat(belowFive.core()).containsExactly(false, false, true);
        assertThat(belowFour.noiseCount()).isEqualTo(3);
    }

    @Test
    void points_on_grid_cell_edges_and_corners_match_brute_force() {
        // A lattice with the grid's own spacing eps/sqrt(2): every point on a cell corner, diagonal
        // neighbours at eps give or take rounding, plus copies one ulp either side of each edge.
        double eps = 50;
        double side = eps / Math.sqrt(2);
        int k = 12;
        double[] x = new double[3 * k * k];
        double[] y = new double[3 * k * k];
        int n = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double px = TestPoints.EAST + i * side;
                double py = TestPoints.NORTH + j * side;
                x[n] = px;
                y[n++] = py;
                x[n] = Math.nextUp(px);
                y[n++] = Math.nextDown(py);
                x[n] = Math.nextDown(px + side / 2);
                y[n++] = Math.nextUp(py);
            }
        }
        for (int minPoints : new int[] {2, 5, 9, 12, 15, 20}) {
            checkAgainstBruteForce(x, y, eps, minPoints);
        }
    }

    @Test
    void rounding_can_put_neighbours_in_diagonally_opposite_corner_cells() {
        // Cells of eps/sqrt(2) with their origin at 0 (the points at (0, 500) and (500, 0) fix it):
        // the first point is one ulp inside cell (0,0), the second just inside cell (2,2). In
        // exact arithmetic they would be slightly more than eps apart; in double arithmetic,
        // which decides, they are within eps. A 21-cell neighbourhood would miss this pair.
        double[] x = {0, 500, 35.35533905932736, 70.71067811865474};
        double[] y = {500, 0, 35.35533905932736, 70.71067811865474};

        Clustering c = checkAgainstBruteForce(x, y, 50, 2);

        assertThat(c.labels()).containsExactly(N, N, 0, 0);
    }

    @Test
    void min_points_one_makes_every_point_core() {
        TestPoints points = TestPoints.uniform(21, 500, 2000);

        Clustering c = checkAgainstBruteForce(points, 40, 1);

        assertThat(c.coreCount()).isEqualTo(500);
        assertThat(c.noiseCount()).isZero();
    }

    @Test
    void min_points_above_the_number_of_points_makes_everything_noise() {
        TestPoints points = TestPoints.crimeLike(22, 300, 500, 2, 0.9, 20);

        Clustering c = checkAgainstBruteForce(points, 1000, 301);

        assertThat(c.clusterCount()).isZero();
        assertThat(c.noiseCount()).isEqualTo(300);
        assertThat(checkAgainstBruteForce(points, 1000, 300).clusterCount()).isEqualTo(1);
    }

    @Test
    void points_a_few_ulps_apart_with_a_tiny_eps_match_brute_force() {
        // eps of a few units in the last place of the coordinates: cell edges and distances are
        // all rounding, which is where box shortcuts would go wrong if they were not exact.
        double ulp = Math.ulp(TestPoints.EAST);
        SplittableRandom random = new SplittableRandom(23);
        double[] x = new double[400];
        double[] y = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = TestPoints.EAST + random.nextInt(30) * ulp;
            y[i] = TestPoints.NORTH + random.nextInt(30) * Math.ulp(TestPoints.NORTH);
        }
        for (double eps : new double[] {ulp, 2.5 * ulp, 4 * ulp}) {
            for (int minPoints : new int[] {3, 8, 15}) {
                checkAgainstBruteForce(x, y, eps, minPoints);
            }
        }
    }

    @Test
    void hot_spots_far_apart_use_a_sparse_grid_and_match_brute_force() {
        // 10 km between groups and eps 20 m: the grid would be mostly empty, so cells are hashed.
        SplittableRandom random = new SplittableRandom(24);
        double[] x = new double[600];
        double[] y = new double[600];
        for (int i = 0; i < x.length; i++) {
            int group = i % 6;
            x[i] = 300_000 + 10_000 * group + 100 * random.nextDouble();
            y[i] = 200_000 + 7_000 * group + 100 * random.nextDouble();
        }

        Clustering c = checkAgainstBruteForce(x, y, 20, 6);

        assertThat(c.clusterCount()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void no_points_give_no_clusters() {
        Clustering c = Dbscan.cluster(new double[0], new double[0], 50, 20);

        assertThat(c.size()).isZero();
        assertThat(c.clusterCount()).isZero();
        assertThat(c.sizes()).isEmpty();
    }

    @Test
    void parameters_out_of_range_are_rejected_with_the_parameter_named() {
        for (double eps : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new Dbscan(eps, 20))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epsMetres must be > 0");
        }
        assertThatThrownBy(() -> new Dbscan(50, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minPoints must be >= 1");
    }

    @Test
    void inputs_that_cannot_be_clustered_are_rejected() {
        Dbscan dbscan = new Dbscan(50, 3);

        assertThatThrownBy(() -> dbscan.run(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> dbscan.run(new double[] {1, Double.NaN, 3}, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[1]=NaN");
        assertThatThrownBy(() -> new Dbscan(1e-6, 3).run(new double[] {0, 0, 1e5}, new double[] {0, 1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epsMetres 1.0E-6 is too small");
    }

    @Test
    void the_input_arrays_are_left_unchanged() {
        TestPoints points = TestPoints.crimeLike(25, 1000, 1000, 2, 0.5, 50);
        double[] x = points.x().clone();
        double[] y = points.y().clone();

        Dbscan.cluster(x, y, 50, 10);

        assertThat(x).containsExactly(points.x());
        assertThat(y).containsExactly(points.y());
    }
}
