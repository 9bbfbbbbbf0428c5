package uk.safermap.patrol;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.ClusterParameters;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.GiStarParameters;
import uk.safermap.analysis.GiStarService;
import uk.safermap.analysis.stats.HotSpotClass;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.DistinctPoints;
import uk.safermap.patrol.risk.BusyTime;
import uk.safermap.patrol.risk.ShiftRisk;
import uk.safermap.patrol.risk.ShiftWindow;
import uk.safermap.store.PointSet;

import java.util.ArrayList;
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

    private final ClusterService clusters;
    private final GiStarService giStar;
    private final BritishNationalGrid grid;

    PatrolHotspots(ClusterService clusters, GiStarService giStar, BritishNationalGrid grid) {
        this.clusters = clusters;
        this.giStar = giStar;
        this.grid = grid;
    }

    /** Every hot spot of the method, highest shift risk first. */
    List<Found> find(HotspotMethod method, AnalysisFilter filter, PointSet points, double[] weights, ShiftWindow shift) {
        List<int[]> groups = method == HotspotMethod.CLUSTERS ? clusterMembers(filter, points)
                : cellMembers(filter, points);
        List<Found> found = new ArrayList<>(groups.size());
        for (int[] members : groups) {
            if (members.length > 0) {
                found.add(describe(points, weights, members, method, found.size() + 1, shift));
            }
        }
        found.sort(Comparator.comparingDouble(Found::risk).reversed());
        return found;
    }

    private List<int[]> clusterMembers(AnalysisFilter filter, PointSet points) {
        List<int[]> out = new ArrayList<>();
        for (ClusterService.RankedCluster c : clusters.clusters(filter, ClusterParameters.CRIME).clusters()) {
            // The cluster service reads the store on its own; an import in between can add ids this set lacks.
            out.add(points.positionsOf(c.incidentIds()));
        }
        return out;
    }

    private List<int[]> cellMembers(AnalysisFilter filter, PointSet points) {
        List<int[]> out = new ArrayList<>();
        for (GiStarService.Cell cell : giStar.hotSpots(filter, new GiStarParameters(HotspotMethod.GISTAR_CELL_METRES, OptionalDouble.empty()))
                .cells()) {
            if (cell.hotSpotClass() != HotSpotClass.HOT_95 && cell.hotSpotClass() != HotSpotClass.HOT_99) {
                continue;
            }
            Envelope e = grid.toGrid(cell.outline()).getEnvelopeInternal();
            // Cells are half-open squares, as the Gi* grid bins them; the reprojected outline is a
            // few millimetres off, so points are tested against the cell rounded to the metre.
            double minX = Math.round(e.getMinX());
            double minY = Math.round(e.getMinY());
            double maxX = Math.round(e.getMaxX());
            double maxY = Math.round(e.getMaxY());
            out.add(IntStream.range(0, points.size()).filter(i -> {
                double x = points.easting()[i];
                double y = points.northing()[i];
                return x >= minX && x < maxX && y >= minY && y < maxY;
            }).toArray());
        }
        return out;
    }

    private static Found describe(PointSet points, double[] weights, int[] members, HotspotMethod method, int number,
                                  ShiftWindow shift) {
        DistinctPoints at = DistinctPoints.of(points.easting(), points.northing(), members);
        double[] atWeight = new double[at.size()];
        int[] perCategory = new int[Category.values().length];
        double risk = 0;
        int busiest = members[0];
        double busiestWeight = -1;
        for (int k = 0; k < members.length; k++) {
            int i = members[k];
            risk += weights[i];
            perCategory[points.category()[i]]++;
            int p = at.pointOf(k);
            atWeight[p] += weights[i];
            if (atWeight[p] > busiestWeight) {
                busiestWeight = atWeight[p];
                busiest = i;
            }
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
