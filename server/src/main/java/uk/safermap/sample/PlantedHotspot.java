package uk.safermap.sample;

import java.util.List;

/**
 * A hot spot planted in a generated sample. Its rows' true positions are drawn from an isotropic
 * Gaussian on the British National Grid centred on ({@code easting}, {@code northing}) with standard
 * deviation {@code radiusMetres}, truncated at {@value #TRUNCATION_SIGMAS} sigma; like every other row
 * they are then moved to the nearest snap point, as police.uk anonymisation does.
 *
 * @param name         short id, e.g. {@code town-centre}
 * @param lon          centre longitude, WGS 84 degrees
 * @param lat          centre latitude, WGS 84 degrees
 * @param easting      centre easting, British National Grid metres (EPSG:27700)
 * @param northing     centre northing, British National Grid metres
 * @param radiusMetres the Gaussian sigma in metres (about 39% of its rows fall within one radius of the centre)
 * @param share        the probability that any one row comes from this hot spot (the planned fraction of all rows)
 * @param categories   the dominant category slugs; most of its rows, not all, are of these categories
 * @param count        rows actually written for it; 0 before generation
 */
public record PlantedHotspot(String name, double lon, double lat, double easting, double northing,
                             double radiusMetres, double share, List<String> categories, long count) {

    /** Positions farther than this many sigmas from the centre are redrawn. */
    public static final double TRUNCATION_SIGMAS = 2.5;

    public PlantedHotspot {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a planted hot spot needs a name");
        }
        if (!(radiusMetres > 0)) {
            throw new IllegalArgumentException("hot spot " + name + ": radiusMetres must be > 0, got " + radiusMetres);
        }
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("hot spot " + name + ": share must be in (0, 1), got " + share);
        }
        if (count < 0) {
            throw new IllegalArgumentException("hot spot " + name + ": count must be >= 0, got " + count);
        }
        categories = List.copyOf(categories);
    }

    /** The same hot spot with the number of rows actually written for it. */
    public PlantedHotspot withCount(long rows) {
        return new PlantedHotspot(name, lon, lat, easting, northing, radiusMetres, share, categories, rows);
    }

    /** The distance in metres from the centre to a grid position. */
    public double distanceMetres(double e, double n) {
        return Math.hypot(e - easting, n - northing);
    }

    /** The radius in metres beyond which no true position was drawn. */
    public double truncationRadiusMetres() {
        return TRUNCATION_SIGMAS * radiusMetres;
    }
}
