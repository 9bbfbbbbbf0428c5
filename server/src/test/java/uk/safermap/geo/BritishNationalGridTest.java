package uk.safermap.geo;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BritishNationalGridTest {

    private final BritishNationalGrid grid = new BritishNationalGrid();

    @Test
    void market_place_melton_lands_in_grid_square_sk_7519() {
        // OS grid reference SK 751 191 (Market Place, Melton Mowbray) = E 475100, N 319100.
        double[] en = grid.toGrid(-0.8870, 52.7656);
        assertThat(en[0]).isCloseTo(475_150, within(150.0));
        assertThat(en[1]).isCloseTo(319_150, within(150.0));
    }

    @Test
    void grid_and_lon_lat_round_trip_to_a_centimetre() {
        double[] en = grid.toGrid(-0.9100, 52.7660);
        double[] back = grid.toWgs84(en[0], en[1]);
        assertThat(back[0]).isCloseTo(-0.9100, within(1e-7));
        assertThat(back[1]).isCloseTo(52.7660, within(1e-7));
    }

    @Test
    void geometries_are_transformed_with_their_srid() throws Exception {
        var square = new WKTReader().read("POLYGON ((-0.90 52.76, -0.88 52.76, -0.88 52.77, -0.90 52.77, -0.90 52.76))");
        var g = grid.toGrid(square);
        assertThat(g.getSRID()).isEqualTo(BritishNationalGrid.SRID);
        // 0.02 degrees of longitude at 52.8 N is about 1.35 km, 0.01 of latitude about 1.11 km;
        // grid north is turned about 0.9 degrees from true north here, which widens the envelope.
        assertThat(g.getEnvelopeInternal().getWidth()).isCloseTo(1350, within(40.0));
        assertThat(g.getEnvelopeInternal().getHeight()).isCloseTo(1112, within(40.0));
        assertThat(grid.toWgs84(g).getSRID()).isEqualTo(BritishNationalGrid.WGS84_SRID);
    }

    @Test
    void a_lon_lat_box_becomes_a_grid_box_containing_all_its_edges() {
        Envelope box = new Envelope(-1.05, -0.66, 52.64, 52.98);
        Envelope g = grid.toGrid(box);
        for (double lon = -1.05; lon <= -0.66; lon += 0.01) {
            double[] top = grid.toGrid(lon, 52.98);
            double[] bottom = grid.toGrid(lon, 52.64);
            assertThat(g.contains(top[0], top[1])).isTrue();
            assertThat(g.contains(bottom[0], bottom[1])).isTrue();
        }
    }
}
