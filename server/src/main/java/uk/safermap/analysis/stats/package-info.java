/**
 * Spatial statistics for crime hot spot mapping on square grids, in British National Grid metres:
 * <ul>
 * <li>{@link uk.safermap.analysis.stats.GetisOrdGiStar}: Getis-Ord Gi* with a fixed distance band and
 *     binary weights, classed into {@link uk.safermap.analysis.stats.HotSpotClass} bins after
 *     {@link uk.safermap.analysis.stats.FalseDiscoveryRate} (Benjamini-Hochberg) correction, as ArcGIS
 *     Hot Spot Analysis with the FDR box ticked;</li>
 * <li>{@link uk.safermap.analysis.stats.BandSelection}: the band when none is given, by incremental
 *     spatial autocorrelation ({@link uk.safermap.analysis.stats.GlobalMoransI}) as ArcGIS Optimized Hot
 *     Spot Analysis, with a minimum-neighbours fallback;</li>
 * <li>{@link uk.safermap.analysis.stats.EmergingHotSpots}: space-time Gi* over a cube of cells by time
 *     steps, {@link uk.safermap.analysis.stats.MannKendall} trends and the 17
 *     {@link uk.safermap.analysis.stats.EmergingCategory} classes of ArcGIS Emerging Hot Spot Analysis.</li>
 * </ul>
 * Inputs are arrays and {@link uk.safermap.analysis.grid} values; outputs are records with messages for
 * the user. Invalid parameters throw {@link java.lang.IllegalArgumentException}; legal but degenerate
 * data (no variation, too few cells or steps) gives a result with warnings instead.
 */
package uk.safermap.analysis.stats;
