package uk.safermap.councillor;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.IncidentSelection;
import uk.safermap.analysis.ResultCache;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.MonthIndex;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.DistinctPoints;
import uk.safermap.params.ParameterSource;
import uk.safermap.params.Words;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.AreaStore;
import uk.safermap.store.PointSet;
import uk.safermap.store.PopulationStore;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * Ward figures for councillors: counts, rates per 1,000 residents and change on the same
 * period a year earlier, all built from {@link RoundedCells} (ward x month x category, each
 * rounded by the {@link DisclosurePolicy}) so that no answer and no difference of answers reveals
 * fewer than three incidents, with small totals suppressed, and class breaks for the map (from
 * the rounded, unsuppressed values only). The policy also bounds the period, and sets the default
 * one, so that it does not move with a single record.
 */
public final class WardChoroplethService {

    public enum Metric { COUNT, RATE, CHANGE }

    public enum Classification { QUANTILE, NATURAL_BREAKS }

    /**
     * An empty {@code types} means every category.
     *
     * @param level wards, or LSOAs for a finer map (rates need ward populations, so wards only)
     */
    public record Request(AreaKind level, Optional<YearMonth> from, Optional<YearMonth> to, Set<Category> types,
                          Metric metric, Classification classification, int classes) {

        /**
         * {@code level} (ward or lsoa), the period {@code from}/{@code to} (months; the latest
         * published year by default), crime {@code types}, the {@code metric} (count, rate per 1,000
         * residents, or change against the same period a year earlier), and the map's
         * {@code classification} (quantile or natural breaks) into {@code classes} (5, 2 to 9).
         */
        public static Request read(ParameterSource in) {
            return new Request(in.choice("level", AreaKind.WARD,
                    Words.of("ward", AreaKind.WARD).or("lsoa", AreaKind.LSOA)),
                    in.month("from"), in.month("to"), in.categories("types"),
                    in.choice("metric", Metric.COUNT,
                            Words.of("count", Metric.COUNT).or("rate", Metric.RATE).or("change", Metric.CHANGE)),
                    in.choice("classification", Classification.QUANTILE,
                            Words.of("quantile", Classification.QUANTILE)
                                    .or("natural-breaks", Classification.NATURAL_BREAKS)
                                    .alias("jenks", Classification.NATURAL_BREAKS)),
                    in.integer("classes", 5, 2, 9));
        }

        public Request {
            if (level != AreaKind.WARD && level != AreaKind.LSOA) {
                throw new InvalidInputException("figures are by ward or LSOA, not " + level.key());
            }
        }
    }

    /**
     * One ward. Counts are rounded to 5; {@code value} is the metric, null when suppressed or
     * not computable (no population), and {@code valueClass} its class (0 = lowest), or null.
     */
    public record WardValue(String code, String name, Geometry geometry, Integer count, Integer previousCount,
                            Integer population, Double value, boolean suppressed, Integer valueClass) {
    }

    public record Result(Metric metric, YearMonth from, YearMonth to, YearMonth previousFrom, YearMonth previousTo,
                         List<WardValue> wards, double[] breaks, Classification classification,
                         DisclosurePolicy disclosure, boolean populationsLoaded, List<String> notes) {
    }

    /** The rounded cells of a period and the year before it, over the wards (or LSOAs). */
    record Cells(List<Area> wards, RoundedCells cells, YearMonth from, YearMonth to, boolean[] include) {

        int currentFirst() {
            return 12;
        }

        int currentLast() {
            return 12 + months(from, to) - 1;
        }

        int previousLast() {
            return months(from, to) - 1;
        }
    }

    private final IncidentSelection selection;
    private final AreaStore areas;
    private final PopulationStore populations;
    private final BritishNationalGrid grid;
    private final DisclosurePolicy policy;
    /** The published period, read once per data version: it is asked on every viewer start. */
    private final ResultCache published;

    public WardChoroplethService(IncidentSelection selection, AreaStore areas, PopulationStore populations,
                                 BritishNationalGrid grid, DisclosurePolicy policy, ResultCache published) {
        this.selection = selection;
        this.areas = areas;
        this.populations = populations;
        this.grid = grid;
        this.policy = policy;
        this.published = published;
    }

    public DisclosurePolicy policy() {
        return policy;
    }

    public Result choropleth(Request r) {
        return choropleth(r, cells(r.level(), r.from(), r.to(), r.types()));
    }

