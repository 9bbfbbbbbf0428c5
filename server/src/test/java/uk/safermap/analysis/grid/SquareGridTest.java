package uk.safermap.analysis.grid;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SquareGridTest {

    @Test
    void covering_grid_is_aligned_to_multiples_of_the_cell_like_os_squares() {
        SquareGrid g = SquareGrid.covering(new Envelope(475_123.4, 476_050.0, 319_080.2, 319_420.9), 100);
        assertThat(g.originX()).isEqualTo(475_100);
        assertThat(g.originY()).isEqualTo(319_000);
        // 475100..476100 -> 10 columns (476050 is in the 10th); 319000..319500 -> 5 rows.
        assertThat(g.nx()).isEqualTo(10);
        assertThat(g.ny()).isEqualTo(5);
        assertThat(g.cellOf(476_050.0, 319_420.9)).isEqualTo(g.index(9, 4));
    }

    @Test
    void a_maximum_exactly_on_a_cell_edge_gets_the_next_cell_because_cells_are_half_open() {
        SquareGrid g = SquareGrid.covering(new Envelope(475_100, 475_300, 319_000, 319_100), 100);
        assertThat(g.nx()).isEqualTo(3);
        assertThat(g.ny()).isEqualTo(2);
        assertThat(g.cellOf(475_300, 319_100)).isEqualTo(g.index(2, 1));
        assertThat(g.cellOf(475_200, 319_000)).isEqualTo(g.index(1, 0));
        assertThat(g.cellOf(475_199.999, 319_000)).isEqualTo(g.index(0, 0));
    }

    @Test
    void the_same_point_falls_in_the_same_os_square_whatever_area_is_asked_for() {
        SquareGrid borough = SquareGrid.covering(new Envelope(465_000, 485_000, 310_000, 330_000), 100);
        SquareGrid ward = SquareGrid.covering(new Envelope(475_010, 476_000, 319_010, 320_000), 100);
        int i = borough.cellOf(475_555, 319_777);
        int j = ward.cellOf(475_555, 319_777);
        assertThat(borough.centreX(i)).isEqualTo(ward.centreX(j)).isEqualTo(475_550);
        assertThat(borough.centreY(i)).isEqualTo(ward.centreY(j)).isEqualTo(319_750);
    }

    @Test
    void cells_are_numbered_row_by_row_from_the_south_west() {
        SquareGrid g = new SquareGrid(1000, 2000, 50, 4, 3);
        assertThat(g.cellCount()).isEqualTo(12);
        assertThat(g.index(3, 2)).isEqualTo(11);
        assertThat(g.col(7)).isEqualTo(3);
        assertThat(g.row(7)).isEqualTo(1);
        assertThat(g.centreX(7)).isEqualTo(1175);
        assertThat(g.centreY(7)).isEqualTo(2075);
        assertThat((Object) g.envelope()).isEqualTo(new Envelope(1000, 1200, 2000, 2150));
    }

    @Test
    void points_outside_the_grid_or_not_a_number_have_no_cell() {
        SquareGrid g = new SquareGrid(0, 0, 10, 2, 2);
        assertThat(g.cellOf(-0.001, 5)).isEqualTo(-1);
        assertThat(g.cellOf(20, 5)).isEqualTo(-1);
        assertThat(g.cellOf(5, 20)).isEqualTo(-1);
        assertThat(g.cellOf(Double.NaN, 5)).isEqualTo(-1);
        assertThat(g.cellOf(5, Double.NaN)).isEqualTo(-1);
        assertThat(g.cellOf(Double.POSITIVE_INFINITY, 5)).isEqualTo(-1);
        assertThat(g.cellOf(0, 0)).isEqualTo(0);
    }

    @Test
    void cell_polygon_is_the_closed_square_of_the_cell() {
        SquareGrid g = new SquareGrid(100, 200, 25, 3, 3);
        Polygon p = g.cellPolygon(g.index(1, 2), new GeometryFactory());
        assertThat(p.getArea()).isEqualTo(625);
        assertThat((Object) p.getEnvelopeInternal()).isEqualTo(new Envelope(125, 150, 250, 275));
        assertThat(p.isValid()).isTrue();
    }

    @Test
    void invalid_grids_are_refused_with_the_parameter_named() {
        assertThatThrownBy(() -> new SquareGrid(0, 0, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cellMetres");
        assertThatThrownBy(() -> new SquareGrid(0, 0, 10, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nx");
        assertThatThrownBy(() -> SquareGrid.covering(new Envelope(), 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SquareGrid.covering(new Envelope(0, 1_000_000, 0, 1_000_000), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> SquareGrid.covering(new Envelope(0, 1, 0, 1), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cellMetres");
    }

    @Test
    void a_single_point_envelope_gives_a_single_cell() {
        SquareGrid g = SquareGrid.covering(new Envelope(475_150, 475_150, 319_150, 319_150), 100);
        assertThat(g.cellCount()).isEqualTo(1);
        assertThat(g.centreX(0)).isEqualTo(475_150);
    }

    /** A point's cell is floor((x - origin) / side) per axis, inside the grid, at any offset and on the edges. */
    @Property(tries = 200)
    void the_cell_of_a_point_is_the_floor_of_its_offset_in_cells(@ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        SquareGrid g = new SquareGrid(470_000 + r.nextInt(1000) / 7.0, 315_000 - r.nextInt(1000) / 3.0,
                10 + r.nextInt(300) / 9.0, 1 + r.nextInt(40), 1 + r.nextInt(40));
        for (int k = 0; k < 500; k++) {
            double x = g.originX() + (r.nextDouble() * 1.2 - 0.1) * g.nx() * g.cellMetres();
            double y = g.originY() + (r.nextDouble() * 1.2 - 0.1) * g.ny() * g.cellMetres();
            if (k % 5 == 0) {
                // On a cell edge, as computed from the origin, and just either side of it.
                x = g.originX() + r.nextInt(g.nx() + 2) * g.cellMetres();
                x = k % 3 == 0 ? Math.nextDown(x) : k % 3 == 1 ? Math.nextUp(x) : x;
            }
            double fx = Math.floor((x - g.originX()) / g.cellMetres());
            double fy = Math.floor((y - g.originY()) / g.cellMetres());
            int expected = fx >= 0 && fx < g.nx() && fy >= 0 && fy < g.ny() ? (int) fy * g.nx() + (int) fx : -1;
            assertThat(g.cellOf(x, y)).as("(%s, %s)", x, y).isEqualTo(expected);
        }
    }
}
