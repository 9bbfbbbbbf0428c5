package uk.safermap.evaluation;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.IncidentSelection;
import uk.safermap.areas.AreaResolver;
import uk.safermap.councillor.RoundedCells;
import uk.safermap.domain.Area;
import uk.safermap.domain.Category;
import uk.safermap.domain.ConflictException;
import uk.safermap.domain.Intervention;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.MonthIndex;
import uk.safermap.domain.NotFoundException;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.placement.HarmWeights;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.store.AreaStore;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PointSet;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * Evaluates a logged intervention: reads the incidents of the before and after periods once,
 * places each in the target, the buffer ring around it, or the comparison area (chosen, or
 * suggested by {@link ComparisonAreaSuggestion} from the areas clear of target and buffer),
 * counts them per area, month and category under the reader's {@link Disclosure}, and runs
 * the {@link BeforeAfterAssessment}. Thread-safe.
 */
public final class EvaluationService {

    private static final int CATEGORIES = Category.values().length;

    /**
     * @param comparisonAreas area references ({@code ward:..}, {@code lsoa:..}); empty to have them suggested
     * @param aggregateOnly   the reader may not see incidents: sensitive ones are left out and the
     *                        counts follow the disclosure policy
     */
    public record Request(String interventionId, EvaluationParameters parameters, List<String> comparisonAreas,
                          boolean aggregateOnly) {

        public Request {
            comparisonAreas = List.copyOf(comparisonAreas);
        }
    }

    /** The data do not cover the periods yet (or no longer): there is nothing to evaluate. */
    public static final class NotEvaluable extends ConflictException {
        public NotEvaluable(String message) {
            super(message);
        }
    }

    private final InterventionService interventions;
    private final IncidentSelection selection;
    private final IncidentStore incidents;
    private final AreaStore areaStore;
    private final AreaResolver areas;
    private final BritishNationalGrid grid;
    private final Disclosure aggregates;
    private final HarmWeights harm = HarmWeights.harm();

    public EvaluationService(InterventionService interventions, IncidentSelection selection, IncidentStore incidents,
                             AreaStore areaStore, AreaResolver areas, BritishNationalGrid grid,
                             DisclosurePolicy policy) {
        this.aggregates = Disclosure.of(policy);
        this.interventions = interventions;
        this.selection = selection;
        this.incidents = incidents;
        this.areaStore = areaStore;
        this.areas = areas;
        this.grid = grid;
    }

