package uk.safermap.analysis;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import uk.safermap.analysis.cluster.ClusterOutlines;
import uk.safermap.analysis.cluster.Clustering;
import uk.safermap.analysis.cluster.Dbscan;
import uk.safermap.domain.Category;
import uk.safermap.domain.MonthIndex;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.DistinctPoints;
import uk.safermap.store.PointSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * Density clusters of the filtered incidents: DBSCAN in grid metres, each cluster outlined,
 * counted by category and month, and ranked by size (rank 1 = most incidents).
 */
public final class ClusterService {

    /** One cluster, ranked. {@code outline} is lon/lat; {@code share} is of the filtered incidents. */
    public record RankedCluster(int rank, int count, double share, Map<String, Integer> categories, String firstMonth,
                                String lastMonth, Geometry outline, Geometry outlineGrid, long[] incidentIds) {
    }

    /** All clusters, largest first, with totals. */
    public record Result(double epsMetres, int minPoints, int incidents, int clustered, int noise,
                         List<RankedCluster> clusters) {
    }

    private final IncidentSelection selection;
    private final ResultCache cache;
    private final ResultCache positions;
    private final BritishNationalGrid grid;

    /**
     * @param cache     for the results
     * @param positions for the distinct positions of the incidents a filter selects, which do
     *                  not depend on the parameters: a map asked again with another radius or
     *                  minimum does not find them again (a quarter of a 3M-incident cluster
     *                  map's time). One int per incident, so keep few.
     */
    public ClusterService(IncidentSelection selection, ResultCache cache, ResultCache positions,
                          BritishNationalGrid grid) {
        this.selection = selection;
        this.cache = cache;
        this.positions = positions;
        this.grid = grid;
    }

    public Result clusters(AnalysisFilter filter, ClusterParameters parameters) {
        Dbscan dbscan = new Dbscan(parameters.epsMetres(), parameters.minPoints());
        return cache.get("clusters|" + parameters.epsMetres() + "|" + parameters.minPoints() + "|" + filter.key(),
                () -> {
                    PointSet points = selection.select(filter, false);
                    DistinctPoints at = positions.get("positions|" + filter.key(),
                            () -> DistinctPoints.of(points.easting(), points.northing()));
                    // A filter selects the same points in the same order at one data version, which
                    // the caches key on; an import landing between the selection and the lookup
                    // can only have added points (imports append, nothing deletes), so a count
                    // that differs is the one sign of positions found for other points.
                    if (at.pointCount() != points.size()) {
                        at = DistinctPoints.of(points.easting(), points.northing());
                    }
                    return compute(points, dbscan.runSited(at), dbscan);
                });
    }

    private Result compute(PointSet points, Dbscan.Sited run, Dbscan dbscan) {
        Clustering c = run.clustering();
        List<Polygon> outlines = ClusterOutlines.outlines(run, dbscan.epsMetres(), GRID);
        List<RankedCluster> clusters = describe(points, c, outlines);
        clusters.sort(Comparator.comparingInt(RankedCluster::count).reversed()
                .thenComparing(RankedCluster::firstMonth));
        List<RankedCluster> ranked = new ArrayList<>(clusters.size());
        for (int i = 0; i < clusters.size(); i++) {
            RankedCluster r = clusters.get(i);
            ranked.add(new RankedCluster(i + 1, r.count(), points.size() == 0 ? 0 : (double) r.count() / points.size(),
                    r.categories(), r.firstMonth(), r.lastMonth(), r.outline(), r.outlineGrid(), r.incidentIds()));
        }
        int clustered = points.size() - c.noiseCount();
        return new Result(dbscan.epsMetres(), dbscan.minPoints(), points.size(), clustered, c.noiseCount(), ranked);
    }

    /**
     * Each cluster's counts by category, first and last month and member ids (ascending), unranked,
     * in one pass over the incidents in order rather than one pass per cluster over its members.
     */
    private List<RankedCluster> describe(PointSet points, Clustering c, List<Polygon> outlinesGrid) {
        int k = c.clusterCount();
        int[] sizes = c.sizes();
        int[] labels = c.labels();
        byte[] category = points.category();
        int[] monthIndex = points.monthIndex();
        long[] pointIds = points.ids();
        int[][] perCategory = new int[k][Category.values().length];
        int[] first = new int[k];
        int[] last = new int[k];
        Arrays.fill(first, Integer.MAX_VALUE);
        Arrays.fill(last, Integer.MIN_VALUE);
        long[][] ids = new long[k][];
        for (int id = 0; id < k; id++) {
            ids[id] = new long[sizes[id]];
        }
        int[] filled = new int[k];
        for (int i = 0; i < labels.length; i++) {
            int id = labels[i];
            if (id == Clustering.NOISE) {
                continue;
            }
            perCategory[id][category[i]]++;
            first[id] = Math.min(first[id], monthIndex[i]);
            last[id] = Math.max(last[id], monthIndex[i]);
            ids[id][filled[id]++] = pointIds[i];
        }
        List<RankedCluster> out = new ArrayList<>(k);
        for (int id = 0; id < k; id++) {
            Map<String, Integer> categories = new LinkedHashMap<>();
            for (Category cat : Category.values()) {
                if (perCategory[id][cat.ordinal()] > 0) {
                    categories.put(cat.slug(), perCategory[id][cat.ordinal()]);
                }
            }
            Polygon outlineGrid = outlinesGrid.get(id);
            out.add(new RankedCluster(0, sizes[id], 0, categories, month(first[id]), month(last[id]),
                    grid.toWgs84(outlineGrid), outlineGrid, ids[id]));
        }
        return out;
    }

    static String month(int index) {
        return MonthIndex.month(index).toString();
    }
}
