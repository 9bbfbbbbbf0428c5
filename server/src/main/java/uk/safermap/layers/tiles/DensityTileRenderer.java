package uk.safermap.layers.tiles;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.analysis.density.DensityGrid;
import uk.safermap.geo.BritishNationalGrid;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Draws a {@link DensityGrid} (BNG metres) as a 256 x 256 Web Mercator XYZ tile: a transparent
 * palette PNG whose pixels are the {@link ColourRamp} classes of the density at their centres.
 *
 * <p>Why a control lattice: proj4j costs about a microsecond per point, and a tile has 65,536
 * pixels. The tile is cut into 16 x 16 blocks; the 17 x 17 block corners are projected to BNG
 * exactly and each pixel's easting/northing is interpolated bilinearly inside its block. Both
 * projections are smooth, so over Melton the interpolation is off by under 1 cm at zoom 12 and
 * above, 5 cm at zoom 10 and 14 m at zoom 6, where a pixel is 1.5 km: always far less than a
 * pixel.
 *
 * <p>Each pixel samples the surface at its centre ({@link DensityGrid#valueAt}, bilinear between
 * cell centres), so every tile reads the same continuous surface and tiles meet without seams;
 * when a pixel is larger than a cell (below zoom 14 for 10 m cells over Melton) small peaks may
 * fall between pixel centres. Tiles that do not touch the grid are answered with
 * {@link #emptyTile()}, a 256 x 256 fully transparent PNG of about 120 bytes, without drawing;
 * tiles in which no pixel reaches the first class get it too, but only after drawing.
 *
 * <p>Instances are thread-safe: the projection is, and each call has its own buffers and writer.
 */
public final class DensityTileRenderer {

    /** Pixels per side of an interpolation block. */
    public static final int BLOCK = 16;
    private static final int SIZE = WebMercator.TILE_SIZE;
    private static final int LATTICE = SIZE / BLOCK + 1;
    /** Samples per side of the grid's outline when finding its longitude/latitude bounds. */
    private static final int OUTLINE_STEPS = 8;

    private final BritishNationalGrid bng;
    private final byte[] empty;

    public DensityTileRenderer(BritishNationalGrid bng) {
        this.bng = bng;
        this.empty = encodeEmpty();
    }

    /** A 256 x 256 fully transparent PNG, about a hundred bytes; a fresh copy each call. */
    public byte[] emptyTile() {
        return empty.clone();
    }

    /**
     * Tile z/x/y of the surface in the ramp's colours, as PNG bytes.
     *
     * @throws IllegalArgumentException for a tile outside the XYZ scheme
     */
    public byte[] render(DensityGrid grid, ColourRamp ramp, int z, int x, int y) {
        WebMercator.validate(z, x, y);
        if (ramp.classes() == 0 || !outlineLonLat(grid).intersects(WebMercator.tileBounds(z, x, y))) {
            return emptyTile();
        }
        double[][] lattice = controlLattice(z, x, y);
        boolean[] misses = new boolean[(LATTICE - 1) * (LATTICE - 1)];
        Envelope gridBox = grid.envelope();
        boolean anyBlock = false;
        for (int by = 0; by < LATTICE - 1; by++) {
            for (int bx = 0; bx < LATTICE - 1; bx++) {
                misses[by * (LATTICE - 1) + bx] = blockMisses(lattice, bx, by, gridBox);
                anyBlock |= !misses[by * (LATTICE - 1) + bx];
            }
        }
        if (!anyBlock) {
            return emptyTile();
        }
        byte[] pixels = new byte[SIZE * SIZE];
        return draw(grid, ramp, lattice, misses, pixels) ? encode(pixels, ramp) : emptyTile();
    }

    /**
     * Fills pixels with class index + 1, a whole pixel row at a time: consecutive pixels then read
     * neighbouring cells of the same two grid rows, which is what the cache and prefetcher like;
     * block by block, each pixel row of a block would touch new grid rows. True when any pixel is
     * coloured.
     */
    private static boolean draw(DensityGrid grid, ColourRamp ramp, double[][] lattice, boolean[] misses,
                                byte[] pixels) {
        double[] en = new double[2];
        boolean any = false;
        for (int py = 0; py < SIZE; py++) {
            int by = py / BLOCK;
            double v = (py % BLOCK + 0.5) / BLOCK;
            for (int bx = 0; bx < LATTICE - 1; bx++) {
                if (misses[by * (LATTICE - 1) + bx]) {
                    continue;
                }
                int row = py * SIZE + bx * BLOCK;
                for (int px = 0; px < BLOCK; px++) {
                    interpolate(lattice, bx, by, (px + 0.5) / BLOCK, v, en);
                    int c = ramp.classOf(grid.valueAt(en[0], en[1]));
                    if (c >= 0) {
                        pixels[row + px] = (byte) (c + 1);
                        any = true;
                    }
                }
            }
        }
        return any;
    }

    /** BNG {easting[], northing[]} of the 17 x 17 block corners, NaN where proj4j cannot go. */
    private double[][] controlLattice(int z, int x, int y) {
        double[] east = new double[LATTICE * LATTICE];
        double[] north = new double[LATTICE * LATTICE];
        for (int j = 0; j < LATTICE; j++) {
            for (int i = 0; i < LATTICE; i++) {
                double[] lonLat = WebMercator.pixelToLonLat(z, x, y, i * BLOCK, j * BLOCK);
                double[] en = toGrid(lonLat[0], lonLat[1]);
                east[j * LATTICE + i] = en[0];
                north[j * LATTICE + i] = en[1];
            }
        }
        return new double[][] {east, north};
    }

    private double[] toGrid(double lon, double lat) {
        try {
            return bng.toGrid(lon, lat);
        } catch (RuntimeException e) {
            // Transverse Mercator has no answer far from its meridian; such points are nowhere near the grid.
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** True when the block's corners are not all finite or their box misses the grid. */
    private static boolean blockMisses(double[][] lattice, int bx, int by, Envelope gridBox) {
        Envelope box = new Envelope();
        for (int c = 0; c < 4; c++) {
            int at = (by + c / 2) * LATTICE + bx + c % 2;
            double e = lattice[0][at];
            double n = lattice[1][at];
            if (!Double.isFinite(e) || !Double.isFinite(n)) {
                return true;
            }
            box.expandToInclude(e, n);
        }
        return !box.intersects(gridBox);
    }

    /**
     * Easting and northing at fraction (u, v) across block (bx, by), u east and v south,
     * interpolated bilinearly from the block's four projected corners.
     */
    static void interpolate(double[][] lattice, int bx, int by, double u, double v, double[] en) {
        int a = by * LATTICE + bx;
        for (int k = 0; k < 2; k++) {
            double[] c = lattice[k];
            double top = c[a] + u * (c[a + 1] - c[a]);
            double bottom = c[a + LATTICE] + u * (c[a + LATTICE + 1] - c[a + LATTICE]);
            en[k] = top + v * (bottom - top);
        }
    }

    /** The grid position of pixel (px, py) of tile z/x/y, as the renderer computes it: for tests. */
    double[] pixelToGrid(int z, int x, int y, double px, double py) {
        double[][] lattice = controlLattice(z, x, y);
        int bx = Math.min((int) (px / BLOCK), LATTICE - 2);
        int by = Math.min((int) (py / BLOCK), LATTICE - 2);
        double[] en = new double[2];
        interpolate(lattice, bx, by, px / BLOCK - bx, py / BLOCK - by, en);
        return en;
    }

    /** The grid's outline in longitude/latitude, sampled along its edges (they curve in lon/lat). */
    private Envelope outlineLonLat(DensityGrid grid) {
        Envelope box = grid.envelope();
        Envelope out = new Envelope();
        for (int s = 0; s <= OUTLINE_STEPS; s++) {
            double fx = box.getMinX() + box.getWidth() * s / OUTLINE_STEPS;
            double fy = box.getMinY() + box.getHeight() * s / OUTLINE_STEPS;
            include(out, bng.toWgs84(fx, box.getMinY()));
            include(out, bng.toWgs84(fx, box.getMaxY()));
            include(out, bng.toWgs84(box.getMinX(), fy));
            include(out, bng.toWgs84(box.getMaxX(), fy));
        }
        // A lon/lat edge can bulge between samples by a hair; a pixel's worth of margin at zoom 22 is plenty.
        out.expandBy(1e-5);
        return out;
    }

    private static void include(Envelope env, double[] lonLat) {
        env.expandToInclude(lonLat[0], lonLat[1]);
    }

    private static byte[] encode(byte[] pixels, ColourRamp ramp) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_INDEXED, ramp.palette());
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, raster, 0, pixels.length);
        return write(image);
    }

    /** One bit per pixel, all of them the one transparent palette entry. */
    private static byte[] encodeEmpty() {
        byte[] zero = {0, 0};
        IndexColorModel transparent = new IndexColorModel(1, 2, zero, zero, zero, zero);
        return write(new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_BINARY, transparent));
    }

    private static byte[] write(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        // An explicit in-memory stream: ImageIO.write(image, "png", out) may buffer through a temporary file.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a density tile as PNG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
