package uk.safermap.analysis.stats;

import org.junit.jupiter.api.Test;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GlobalMoransITest {

    private static final SquareGrid GRID = new SquareGrid(0, 0, 100, 3, 3);
    /** Seven of the nine cells (the north-east and centre-east are out), an irregular study area. */
    private static final boolean[] MASK = {true, true, true, true, true, false, true, true, false};
    private static final double[] X = {4, 2, 0, 5, 1, 99, 3, 6, 99};

    /** Moran's I from its definition with explicit pairwise distances. */
    private static double moransI(double[] x, double band) {
        int n = 0;
        double sum = 0;
        for (int i = 0; i < 9; i++) {
            if (MASK[i]) {
                n++;
                sum += x[i];
            }
        }
        double mean = sum / n;
        double num = 0;
        double den = 0;
        double s0 = 0;
        for (int i = 0; i < 9; i++) {
            if (!MASK[i]) {
                continue;
            }
            den += (x[i] - mean) * (x[i] - mean);
            for (int j = 0; j < 9; j++) {
                if (MASK[j] && j != i && Math.hypot(GRID.centreX(i) - GRID.centreX(j), GRID.centreY(i) - GRID.centreY(j)) <= band + 1e-6) {
                    num += (x[i] - mean) * (x[j] - mean);
                    s0++;
                }
            }
        }
        return n / s0 * num / den;
    }

    @Test
    void moran_i_equals_its_pairwise_definition() {
        for (double band : new double[] {100, 150, 250}) {
            GlobalMoransI.Result r = GlobalMoransI.compute(X, StudyMask.of(GRID, MASK), band);
            assertThat(r.moransI()).as("band %s", band).isCloseTo(moransI(X, band), within(1e-12));
            assertThat(r.n()).isEqualTo(7);
        }
    }

    @Test
    void expectation_and_variance_are_the_exact_moments_over_all_permutations() {
        // The randomisation moments of Moran's I are its mean and variance over all n! assignments of the
        // values to the cells: enumerate all 7! = 5040 of them.
        int[] cells = StudyMask.of(GRID, MASK).cells();
        double[] values = new double[cells.length];
        for (int k = 0; k < cells.length; k++) {
            values[k] = X[cells[k]];
        }
        for (double band : new double[] {100, 150}) {
            double sum = 0;
            double sum2 = 0;
            int count = 0;
            for (int[] perm : GetisOrdGiStarTest.permutations(cells.length)) {
                double[] x = X.clone();
                for (int k = 0; k < cells.length; k++) {
                    x[cells[k]] = values[perm[k]];
                }
                double i = moransI(x, band);
                sum += i;
                sum2 += i * i;
                count++;
            }
            double mean = sum / count;
            double variance = sum2 / count - mean * mean;
            GlobalMoransI.Result r = GlobalMoransI.compute(X, StudyMask.of(GRID, MASK), band);
            assertThat(r.expected()).isCloseTo(mean, within(1e-12)).isCloseTo(-1.0 / 6, within(1e-12));
            assertThat(r.variance()).as("band %s", band).isCloseTo(variance, within(1e-12));
            assertThat(r.z()).isCloseTo((r.moransI() - mean) / Math.sqrt(variance), within(1e-9));
        }
    }

    @Test
    void undefined_cases_give_nan_not_exceptions() {
        assertThat(GlobalMoransI.compute(new double[9], StudyMask.all(GRID), 100).z()).isNaN();
        assertThat(GlobalMoransI.compute(X, StudyMask.all(GRID), 50).z()).isNaN();
        assertThat(GlobalMoransI.compute(X, StudyMask.of(GRID, new boolean[9]), 100).n()).isZero();
    }
}
