/**
 * Kernel density of incidents and its contour polygons, in British National Grid metres, with
 * densities in incidents per km^2.
 *
 * <p>{@link uk.safermap.analysis.density.KernelDensity} evaluates the quartic kernel sum on a grid
 * (exactly, or by cubic binning and direct or FFT convolution), with ArcGIS's defaults for the
 * bandwidth ({@link uk.safermap.analysis.density.SpatialBandwidth}), cell and extent, and returns a
 * {@link uk.safermap.analysis.density.DensityGrid}. {@link uk.safermap.analysis.density.DensityContours}
 * turns a grid into nested JTS polygons at density levels or percentiles. Plain arrays and JTS
 * geometry in, records out: no HTTP, SQL or JSON here.
 */
package uk.safermap.analysis.density;
