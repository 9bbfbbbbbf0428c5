package uk.safermap.analysis.grid;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudyMaskTest {

    private static final GeometryFactory GF = new GeometryFactory();

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    @Test
    void cells_take_part_when_their_centre_is_in_the_area() throws Exception {
        SquareGrid g = new SquareGrid(0, 0, 100, 4, 4);
        // A triangle over the south-west: centres (50,50), (150,50), (50,150) are inside, (150,150) is on the hypotenuse.
        StudyMask m = StudyMask.of(g, wkt("POLYGON ((0 0, 300 0, 0 300, 0 0))"));
        assertThat(m.cells()).containsExactly(g.index(0, 0), g.index(1, 0), g.index(2, 0), g.index(0, 1), g.index(1, 1),
                g.index(0, 2));
        assertThat(m.size()).isEqualTo(6);
    }

    @Test
    void holes_leave_their_cells_out() throws Exception {
        SquareGrid g = new SquareGrid(0, 0, 100, 3, 3);
        StudyMask m = StudyMask.of(g, wkt("POLYGON ((0 0, 300 0, 300 300, 0 300, 0 0), (120 120, 180 120, 180 180, 120 180, 120 120))"));
        assertThat(m.size()).isEqualTo(8);
        assertThat(m.contains(g.index(1, 1))).isFalse();
    }

    @Test
    void an_area_off_the_grid_or_empty_gives_no_cells() throws Exception {
        SquareGrid g = new SquareGrid(0, 0, 100, 3, 3);
        assertThat(StudyMask.of(g, wkt("POLYGON ((1000 1000, 1100 1000, 1100 1100, 1000 1000))")).size()).isZero();
        assertThat(StudyMask.of(g, wkt("POLYGON EMPTY")).size()).isZero();
    }

    @Test
    void an_area_in_another_crs_is_refused() throws Exception {
        Geometry lonLat = wkt("POLYGON ((-0.9 52.7, -0.8 52.7, -0.8 52.8, -0.9 52.7))");
        lonLat.setSRID(4326);
        assertThatThrownBy(() -> StudyMask.of(new SquareGrid(0, 0, 100, 3, 3), lonLat))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("27700");
    }

    @Test
    void all_and_array_masks() {
        SquareGrid g = new SquareGrid(0, 0, 100, 2, 2);
        assertThat(StudyMask.all(g).size()).isEqualTo(4);
        assertThat(StudyMask.of(g, new boolean[] {true, false, false, true}).cells()).containsExactly(0, 3);
    }

    @Property(tries = 30)
    void mask_equals_a_covers_test_of_every_cell_centre(@ForAll long seed) {
        Random rnd = new Random(seed);
        SquareGrid g = new SquareGrid(475_000, 319_000, 50, 20 + rnd.nextInt(20), 20 + rnd.nextInt(20));
        // A random star-shaped polygon around a random centre, partly off the grid at times.
        double cx = 475_000 + rnd.nextDouble() * g.nx() * 50;
        double cy = 319_000 + rnd.nextDouble() * g.ny() * 50;
        int k = 5 + rnd.nextInt(20);
        Coordinate[] ring = new Coordinate[k + 1];
        for (int i = 0; i < k; i++) {
            double a = 2 * Math.PI * i / k;
            double r = 100 + rnd.nextDouble() * 800;
            ring[i] = new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
        ring[k] = ring[0];
        Geometry area = GF.createPolygon(ring);
        StudyMask m = StudyMask.of(g, area);
        int size = 0;
        for (int i = 0; i < g.cellCount(); i++) {
            boolean expected = area.covers(GF.createPoint(new Coordinate(g.centreX(i), g.centreY(i))));
            assertThat(m.contains(i)).as("cell %d", i).isEqualTo(expected);
            size += expected ? 1 : 0;
        }
        assertThat(m.size()).isEqualTo(size);
    }
}
