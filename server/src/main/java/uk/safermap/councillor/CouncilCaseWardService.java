package uk.safermap.councillor;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.CaseType;
import uk.safermap.domain.CouncilCase;
import uk.safermap.domain.CouncilTaxonomy;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.store.AreaStore;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.CouncilCaseQuery;
import uk.safermap.store.CouncilCaseStore;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Council cases (fly-tipping, dog fouling, ...) as ward figures for councillors, per case type,
 * under the crime figures' {@link DisclosurePolicy}: ward x month x type cells rounded before they
 * are added up, small totals suppressed.
 */
public final class CouncilCaseWardService {

    /** One ward: the rounded total of the chosen types and each type's, null when suppressed. */
    public record WardCases(String code, String name, Geometry geometry, Integer cases, Map<String, Integer> byType,
                            boolean suppressed) {
    }

    /** With quantile class breaks of the wards' totals of the chosen types, for the map. */
    public record Result(YearMonth from, YearMonth to, List<String> types, DisclosurePolicy disclosure,
                         List<WardCases> wards, double[] breaks) {
    }

    private final CouncilCaseStore cases;
    private final CouncilTaxonomy taxonomy;
    private final AreaStore areas;
    private final BritishNationalGrid grid;
    private final DisclosurePolicy policy;

    public CouncilCaseWardService(CouncilCaseStore cases, CouncilTaxonomy taxonomy, AreaStore areas,
                                  BritishNationalGrid grid, DisclosurePolicy policy) {
        this.cases = cases;
        this.taxonomy = taxonomy;
        this.areas = areas;
        this.grid = grid;
        this.policy = policy;
    }

    /**
     * An empty {@code types} means every type of the taxonomy. Without {@code to}, the period ends
     * at the last published month of the chosen types' cases; without {@code from}, 12 months.
     */
    public Result figures(Optional<YearMonth> fromMonth, Optional<YearMonth> toMonth, Set<CaseType> types) {
        List<CaseType> chosen = types.isEmpty() ? taxonomy.types()
                : taxonomy.types().stream().filter(types::contains).toList();
        Set<String> slugs = Set.copyOf(chosen.stream().map(CaseType::slug).toList());
        DisclosurePolicy.Period period = WardCells.period(policy, fromMonth, toMonth, () -> cases
                .find(CouncilCaseQuery.all(Optional.empty(), Optional.empty(), slugs)).items().stream()
                .map(CouncilCase::date).toList());
        int months = WardCells.months(period);
        List<CouncilCase> list = cases.find(CouncilCaseQuery.all(Optional.of(period.first().atDay(1)),
                Optional.of(period.last().plusMonths(1).atDay(1)), slugs)).items().stream()
                .filter(c -> taxonomy.indexOf(c.type()) >= 0).toList();
        List<Area> wards = areas.find(AreaKind.WARD, BoxFilter.NONE, 10_000, 0).items();
        int kinds = taxonomy.types().size();
        RoundedCells cells = WardCells.of(wards, grid, policy, period, kinds, list, CouncilCase::easting,
                CouncilCase::northing, CouncilCase::date, c -> taxonomy.indexOf(c.type()));
        boolean[] include = new boolean[kinds];
        chosen.forEach(t -> include[taxonomy.indexOf(t)] = true);
        List<WardCases> out = new ArrayList<>();
        for (int w = 0; w < wards.size(); w++) {
            Area a = wards.get(w);
            int[] byType = cells.byCategory(w, 0, months - 1);
            Map<String, Integer> shownByType = new LinkedHashMap<>();
            for (CaseType t : chosen) {
                shownByType.put(t.slug(), policy.shown(byType[taxonomy.indexOf(t)]));
            }
            int total = cells.total(w, 0, months - 1, include);
            out.add(new WardCases(a.code(), a.name(), a.geometry(), policy.shown(total), shownByType,
                    policy.suppressed(total)));
        }
        return new Result(period.first(), period.last(), slugs.stream().sorted().toList(), policy, out,
                WardCells.breaks(out.stream().map(WardCases::cases).toList()));
    }
}
