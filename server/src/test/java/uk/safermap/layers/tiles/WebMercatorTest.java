package uk.safermap.layers.tiles;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WebMercatorTest {

    private static final double EPS = 1e-9;

    private static void checkBounds(Envelope e, double west, double south, double east, double north) {
        assertThat(e.getMinX()).isCloseTo(west, within(EPS));
        assertThat(e.getMinY()).isCloseTo(south, within(EPS));
        assertThat(e.getMaxX()).isCloseTo(east, within(EPS));
        assertThat(e.getMaxY()).isCloseTo(north, within(EPS));
    }

    @Test
    void zoom_0_is_the_whole_mercator_world() {
        assertThat(WebMercator.MAX_LATITUDE).isCloseTo(85.0511287798, within(1e-9));
        checkBounds(WebMercator.tileBounds(0, 0, 0), -180, -85.0511287798066, 180, 85.0511287798066);
    }

    @Test
    void zoom_1_tiles_are_the_quadrants_with_y_counted_from_the_north() {
        double top = WebMercator.MAX_LATITUDE;
        checkBounds(WebMercator.tileBounds(1, 0, 0), -180, 0, 0, top);
        checkBounds(WebMercator.tileBounds(1, 1, 0), 0, 0, 180, top);
        checkBounds(WebMercator.tileBounds(1, 0, 1), -180, -top, 0, 0);
        checkBounds(WebMercator.tileBounds(1, 1, 1), 0, -top, 180, 0);
    }

    @Test
    void melton_market_place_is_in_tile_14_8151_5354() {
        // x = floor((-0.8870 + 180) / 360 * 2^14) = floor(8151.63);
        // y = floor((1 - ln(tan(52.7656 deg) + sec(52.7656 deg)) / pi) / 2 * 2^14) = floor(5354.4).
        int[] xy = WebMercator.tileContaining(-0.8870, 52.7656, 14);
        assertThat(xy).containsExactly(8151, 5354);

        Envelope e = WebMercator.tileBounds(14, 8151, 5354);
        assertThat(e.contains(-0.8870, 52.7656)).isTrue();
        assertThat(e.getWidth()).isCloseTo(360.0 / 16384, within(EPS));
        assertThat(e.getMinX()).isCloseTo(8151 * 360.0 / 16384 - 180, within(EPS));
        // About 1.49 km wide there (0.02197 deg * 111.32 km * cos 52.77 deg).
        assertThat(e.getWidth() * 111_320 * Math.cos(Math.toRadians(52.7656))).isCloseTo(1_480, within(10.0));
    }

    @Test
    void pixels_are_counted_from_the_north_west_corner() {
        assertThat(WebMercator.pixelToLonLat(0, 0, 0, 128, 128)).containsExactly(0, 0);
        double[] corner = WebMercator.pixelToLonLat(2, 1, 1, 256, 256);
        assertThat(corner[0]).isCloseTo(0, within(EPS));
        assertThat(corner[1]).isCloseTo(0, within(EPS));
        double[] nw = WebMercator.pixelToLonLat(14, 8151, 5354, 0, 0);
        Envelope e = WebMercator.tileBounds(14, 8151, 5354);
        assertThat(nw).containsExactly(e.getMinX(), e.getMaxY());
    }

    @Test
    void tiles_outside_the_scheme_are_refused() {
        assertThatThrownBy(() -> WebMercator.tileBounds(23, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..22");
        assertThatThrownBy(() -> WebMercator.tileBounds(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebMercator.tileBounds(1, 2, 0)).hasMessageContaining("0..1");
        assertThatThrownBy(() -> WebMercator.tileBounds(3, 0, -1)).hasMessageContaining("0..7");
        assertThatThrownBy(() -> WebMercator.tileContaining(200, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(WebMercator.tileBounds(22, (1 << 22) - 1, (1 << 22) - 1).getMaxX()).isCloseTo(180, within(EPS));
    }
}
