package uk.safermap.layers.tiles;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safermap.analysis.density.DensityGrid;
import uk.safermap.analysis.density.KernelDensity;
import uk.safermap.analysis.density.KernelDensityParameters;
import uk.safermap.geo.BritishNationalGrid;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DensityTileRendererTest {

    private static final double MARKET_LON = -0.8870;
    private static final double MARKET_LAT = 52.7656;
    private static final BritishNationalGrid BNG = new BritishNationalGrid();
    private static final DensityTileRenderer RENDERER = new DensityTileRenderer(BNG);
    private static DensityGrid grid;
    private static ColourRamp ramp;

    /** 2,000 incidents within a few hundred metres of Market Place, Melton Mowbray. */
    @BeforeAll
    static void densityAroundMarketPlace() {
        double[] centre = BNG.toGrid(MARKET_LON, MARKET_LAT);
        SplittableRandom r = new SplittableRandom(11);
        int n = 2_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            double radius = 150 * Math.sqrt(-2 * Math.log(1 - r.nextDouble()));
            double angle = 2 * Math.PI * r.nextDouble();
            x[k] = centre[0] + radius * Math.cos(angle);
            y[k] = centre[1] + radius * Math.sin(angle);
        }
        grid = KernelDensity.estimate(x, y, KernelDensityParameters.defaults().withBandwidth(200).withCell(10));
        ramp = ColourRamp.forDensity(grid);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static int opaquePixels(BufferedImage image) {
        int count = 0;
        for (int py = 0; py < image.getHeight(); py++) {
            for (int px = 0; px < image.getWidth(); px++) {
                count += (image.getRGB(px, py) >>> 24) > 0 ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void the_tile_over_the_hot_spot_has_coloured_pixels_in_the_ramp_colours() throws IOException {
        int[] xy = WebMercator.tileContaining(MARKET_LON, MARKET_LAT, 15);

        BufferedImage image = decode(RENDERER.render(grid, ramp, 15, xy[0], xy[1]));

        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
        assertThat(opaquePixels(image)).isGreaterThan(1_000);
        // The pixel over Market Place has the colour of the density at its centre, near the peak.
        int[] pixel = pixelOf(MARKET_LON, MARKET_LAT, 15, xy);
        double[] lonLat = WebMercator.pixelToLonLat(15, xy[0], xy[1], pixel[0] + 0.5, pixel[1] + 0.5);
        double[] en = BNG.toGrid(lonLat[0], lonLat[1]);
        double value = grid.valueAt(en[0], en[1]);
        assertThat(image.getRGB(pixel[0], pixel[1])).isEqualTo(ramp.argbOf(value));
        assertThat(ramp.classOf(value)).isGreaterThanOrEqualTo(ramp.classes() - 2);
    }

    /** The pixel of tile xy at zoom z holding a longitude/latitude. */
    private static int[] pixelOf(double lon, double lat, int z, int[] xy) {
        double tiles = 1 << z;
        double phi = Math.toRadians(lat);
        double u = (lon + 180) / 360 * tiles;
        double v = (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * tiles;
        return new int[] {(int) ((u - xy[0]) * 256), (int) ((v - xy[1]) * 256)};
    }

    @Test
    void a_tile_far_away_is_fully_transparent() throws IOException {
        int[] london = WebMercator.tileContaining(-0.1276, 51.5072, 14);

        byte[] png = RENDERER.render(grid, ramp, 14, london[0], london[1]);

        assertThat(png).isEqualTo(RENDERER.emptyTile());
        assertThat(png.length).isLessThan(200);
        assertThat(opaquePixels(decode(png))).isZero();
    }

    @Test
    void low_zoom_tiles_over_the_world_do_not_fail() throws IOException {
        assertThat(decode(RENDERER.render(grid, ramp, 0, 0, 0)).getWidth()).isEqualTo(256);
        int[] xy = WebMercator.tileContaining(MARKET_LON, MARKET_LAT, 9);
        assertThat(opaquePixels(decode(RENDERER.render(grid, ramp, 9, xy[0], xy[1])))).isPositive();
    }

    @Test
    void interpolating_the_control_lattice_is_within_a_centimetre_of_proj4j() {
        int[] xy = WebMercator.tileContaining(MARKET_LON, MARKET_LAT, 12);
        SplittableRandom r = new SplittableRandom(3);
        for (int s = 0; s < 50; s++) {
            double px = r.nextDouble() * 256;
            double py = r.nextDouble() * 256;
            double[] lonLat = WebMercator.pixelToLonLat(12, xy[0], xy[1], px, py);
            double[] exact = BNG.toGrid(lonLat[0], lonLat[1]);
            double[] fast = RENDERER.pixelToGrid(12, xy[0], xy[1], px, py);
            assertThat(Math.hypot(fast[0] - exact[0], fast[1] - exact[1])).isLessThan(0.01);
        }
    }

    @Test
    void the_same_surface_and_ramp_give_the_same_bytes() {
        int[] xy = WebMercator.tileContaining(MARKET_LON, MARKET_LAT, 16);

        assertThat(RENDERER.render(grid, ramp, 16, xy[0], xy[1]))
                .isEqualTo(RENDERER.render(grid, ramp, 16, xy[0], xy[1]));
    }

    @Test
    void tiles_outside_the_scheme_are_refused() {
        assertThatThrownBy(() -> RENDERER.render(grid, ramp, 14, 1 << 14, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RENDERER.render(grid, ramp, 23, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_peak_is_inside_the_top_class() {
        assertThat(ramp.classOf(grid.max())).isEqualTo(ramp.classes() - 1);
        assertThat(grid.valueAt(BNG.toGrid(MARKET_LON, MARKET_LAT)[0], BNG.toGrid(MARKET_LON, MARKET_LAT)[1]))
                .isCloseTo(grid.max(), within(grid.max() * 0.05));
    }
}
