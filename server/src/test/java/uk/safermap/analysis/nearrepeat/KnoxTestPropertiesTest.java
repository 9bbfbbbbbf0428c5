package uk.safermap.analysis.nearrepeat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bucketed close-pair counting, with its "more than" row and column found by subtraction, against
 * every pair counted one by one. Points sit on a 10 m lattice so that many pairs fall exactly on a band
 * edge (100 m along an axis, 60-80-100 triangles) and many share a location, as police.uk snapping does.
 */
class KnoxTestPropertiesTest {

    record Case(double[] x, double[] y, int[] day, double[] metres, int[] days, Metric metric) {
    }

    @Property(tries = 300)
    void fast_counting_equals_brute_force_on_random_inputs(@ForAll("cases") Case c) {
        KnoxResult r = new KnoxTest(c.metres(), c.days(), 1, 0, c.metric()).run(c.x(), c.y(), c.day());

        long[][] expected = BruteForceKnox.table(c.x(), c.y(), c.day(), c.metres(), c.days(), c.metric());
        assertThat(r.observed()).isDeepEqualTo(expected);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> size = Arbitraries.integers().between(2, 80);
        Arbitrary<double[]> metres = Arbitraries.of(
                new double[] {0, 100, 200, 400}, new double[] {0}, new double[] {50},
                new double[] {0, 10, 100}, new double[] {30, 70, 100, 250}, new double[] {0, 1000});
        Arbitrary<int[]> days = Arbitraries.of(
                new int[] {0, 7, 14, 28}, new int[] {0}, new int[] {3}, new int[] {0, 1, 2, 3}, new int[] {7, 14});
        Arbitrary<Integer> spread = Arbitraries.of(5, 30, 100);
        return Combinators.combine(size, metres, days, Arbitraries.of(Metric.values()), spread, Arbitraries.longs())
                .as((n, m, d, metric, cells, seed) -> randomCase(n, m, d, metric, cells, seed));
    }

    private static Case randomCase(int n, double[] metres, int[] days, Metric metric, int cells, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        int[] day = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = 480_000 + 10.0 * random.nextInt(cells);
            y[i] = 310_000 + 10.0 * random.nextInt(cells);
            day[i] = 19_500 + random.nextInt(40);
        }
        return new Case(x, y, day, metres, days, metric);
    }

    @Property(tries = 50)
    void every_pair_is_in_exactly_one_cell(@ForAll("cases") Case c) {
        KnoxResult r = new KnoxTest(c.metres(), c.days(), 3, 7, c.metric()).run(c.x(), c.y(), c.day());

        long sum = 0;
        for (long[] row : r.observed()) {
            for (long v : row) {
                assertThat(v).isNotNegative();
                sum += v;
            }
        }
        assertThat(sum).isEqualTo(r.pairCount());
        assertThat(List.of(r.observed().length, r.observed()[0].length))
                .containsExactly(c.metres().length + 1, c.days().length + 1);
    }
}
