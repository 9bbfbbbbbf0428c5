package uk.safermap.councillor;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.CaseType;
import uk.safermap.domain.CouncilCase;
import uk.safermap.domain.CouncilTaxonomy;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.AreaStore;
import uk.safermap.store.CouncilCaseQuery;
import uk.safermap.store.CouncilCaseStore;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Council cases (fly-tipping, dog fouling, ...) as ward figures for councillors, per case type,
 * under the crime figures' disclosure rules: ward x month x type cells rounded to 5 before they
 * are added up, totals under 5 suppressed.
 */
public final class CouncilCaseWardService {

    /** One ward: the rounded total of the chosen types and each type's, null when suppressed. */
    public record WardCases(String code, String name, Geometry geometry, Integer cases, Map<String, Integer> byType,
                            boolean suppressed) {
    }

    public record Result(YearMonth from, YearMonth to, List<String> types, int roundingBase, int threshold,
                         List<WardCases> wards) {
    }

    private final CouncilCaseStore cases;
    private final CouncilTaxonomy taxonomy;
    private final AreaStore areas;
    private final BritishNationalGrid grid;

    public CouncilCaseWardService(CouncilCaseStore cases, CouncilTaxonomy taxonomy, AreaStore areas,
                                  BritishNationalGrid grid) {
        this.cases = cases;
        this.taxonomy = taxonomy;
        this.areas = areas;
        this.grid = grid;
    }

    /** An empty {@code types} means every type of the taxonomy. */
    public Result figures(Optional<YearMonth> fromMonth, Optional<YearMonth> toMonth, Set<CaseType> types) {
        List<CaseType> chosen = types.isEmpty() ? taxonomy.types()
                : taxonomy.types().stream().filter(types::contains).toList();
        Set<String> slugs = Set.copyOf(chosen.stream().map(CaseType::slug).toList());
        YearMonth to = toMonth.orElseGet(() -> latestMonth(slugs));
        YearMonth from = fromMonth.orElse(to.minusMonths(11));
        int months = WardCells.months(from, to);
        List<CouncilCase> list = cases.find(CouncilCaseQuery.all(Optional.of(from.atDay(1)),
                Optional.of(to.plusMonths(1).atDay(1)), slugs)).items().stream()
                .filter(c -> taxonomy.indexOf(c.type()) >= 0).toList();
        List<Area> wards = areas.find(AreaKind.WARD, Optional.empty(), 10_000, 0).items();
        int kinds = taxonomy.types().size();
        RoundedCells cells = WardCells.of(wards, grid, from, months, kinds, list, CouncilCase::easting,
                CouncilCase::northing, CouncilCase::date, c -> taxonomy.indexOf(c.type()));
        boolean[] include = new boolean[kinds];
        chosen.forEach(t -> include[taxonomy.indexOf(t)] = true);
        List<WardCases> out = new ArrayList<>();
        for (int w = 0; w < wards.size(); w++) {
            Area a = wards.get(w);
            int[] byType = cells.byCategory(w, 0, months - 1);
            Map<String, Integer> shownByType = new LinkedHashMap<>();
            for (CaseType t : chosen) {
                shownByType.put(t.slug(), WardCells.shown(byType[taxonomy.indexOf(t)]));
            }
            int total = cells.total(w, 0, months - 1, include);
            out.add(new WardCases(a.code(), a.name(), a.geometry(), WardCells.shown(total), shownByType,
                    total < WardChoroplethService.THRESHOLD));
        }
        return new Result(from, to, List.copyOf(slugs.stream().sorted().toList()), WardChoroplethService.ROUNDING_BASE,
                WardChoroplethService.THRESHOLD, out);
    }

    private YearMonth latestMonth(Set<String> slugs) {
        return cases.find(CouncilCaseQuery.all(Optional.empty(), Optional.empty(), slugs)).items().stream()
                .map(CouncilCase::date).max(LocalDate::compareTo).map(YearMonth::from).orElse(YearMonth.now());
    }
}
