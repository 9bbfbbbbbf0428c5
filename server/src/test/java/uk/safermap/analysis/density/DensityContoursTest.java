package uk.safermap.analysis.density;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DensityContoursTest {

    private static final double CELL = 10;
    private static final double X0 = 470_000;
    private static final double Y0 = 315_000;
    private final DensityContours contours = new DensityContours();

    /** A grid of n x n 10 m cells whose values are f(dx, dy), offsets in metres from the grid's centre. */
    private static DensityGrid surface(int n, DoubleBinaryOperator f) {
        double[] v = new double[n * n];
        double c = n * CELL / 2;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                v[j * n + i] = f.applyAsDouble((i + 0.5) * CELL - c, (j + 0.5) * CELL - c);
            }
        }
        return new DensityGrid(X0, Y0, CELL, n, n, v, 100, "given", 1, KernelDensity.Method.EXACT, List.of());
    }

    private static DoubleBinaryOperator gaussian(double peak, double sigma, double cx, double cy) {
        return (x, y) -> peak * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma));
    }

    /** Radius of the level-L circle of a Gaussian blob: peak * exp(-r^2 / 2 sigma^2) = L. */
    private static double radius(double peak, double sigma, double level) {
        return sigma * Math.sqrt(2 * Math.log(peak / level));
    }

    @Test
    void a_gaussian_blob_gives_nested_valid_circles_of_the_expected_area() {
        double peak = 1000;
        double sigma = 150;
        DensityGrid grid = surface(200, gaussian(peak, sigma, 0, 0));
        double[] levels = {100, 300, 600, 900};

        List<DensityContour> out = contours.atLevels(grid, levels);
        assertThat(contours.atLevels(grid, 600, 100, 600).get(2).incidents()).isCloseTo(out.get(2).incidents(), within(1e-9));

        assertThat(out).hasSize(4);
        Coordinate centre = new Coordinate(X0 + 1000, Y0 + 1000);
        for (int k = 0; k < levels.length; k++) {
            DensityContour c = out.get(k);
            double r = radius(peak, sigma, levels[k]);
            assertThat(c.level()).isEqualTo(levels[k]);
            assertThat(c.percentile()).isNaN();
            assertThat(c.geometry().isValid()).isTrue();
            assertThat(c.geometry().getNumGeometries()).isEqualTo(1);
            assertThat(c.geometry().getSRID()).isEqualTo(27700);
            double sum = 0;
            for (double v : grid.perKm2()) {
                sum += v >= levels[k] ? v : 0;
            }
            assertThat(c.incidents()).isCloseTo(sum * CELL * CELL / 1e6, within(1e-9));
            // Simplification moves boundaries by up to t = a quarter cell, leaving chords with
            // sagittas up to t, so the area may fall short of the circle's by (2/3) t * perimeter,
            // which is (4/3)(t / r) of it.
            double area = Math.PI * r * r;
            assertThat(c.areaSquareMetres()).isCloseTo(area, within(area * (4.0 / 3 * CELL / 4 / r + 0.01)));
            // Roughly circular: every vertex within a third of a cell of the true circle.
            for (Coordinate v : c.geometry().getCoordinates()) {
                assertThat(v.distance(centre)).isCloseTo(r, within(CELL / 3));
            }
            if (k > 0) {
                assertThat(out.get(k - 1).geometry().contains(c.geometry())).isTrue();
                assertThat(c.incidents()).isLessThan(out.get(k - 1).incidents());
            }
        }
    }

    @Test
    void the_vertex_count_stays_reasonable() {
        DensityGrid grid = surface(200, gaussian(1000, 400, 0, 0));

        DensityContour c = contours.atLevels(grid, 500).get(0);

        // Circumference 2 * pi * 471 m = 2,960 m, about 300 lattice edges crossed; simplification by
        // an eighth of a cell keeps far fewer vertices.
        assertThat(c.geometry().getNumPoints()).isBetween(20, 200);
    }

    @Test
    void a_ring_shaped_surface_gives_a_polygon_with_a_hole() {
        // Density peaking on a circle of radius 400 m: above the level between radii 300 and 500.
        DensityGrid grid = surface(160, (x, y) -> 1000 * Math.max(0, 1 - Math.abs(Math.hypot(x, y) - 400) / 200));

        DensityContour c = contours.atLevels(grid, 500).get(0);

        assertThat(c.geometry().isValid()).isTrue();
        assertThat(c.geometry().getNumGeometries()).isEqualTo(1);
        Polygon p = (Polygon) c.geometry().getGeometryN(0);
        assertThat(p.getNumInteriorRing()).isEqualTo(1);
        double expected = Math.PI * (500 * 500 - 300 * 300);
        assertThat(c.areaSquareMetres()).isCloseTo(expected, within(expected * 0.02));
    }

    @Test
    void an_island_inside_a_hole_is_its_own_polygon() {
        DoubleBinaryOperator ring = (x, y) -> 1000 * Math.max(0, 1 - Math.abs(Math.hypot(x, y) - 500) / 150);
        DoubleBinaryOperator blob = gaussian(1000, 60, 0, 0);
        DensityGrid grid = surface(160, (x, y) -> Math.max(ring.applyAsDouble(x, y), blob.applyAsDouble(x, y)));

        MultiPolygon g = contours.atLevels(grid, 500).get(0).geometry();

        assertThat(g.isValid()).isTrue();
        assertThat(g.getNumGeometries()).isEqualTo(2);
        int holes = 0;
        for (int k = 0; k < g.getNumGeometries(); k++) {
            holes += ((Polygon) g.getGeometryN(k)).getNumInteriorRing();
        }
        assertThat(holes).isEqualTo(1);
    }

    @Test
    void separate_blobs_give_separate_polygons_and_outer_rings_run_counter_clockwise() {
        DoubleBinaryOperator a = gaussian(1000, 80, -400, 0);
        DoubleBinaryOperator b = gaussian(800, 80, 400, 100);
        DensityGrid grid = surface(160, (x, y) -> a.applyAsDouble(x, y) + b.applyAsDouble(x, y));

        MultiPolygon g = contours.atLevels(grid, 300).get(0).geometry();

        assertThat(g.getNumGeometries()).isEqualTo(2);
        for (int k = 0; k < 2; k++) {
            Polygon p = (Polygon) g.getGeometryN(k);
            assertThat(org.locationtech.jts.algorithm.Orientation.isCCW(p.getExteriorRing().getCoordinateSequence()))
                    .isTrue();
        }
    }

    @Test
    void density_touching_the_grid_edge_is_closed_along_the_edge() {
        DensityGrid grid = surface(50, (x, y) -> 1000);

        DensityContour c = contours.atLevels(grid, 500).get(0);

        assertThat(c.geometry().isValid()).isTrue();
        // The zero ring outside the grid sits a cell beyond the edge centres; the 500 crossing is half
        // way out to it, so the polygon is the grid's 500 m square outline, less a 5 m x 5 m right
        // triangle cut off at each corner, where the lattice square has three zero corners.
        assertThat(c.areaSquareMetres()).isCloseTo(500 * 500 - 4 * 12.5, within(1e-6));
    }

    @Test
    void a_checkerboard_of_saddles_stays_valid() {
        DensityGrid grid = surface(40, (x, y) -> ((int) Math.floor(x / CELL) + (int) Math.floor(y / CELL)) % 2 == 0 ? 10 : 1);

        for (double level : new double[] {5, 5.5, 6}) {
            MultiPolygon g = contours.atLevels(grid, level).get(0).geometry();
            assertThat(g.isValid()).as("level " + level).isTrue();
            assertThat(g.isEmpty()).isFalse();
        }
    }

    @Property(tries = 60)
    void contours_of_random_noise_are_valid_and_cover_the_cells_above_the_level(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int tenths) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 24;
        double[] v = new double[n * n];
        int above = 0;
        double level = tenths / 10.0;
        for (int c = 0; c < v.length; c++) {
            v[c] = r.nextDouble() < 0.2 ? 0 : r.nextDouble();
            above += v[c] >= level ? 1 : 0;
        }
        DensityGrid grid = new DensityGrid(X0, Y0, CELL, n, n, v, 100, "given", 1, KernelDensity.Method.EXACT, List.of());

        MultiPolygon g = contours.atLevels(grid, level).get(0).geometry();

        assertThat(g.isValid()).isTrue();
        // Simplification may move a boundary by a quarter cell, never across a cell centre.
        var grown = PreparedGeometryFactory.prepare(g.buffer(CELL * 0.26));
        var shrunk = PreparedGeometryFactory.prepare(g.buffer(-CELL * 0.26));
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                var centre = g.getFactory().createPoint(new Coordinate(grid.centreX(i), grid.centreY(j)));
                boolean inside = grown.contains(centre);
                boolean outside = !shrunk.contains(centre);
                if (grid.value(i, j) >= level) {
                    assertThat(inside).isTrue();
                } else {
                    assertThat(outside).isTrue();
                }
            }
        }
        assertThat(above == 0).isEqualTo(g.isEmpty());
    }

    @Test
    void default_percentiles_give_five_shrinking_areas() {
        DensityGrid grid = surface(200, gaussian(1000, 200, 0, 0));

        List<DensityContour> out = contours.atPercentiles(grid, DensityContours.DEFAULT_PERCENTILES);

        assertThat(out).extracting(DensityContour::percentile).containsExactly(50.0, 75.0, 90.0, 95.0, 99.0);
        for (int k = 1; k < out.size(); k++) {
            assertThat(out.get(k).level()).isGreaterThan(out.get(k - 1).level());
            assertThat(out.get(k).areaSquareMetres()).isLessThan(out.get(k - 1).areaSquareMetres());
        }
        // The top 1 % of 40,000 positive cells is about 400 cells of 100 m^2.
        assertThat(out.get(4).areaSquareMetres()).isCloseTo(40_000, within(2_000.0));
    }

    @Test
    void a_level_above_the_peak_gives_an_empty_area_and_bad_levels_are_refused() {
        DensityGrid grid = surface(20, gaussian(100, 30, 0, 0));

        assertThat(contours.atLevels(grid, 101).get(0).geometry().isEmpty()).isTrue();
        assertThatThrownBy(() -> contours.atLevels(grid, 0)).hasMessageContaining("levels");
        assertThatThrownBy(() -> contours.atLevels(grid, Double.NaN)).hasMessageContaining("levels");
        assertThat(contours.atPercentiles(surface(10, (x, y) -> 0), 50)).isEmpty();
    }
}
