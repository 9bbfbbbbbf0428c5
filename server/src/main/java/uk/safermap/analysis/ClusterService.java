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

    /**
     * One cluster, ranked. {@code outline} is lon/lat; {@code share} is of the filtered incidents.
     * Its incidents are found when first asked for ({@link #incidentIds}): a map needs none.
     */
    public record RankedCluster(int rank, int count, double share, Map<String, Integer> categories, String firstMonth,
                                String lastMonth, Geometry outline, Geometry outlineGrid, Members members,
                                int clusterId) {

        /** The ids of the cluster's incidents, ascending. */
        public long[] incidentIds() {
            return members.ids(clusterId);
        }
    }

    /** All clusters, largest first, with totals. */
    public record Result(double epsMetres, int minPoints, int incidents, int clustered, int noise,
                         List<RankedCluster> clusters) {

        /**
         * Each cluster's incidents (in rank order) as positions in {@code points}: as clustered
         * when those are the incidents clustered (the same filter at the same data version), else
         * found by id, leaving out any the points lack. Shared, not copied: do not modify.
         */
        public List<int[]> positionsIn(PointSet points) {
            if (clusters.isEmpty()) {
                return List.of();
            }
            boolean clustered = clusters.get(0).members().clustered(points);
            return clusters.stream().map(c -> clustered ? c.members().positions(c.clusterId())
                    : points.positionsOf(c.incidentIds())).toList();
        }
    }

    /**
     * Every cluster's incidents of one run, as positions in the incidents clustered, found on
     * first use in one pass and then kept: a map needs none of them, a patrol plan or a camera
     * coverage check all. Thread-safe: a cached result is shared by concurrent requests.
     */
    public static final class Members {
        private final long[] ids;
        private final Dbscan.Sited run;
        private int[][] byCluster;

        private Members(long[] ids, Dbscan.Sited run) {
            this.ids = ids;
            this.run = run;
        }

        /** Whether these are the incidents clustered: the same ids in the same order. */
        boolean clustered(PointSet points) {
            return points.ids() == ids || Arrays.equals(points.ids(), ids);
        }

        long[] ids(int cluster) {
            int[] at = positions(cluster);
            long[] out = new long[at.length];
            for (int k = 0; k < at.length; k++) {
                out[k] = ids[at[k]];
            }
            return out;
        }

        synchronized int[] positions(int cluster) {
            if (byCluster == null) {
                byCluster = run.clustering().members();
            }
            return byCluster[cluster];
        }
    }

    private final IncidentSelection selection;
    private final ResultCache cache;
    private final ResultCache tallies;
    private final BritishNationalGrid grid;

    /**
     * @param cache   for the results
     * @param tallies for each filter's {@link PositionTally}, which does not depend on the
     *                parameters; apart from the results because it is filled while one is computed
     */
    public ClusterService(IncidentSelection selection, ResultCache cache, ResultCache tallies,
                          BritishNationalGrid grid) {
        this.selection = selection;
        this.cache = cache;
        this.tallies = tallies;
        this.grid = grid;
    }

    public Result clusters(AnalysisFilter filter, ClusterParameters parameters) {
        Dbscan dbscan = new Dbscan(parameters.epsMetres(), parameters.minPoints());
        return cache.get("clusters|" + parameters.epsMetres() + "|" + parameters.minPoints() + "|" + filter.key(),
                () -> {
                    PointSet points = selection.select(filter, false);
                    DistinctPoints at = selection.positions(filter, points);
                    PositionTally tally = tallies.get("tally|" + filter.key(), () -> PositionTally.of(points, at));
                    // As for the positions (IncidentSelection#positions): another count is another version's.
                    if (tally.pointCount() != points.size()) {
                        tally = PositionTally.of(points, at);
                    }
                    return compute(points, at, tally, dbscan.runSited(at), dbscan);
                });
    }

    /**
     * Per distinct position of a filter's incidents (P of them), how many of each category
     * ({@code byCategory[p * categories + c]}) and their first and last month: what describing
     * a cluster needs, summed over its sites instead of counted over its incidents, so a map
     * asked with another radius or minimum does not pass over every incident again.
     */
    private record PositionTally(int pointCount, int[] byCategory, int[] firstMonth, int[] lastMonth) {

        static PositionTally of(PointSet points, DistinctPoints at) {
            int categories = Category.values().length;
            int[] byCategory = new int[at.size() * categories];
            int[] first = new int[at.size()];
            int[] last = new int[at.size()];
            Arrays.fill(first, Integer.MAX_VALUE);
            Arrays.fill(last, Integer.MIN_VALUE);
            byte[] category = points.category();
            int[] monthIndex = points.monthIndex();
            for (int i = 0; i < points.size(); i++) {
                int p = at.pointOf(i);
                byCategory[p * categories + category[i]]++;
                first[p] = Math.min(first[p], monthIndex[i]);
                last[p] = Math.max(last[p], monthIndex[i]);
            }
            return new PositionTally(points.size(), byCategory, first, last);
        }
    }

    private Result compute(PointSet points, DistinctPoints at, PositionTally tally, Dbscan.Sited run, Dbscan dbscan) {
        List<Polygon> outlines = ClusterOutlines.outlines(run, dbscan.epsMetres(), GRID);
        List<RankedCluster> clusters = describe(at, tally, run, outlines, new Members(points.ids(), run));
        clusters.sort(Comparator.comparingInt(RankedCluster::count).reversed()
                .thenComparing(RankedCluster::firstMonth));
        List<RankedCluster> ranked = new ArrayList<>(clusters.size());
        for (int i = 0; i < clusters.size(); i++) {
            RankedCluster r = clusters.get(i);
            ranked.add(new RankedCluster(i + 1, r.count(), points.size() == 0 ? 0 : (double) r.count() / points.size(),
                    r.categories(), r.firstMonth(), r.lastMonth(), r.outline(), r.outlineGrid(), r.members(),
                    r.clusterId()));
        }
        int noise = run.noiseCount();
        return new Result(dbscan.epsMetres(), dbscan.minPoints(), points.size(), points.size() - noise, noise, ranked);
    }

    /**
     * Each cluster's counts by category and first and last month, unranked, summed over its sites
     * from the tally of their positions (a site is a distinct position: its first point's).
     */
    private List<RankedCluster> describe(DistinctPoints at, PositionTally tally, Dbscan.Sited run,
                                         List<Polygon> outlinesGrid, Members members) {
        int k = run.clusterCount();
        int[] sizes = run.sizes();
        int[] siteLabel = run.siteLabel();
        int[] siteFirst = run.siteFirst();
        int categories = Category.values().length;
        int[] perCategory = new int[k * categories];
        int[] first = new int[k];
        int[] last = new int[k];
        Arrays.fill(first, Integer.MAX_VALUE);
        Arrays.fill(last, Integer.MIN_VALUE);
        for (int s = 0; s < siteLabel.length; s++) {
            int id = siteLabel[s];
            if (id == Clustering.NOISE) {
                continue;
            }
            int p = at.pointOf(siteFirst[s]);
            for (int c = 0; c < categories; c++) {
                perCategory[id * categories + c] += tally.byCategory()[p * categories + c];
            }
            first[id] = Math.min(first[id], tally.firstMonth()[p]);
            last[id] = Math.max(last[id], tally.lastMonth()[p]);
        }
        List<RankedCluster> out = new ArrayList<>(k);
        for (int id = 0; id < k; id++) {
            Map<String, Integer> byCategory = new LinkedHashMap<>();
            for (Category cat : Category.values()) {
                int n = perCategory[id * categories + cat.ordinal()];
                if (n > 0) {
                    byCategory.put(cat.slug(), n);
                }
            }
            Polygon outlineGrid = outlinesGrid.get(id);
            out.add(new RankedCluster(0, sizes[id], 0, byCategory, month(first[id]), month(last[id]),
                    grid.toWgs84(outlineGrid), outlineGrid, members, id));
        }
        return out;
    }

    static String month(int index) {
        return MonthIndex.month(index).toString();
    }
}
