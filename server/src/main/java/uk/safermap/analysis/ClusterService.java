package uk.safermap.analysis;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import uk.safermap.analysis.cluster.ClusterOutlines;
import uk.safermap.analysis.cluster.Clustering;
import uk.safermap.analysis.cluster.Dbscan;
import uk.safermap.domain.Category;
import uk.safermap.domain.MonthIndex;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.PointSet;

import java.util.ArrayList;
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
    private final BritishNationalGrid grid;

    public ClusterService(IncidentSelection selection, ResultCache cache, BritishNationalGrid grid) {
        this.selection = selection;
        this.cache = cache;
        this.grid = grid;
    }

    public Result clusters(AnalysisFilter filter, ClusterParameters parameters) {
        Dbscan dbscan = new Dbscan(parameters.epsMetres(), parameters.minPoints());
        return cache.get("clusters|" + parameters.epsMetres() + "|" + parameters.minPoints() + "|" + filter.key(),
                () -> compute(selection.select(filter, false), dbscan));
    }

    private Result compute(PointSet points, Dbscan dbscan) {
        double[] x = points.easting();
        double[] y = points.northing();
        Dbscan.Sited run = dbscan.runSited(x, y);
        Clustering c = run.clustering();
        int[][] members = c.members();
        List<Polygon> outlines = ClusterOutlines.outlines(run, members, dbscan.epsMetres(), GRID);
        List<RankedCluster> clusters = new ArrayList<>(members.length);
        for (int id = 0; id < members.length; id++) {
            clusters.add(describe(points, members[id], outlines.get(id)));
        }
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

    private RankedCluster describe(PointSet points, int[] members, Polygon outlineGrid) {
        int[] perCategory = new int[Category.values().length];
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        long[] ids = new long[members.length];
        for (int k = 0; k < members.length; k++) {
            int i = members[k];
            perCategory[points.category()[i]]++;
            first = Math.min(first, points.monthIndex()[i]);
            last = Math.max(last, points.monthIndex()[i]);
            ids[k] = points.ids()[i];
        }
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (Category cat : Category.values()) {
            if (perCategory[cat.ordinal()] > 0) {
                categories.put(cat.slug(), perCategory[cat.ordinal()]);
            }
        }
        return new RankedCluster(0, members.length, 0, categories, month(first), month(last),
                grid.toWgs84(outlineGrid), outlineGrid, ids);
    }

    static String month(int index) {
        return MonthIndex.month(index).toString();
    }
}
