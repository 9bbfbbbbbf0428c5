package uk.safermap.analysis.density;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Envelope;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KernelDensityTest {

    /** Market Place, Melton Mowbray, in BNG metres (approximately). */
    private static final double E0 = 475_150;
    private static final double N0 = 319_150;

    /** The definition, written out independently of the code under test: per km^2. */
    private static double quarticPerKm2(double d, double h) {
        return d < h ? 3 / (Math.PI * h * h) * Math.pow(1 - d * d / (h * h), 2) * 1e6 : 0;
    }

    private static double exactAt(double[][] pts, double[] w, double cx, double cy, double h) {
        double s = 0;
        for (int k = 0; k < pts[0].length; k++) {
            s += (w == null ? 1 : w[k]) * quarticPerKm2(Math.hypot(pts[0][k] - cx, pts[1][k] - cy), h);
        }
        return s;
    }

    /**
     * Hot spots over a sparse background, snapped to whole metres and to a limited set of snap
     * points so that many incidents share a location, as police.uk points do.
     */
    private static double[][] clusteredPoints(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] snaps = new double[2][600];
        double[][] hot = {{E0, N0, 60}, {E0 + 900, N0 - 400, 150}, {E0 - 700, N0 + 800, 30}};
        for (int s = 0; s < 600; s++) {
            if (s % 3 == 0) {
                snaps[0][s] = E0 - 1500 + r.nextDouble() * 3000;
                snaps[1][s] = N0 - 1500 + r.nextDouble() * 3000;
            } else {
                double[] c = hot[s % hot.length];
                snaps[0][s] = c[0] + c[2] * gaussian(r);
                snaps[1][s] = c[1] + c[2] * gaussian(r);
            }
            snaps[0][s] = Math.rint(snaps[0][s]);
            snaps[1][s] = Math.rint(snaps[1][s]);
        }
        double[][] pts = new double[2][n];
        for (int k = 0; k < n; k++) {
            double u = r.nextDouble();
            int s = (int) (600 * u * u);
            pts[0][k] = snaps[0][s];
            pts[1][k] = snaps[1][s];
        }
        return pts;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static KernelDensityParameters params(double h, double cell, KernelDensity.Method method) {
        return KernelDensityParameters.defaults().withBandwidth(h).withCell(cell).withMethod(method);
    }

    @ParameterizedTest
    @EnumSource(value = KernelDensity.Method.class, names = {"EXACT", "DIRECT", "FFT"})
    void the_surface_integrates_to_the_number_of_incidents(KernelDensity.Method method) {
        double[][] pts = clusteredPoints(5_000, 1);
        DensityGrid grid = KernelDensity.estimate(pts[0], pts[1], params(120, 10, method));

        assertThat(grid.incidents()).isEqualTo(5_000);
        // Binned methods rescale the sampled kernel to unit mass, so they integrate exactly but for
        // the slight negative lobes of cubic binning, clamped to 0; the exact sum is a lattice sum of
        // each kernel, right on average over the points' offsets.
        assertThat(grid.total()).isCloseTo(5_000, within(method == KernelDensity.Method.EXACT ? 5.0 : 0.5));
    }

    @Test
    void a_weighted_surface_integrates_to_the_sum_of_the_weights() {
        double[][] pts = clusteredPoints(2_000, 2);
        double[] w = new double[2_000];
        for (int k = 0; k < w.length; k++) {
            w[k] = k % 4 == 0 ? 365 : 1;
        }
        DensityGrid grid = KernelDensity.estimate(pts[0], pts[1], w, params(150, 10, KernelDensity.Method.FFT));

        assertThat(grid.incidents()).isEqualTo(500 * 365 + 1_500);
        assertThat(grid.total()).isCloseTo(500 * 365 + 1_500, within(184_000 * 1e-4));
    }

    @ParameterizedTest
    @EnumSource(value = KernelDensity.Method.class, names = {"DIRECT", "FFT"})
    void the_binned_surface_equals_the_exact_sum_within_0_12_percent_of_the_peak(KernelDensity.Method method) {
        double[][] pts = clusteredPoints(20_000, 3);
        double h = 150;
        DensityGrid grid = KernelDensity.estimate(pts[0], pts[1], params(h, 10, method));
        double max = grid.max();
        SplittableRandom r = new SplittableRandom(4);
        double worst = 0;
        for (int s = 0; s < 300; s++) {
            int i;
            int j;
            if (s % 3 == 0) {
                i = r.nextInt(grid.nx());
                j = r.nextInt(grid.ny());
            } else {
                // Most samples where the density is, because that is where binning errs.
                int k = r.nextInt(pts[0].length);
                i = (int) ((pts[0][k] - grid.originX()) / 10) + r.nextInt(-20, 21);
                j = (int) ((pts[1][k] - grid.originY()) / 10) + r.nextInt(-20, 21);
                i = Math.max(0, Math.min(grid.nx() - 1, i));
                j = Math.max(0, Math.min(grid.ny() - 1, j));
            }
            double exact = exactAt(pts, null, grid.centreX(i), grid.centreY(j), h);
            worst = Math.max(worst, Math.abs(grid.value(i, j) - exact));
        }
        assertThat(worst / max).isLessThan(0.0012);
    }

    @Test
    void the_exact_method_is_the_kernel_sum_at_every_cell_centre() {
        double[][] pts = clusteredPoints(300, 5);
        double[] w = new double[300];
        for (int k = 0; k < w.length; k++) {
            w[k] = 1 + k % 3;
        }
        DensityGrid grid = KernelDensity.estimate(pts[0], pts[1], w, params(80, 25, KernelDensity.Method.EXACT));
        for (int j = 0; j < grid.ny(); j += 7) {
            for (int i = 0; i < grid.nx(); i += 7) {
                double expected = exactAt(pts, w, grid.centreX(i), grid.centreY(j), 80);
                assertThat(grid.value(i, j)).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
            }
        }
    }

    @Test
    void fft_and_direct_convolution_agree_on_an_awkwardly_sized_grid() {
        double[][] pts = clusteredPoints(3_000, 6);
        Envelope extent = new Envelope(E0 - 1370, E0 + 1000, N0 - 1110, N0 + 980);
        KernelDensityParameters p = params(90, 10, KernelDensity.Method.FFT).withExtent(extent);
        DensityGrid fft = KernelDensity.estimate(pts[0], pts[1], p);
        DensityGrid direct = KernelDensity.estimate(pts[0], pts[1], p.withMethod(KernelDensity.Method.DIRECT));

        assertThat(fft.nx()).isEqualTo(237);
        assertThat(fft.ny()).isEqualTo(209);
        double tolerance = 1e-9 * direct.max();
        for (int c = 0; c < fft.perKm2().length; c++) {
            assertThat(fft.perKm2()[c]).isCloseTo(direct.perKm2()[c], within(tolerance));
        }
    }

    @ParameterizedTest
    @EnumSource(value = KernelDensity.Method.class, names = {"EXACT", "DIRECT", "FFT"})
    void one_point_peaks_at_three_over_pi_h_squared_per_km2_at_its_cell(KernelDensity.Method method) {
        double h = 200;
        // Cell (50, 50) of this extent is centred on the point.
        Envelope extent = new Envelope(E0, E0 + 1000, N0, N0 + 1000);
        double px = E0 + 505;
        double py = N0 + 505;
        DensityGrid grid = KernelDensity.estimate(new double[] {px}, new double[] {py},
                params(h, 10, method).withExtent(extent));

        double peak = 3 / (Math.PI * h * h) * 1e6;
        assertThat(peak).isCloseTo(23.873, within(0.001));
        assertThat(grid.max()).isCloseTo(peak, within(peak * 1e-3));
        assertThat(grid.value(50, 50)).isEqualTo(grid.max());
        // Half a bandwidth away, K = peak * (1 - 1/4)^2; beyond h, nothing.
        assertThat(grid.valueAt(px + 100, py)).isCloseTo(peak * 0.5625, within(peak * 1e-3));
        assertThat(grid.valueAt(px, py + 201)).isZero();
    }

    @Test
    void points_just_outside_a_given_extent_still_contribute_and_far_ones_do_not() {
        double[] x = {E0 - 50, E0 + 5_000};
        double[] y = {N0 + 500, N0 + 500};
        Envelope extent = new Envelope(E0, E0 + 1000, N0, N0 + 1000);
        for (KernelDensity.Method m : new KernelDensity.Method[] {KernelDensity.Method.EXACT, KernelDensity.Method.FFT}) {
            DensityGrid grid = KernelDensity.estimate(x, y, params(100, 10, m).withExtent(extent));
            double expected = quarticPerKm2(Math.hypot(55, 5), 100);
            assertThat(grid.value(0, 50)).as(m.name()).isCloseTo(expected, within(expected * 1e-3));
            assertThat(grid.value(grid.nx() - 1, 50)).as(m.name()).isZero();
        }
    }

    @Test
    void defaults_follow_arcgis_and_say_what_they_chose() {
        double[] x = {E0, E0 + 300, E0, E0 + 300};
        double[] y = {N0, N0, N0 + 400, N0 + 400};
        DensityGrid grid = KernelDensity.estimate(x, y, KernelDensityParameters.defaults());

        // The four corners of a 300 x 400 rectangle: every distance to the centre is 250 m, so
        // SD = Dm = 250 and h = 0.9 * min(250, 1.2011 * 250) * 4^-0.2 = 225 * 0.757858 = 170.52 m.
        assertThat(grid.bandwidthMetres()).isCloseTo(170.518, within(1e-3));
        assertThat(grid.bandwidthRule()).startsWith(SpatialBandwidth.RULE);
        // Extent 300 + 2h by 400 + 2h; shorter side / 250 = 2.6 m is below the 10 m floor.
        assertThat(grid.cellMetres()).isEqualTo(10);
        assertThat(grid.originX()).isCloseTo(E0 - 170.518, within(1e-3));
        assertThat(grid.notes()).anySatisfy(n -> assertThat(n).contains("cell 10.00 m"));
        assertThat(grid.total()).isCloseTo(4, within(0.01));
    }

    @Test
    void coincident_points_get_the_floor_bandwidth() {
        DensityGrid grid = KernelDensity.estimate(new double[] {E0, E0}, new double[] {N0, N0},
                KernelDensityParameters.defaults());

        assertThat(grid.bandwidthMetres()).isEqualTo(KernelDensityParameters.MIN_DEFAULT_BANDWIDTH_METRES);
        assertThat(grid.bandwidthRule()).contains("floor");
    }

    @Test
    void no_points_in_a_given_extent_give_an_empty_surface() {
        DensityGrid grid = KernelDensity.estimate(new double[0], new double[0],
                KernelDensityParameters.defaults().withExtent(new Envelope(E0, E0 + 500, N0, N0 + 500)));

        assertThat(grid.max()).isZero();
        assertThat(grid.positiveCells()).isZero();
        assertThat(grid.percentile(50)).isNaN();
    }

    @Test
    void many_incidents_with_a_wide_kernel_choose_the_fft() {
        double[][] pts = clusteredPoints(50_000, 7);
        DensityGrid grid = KernelDensity.estimate(pts[0], pts[1],
                KernelDensityParameters.defaults().withBandwidth(300).withCell(10));

        assertThat(grid.method()).isEqualTo(KernelDensity.Method.FFT);
        assertThat(grid.notes()).anySatisfy(n -> assertThat(n).startsWith("method FFT"));
    }

    @Test
    void bad_parameters_are_refused_with_the_parameter_named() {
        assertThatThrownBy(() -> KernelDensityParameters.defaults().withBandwidth(-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bandwidthMetres");
        assertThatThrownBy(() -> KernelDensityParameters.defaults().withCell(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cellMetres");
        assertThatThrownBy(() -> KernelDensityParameters.defaults().withBandwidth(5).withCell(10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least cellMetres");
        assertThatThrownBy(() -> KernelDensityParameters.defaults().withExtent(new Envelope(0, 0, 0, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extent");
        assertThatThrownBy(() -> new KernelDensity(new double[] {1, Double.NaN}, new double[] {1, 2}, null,
                KernelDensityParameters.defaults())).hasMessageContaining("point 1");
        assertThatThrownBy(() -> new KernelDensity(new double[] {1}, new double[] {1}, new double[] {-1},
                KernelDensityParameters.defaults())).hasMessageContaining("weights[0]");
        assertThatThrownBy(() -> new KernelDensity(new double[0], new double[0], null,
                KernelDensityParameters.defaults())).hasMessageContaining("extent");
        assertThatThrownBy(() -> KernelDensity.estimate(new double[] {E0}, new double[] {N0},
                params(100, 10, KernelDensity.Method.AUTO).withExtent(new Envelope(0, 100_000, 0, 100_000))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger cellMetres");
    }
}