    /** The figures of cells already read, for a request over the same level, period and types. */
    Result choropleth(Request r, Cells cells) {
        Map<String, Integer> population = r.level() == AreaKind.WARD ? populations.all() : Map.of();
        List<String> notes = new ArrayList<>();
        List<WardValue> values = new ArrayList<>();
        int previousTotal = 0;
        for (int w = 0; w < cells.wards().size(); w++) {
            Area ward = cells.wards().get(w);
            int count = cells.cells().total(w, cells.currentFirst(), cells.currentLast(), cells.include());
            int previous = cells.cells().total(w, 0, cells.previousLast(), cells.include());
            previousTotal += previous;
            Integer pop = population.get(ward.code());
            boolean small = policy.suppressed(count);
            Double value = switch (r.metric()) {
                case COUNT -> small ? null : (double) count;
                case RATE -> small || pop == null || pop == 0 ? null : 1000.0 * count / pop;
                case CHANGE -> small || policy.suppressed(previous) ? null : 100.0 * (count - previous) / previous;
            };
            boolean suppressed = small || (r.metric() == Metric.CHANGE && policy.suppressed(previous));
            values.add(new WardValue(ward.code(), ward.name(), ward.geometry(), policy.shown(count),
                    policy.shown(previous), pop, value, suppressed, null));
        }
        if (r.metric() == Metric.RATE && r.level() != AreaKind.WARD) {
            notes.add("rates need populations, which are loaded per ward: choose wards for rates");
        } else if (r.metric() == Metric.RATE && population.isEmpty()) {
            notes.add("no ward populations are loaded, so there are no rates: load code,population with "
                    + "PUT /api/wards/populations");
        } else if (r.metric() == Metric.RATE) {
            values.stream().filter(v -> v.population() == null).forEach(v ->
                    notes.add("no population loaded for " + v.name() + " (" + v.code() + ")"));
        }
        if (r.metric() == Metric.CHANGE && previousTotal == 0) {
            notes.add("there are no incidents in " + cells.from().minusYears(1) + " to " + cells.to().minusYears(1)
                    + " to compare with");
        }
        double[] known = values.stream().filter(v -> v.value() != null).mapToDouble(WardValue::value).toArray();
        double[] breaks = known.length == 0 ? new double[0] : switch (r.classification()) {
            case QUANTILE -> ClassBreaks.quantile(known, r.classes());
            case NATURAL_BREAKS -> ClassBreaks.naturalBreaks(known, r.classes());
        };
        List<WardValue> classed = values.stream().map(v -> v.value() == null ? v : new WardValue(v.code(), v.name(),
                v.geometry(), v.count(), v.previousCount(), v.population(), v.value(), v.suppressed(),
                ClassBreaks.classOf(v.value(), breaks))).toList();
        return new Result(r.metric(), cells.from(), cells.to(), cells.from().minusYears(1), cells.to().minusYears(1),
                classed, breaks, r.classification(), policy, !population.isEmpty(), notes);
    }

    /**
     * Reads the incidents of the period and the year before, places each in its ward and
     * rounds the cells. Without {@code to}, the period ends at the last month of the published
     * period (whatever the categories asked for); without {@code from}, it is the 12 months to
     * {@code to}.
     */
    Cells cells(AreaKind level, Optional<YearMonth> fromMonth, Optional<YearMonth> toMonth, Set<Category> types) {
        YearMonth to = toMonth.orElseGet(() -> publishedPeriod().map(DisclosurePolicy.Period::last)
                .orElseGet(YearMonth::now));
        YearMonth from = fromMonth.orElse(to.minusMonths(11));
        policy.checkPeriod(from, to);
        YearMonth first = from.minusYears(1);
        PointSet points = selection.select(new AnalysisFilter(Optional.of(first.atDay(1).atStartOfDay()),
                Optional.of(to.plusMonths(1).atDay(1).atStartOfDay()), types, Optional.empty(), Optional.empty()),
                false);
        List<Area> wards = areas.find(level, BoxFilter.NONE, 10_000, 0).items();
        List<PreparedGeometry> shapes = wards.stream()
                .map(w -> PreparedGeometryFactory.prepare(grid.toGrid(w.geometry()))).toList();
        int firstIndex = MonthIndex.of(first);
        // A ward per snap point, not per incident: a few thousand polygon tests instead of a million.
        DistinctPoints at = DistinctPoints.of(points.easting(), points.northing());
        double[] atX = at.x();
        double[] atY = at.y();
        int[] wardAt = new int[at.size()];
        for (int p = 0; p < wardAt.length; p++) {
            wardAt[p] = wardOf(shapes, atX[p], atY[p]);
        }
        int[] ward = new int[points.size()];
        int[] month = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            ward[i] = wardAt[at.pointOf(i)];
            month[i] = points.monthIndex()[i] - firstIndex;
        }
        boolean[] include = new boolean[Category.values().length];
        for (Category c : Category.values()) {
            include[c.ordinal()] = types.isEmpty() || types.contains(c);
        }
        RoundedCells cells = new RoundedCells(wards.size(), months(first, to), Category.values().length,
                policy, ward, month, points.category());
        return new Cells(wards, cells, from, to, include);
    }

    /**
     * The months that may be named as the data's period, over every category and without sensitive
     * incidents: a single new record, of whatever category, moves neither end.
     */
    public Optional<DisclosurePolicy.Period> publishedPeriod() {
        return published.get("published-period", () -> policy.publishedPeriod(
                selection.select(AnalysisFilter.everything().aggregateOnlyView(), false).monthIndex()));
    }

    static int wardOf(List<PreparedGeometry> shapes, double x, double y) {
        var p = GRID.createPoint(new Coordinate(x, y));
        for (int w = 0; w < shapes.size(); w++) {
            if (shapes.get(w).covers(p)) {
                return w;
            }
        }
        return -1;
    }

    static int months(YearMonth from, YearMonth to) {
        return DisclosurePolicy.months(from, to);
    }
}
