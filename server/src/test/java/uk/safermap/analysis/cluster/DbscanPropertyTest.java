package uk.safermap.analysis.cluster;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import uk.safermap.geo.DistinctPoints;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Random small inputs, clustered by {@link Dbscan} and by brute force: the two must agree. */
class DbscanPropertyTest {

    @Property(tries = 400)
    void dbscan_equals_brute_force_on_points_of_a_coarse_lattice(
            @ForAll("lattice") List<double[]> points,
            @ForAll("latticeEps") double eps,
            @ForAll @IntRange(min = 1, max = 8) int minPoints) {
        // Half-metre steps give many duplicates and many pairs exactly eps apart.
        checkAgainstBruteForce(points, eps, minPoints);
    }

    @Property(tries = 300)
    void dbscan_equals_brute_force_on_scattered_points(
            @ForAll("scattered") List<double[]> points,
            @ForAll @DoubleRange(min = 0.5, max = 40) double eps,
            @ForAll @IntRange(min = 1, max = 12) int minPoints) {
        checkAgainstBruteForce(points, eps, minPoints);
    }

    private static void checkAgainstBruteForce(List<double[]> points, double eps, int minPoints) {
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        Clustering expected = BruteForceDbscan.cluster(x, y, eps, minPoints);

        assertThat(new Dbscan(eps, minPoints).run(x, y)).isEqualTo(expected);
        assertThat(new Dbscan(eps, minPoints, eps).run(x, y)).as("cells of side eps").isEqualTo(expected);
        // From the points' distinct positions, found beforehand: the same clustering and the same sites.
        Dbscan.Sited fromPoints = new Dbscan(eps, minPoints).runSited(x, y);
        Dbscan.Sited fromPositions = new Dbscan(eps, minPoints).runSited(DistinctPoints.of(x, y));
        assertThat(fromPositions.clustering()).as("from positions").isEqualTo(expected);
        assertThat(fromPositions.siteOfPoint()).isEqualTo(fromPoints.siteOfPoint());
        assertThat(fromPositions.siteX()).isEqualTo(fromPoints.siteX());
        assertThat(fromPositions.siteY()).isEqualTo(fromPoints.siteY());
        // What is summed over the sites is what counting the points gives.
        assertThat(fromPositions.sizes()).isEqualTo(expected.sizes());
        assertThat(fromPositions.noiseCount()).isEqualTo(expected.noiseCount());
    }

    @Provide
    Arbitrary<List<double[]>> lattice() {
        Arbitrary<Integer> step = Arbitraries.integers().between(0, 24);
        return Combinators.combine(step, step)
                .as((i, j) -> new double[] {TestPoints.EAST + 0.5 * i, TestPoints.NORTH + 0.5 * j})
                .list().ofMaxSize(80);
    }

    @Provide
    Arbitrary<Double> latticeEps() {
        return Arbitraries.of(0.5, 1.0, 1.5, 2.0, 2.5, Math.sqrt(2), Math.sqrt(2) / 2, 3.0, 5.0);
    }

    @Provide
    Arbitrary<List<double[]>> scattered() {
        Arbitrary<Double> offset = Arbitraries.doubles().between(0, 100);
        return Combinators.combine(offset, offset)
                .as((dx, dy) -> new double[] {TestPoints.EAST + dx, TestPoints.NORTH + dy})
                .list().ofMaxSize(120);
    }
}