    /**
     * @throws NotFoundException for an unknown intervention
     * @throws InvalidInputException         for an unknown comparison area, or one inside the buffer
     * @throws NotEvaluable                     when the data do not reach the periods
     */
    public Evaluation evaluate(Request request) {
        Intervention iv = interventions.get(request.interventionId());
        EvaluationParameters p = request.parameters();
        List<String> notes = new ArrayList<>();
        Evaluation.Periods periods = periods(iv, p, notes);
        int months = periods.beforeMonths() + gapMonths(periods) + periods.afterMonths();

        Geometry target = iv.target();
        Geometry reach = target.buffer(p.bufferMetres());
        Geometry ring = reach.difference(target);

        PointSet points = selection.select(filter(iv, periods, request.aggregateOnly()), false);
        int[] month = new int[points.size()];
        int first = index(periods.beforeFrom());
        for (int i = 0; i < month.length; i++) {
            month[i] = points.monthIndex()[i] - first;
        }
        boolean[] include = include(iv);
        Disclosure disclosure = request.aggregateOnly() ? aggregates : Disclosure.EXACT;
        Comparison comparison = request.comparisonAreas().isEmpty()
                ? suggest(points, month, target, reach, periods, include, p, disclosure, notes)
                : chosen(request.comparisonAreas(), reach, notes);

        PreparedGeometry t = PreparedGeometryFactory.prepare(target);
        PreparedGeometry b = PreparedGeometryFactory.prepare(ring);
        PreparedGeometry c = PreparedGeometryFactory.prepare(comparison.geometry());
        int[] area = new int[points.size()];
        for (int i = 0; i < area.length; i++) {
            Point pt = point(points, i);
            area[i] = t.covers(pt) ? BeforeAfterAssessment.TARGET : b.covers(pt) ? BeforeAfterAssessment.BUFFER
                    : c.covers(pt) ? BeforeAfterAssessment.COMPARISON : -1;
        }
        RoundedCells cells = disclosure.cells(3, months, CATEGORIES, area, month, points.category());
        Assessment assessment = BeforeAfterAssessment.assess(new BeforeAfterAssessment.Input(cells,
                periods.beforeMonths(), gapMonths(periods), periods.afterMonths(), include, harm.byOrdinal(),
                harm.name(), disclosure.threshold(), p.confidence(), p.minCount(), iv.costPounds()));

        List<YearMonth> monthList = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            monthList.add(periods.beforeFrom().plusMonths(m));
        }
        Evaluation.Series series = new Evaluation.Series(monthList, shown(cells.monthly(0, include), disclosure),
                shown(cells.monthly(1, include), disclosure), shown(cells.monthly(2, include), disclosure));
        Evaluation.Areas shapes = new Evaluation.Areas(grid.toWgs84(target), grid.toWgs84(ring),
                grid.toWgs84(comparison.geometry()), p.bufferMetres(), comparison.members(), comparison.names(),
                request.comparisonAreas().isEmpty());
        Evaluation.InterventionInfo info = new Evaluation.InterventionInfo(iv.id(), iv.name(), iv.kind().slug(),
                iv.targetSource(), iv.start(), iv.end(), iv.costPounds(),
                iv.categories().stream().map(Category::slug).sorted().toList());
        return new Evaluation(info, periods, shapes, series, assessment, disclosure, p, notes);
    }

    /**
     * Before: the whole months before the start month. Gap: the start month onward. After: the
     * months after the gap, up to the last month the data hold.
     */
    private Evaluation.Periods periods(Intervention iv, EvaluationParameters p, List<String> notes) {
        IncidentStore.Extent extent = incidents.extent().orElseThrow(() -> new NotEvaluable(
                "there are no incidents in the store, so there is nothing to evaluate"));
        YearMonth dataFirst = YearMonth.from(extent.start());
        // The extent's end may be the first instant after the last month (month-only police.uk times).
        YearMonth dataLast = YearMonth.from(extent.end().minusSeconds(1));
        YearMonth start = YearMonth.from(iv.start());
        YearMonth beforeFrom = start.minusMonths(p.beforeMonths());
        if (beforeFrom.isBefore(dataFirst)) {
            beforeFrom = dataFirst;
        }
        int before = (int) beforeFrom.until(start, ChronoUnit.MONTHS);
        if (before < 3) {
            throw new NotEvaluable("the data start in " + dataFirst + ", so there are only " + Math.max(before, 0)
                    + " whole months before " + start + "; at least 3 are needed");
        }
        if (before < p.beforeMonths()) {
            notes.add("The data start in " + dataFirst + ", so the before period is " + before + " months, not "
                    + p.beforeMonths() + ".");
        }
        YearMonth afterFrom = start.plusMonths(p.gapMonths());
        YearMonth afterTo = afterFrom.plusMonths(p.afterMonths() - 1L);
        if (afterFrom.isAfter(dataLast)) {
            throw new NotEvaluable("the data end in " + dataLast + " and the after period starts in " + afterFrom
                    + ": nothing to evaluate yet");
        }
        if (afterTo.isAfter(dataLast)) {
            afterTo = dataLast;
            notes.add("The data end in " + dataLast + ", so the after period is "
                    + (afterFrom.until(afterTo, ChronoUnit.MONTHS) + 1) + " months, not "
                    + p.afterMonths() + ". Periods of different lengths are compared as monthly rates.");
        }
        int after = (int) afterFrom.until(afterTo, ChronoUnit.MONTHS) + 1;
        return new Evaluation.Periods(beforeFrom, start.minusMonths(1), start, afterFrom.minusMonths(1), afterFrom,
                afterTo, before, after);
    }

    private static int gapMonths(Evaluation.Periods periods) {
        return (int) periods.gapFrom().until(periods.gapTo(), ChronoUnit.MONTHS) + 1;
    }

    private static AnalysisFilter filter(Intervention iv, Evaluation.Periods periods, boolean aggregateOnly) {
        AnalysisFilter f = new AnalysisFilter(Optional.of(periods.beforeFrom().atDay(1).atStartOfDay()),
                Optional.of(periods.afterTo().plusMonths(1).atDay(1).atStartOfDay()), iv.categories(),
                Optional.empty(), Optional.empty());
        return aggregateOnly ? f.aggregateOnlyView() : f;
    }

    private static boolean[] include(Intervention iv) {
        boolean[] out = new boolean[CATEGORIES];
        Arrays.fill(out, iv.categories().isEmpty());
        iv.categories().forEach(c -> out[c.ordinal()] = true);
        return out;
    }

    private record Comparison(Geometry geometry, List<String> members, List<String> names) {
    }

    /** The chosen areas, less any part inside the target or buffer (counted there instead). */
    private Comparison chosen(List<String> references, Geometry reach, List<String> notes) {
        List<Geometry> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String ref : references) {
            AreaResolver.Resolved r = areas.resolve(ref);
            parts.add(r.grid());
            names.add(r.name());
        }
        Geometry union = UnaryUnionOp.union(parts);
        Geometry clear = union.difference(reach);
        if (clear.getArea() < 1) {
            throw new InvalidInputException("the comparison areas lie inside the target and its buffer; choose "
                    + "areas outside them");
        }
        if (clear.getArea() < union.getArea() - 1) {
            notes.add(String.format(Locale.UK, "%.0f%% of the chosen comparison area lies in the target or "
                    + "its buffer and is counted there instead.", 100 * (1 - clear.getArea() / union.getArea())));
        }
        return new Comparison(clear, references, names);
    }

    /** The areas clear of target and buffer whose before-period counts are most like the target's. */
    private Comparison suggest(PointSet points, int[] month, Geometry target, Geometry reach,
                               Evaluation.Periods periods, boolean[] include, EvaluationParameters p,
                               Disclosure disclosure, List<String> notes) {
        List<Area> candidates = new ArrayList<>();
        List<Geometry> shapes = new ArrayList<>();
        for (Area a : areaStore.find(p.comparisonLevel(), BoxFilter.NONE, 10_000, 0).items()) {
            Geometry g = grid.toGrid(a.geometry());
            if (g.intersection(reach).getArea() < 1) {
                candidates.add(a);
                shapes.add(g);
            }
        }
        if (candidates.isEmpty()) {
            throw new NotEvaluable("no " + p.comparisonLevel().key() + " lies clear of the target and its "
                    + p.bufferMetres() + " m buffer to compare with; choose comparison areas or a smaller buffer");
        }
        int n = candidates.size();
        // Area n is the target itself, so its series comes from the same counting rules.
        int[] area = new int[points.size()];
        PreparedGeometry t = PreparedGeometryFactory.prepare(target);
        List<PreparedGeometry> prepared = shapes.stream().map(PreparedGeometryFactory::prepare).toList();
        for (int i = 0; i < area.length; i++) {
            Point pt = point(points, i);
            area[i] = -1;
            if (t.covers(pt)) {
                area[i] = n;
                continue;
            }
            for (int c = 0; c < n; c++) {
                if (prepared.get(c).covers(pt)) {
                    area[i] = c;
                    break;
                }
            }
        }
        RoundedCells cells = disclosure.cells(n + 1, periods.beforeMonths(), CATEGORIES, area, month,
                points.category());
        int[][] series = new int[n][];
        for (int c = 0; c < n; c++) {
            series[c] = cells.monthly(c, include);
        }
        List<ComparisonAreaSuggestion.Candidate> best = ComparisonAreaSuggestion.nearest(cells.monthly(n, include),
                series, p.suggestedAreas());
        if (best.isEmpty()) {
            throw new NotEvaluable("no " + p.comparisonLevel().key() + " clear of the target and buffer had incidents "
                    + "before; choose comparison areas");
        }
        List<Geometry> chosen = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ComparisonAreaSuggestion.Candidate c : best) {
            chosen.add(shapes.get(c.index()));
            members.add(candidates.get(c.index()).qualifiedId());
            names.add(candidates.get(c.index()).name());
        }
        notes.add("Comparison suggested: the " + best.size() + " " + p.comparisonLevel().key() + "s of " + n
                + " clear of the target and buffer whose monthly counts before were most like the target's in trend "
                + "and level.");
        return new Comparison(UnaryUnionOp.union(chosen), members, names);
    }

    private static List<Integer> shown(int[] monthly, Disclosure disclosure) {
        List<Integer> out = new ArrayList<>(monthly.length);
        for (int v : monthly) {
            out.add(v < disclosure.threshold() ? null : v);
        }
        return out;
    }

    private static Point point(PointSet points, int i) {
        return GRID.createPoint(new Coordinate(points.easting()[i], points.northing()[i]));
    }

    private static int index(YearMonth m) {
        return MonthIndex.of(m);
    }
}
