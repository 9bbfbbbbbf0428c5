package uk.safermap.patrol;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.ClusterParameters;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.GiStarParameters;
import uk.safermap.analysis.GiStarService;
import uk.safermap.analysis.IncidentSelection;
import uk.safermap.analysis.cluster.Clustering;
import uk.safermap.analysis.stats.HotSpotClass;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.DistinctPoints;
import uk.safermap.patrol.risk.BusyTime;
import uk.safermap.patrol.risk.ShiftRisk;
import uk.safermap.patrol.risk.ShiftWindow;
import uk.safermap.store.PointSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * The hot spots a plan may visit, from the hot spot methods, each with its risk for the shift
 * (the sum of its incidents' shift weights) and a visiting point: the exact location with the
 * most shift weight, because police.uk snaps incidents to shared map points and the busiest of
 * them is the micro place to stand at, where a cluster's centroid may fall inside a building.
 */
final class PatrolHotspots {

    /**
     * A hot spot found, before ranking.
     *
     * @param peakSecond when in the shift it is busiest ({@link BusyTime}), or {@link BusyTime#NONE}
     */
    record Found(String label, double easting, double northing, double risk, int incidents,
                 Map<String, Integer> categories, long peakSecond) {
    }

    private final IncidentSelection selection;
    private final ClusterService clusters;
    private final GiStarService giStar;
    private final BritishNationalGrid grid;

    PatrolHotspots(IncidentSelection selection, ClusterService clusters, GiStarService giStar, BritishNationalGrid grid) {
        this.selection = selection;
        this.clusters = clusters;
        this.giStar = giStar;
        this.grid = grid;
    }

    /**
     * The hot spots of a method: how many, their total shift risk, and the {@code limit}
     * highest-risk of them described, highest first.
     */
    record Ranked(List<Found> top, int found, double risk) {
    }

    /**
     * Finds the hot spots of the method and describes the {@code limit} with the highest shift
     * risk: a plan visits a few of the hundreds a force-wide map holds, so the others are only
     * weighed (describing all 1,800 clusters of 3M incidents was most of a plan's time).
     */
    Ranked find(HotspotMethod method, AnalysisFilter filter, PointSet points, double[] weights, ShiftWindow shift,
                int limit) {
        // The filter's distinct positions: where Gi* cells are placed, and the busiest location is weighed.
        DistinctPoints at = selection.positions(filter, points);
        List<int[]> groups = new ArrayList<>();
        for (int[] members : method == HotspotMethod.CLUSTERS ? clusterMembers(filter, points)
                : cellMembers(filter, at)) {
            if (members.length > 0) {
                groups.add(members);
            }
        }
        double[] risk = new double[groups.size()];
        for (int g = 0; g < risk.length; g++) {
            for (int i : groups.get(g)) {
                risk[g] += weights[i];
            }
        }
        // Highest risk first; equal risks keep the methods' order, which also numbers the unnamed ones.
        Integer[] order = IntStream.range(0, risk.length).boxed()
                .sorted(Comparator.comparingDouble((Integer g) -> risk[g]).reversed()).toArray(Integer[]::new);
        // Weight per exact location: one scratch array for all hot spots.
        double[] atWeight = new double[at.size()];
        List<Found> top = new ArrayList<>();
        for (int k = 0; k < Math.min(limit, order.length); k++) {
            int g = order[k];
            top.add(describe(points, at, atWeight, weights, groups.get(g), risk[g], method, g + 1, shift));
        }
        return new Ranked(top, groups.size(), Arrays.stream(order).mapToDouble(g -> risk[g]).sum());
    }

    private List<int[]> clusterMembers(AnalysisFilter filter, PointSet points) {
        return clusters.clusters(filter, ClusterParameters.CRIME).positionsIn(points);
    }

    private List<int[]> cellMembers(AnalysisFilter filter, DistinctPoints at) {
        List<double[]> boxes = new ArrayList<>();
        for (GiStarService.Cell cell : giStar.hotSpots(filter, new GiStarParameters(HotspotMethod.GISTAR_CELL_METRES, OptionalDouble.empty()))
                .cells()) {
            if (cell.hotSpotClass() != HotSpotClass.HOT_95 && cell.hotSpotClass() != HotSpotClass.HOT_99) {
                continue;
            }
            Envelope e = grid.toGrid(cell.outline()).getEnvelopeInternal();
            // Cells are half-open squares, as the Gi* grid bins them; the reprojected outline is a
            // few millimetres off, so points are tested against the cell rounded to the metre.
            boxes.add(new double[] {Math.round(e.getMinX()), Math.round(e.getMinY()), Math.round(e.getMaxX()),
                Math.round(e.getMaxY())});
        }
        // Each distinct position is placed once (cells do not overlap), then each incident by its position.
        double[] px = at.x();
        double[] py = at.y();
        int[] cellOfPosition = new int[at.size()];
        for (int p = 0; p < px.length; p++) {
            cellOfPosition[p] = Clustering.NOISE;
            for (int c = 0; c < boxes.size() && cellOfPosition[p] == Clustering.NOISE; c++) {
                double[] b = boxes.get(c);
                cellOfPosition[p] = px[p] >= b[0] && px[p] < b[2] && py[p] >= b[1] && py[p] < b[3] ? c : Clustering.NOISE;
            }
        }
        return List.of(Clustering.members(at.perPoint(cellOfPosition), boxes.size()));
    }

    /** @param atWeight all zero, and left so: the members' weight per position while they are summed */
    private static Found describe(PointSet points, DistinctPoints at, double[] atWeight, double[] weights, int[] members,
                                  double risk, HotspotMethod method, int number, ShiftWindow shift) {
        int[] perCategory = new int[Category.values().length];
        int busiest = members[0];
        double busiestWeight = -1;
        for (int k = 0; k < members.length; k++) {
            int i = members[k];
            perCategory[points.category()[i]]++;
            int p = at.pointOf(i);
            atWeight[p] += weights[i];
            if (atWeight[p] > busiestWeight) {
                busiestWeight = atWeight[p];
                busiest = i;
            }
        }
        for (int i : members) {
            atWeight[at.pointOf(i)] = 0;
        }
        String location = points.location() == null ? null : points.location()[busiest];
        String label = location != null && !location.isBlank() ? location
                : (method == HotspotMethod.CLUSTERS ? "Cluster " : "Gi* cell ") + number;
        int[] minutes = new int[members.length];
        double[] memberWeights = new double[members.length];
        for (int k = 0; k < members.length; k++) {
            minutes[k] = points.minuteOfDay()[members[k]];
            memberWeights[k] = weights[members[k]];
        }
        long peak = BusyTime.peakSecond(shift, minutes, memberWeights, ShiftRisk.Parameters.DEFAULTS.sigmaMinutes());
        return new Found(label, points.easting()[busiest], points.northing()[busiest], risk, members.length,
                categories(perCategory), peak);
    }

    /** Counts by category slug, largest first. */
    private static Map<String, Integer> categories(int[] perCategory) {
        List<Category> present = new ArrayList<>();
        for (Category c : Category.values()) {
            if (perCategory[c.ordinal()] > 0) {
                present.add(c);
            }
        }
        present.sort(Comparator.comparingInt((Category c) -> perCategory[c.ordinal()]).reversed());
        Map<String, Integer> out = new LinkedHashMap<>();
        present.forEach(c -> out.put(c.slug(), perCategory[c.ordinal()]));
        return out;
    }
}
