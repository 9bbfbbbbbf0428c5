package uk.safermap.roads;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import uk.safermap.analysis.ClusterParameters;
import uk.safermap.analysis.cluster.ClusterOutlines;
import uk.safermap.analysis.cluster.Clustering;
import uk.safermap.analysis.cluster.Dbscan;
import uk.safermap.analysis.density.DensityGrid;
import uk.safermap.analysis.density.KernelDensity;
import uk.safermap.analysis.density.KernelDensityParameters;
import uk.safermap.analysis.grid.CellCounts;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;
import uk.safermap.analysis.stats.GetisOrdGiStar;
import uk.safermap.domain.Collision;
import uk.safermap.domain.Severity;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.CollisionStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * Road collision hot spots for analysts and police: KSI density clusters (DBSCAN in grid
 * metres, ranked by the value of prevention of their collisions), a kernel density surface
 * weighted by severity with its peaks, Getis-Ord Gi* on road cells, the hour-of-week profile, and stretches of numbered roads
 * without a road network. Weights are {@link Severity#weight()}: DfT's average value of
 * prevention per collision relative to a slight one. Thread-safe; each call reads the store.
 */
public final class RoadSafetyService {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    /** One cluster of collisions; {@code outline} is lon/lat. */
    public record Cluster(int rank, int collisions, int fatal, int serious, int slight, double harmWeight,
                          long valueOfPreventionPounds, Map<String, Integer> roads, String firstDate,
                          String lastDate, double centreLon, double centreLat, Geometry outline,
                          List<Long> collisionIds) {
    }

    public record Clusters(double epsMetres, int minPoints, List<String> severities, int collisions, int clustered,
                           Map<String, Double> weights, List<Cluster> clusters) {
    }

    /** A local maximum of the weighted density, in severity-weighted collisions per km². */
    public record Peak(int rank, double lon, double lat, long easting, long northing, double weightedPerKm2) {
    }

    public record Density(double bandwidthMetres, double cellMetres, List<String> severities, int collisions,
                          double weightedTotal, Map<String, Double> weights, List<Peak> peaks) {
    }

    /** Collisions by day (Monday first) and hour; collisions without a time are counted apart. */
    public record HourOfWeek(List<String> days, int[][] collisions, int[][] ksi, int withoutTime, int total) {
    }

    /** One stretch of a numbered road; {@code line} joins its two farthest-apart collisions, [lon, lat] pairs. */
    public record Stretch(int collisions, int fatal, int serious, int slight, double harmWeight, long lengthMetres,
                          double[][] line) {
    }

    public record Road(String road, int collisions, int ksi, double harmWeight, List<Stretch> stretches) {
    }

    public record Roads(double gapMetres, int collisions, int unnumbered, List<Road> roads) {
    }

    /** One road cell: its severity-weighted collisions, Gi* z and p, and class; {@code outline} is lon/lat. */
    public record RoadCell(double weighted, double z, double p, String hotSpotClass, Geometry outline) {
    }

    public record RoadCells(double cellMetres, double bandMetres, int roadCells, Map<String, Double> weights,
                            Map<String, Integer> classes, List<String> warnings, List<RoadCell> cells) {
    }

    private final CollisionStore store;
    private final BritishNationalGrid grid;

    public RoadSafetyService(CollisionStore store, BritishNationalGrid grid) {
        this.store = store;
        this.grid = grid;
    }

    /** DBSCAN over the filtered collisions (KSI when the filter names no severity). */
    public Clusters clusters(CollisionFilter filter, ClusterParameters parameters) {
        Dbscan dbscan = new Dbscan(parameters.epsMetres(), parameters.minPoints());
        CollisionFilter f = filter.orSeverities(CollisionFilter.KSI);
        List<Collision> all = store.find(f.query()).items();
        double[] x = all.stream().mapToDouble(Collision::easting).toArray();
        double[] y = all.stream().mapToDouble(Collision::northing).toArray();
        Clustering c = dbscan.run(x, y);
        List<Polygon> outlines = ClusterOutlines.outlines(x, y, c, parameters.epsMetres(), GRID);
        List<Cluster> clusters = new ArrayList<>();
        int[][] members = c.members();
        for (int id = 0; id < members.length; id++) {
            clusters.add(describe(all, members[id], outlines.get(id)));
        }
        clusters.sort(Comparator.comparingDouble(Cluster::harmWeight).reversed().thenComparing(Cluster::firstDate));
        List<Cluster> ranked = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            Cluster k = clusters.get(i);
            ranked.add(new Cluster(i + 1, k.collisions(), k.fatal(), k.serious(), k.slight(), k.harmWeight(),
                    k.valueOfPreventionPounds(), k.roads(), k.firstDate(), k.lastDate(), k.centreLon(), k.centreLat(),
                    k.outline(), k.collisionIds()));
        }
        return new Clusters(parameters.epsMetres(), parameters.minPoints(), keys(f), all.size(), all.size() - c.noiseCount(), weights(), ranked);
    }

    private Cluster describe(List<Collision> all, int[] members, Polygon outline) {
        int[] bySeverity = new int[Severity.values().length];
        double weight = 0;
        long value = 0;
        double sx = 0;
        double sy = 0;
        Map<String, Integer> roads = new TreeMap<>();
        List<Long> ids = new ArrayList<>();
        String first = null;
        String last = null;
        for (int i : members) {
            Collision k = all.get(i);
            bySeverity[k.severity().ordinal()]++;
            weight += k.severity().weight();
            value += k.severity().valueOfPreventionPounds();
            sx += k.easting();
            sy += k.northing();
            roads.merge(k.roadName() == null ? "unnumbered" : k.roadName(), 1, Integer::sum);
            ids.add(k.id());
            String d = k.date().toString();
            first = first == null || d.compareTo(first) < 0 ? d : first;
            last = last == null || d.compareTo(last) > 0 ? d : last;
        }
        double[] centre = grid.toWgs84(sx / members.length, sy / members.length);
        return new Cluster(0, members.length, bySeverity[0], bySeverity[1], bySeverity[2], round(weight), value,
                roads, first, last, centre[0], centre[1], grid.toWgs84(outline), ids);
    }

    /** Quartic kernel density of the filtered collisions (all severities by default), weighted by severity. */
    public Density density(CollisionFilter filter, CollisionParameters.Density parameters) {
        double bandwidthMetres = parameters.bandwidthMetres();
        double cellMetres = parameters.cellMetres();
        int peaks = parameters.peaks();
        KernelDensityParameters p = KernelDensityParameters.defaults().withBandwidth(bandwidthMetres)
                .withCell(cellMetres);
        List<Collision> all = store.find(filter.query()).items();
        if (all.isEmpty()) {
            return new Density(bandwidthMetres, cellMetres, keys(filter), 0, 0, weights(), List.of());
        }
        double[] x = all.stream().mapToDouble(Collision::easting).toArray();
        double[] y = all.stream().mapToDouble(Collision::northing).toArray();
        double[] w = all.stream().mapToDouble(c -> c.severity().weight()).toArray();
        DensityGrid surface = KernelDensity.estimate(x, y, w, p);
        List<Peak> found = new ArrayList<>();
        for (int[] cell : LocalMaxima.of(surface, peaks)) {
            double e = surface.centreX(cell[0]);
            double n = surface.centreY(cell[1]);
            double[] lonLat = grid.toWgs84(e, n);
            found.add(new Peak(found.size() + 1, lonLat[0], lonLat[1], Math.round(e), Math.round(n),
                    round(surface.value(cell[0], cell[1]))));
        }
        return new Density(surface.bandwidthMetres(), surface.cellMetres(), keys(filter), all.size(),
                round(surface.incidents()), weights(), found);
    }

    /**
     * Getis-Ord Gi* of severity-weighted collisions on road cells: without a road network, the
     * study cells are the grid cells where any collision of any severity and date was recorded
     * (the bbox still applies), so fields and built-up blocks with no traffic do not dilute the mean
     * the z-scores are measured against. Bins are FDR-corrected, as {@code /api/hotspots/gistar}.
     */
    public RoadCells giStar(CollisionFilter filter, CollisionParameters.GiStar parameters) {
        double cellMetres = parameters.cellMetres();
        double bandMetres = parameters.bandMetres();
        List<Collision> everything = store.find(new CollisionFilter(Optional.empty(), Optional.empty(), Set.of(),
                filter.gridBox()).query()).items();
        List<Collision> chosen = store.find(filter.query()).items();
        if (everything.isEmpty()) {
            return new RoadCells(cellMetres, bandMetres, 0, weights(), Map.of(), List.of("no collisions are stored"),
                    List.of());
        }
        Envelope extent = new Envelope();
        everything.forEach(c -> extent.expandToInclude(c.easting(), c.northing()));
        // One cell of margin, so points on the extent's edge fall inside a cell.
        extent.expandBy(cellMetres);
        SquareGrid cells = SquareGrid.covering(extent, cellMetres);
        boolean[] road = new boolean[cells.cellCount()];
        for (Collision c : everything) {
            road[cells.cellOf(c.easting(), c.northing())] = true;
        }
        StudyMask mask = StudyMask.of(cells, road);
        CellCounts weighted = CellCounts.of(cells, chosen.stream().mapToDouble(Collision::easting).toArray(),
                chosen.stream().mapToDouble(Collision::northing).toArray(),
                chosen.stream().mapToDouble(c -> c.severity().weight()).toArray());
        GetisOrdGiStar.Result gi = GetisOrdGiStar.run(weighted, mask, bandMetres);
        List<RoadCell> out = new ArrayList<>();
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (int i : mask.cells()) {
            String slug = gi.classOf(i).slug();
            classes.merge(slug, 1, Integer::sum);
            out.add(new RoadCell(round(weighted.counts()[i]), round(gi.z()[i]), gi.p()[i], slug,
                    grid.toWgs84(cells.cellPolygon(i, GRID))));
        }
        return new RoadCells(cellMetres, bandMetres, mask.size(), weights(), classes, gi.warnings(), out);
    }

    /** Counts by day of week and hour of day, of all filtered collisions and of the KSI among them. */
    public HourOfWeek hourOfWeek(CollisionFilter filter) {
        int[][] all = new int[7][24];
        int[][] ksi = new int[7][24];
        int withoutTime = 0;
        List<Collision> collisions = store.find(filter.query()).items();
        for (Collision c : collisions) {
            if (c.time() == null) {
                withoutTime++;
                continue;
            }
            int d = c.date().getDayOfWeek().getValue() - 1;
            all[d][c.time().getHour()]++;
            if (c.severity().ksi()) {
                ksi[d][c.time().getHour()]++;
            }
        }
        return new HourOfWeek(List.of(DAYS), all, ksi, withoutTime, collisions.size());
    }

    /**
     * Collisions grouped by numbered road (first road class and number), each road split into
     * stretches where collisions lie within {@code gapMetres} of each other; roads ranked by harm.
     */
    public Roads roads(CollisionFilter filter, CollisionParameters.Stretches parameters) {
        SingleLinkSegments segments = new SingleLinkSegments(parameters.gapMetres());
        List<Collision> all = store.find(filter.query()).items();
        Map<String, List<Collision>> byRoad = new LinkedHashMap<>();
        int unnumbered = 0;
        for (Collision c : all) {
            if (c.roadName() == null) {
                unnumbered++;
            } else {
                byRoad.computeIfAbsent(c.roadName(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Road> roads = new ArrayList<>();
        byRoad.forEach((name, list) -> {
            double[] x = list.stream().mapToDouble(Collision::easting).toArray();
            double[] y = list.stream().mapToDouble(Collision::northing).toArray();
            List<Stretch> stretches = new ArrayList<>();
            for (int[] members : segments.segments(x, y)) {
                stretches.add(stretch(list, x, y, members));
            }
            stretches.sort(Comparator.comparingDouble(Stretch::harmWeight).reversed());
            roads.add(new Road(name, list.size(), (int) list.stream().filter(c -> c.severity().ksi()).count(),
                    round(list.stream().mapToDouble(c -> c.severity().weight()).sum()), stretches));
        });
        roads.sort(Comparator.comparingDouble(Road::harmWeight).reversed().thenComparing(Road::road));
        return new Roads(parameters.gapMetres(), all.size(), unnumbered, roads);
    }

    private Stretch stretch(List<Collision> list, double[] x, double[] y, int[] members) {
        int[] bySeverity = new int[Severity.values().length];
        double weight = 0;
        int a = members[0];
        int b = members[0];
        double longest = -1;
        for (int i : members) {
            bySeverity[list.get(i).severity().ordinal()]++;
            weight += list.get(i).severity().weight();
            for (int j : members) {
                double d = Math.hypot(x[i] - x[j], y[i] - y[j]);
                if (d > longest) {
                    longest = d;
                    a = i;
                    b = j;
                }
            }
        }
        double[][] line = {lonLat(grid.toWgs84(x[a], y[a])), lonLat(grid.toWgs84(x[b], y[b]))};
        return new Stretch(members.length, bySeverity[0], bySeverity[1], bySeverity[2], round(weight),
                Math.round(longest), line);
    }

    /** The weight of each severity, for every answer, so a reader sees what was counted how. */
    public static Map<String, Double> weights() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            out.put(s.key(), round(s.weight()));
        }
        return out;
    }

    private static List<String> keys(CollisionFilter f) {
        return (f.severities().isEmpty() ? List.of(Severity.values()) : List.copyOf(f.severities())).stream()
                .sorted().map(Severity::key).toList();
    }

    private static double[] lonLat(double[] p) {
        return new double[] {Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6};
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
