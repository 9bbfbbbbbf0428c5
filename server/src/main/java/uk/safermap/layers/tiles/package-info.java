/**
 * Raster heatmap tiles: the XYZ Web Mercator tile scheme ({@link uk.safermap.layers.tiles.WebMercator}),
 * colour classes with their legend ({@link uk.safermap.layers.tiles.ColourRamp}) and the PNG renderer
 * of a density surface ({@link uk.safermap.layers.tiles.DensityTileRenderer}). No HTTP types here.
 */
package uk.safermap.layers.tiles;
