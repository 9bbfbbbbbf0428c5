package uk.safermap.analysis.density;

import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsSimpleOp;
import uk.safermap.geo.GeometryFactories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Contour polygons of a {@link DensityGrid}: for each level, the (multi)polygon where the density
 * is at or above it, in BNG metres. The levels are given in incidents per km^2 or as percentiles
 * of the positive cells ({@link #DEFAULT_PERCENTILES}: 50, 75, 90, 95, 99, i.e. the top half,
 * quarter, tenth, twentieth and hundredth of the area with any density).
 *
 * <p>Method: marching squares over the lattice of cell centres (Lorensen and Cline 1987, in two
 * dimensions) with linear interpolation along lattice edges. The lattice is surrounded by a ring
 * of zeros, so every contour closes. Each contour segment is directed with the high side on its
 * left, which makes outer boundaries counter-clockwise and holes clockwise (the GeoJSON
 * right-hand rule); rings are traced edge to edge and holes are put in the smallest shell that
 * contains them. Saddle squares are resolved by the mean of their four corners. Crossing points
 * are kept strictly inside their lattice edge, so no two rings share a point and the polygons
 * are valid without any noding. Finally each ring is simplified by Douglas-Peucker with a quarter
 * of a cell, dropping most of the one-per-lattice-edge vertices; rings that would then cross go
 * back to their traced form, so the result stays valid.
 *
 * <p>Cost: one O(cells) pass for all levels (block extremes that let the scan skip squares wholly
 * above or below a level, and the incidents inside each contour), then per level the squares near
 * the contour and O(v log v) for its v vertices: about 0.2-0.5 s for five levels on a
 * 2,000 x 2,000 city-wide surface on the 2-core build machine. Stateless apart from the factory;
 * thread-safe.
 */
public final class DensityContours {

    /** Percentiles of the positive cells used when none are asked for. */
    public static final double[] DEFAULT_PERCENTILES = {50, 75, 90, 95, 99};

    /** Simplification tolerance in cells: no boundary moves further than this from the traced contour. */
    private static final double SIMPLIFY_CELLS = 0.25;

    /** Interpolated crossings stay this fraction of an edge away from its ends. */
    private static final double EDGE_MARGIN = 1e-6;

    private final GeometryFactory factory;

    public DensityContours() {
        this(GeometryFactories.GRID);
    }

    public DensityContours(GeometryFactory factory) {
        this.factory = factory;
    }

    /**
     * Contours at percentiles (0..100) of the positive cells, in the order given; an empty list
     * when no cell is positive.
     */
    public List<DensityContour> atPercentiles(DensityGrid grid, double... percentiles) {
        if (percentiles.length == 0) {
            throw new IllegalArgumentException("at least one percentile is needed");
        }
        double[] levels = grid.percentiles(percentiles);
        if (Double.isNaN(levels[0])) {
            return List.of();
        }
        return contours(grid, levels, percentiles);
    }

    /** Contours at levels in incidents per km^2, each finite and &gt; 0, in the order given. */
    public List<DensityContour> atLevels(DensityGrid grid, double... levelsPerKm2) {
        if (levelsPerKm2.length == 0) {
            throw new IllegalArgumentException("at least one level is needed");
        }
        for (double level : levelsPerKm2) {
            if (!(level > 0 && Double.isFinite(level))) {
                throw new IllegalArgumentException("levels must be finite densities > 0 per km^2, got " + level);
            }
        }
        double[] none = new double[levelsPerKm2.length];
        Arrays.fill(none, Double.NaN);
        return contours(grid, levelsPerKm2, none);
    }

    private List<DensityContour> contours(DensityGrid grid, double[] levels, double[] percentiles) {
        Blocks blocks = new Blocks(grid);
        double[] incidents = incidentsAtOrAbove(grid, levels);
        List<DensityContour> out = new ArrayList<>();
        for (int k = 0; k < levels.length; k++) {
            List<LinearRing> rings = new Tracer(grid, blocks, levels[k]).rings();
            MultiPolygon area = assemble(rings, simplify(rings, grid.cellMetres() * SIMPLIFY_CELLS));
            out.add(new DensityContour(levels[k], percentiles[k], area, area.getArea(), incidents[k]));
        }
        return out;
    }

    /**
     * For each level, the density summed over the cells at or above it, times the cell area: the
     * incidents inside the contour. One pass for all levels: each cell adds to the highest level
     * it reaches, then the sums accumulate downwards.
     */
    private static double[] incidentsAtOrAbove(DensityGrid grid, double[] levels) {
        double[] sorted = levels.clone();
        Arrays.sort(sorted);
        double[] band = new double[sorted.length];
        for (double v : grid.perKm2()) {
            if (v >= sorted[0]) {
                int k = Arrays.binarySearch(sorted, v);
                // Ties among levels: binarySearch may land on any of them; step to the last.
                k = k >= 0 ? k : -k - 2;
                while (k + 1 < sorted.length && sorted[k + 1] <= v) {
                    k++;
                }
                band[k] += v;
            }
        }
        double cellKm2 = grid.cellMetres() * grid.cellMetres() / QuarticKernel.SQUARE_METRES_PER_KM2;
        for (int k = sorted.length - 2; k >= 0; k--) {
            band[k] += band[k + 1];
        }
        double[] out = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            out[k] = band[Arrays.binarySearch(sorted, levels[k])] * cellKm2;
        }
        return out;
    }

    /**
     * Douglas-Peucker on each ring, keeping its first vertex, so no ring moves by more than the
     * tolerance. Rings are disjoint before, but two rings closer than twice the tolerance, or a
     * ring with a narrow neck, may cross after; every ring at such a crossing goes back to its
     * traced form, and the check repeats until the rings are disjoint again. (JTS's
     * TopologyPreservingSimplifier avoids crossings as it goes, but took seconds on the 100,000
     * vertices of a noisy city-wide surface, and may move a ring's start by twice its tolerance.)
     */
    private LinearRing[] simplify(List<LinearRing> rings, double tolerance) {
        LinearRing[] out = new LinearRing[rings.size()];
        STRtree index = new STRtree();
        for (int k = 0; k < out.length; k++) {
            LinearRing ring = rings.get(k);
            out[k] = ring;
            Coordinate[] simple = douglasPeucker(ring.getCoordinates(), tolerance);
            if (simple.length >= 4) {
                LinearRing candidate = factory.createLinearRing(simple);
                double before = Area.ofRingSigned(ring.getCoordinateSequence());
                double after = Area.ofRingSigned(candidate.getCoordinateSequence());
                // A ring must not flip or collapse; tiny ones may simply stay as traced.
                if (Math.signum(before) == Math.signum(after) && Math.abs(after) > Math.abs(before) / 4) {
                    out[k] = candidate;
                }
            }
            index.insert(ring.getEnvelopeInternal(), k);
        }
        while (true) {
            IsSimpleOp check = new IsSimpleOp(factory.createMultiLineString(out));
            check.setFindAllLocations(true);
            if (check.isSimple()) {
                return out;
            }
            int reverted = 0;
            for (Coordinate at : check.getNonSimpleLocations()) {
                Envelope near = new Envelope(at);
                near.expandBy(tolerance);
                var point = factory.createPoint(at);
                for (Object item : index.query(near)) {
                    int k = (Integer) item;
                    if (out[k] != rings.get(k) && out[k].distance(point) <= tolerance * 1e-6) {
                        out[k] = rings.get(k);
                        reverted++;
                    }
                }
            }
            if (reverted == 0) {
                return rings.toArray(new LinearRing[0]);
            }
        }
    }

    /**
     * Douglas and Peucker (1973): keeps the ends and, recursively, the vertex farthest from the
     * chord between kept vertices while it is farther than the tolerance. O(n log n) typical.
     */
    static Coordinate[] douglasPeucker(Coordinate[] pts, double tolerance) {
        boolean[] keep = new boolean[pts.length];
        keep[0] = true;
        keep[pts.length - 1] = true;
        int[] stack = new int[2 * pts.length];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = pts.length - 1;
        while (top > 0) {
            int last = stack[--top];
            int first = stack[--top];
            int farthest = -1;
            double distance = tolerance;
            for (int k = first + 1; k < last; k++) {
                double d = Distance.pointToSegment(pts[k], pts[first], pts[last]);
                if (d > distance) {
                    distance = d;
                    farthest = k;
                }
            }
            if (farthest >= 0) {
                keep[farthest] = true;
                stack[top++] = first;
                stack[top++] = farthest;
                stack[top++] = farthest;
                stack[top++] = last;
            }
        }
        List<Coordinate> out = new ArrayList<>();
        for (int k = 0; k < pts.length; k++) {
            if (keep[k]) {
                out.add(pts[k]);
            }
        }
        return out.toArray(new Coordinate[0]);
    }

    /**
     * Puts each hole into the smallest shell that contains it, deciding on the traced rings (they
     * never cross, so one vertex decides), and builds the polygons from the simplified rings.
     */
    private MultiPolygon assemble(List<LinearRing> rings, LinearRing[] simplified) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        List<LinearRing> simpleShells = new ArrayList<>();
        List<LinearRing> simpleHoles = new ArrayList<>();
        for (int k = 0; k < rings.size(); k++) {
            LinearRing ring = rings.get(k);
            boolean shell = Orientation.isCCW(ring.getCoordinateSequence());
            (shell ? shells : holes).add(ring);
            (shell ? simpleShells : simpleHoles).add(simplified[k]);
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        STRtree index = new STRtree();
        for (int s = 0; s < shells.size(); s++) {
            holesOf.add(new ArrayList<>());
            index.insert(shells.get(s).getEnvelopeInternal(), s);
        }
        IndexedPointInAreaLocator[] locators = new IndexedPointInAreaLocator[shells.size()];
        for (int h = 0; h < holes.size(); h++) {
            LinearRing hole = holes.get(h);
            Coordinate probe = hole.getCoordinateN(0);
            int best = -1;
            double bestArea = Double.POSITIVE_INFINITY;
            for (Object item : index.query(hole.getEnvelopeInternal())) {
                int s = (Integer) item;
                double area = shells.get(s).getEnvelopeInternal().getArea();
                if (area >= bestArea || !shells.get(s).getEnvelopeInternal().contains(hole.getEnvelopeInternal())) {
                    continue;
                }
                if (locators[s] == null) {
                    locators[s] = new IndexedPointInAreaLocator(factory.createPolygon(shells.get(s)));
                }
                if (locators[s].locate(probe) == Location.INTERIOR) {
                    best = s;
                    bestArea = area;
                }
            }
            if (best >= 0) {
                holesOf.get(best).add(simpleHoles.get(h));
            }
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int s = 0; s < shells.size(); s++) {
            polygons[s] = factory.createPolygon(simpleShells.get(s), holesOf.get(s).toArray(new LinearRing[0]));
        }
        return factory.createMultiPolygon(polygons);
    }

    /**
     * The least and greatest lattice value in each run of {@link #WIDTH} + 1 vertices of each
     * lattice row (runs overlap by one vertex, so each run covers whole squares). A row of squares
     * in a run can only hold a contour if the level lies between the run's extremes over the two
     * vertex rows; elsewhere every square is wholly above or below, so the scan skips it. On a
     * city-wide surface that leaves a few per cent of the squares for each level.
     */
    private static final class Blocks {
        static final int WIDTH = 32;
        final int perRow;
        private final double[] min;
        private final double[] max;

        Blocks(DensityGrid grid) {
            int nx = grid.nx();
            int w = nx + 2;
            int h = grid.ny() + 2;
            double[] v = grid.perKm2();
            perRow = (w - 1 + WIDTH - 1) / WIDTH;
            min = new double[h * perRow];
            max = new double[h * perRow];
            // The surrounding ring of zeros: rows 0 and h-1 are zero throughout.
            for (int j = 1; j < h - 1; j++) {
                int row = (j - 1) * nx;
                for (int b = 0; b < perRow; b++) {
                    // Lattice columns b*WIDTH .. end are cells first-1 .. end-1; column 0 and w-1 are ring zeros.
                    int first = b * WIDTH;
                    int end = Math.min(first + WIDTH, w - 1);
                    boolean touchesRing = first == 0 || end == w - 1;
                    double lo = touchesRing ? 0 : Double.POSITIVE_INFINITY;
                    double hi = touchesRing ? 0 : Double.NEGATIVE_INFINITY;
                    for (int i = Math.max(first, 1); i <= Math.min(end, w - 2); i++) {
                        double value = v[row + i - 1];
                        lo = Math.min(lo, value);
                        hi = Math.max(hi, value);
                    }
                    min[j * perRow + b] = lo;
                    max[j * perRow + b] = hi;
                }
            }
        }

        /** Whether the squares of row j in run b may straddle the level. */
        boolean crosses(int j, int b, double level) {
            int a = j * perRow + b;
            int c = a + perRow;
            return Math.max(max[a], max[c]) >= level && Math.min(min[a], min[c]) < level;
        }
    }

    /**
     * Marching squares for one level. Lattice vertex (i, j), 0 &lt;= i &lt; nx + 2, is cell centre
     * (i - 1, j - 1), or 0 on the surrounding ring. Square (i, j) has corners (i, j), (i+1, j),
     * (i+1, j+1), (i, j+1) counter-clockwise; its edges, in the same order, are 0 bottom, 1 right,
     * 2 top, 3 left. Edge ids: horizontal (i, j)-(i+1, j) is j*w + i, vertical (i, j)-(i, j+1) is
     * w*h + j*w + i.
     */
    private final class Tracer {
        private final DensityGrid grid;
        private final double level;
        private final int w;
        private final int h;
        private final BitSet used;
        private final List<LinearRing> rings = new ArrayList<>();

        private final Blocks blocks;

        Tracer(DensityGrid grid, Blocks blocks, double level) {
            this.grid = grid;
            this.blocks = blocks;
            this.level = level;
            this.w = grid.nx() + 2;
            this.h = grid.ny() + 2;
            this.used = new BitSet(2 * w * h);
        }

        List<LinearRing> rings() {
            for (int j = 0; j < h - 1; j++) {
                for (int b = 0; b < blocks.perRow; b++) {
                    if (!blocks.crosses(j, b, level)) {
                        continue;
                    }
                    int end = Math.min((b + 1) * Blocks.WIDTH, w - 1);
                    for (int i = b * Blocks.WIDTH; i < end; i++) {
                        int mask = mask(i, j);
                        if (mask == 0 || mask == 15) {
                            continue;
                        }
                        for (int e = 0; e < 4; e++) {
                            if (isExit(mask, e) && !used.get(edgeId(i, j, e))) {
                                trace(i, j, e);
                            }
                        }
                    }
                }
            }
            return rings;
        }

        private double value(int i, int j) {
            if (i == 0 || j == 0 || i == w - 1 || j == h - 1) {
                return 0;
            }
            return grid.value(i - 1, j - 1);
        }

        /** Bit k set when corner k (counter-clockwise from bottom-left) is at or above the level. */
        private int mask(int i, int j) {
            return (value(i, j) >= level ? 1 : 0) | (value(i + 1, j) >= level ? 2 : 0)
                    | (value(i + 1, j + 1) >= level ? 4 : 0) | (value(i, j + 1) >= level ? 8 : 0);
        }

        /** Edge e runs from corner e to corner e+1; leaving the high side there is an exit. */
        private boolean isExit(int mask, int e) {
            return (mask >> e & 1) == 1 && (mask >> ((e + 1) & 3) & 1) == 0;
        }

        private boolean isEntry(int mask, int e) {
            return (mask >> e & 1) == 0 && (mask >> ((e + 1) & 3) & 1) == 1;
        }

        /**
         * The entry edge joined to exit edge e. With one high run there is one entry. In a saddle
         * the centre value decides: high centre joins the high corners, so the contour cuts off
         * the low corner after the exit (the next entry); low centre isolates the high corner
         * before the exit (the previous entry).
         */
        private int partner(int i, int j, int mask, int e) {
            boolean saddle = mask == 5 || mask == 10;
            boolean connect = saddle && (value(i, j) + value(i + 1, j) + value(i + 1, j + 1) + value(i, j + 1)) / 4 >= level;
            int step = !saddle || connect ? 1 : 3;
            for (int k = 1; k <= 3; k++) {
                int f = (e + step * k) & 3;
                if (isEntry(mask, f)) {
                    return f;
                }
            }
            throw new IllegalStateException("marching squares: no entry for exit " + e + " in case " + mask);
        }

        private void trace(int i0, int j0, int e0) {
            List<Coordinate> ring = new ArrayList<>();
            int i = i0;
            int j = j0;
            int e = e0;
            do {
                used.set(edgeId(i, j, e));
                ring.add(crossing(i, j, e));
                int f = partner(i, j, mask(i, j), e);
                // Step into the neighbour across entry edge f, where that edge is the opposite one.
                switch (f) {
                    case 0 -> j--;
                    case 1 -> i++;
                    case 2 -> j++;
                    default -> i--;
                }
                e = (f + 2) & 3;
            } while (i != i0 || j != j0 || e != e0);
            ring.add(new Coordinate(ring.get(0)));
            rings.add(factory.createLinearRing(ring.toArray(new Coordinate[0])));
        }

        private int edgeId(int i, int j, int e) {
            return switch (e) {
                case 0 -> j * w + i;
                case 1 -> w * h + j * w + i + 1;
                case 2 -> (j + 1) * w + i;
                default -> w * h + j * w + i;
            };
        }

        /** Where the level crosses edge e of square (i, j), interpolated from its lower-left end. */
        private Coordinate crossing(int i, int j, int e) {
            int ai = e == 1 ? i + 1 : i;
            int aj = e == 2 ? j + 1 : j;
            boolean horizontal = e == 0 || e == 2;
            int bi = horizontal ? ai + 1 : ai;
            int bj = horizontal ? aj : aj + 1;
            double va = value(ai, aj);
            double vb = value(bi, bj);
            double t = (level - va) / (vb - va);
            t = Math.min(Math.max(t, EDGE_MARGIN), 1 - EDGE_MARGIN);
            double x = grid.originX() + (ai - 0.5 + (horizontal ? t : 0)) * grid.cellMetres();
            double y = grid.originY() + (aj - 0.5 + (horizontal ? 0 : t)) * grid.cellMetres();
            return new Coordinate(x, y);
        }
    }
}
