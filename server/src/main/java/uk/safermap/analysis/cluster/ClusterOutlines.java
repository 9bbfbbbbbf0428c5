package uk.safermap.analysis.cluster;

import org.locationtech.jts.algorithm.hull.ConcaveHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Polygon;
import uk.safermap.geo.DistinctPoints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Map outlines of clusters: one polygon per cluster in British National Grid metres that contains
 * all the cluster's points (core and border).
 *
 * <p>An outline is the concave hull of the points (JTS {@link ConcaveHull} by maximum edge length:
 * the Delaunay triangulation eroded from outside, removing border triangles whose outer edge is
 * longer than the limit, always leaving one polygon), buffered by a few metres. For DBSCAN the
 * natural edge limit is eps: the points of a cluster are linked by steps of at most eps, and so
 * are the edges of their minimum spanning tree, which lie in the Delaunay triangulation, so an eps
 * hull follows a cluster's shape (along a street, around a park) without cutting it apart. The
 * buffer makes 1- and 2-point clusters and collinear clusters, whose hull is a point or a line,
 * into polygons, and puts every point strictly inside.
 *
 * <p>Limitation: the JTS hull never removes a triangle that would leave a point outside, so points
 * in single file (a cluster strung along one street, or an L of two such streets) cannot be eroded
 * and get an outline close to their convex hull; two-dimensional clusters (hot spots, streets
 * with several snap points across) follow their shape.
 *
 * <p>Speed: the hull is taken over one representative point per square of side buffer/2, so a
 * cluster of a hundred thousand points costs about as much as its area at that resolution. Every
 * point lies within buffer/sqrt(2) of its representative, which is inside the hull, and the buffer
 * reaches at least 0.98 buffer (its arcs are chords with {@value #QUADRANT_SEGMENTS} segments per
 * quarter circle), so every point stays inside its outline.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ClusterOutlines {

    /** The smallest buffer the default outlines use, in metres: enough to draw at street zoom. */
    public static final double MIN_BUFFER_METRES = 5;
    private static final int QUADRANT_SEGMENTS = 4;

    private final double maxEdgeMetres;
    private final double bufferMetres;
    private final GeometryFactory gridFactory;

    /**
     * Outlines of the clusters of a DBSCAN run with radius {@code epsMetres}: concave hulls with
     * edges up to eps, buffered by max({@value #MIN_BUFFER_METRES} m, eps / 4).
     *
     * @return one polygon per cluster, index = cluster id
     */
    public static List<Polygon> outlines(double[] x, double[] y, Clustering clustering, double epsMetres,
            GeometryFactory gridFactory) {
        return new ClusterOutlines(epsMetres, Math.max(MIN_BUFFER_METRES, epsMetres / 4), gridFactory)
                .outlines(x, y, clustering);
    }

    /**
     * @param maxEdgeMetres longest outer edge the concave hull keeps, &gt;= 0 and finite (0 gives the
     *     tightest connected hull; a very large value the convex hull)
     * @param bufferMetres outward buffer, &gt; 0 and finite
     * @param gridFactory factory of the output polygons (BNG, SRID 27700)
     */
    public ClusterOutlines(double maxEdgeMetres, double bufferMetres, GeometryFactory gridFactory) {
        if (!(maxEdgeMetres >= 0) || !Double.isFinite(maxEdgeMetres)) {
            throw new IllegalArgumentException("maxEdgeMetres must be >= 0 and finite, got " + maxEdgeMetres);
        }
        if (!(bufferMetres > 0) || !Double.isFinite(bufferMetres)) {
            throw new IllegalArgumentException("bufferMetres must be > 0 and finite, got " + bufferMetres);
        }
        this.maxEdgeMetres = maxEdgeMetres;
        this.bufferMetres = bufferMetres;
        this.gridFactory = Objects.requireNonNull(gridFactory, "gridFactory");
    }

    /** One outline per cluster of {@code clustering}, index = cluster id; noise is left out. */
    public List<Polygon> outlines(double[] x, double[] y, Clustering clustering) {
        if (x.length != y.length || x.length != clustering.size()) {
            throw new IllegalArgumentException("x, y and the clustering must have the same length, got "
                    + x.length + ", " + y.length + " and " + clustering.size());
        }
        List<Polygon> outlines = new ArrayList<>(clustering.clusterCount());
        for (int[] members : clustering.members()) {
            outlines.add(outline(x, y, members));
        }
        return Collections.unmodifiableList(outlines);
    }

    /**
     * Outlines of the clusters of a DBSCAN run with radius {@code epsMetres}, as
     * {@link #outlines(double[], double[], Clustering, double, GeometryFactory)} gives them, found
     * from the run's sites: each cluster's distinct positions come from one pass over the points'
     * site numbers instead of hashing every member's coordinates again, cluster by cluster.
     */
    public static List<Polygon> outlines(Dbscan.Sited run, double epsMetres, GeometryFactory gridFactory) {
        return new ClusterOutlines(epsMetres, Math.max(MIN_BUFFER_METRES, epsMetres / 4), gridFactory)
                .outlines(run);
    }

    /** One outline per cluster (index = cluster id) from a run's sites; see {@link #outlines(Dbscan.Sited, double, GeometryFactory)}. */
    public List<Polygon> outlines(Dbscan.Sited run) {
        int[] labels = run.siteLabel();
        int[] first = run.siteFirst();
        int clusters = run.clusterCount();
        // Each site is one cluster's (or noise). Listing the clustered sites in the order the
        // points first reach them (by their first point), then grouping that list by cluster
        // (keeping its order), gives each cluster's distinct positions in the order its members
        // (ascending) first reach them, as DistinctPoints numbers them.
        Integer[] reached = IntStream.range(0, labels.length).filter(s -> labels[s] != Clustering.NOISE).boxed()
                .sorted(Comparator.comparingInt(s -> first[s])).toArray(Integer[]::new);
        int n = reached.length;
        int[] clusterStart = new int[clusters + 1];
        for (int s : reached) {
            clusterStart[labels[s] + 1]++;
        }
        for (int c = 0; c < clusters; c++) {
            clusterStart[c + 1] += clusterStart[c];
        }
        int[] filled = Arrays.copyOf(clusterStart, clusters);
        double[] px = new double[n];
        double[] py = new double[n];
        for (int s : reached) {
            int at = filled[labels[s]]++;
            px[at] = run.siteX()[s];
            py[at] = run.siteY()[s];
        }
        List<Polygon> outlines = new ArrayList<>(clusters);
        for (int c = 0; c < clusters; c++) {
            outlines.add(outlineOfPositions(Arrays.copyOfRange(px, clusterStart[c], clusterStart[c + 1]),
                    Arrays.copyOfRange(py, clusterStart[c], clusterStart[c + 1])));
        }
        return Collections.unmodifiableList(outlines);
    }

    /** The outline of the points {@code (x[i], y[i])} for i in {@code members} (not empty). */
    public Polygon outline(double[] x, double[] y, int[] members) {
        if (members.length == 0) {
            throw new IllegalArgumentException("members must not be empty");
        }
        DistinctPoints distinct = DistinctPoints.of(x, y, members);
        return outlineOfPositions(distinct.x(), distinct.y());
    }

    /** The outline of points at these distinct positions, in the order their members first reach them. */
    private Polygon outlineOfPositions(double[] px, double[] py) {
        MultiPoint points = gridFactory.createMultiPointFromCoords(representatives(px, py));
        // Fewer than 3 distinct points, or all collinear, have no triangulation: the hull is then
        // a point or a line, which the buffer turns into a disc or a stadium.
        Geometry hull = points.getNumGeometries() < 3 ? points.convexHull()
                : ConcaveHull.concaveHullByLength(points, maxEdgeMetres);
        Geometry buffered = hull.buffer(bufferMetres, QUADRANT_SEGMENTS);
        return buffered instanceof Polygon polygon ? polygon : (Polygon) buffered.convexHull();
    }

    /**
     * The first member met in each occupied square of side buffer/2, in member order. Found over
     * the members' distinct positions in the order first met (police.uk snaps a million points to
     * a few thousand): the first member in a square is at the first-met position in it, so this
     * is the same as looking at every member.
     */
    private Coordinate[] representatives(double[] px, double[] py) {
        double side = bufferMetres / 2;
        double[] squareX = new double[px.length];
        double[] squareY = new double[py.length];
        for (int p = 0; p < px.length; p++) {
            squareX[p] = Math.floor(px[p] / side);
            squareY[p] = Math.floor(py[p] / side);
        }
        DistinctPoints squares = DistinctPoints.of(squareX, squareY);
        Coordinate[] out = new Coordinate[squares.size()];
        for (int p = 0; p < px.length; p++) {
            int q = squares.pointOf(p);
            if (out[q] == null) {
                out[q] = new Coordinate(px[p], py[p]);
            }
        }
        return out;
    }
}
