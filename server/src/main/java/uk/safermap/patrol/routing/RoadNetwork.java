package uk.safermap.patrol.routing;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A road (or footpath) network for patrol travel: an undirected graph whose vertices are the
 * line vertices (lines are joined where they share a vertex, to the centimetre, as in a noded
 * network such as OpenStreetMap ways; crossings without a shared vertex, like bridges, do not
 * join) and whose edges are the segments, weighted by length in metres.
 *
 * <p>{@link #travel} connects each stop to its nearest vertex by a straight access leg and runs
 * Dijkstra's algorithm (JGraphT) once per distinct start vertex: O(s (E + V log V)) for s stops.
 * A pair the network does not connect gets the straight line times a fallback detour factor,
 * counted in {@link NetworkTravel#unconnectedPairs()}.
 *
 * <p>The network is built once and is then read-only: {@link #travel} is thread-safe.
 */
public final class RoadNetwork {

    /** Vertex positions are merged when equal to the centimetre. */
    private static final double KEY_SCALE = 100;

    private final Graph<Integer, DefaultWeightedEdge> graph =
            new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    private final List<Coordinate> vertices = new ArrayList<>();
    private final STRtree index = new STRtree();

    /**
     * @param lines LineStrings or MultiLineStrings in grid metres
     * @throws IllegalArgumentException if a geometry is not a line or no line has two distinct points
     */
    public RoadNetwork(List<? extends Geometry> lines) {
        Map<Long, Map<Long, Integer>> ids = new HashMap<>();
        for (int f = 0; f < lines.size(); f++) {
            Geometry g = lines.get(f);
            if (!(g instanceof LineString) && !(g instanceof org.locationtech.jts.geom.MultiLineString)) {
                throw new IllegalArgumentException("road " + f + " is a " + g.getGeometryType()
                        + "; roads must be LineString or MultiLineString");
            }
            for (int p = 0; p < g.getNumGeometries(); p++) {
                addLine(g.getGeometryN(p).getCoordinates(), ids);
            }
        }
        if (graph.edgeSet().isEmpty()) {
            throw new IllegalArgumentException("the road network has no line with two distinct points");
        }
        for (int v = 0; v < vertices.size(); v++) {
            index.insert(new Envelope(vertices.get(v)), v);
        }
        index.build();
    }

    private void addLine(Coordinate[] coords, Map<Long, Map<Long, Integer>> ids) {
        for (int i = 1; i < coords.length; i++) {
            int a = vertex(coords[i - 1], ids);
            int b = vertex(coords[i], ids);
            if (a == b) {
                continue;
            }
            double length = coords[i - 1].distance(coords[i]);
            DefaultWeightedEdge existing = graph.getEdge(a, b);
            if (existing == null) {
                graph.setEdgeWeight(graph.addEdge(a, b), length);
            } else if (length < graph.getEdgeWeight(existing)) {
                // Two roads between the same vertices: travel takes the shorter.
                graph.setEdgeWeight(existing, length);
            }
        }
    }

    private int vertex(Coordinate c, Map<Long, Map<Long, Integer>> ids) {
        long kx = Math.round(c.x * KEY_SCALE);
        long ky = Math.round(c.y * KEY_SCALE);
        return ids.computeIfAbsent(kx, k -> new HashMap<>()).computeIfAbsent(ky, k -> {
            int id = vertices.size();
            vertices.add(new Coordinate(c.x, c.y));
            graph.addVertex(id);
            return id;
        });
    }

    public int vertexCount() {
        return vertices.size();
    }

    public int edgeCount() {
        return graph.edgeSet().size();
    }

    /** The nearest network vertex to a point. */
    int nearestVertex(double x, double y) {
        Coordinate c = new Coordinate(x, y);
        return (Integer) index.nearestNeighbour(new Envelope(c), c,
                (a, b) -> position(a.getItem()).distance(position(b.getItem())));
    }

    /** An index item (a vertex id) or the query point itself. */
    private Coordinate position(Object item) {
        return item instanceof Coordinate c ? c : vertices.get((Integer) item);
    }

    /**
     * Travel between stops over the network.
     *
     * @param fallbackDetour detour factor for pairs the network does not connect
     */
    public NetworkTravel travel(double[] x, double[] y, double fallbackDetour) {
        return new NetworkTravel(x, y, fallbackDetour);
    }

    /** All-pairs network travel between the given stops. */
    public final class NetworkTravel implements TravelModel {

        private final double[] x;
        private final double[] y;
        private final int[] snapped;
        private final double[] access;
        private final double[][] metres;
        private final Map<Integer, SingleSourcePaths<Integer, DefaultWeightedEdge>> paths = new HashMap<>();
        private final StraightLineTravel fallback;
        private int unconnected;

        private NetworkTravel(double[] x, double[] y, double fallbackDetour) {
            this.x = x.clone();
            this.y = y.clone();
            this.fallback = new StraightLineTravel(x, y, fallbackDetour);
            int n = x.length;
            snapped = new int[n];
            access = new double[n];
            for (int i = 0; i < n; i++) {
                snapped[i] = nearestVertex(x[i], y[i]);
                access[i] = vertices.get(snapped[i]).distance(new Coordinate(x[i], y[i]));
            }
            DijkstraShortestPath<Integer, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(graph);
            metres = new double[n][n];
            for (int i = 0; i < n; i++) {
                SingleSourcePaths<Integer, DefaultWeightedEdge> from =
                        paths.computeIfAbsent(snapped[i], dijkstra::getPaths);
                for (int j = 0; j < n; j++) {
                    if (i == j) {
                        continue;
                    }
                    double network = from.getWeight(snapped[j]);
                    if (Double.isInfinite(network)) {
                        unconnected++;
                        metres[i][j] = fallback.metres(i, j);
                    } else {
                        metres[i][j] = access[i] + network + access[j];
                    }
                }
            }
        }

        @Override
        public int size() {
            return x.length;
        }

        @Override
        public double metres(int from, int to) {
            return metres[from][to];
        }

        @Override
        public LineString path(int from, int to, GeometryFactory factory) {
            GraphPath<Integer, DefaultWeightedEdge> p = paths.get(snapped[from]).getPath(snapped[to]);
            if (from == to || p == null) {
                return fallback.path(from, to, factory);
            }
            List<Coordinate> coords = new ArrayList<>();
            coords.add(new Coordinate(x[from], y[from]));
            for (int v : p.getVertexList()) {
                coords.add(vertices.get(v));
            }
            coords.add(new Coordinate(x[to], y[to]));
            List<Coordinate> distinct = new ArrayList<>();
            for (Coordinate c : coords) {
                if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals2D(c)) {
                    distinct.add(c);
                }
            }
            if (distinct.size() < 2) {
                distinct.add(distinct.get(0));
            }
            return factory.createLineString(distinct.toArray(Coordinate[]::new));
        }

        /** Ordered pairs of stops the network does not connect (they travel the straight line). */
        public int unconnectedPairs() {
            return unconnected;
        }

        /** The longest straight access leg from a stop to its nearest network vertex, metres. */
        public double maxAccessMetres() {
            double max = 0;
            for (double a : access) {
                max = Math.max(max, a);
            }
            return max;
        }
    }
}
