package uk.safermap.councillor;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.domain.NotFoundException;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.AreaStore;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the ward report from the same rounded cells as the choropleth. */
public final class WardReportService {

    private final WardChoroplethService choropleth;
    private final AreaStore areas;
    private final BritishNationalGrid grid;

    public WardReportService(WardChoroplethService choropleth, AreaStore areas, BritishNationalGrid grid) {
        this.choropleth = choropleth;
        this.areas = areas;
        this.grid = grid;
    }

    /**
     * @throws IllegalArgumentException for an unknown ward (a client error)
     */
    public WardReport report(String code, Optional<YearMonth> from, Optional<YearMonth> to) {
        Area ward = areas.get(AreaKind.WARD, code).orElseThrow(() -> new NotFoundException(
                "no ward '" + code + "'; see /collections/wards/items"));
        WardChoroplethService.Cells cells = choropleth.cells(AreaKind.WARD, from, to, Set.of());
        int w = cells.wards().indexOf(cells.wards().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow());
        RoundedCells rc = cells.cells();
        DisclosurePolicy policy = choropleth.policy();
        Integer count = policy.shown(rc.total(w, cells.currentFirst(), cells.currentLast(), cells.include()));
        Integer previous = policy.shown(rc.total(w, 0, cells.previousLast(), cells.include()));
        Double change = count == null || previous == null ? null : 100.0 * (count - previous) / previous;
        int[] perMonth = rc.monthly(w, cells.include());
        List<WardReport.MonthRow> monthly = new ArrayList<>();
        for (int m = 0; m <= cells.previousLast(); m++) {
            monthly.add(new WardReport.MonthRow(cells.from().plusMonths(m), policy.shown(perMonth[m + 12]),
                    policy.shown(perMonth[m])));
        }
        int[] byCategory = rc.byCategory(w, cells.currentFirst(), cells.currentLast());
        Map<String, Integer> categories = new LinkedHashMap<>();
        List<Category> order = new ArrayList<>(List.of(Category.values()));
        order.sort(Comparator.comparingInt((Category c) -> -byCategory[c.ordinal()]).thenComparing(Category::label));
        for (Category c : order) {
            if (byCategory[c.ordinal()] > 0) {
                categories.put(c.label(), policy.shown(byCategory[c.ordinal()]));
            }
        }
        Geometry wardGrid = grid.toGrid(ward.geometry());
        List<String> neighbourhoods = areas.find(AreaKind.NEIGHBOURHOOD, BoxFilter.NONE, 1000, 0).items().stream()
                .filter(n -> {
                    Geometry shape = grid.toGrid(n.geometry());
                    return shape.intersection(wardGrid).getArea() > 0.5 * shape.getArea();
                })
                .map(n -> n.name() + (n.approximate() ? " (approximate outline)" : "")).toList();
        // The map classes come from the same cells: the incidents are read once per report.
        WardChoroplethService.Result map = choropleth.choropleth(new WardChoroplethService.Request(AreaKind.WARD,
                Optional.of(cells.from()), Optional.of(cells.to()), Set.of(), WardChoroplethService.Metric.COUNT,
                WardChoroplethService.Classification.QUANTILE, 5), cells);
        Map<String, Integer> classes = new LinkedHashMap<>();
        Map<String, Geometry> shapes = new LinkedHashMap<>();
        for (WardChoroplethService.WardValue v : map.wards()) {
            classes.put(v.code(), v.valueClass() == null ? -1 : v.valueClass());
            shapes.put(v.code(), v.geometry());
        }
        return new WardReport(code, ward.name(), cells.from(), cells.to(), count, previous, change, monthly, categories,
                neighbourhoods, summary(ward.name(), cells.from(), cells.to(), count, previous, change, categories,
                neighbourhoods), classes, shapes, map.breaks().length,
                "Counts are rounded to the nearest " + policy.roundingBase() + " for each ward, month and "
                        + "category before they are added up, and totals under " + policy.threshold()
                        + " are shown as \"fewer than " + policy.threshold() + "\", so that no individual incident "
                        + "can be identified.");
    }

    /** Plain sentences for a committee paper. */
    static List<String> summary(String ward, YearMonth from, YearMonth to, Integer count, Integer previous, Double change,
                                Map<String, Integer> categories, List<String> neighbourhoods) {
        List<String> out = new ArrayList<>();
        String period = month(from) + " to " + month(to);
        if (count == null) {
            out.add("Fewer than 5 incidents were recorded in " + ward + " from " + period + ".");
        } else {
            out.add("About " + count + " incidents were recorded in " + ward + " from " + period + ".");
        }
        if (change != null) {
            String direction = Math.abs(change) < 2 ? "about the same as" : change < 0 ? "fewer than" : "more than";
            out.add(Math.abs(change) < 2
                    ? "That is about the same as in the same months a year earlier (about " + previous + ")."
                    : String.format(Locale.ROOT, "That is %.0f%% %s in the same months a year earlier (about %d).",
                    Math.abs(change), direction, previous));
        } else if (previous == null && count != null) {
            out.add("There were fewer than 5 in the same months a year earlier, so no change is given.");
        }
        categories.entrySet().stream().filter(e -> e.getValue() != null).findFirst().ifPresent(top -> {
            if (count != null) {
                out.add(String.format(Locale.ROOT, "The largest category was %s, about %d incidents (%.0f%%).",
                        top.getKey().toLowerCase(Locale.ROOT), top.getValue(), 100.0 * top.getValue() / count));
            }
        });
        if (!neighbourhoods.isEmpty()) {
            out.add("Priority neighbourhoods in this ward: " + String.join(", ", neighbourhoods) + ".");
        }
        return out;
    }

    private static String month(YearMonth m) {
        return m.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK) + " " + m.getYear();
    }
}
