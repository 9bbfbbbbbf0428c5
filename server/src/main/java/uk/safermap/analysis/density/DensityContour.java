package uk.safermap.analysis.density;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * The area where a density surface is at or above one level: a superlevel set, so the contours
 * of a list of rising levels are nested, each inside the one before. (An isoband between two
 * levels is {@code lower.geometry().difference(upper.geometry())}.)
 *
 * @param level             the density threshold, incidents per km^2
 * @param percentile        the percentile of positive cells the level was taken from (0..100),
 *                          or NaN when the level was given directly
 * @param geometry          the area, in British National Grid metres (SRID 27700); empty when no
 *                          cell reaches the level
 * @param areaSquareMetres  the polygon's area
 * @param incidents         the (weighted) incidents in the area: the density summed over the cells
 *                          whose centre reaches the level, times the cell area
 */
public record DensityContour(double level, double percentile, MultiPolygon geometry, double areaSquareMetres,
                             double incidents) {
}
