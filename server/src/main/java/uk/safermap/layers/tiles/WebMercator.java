package uk.safermap.layers.tiles;

import org.locationtech.jts.geom.Envelope;

/**
 * The XYZ ("Google", "slippy map") tile scheme on spherical Web Mercator (EPSG:3857): at zoom z
 * the world between latitudes +/-85.0511 degrees is a square of 2^z x 2^z tiles of
 * {@value #TILE_SIZE} pixels, x counted east from longitude -180 and y south from the top edge
 * (OpenStreetMap wiki, "Slippy map tilenames"). Pixel (0, 0) is the north-west corner of a tile.
 *
 * <p>Stateless; thread-safe.
 */
public final class WebMercator {

    public static final int TILE_SIZE = 256;
    public static final int MAX_ZOOM = 22;
    /** The latitude where Mercator's square world ends: atan(sinh(pi)) in degrees. */
    public static final double MAX_LATITUDE = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

    private WebMercator() {
    }

    /**
     * The longitude/latitude bounds of tile z/x/y in degrees (minX = west, maxX = east, minY =
     * south, maxY = north).
     *
     * @throws IllegalArgumentException unless 0 &lt;= z &lt;= 22 and 0 &lt;= x, y &lt; 2^z
     */
    public static Envelope tileBounds(int z, int x, int y) {
        validate(z, x, y);
        double[] nw = pixelToLonLat(z, x, y, 0, 0);
        double[] se = pixelToLonLat(z, x, y, TILE_SIZE, TILE_SIZE);
        return new Envelope(nw[0], se[0], se[1], nw[1]);
    }

    /**
     * {longitude, latitude} in degrees of the point (px, py) of tile z/x/y, in pixels from its
     * north-west corner; px, py may be fractional (a pixel's centre is at +0.5) and run to 256.
     */
    public static double[] pixelToLonLat(int z, int x, int y, double px, double py) {
        validate(z, x, y);
        double tiles = 1L << z;
        double u = (x + px / TILE_SIZE) / tiles;
        double v = (y + py / TILE_SIZE) / tiles;
        return new double[] {u * 360 - 180, Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * v))))};
    }

    /**
     * {x, y} of the tile at zoom z containing a longitude/latitude in degrees; latitudes beyond
     * +/-{@link #MAX_LATITUDE} fall in the edge row, longitude 180 in the last column.
     */
    public static int[] tileContaining(double lon, double lat, int z) {
        validateZoom(z);
        if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lon must be in -180..180 and lat in -90..90, got " + lon + ", " + lat);
        }
        int tiles = 1 << z;
        double phi = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)));
        double u = (lon + 180) / 360;
        double v = (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
        return new int[] {clamp((int) Math.floor(u * tiles), tiles), clamp((int) Math.floor(v * tiles), tiles)};
    }

    /** @throws IllegalArgumentException unless 0 &lt;= z &lt;= 22 and 0 &lt;= x, y &lt; 2^z */
    public static void validate(int z, int x, int y) {
        validateZoom(z);
        int tiles = 1 << z;
        if (x < 0 || x >= tiles || y < 0 || y >= tiles) {
            throw new IllegalArgumentException("tile x and y must be in 0.." + (tiles - 1) + " at zoom " + z
                    + ", got x=" + x + ", y=" + y);
        }
    }

    private static void validateZoom(int z) {
        if (z < 0 || z > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom z must be in 0.." + MAX_ZOOM + ", got " + z);
        }
    }

    private static int clamp(int i, int tiles) {
        return Math.max(0, Math.min(tiles - 1, i));
    }
}
