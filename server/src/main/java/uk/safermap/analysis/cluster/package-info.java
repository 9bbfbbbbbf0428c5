/**
 * Density-based clustering of incident points in British National Grid metres (EPSG:27700):
 * exact grid DBSCAN ({@link uk.safermap.analysis.cluster.Dbscan}, result
 * {@link uk.safermap.analysis.cluster.Clustering}) and map outlines of its clusters
 * ({@link uk.safermap.analysis.cluster.ClusterOutlines}).
 *
 * <p>Inputs are primitive coordinate arrays, outputs records and JTS polygons; no HTTP, SQL or
 * JSON. Invalid parameters throw {@link java.lang.IllegalArgumentException} naming the parameter
 * and its accepted range.
 */
package uk.safermap.analysis.cluster;
