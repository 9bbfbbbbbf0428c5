package uk.safermap.analysis;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.analysis.grid.CountCube;
import uk.safermap.analysis.stats.EmergingCategory;
import uk.safermap.analysis.stats.EmergingHotSpots;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.MonthIndex;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.GeometryFactories;
import uk.safermap.store.PointSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emerging hot spot analysis: a space-time cube of counts per cell and time step over the study
 * area, space-time Gi* per bin, a Mann-Kendall trend per location, and the standard categories
 * (see {@link EmergingCategory}).
 */
public final class EmergingService {

    /** How long one time step is. police.uk data carry months only, so a step is at least a month. */
    public enum Step {
        MONTH(1), QUARTER(3);

        private final int months;

        Step(int months) {
            this.months = months;
        }

        public static Step of(String text) {
            return switch (text) {
                case "month" -> MONTH;
                case "quarter" -> QUARTER;
                default -> throw new InvalidInputException("step must be month or quarter, got '" + text + "'");
            };
        }
    }

    /** One location: its category, trend and how often it was hot or cold. */
    public record Location(int index, String category, double trendZ, double trendP, double tau, int hotBins,
                           int coldBins, String finalClass, double total, Geometry outline) {
    }

    /**
     * The whole run. {@code steps} names each time step by its first month; the incident counts
     * mean what they mean in {@link GiStarService.Result}.
     */
    public record Result(double cellMetres, double bandMetres, String step, List<String> steps, String studyArea,
                         int incidentsSelected, int incidentsAnalysed, int contextIncidents,
                         Map<String, Integer> categoryCounts, List<String> warnings, List<Location> locations) {
    }

    private final IncidentSelection selection;
    private final AreaResolver areas;
    private final ResultCache cache;
    private final BritishNationalGrid grid;

    public EmergingService(IncidentSelection selection, AreaResolver areas, ResultCache cache, BritishNationalGrid grid) {
        this.selection = selection;
        this.areas = areas;
        this.cache = cache;
        this.grid = grid;
    }

    public Result emerging(AnalysisFilter filter, EmergingParameters parameters) {
        return cache.get("emerging|" + parameters + "|" + filter.key(), () -> compute(filter,
                parameters.cellMetres(), parameters.bandMetres(), parameters.step()));
    }

    private Result compute(AnalysisFilter filter, double cellMetres, double bandMetres, Step step) {
        StudyGrid study = StudyGrid.of(filter, selection, areas, cellMetres, bandMetres);
        PointSet points = study.context();
        if (study.selected() == 0) {
            throw new InvalidInputException("no incidents match the filter, so there is nothing to analyse");
        }
        int first = filter.from().map(MonthIndex::of).orElse(min(points.monthIndex()));
        int last = max(points.monthIndex());
        int steps = (last - first) / step.months + 1;
        int[] stepOf = new int[points.size()];
        for (int i = 0; i < stepOf.length; i++) {
            stepOf[i] = Math.max(0, (points.monthIndex()[i] - first) / step.months);
        }
        CountCube cube = CountCube.of(study.grid(), points.easting(), points.northing(), stepOf, steps);
        EmergingHotSpots.Result r = EmergingHotSpots.run(cube, study.mask(), bandMetres);
        List<Location> locations = new ArrayList<>(r.locations().size());
        int[] perCategory = new int[EmergingCategory.values().length];
        for (EmergingHotSpots.Location l : r.locations()) {
            if (!study.shown()[l.cell()]) {
                continue;
            }
            perCategory[l.category().ordinal()]++;
            double total = 0;
            for (double[] stepCounts : cube.counts()) {
                total += stepCounts[l.cell()];
            }
            locations.add(new Location(l.cell(), l.category().slug(), l.trend().z(), l.trend().p(), l.trend().tau(),
                    l.hotBins(), l.coldBins(), l.finalClass() == null ? null : l.finalClass().slug(), total,
                    grid.toWgs84(study.grid().cellPolygon(l.cell(), GeometryFactories.GRID))));
        }
        List<String> stepNames = new ArrayList<>(steps);
        for (int s = 0; s < steps; s++) {
            stepNames.add(ClusterService.month(first + s * step.months));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (EmergingCategory c : EmergingCategory.values()) {
            counts.put(c.slug(), perCategory[c.ordinal()]);
        }
        return new Result(cellMetres, bandMetres, step.name().toLowerCase(java.util.Locale.ROOT), stepNames,
                study.name(), study.selected(), study.analysed(), points.size(), counts, r.warnings(), locations);
    }

    private static int min(int[] v) {
        int m = Integer.MAX_VALUE;
        for (int x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static int max(int[] v) {
        int m = Integer.MIN_VALUE;
        for (int x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
