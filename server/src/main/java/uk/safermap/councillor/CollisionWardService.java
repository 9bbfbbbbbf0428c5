package uk.safermap.councillor;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Collision;
import uk.safermap.domain.Severity;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.store.AreaStore;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.CollisionQuery;
import uk.safermap.store.CollisionStore;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Road collisions as ward figures for councillors, under the same {@link DisclosurePolicy} as
 * crime ({@link RoundedCells}: ward x month x severity cells each rounded before they are added
 * up, small totals suppressed). A fatal collision is counted in its ward's cells, never shown as
 * a point.
 */
public final class CollisionWardService {

    /** One ward: rounded counts, null when suppressed. */
    public record WardCollisions(String code, String name, Geometry geometry, Integer collisions, Integer ksi,
                                 Integer fatal, boolean suppressed) {
    }

    /** With quantile class breaks of the wards' collisions and of their KSI collisions, for the map. */
    public record Result(YearMonth from, YearMonth to, DisclosurePolicy disclosure, List<WardCollisions> wards,
                         double[] collisionBreaks, double[] ksiBreaks) {
    }

    private final CollisionStore collisions;
    private final AreaStore areas;
    private final BritishNationalGrid grid;
    private final DisclosurePolicy policy;

    public CollisionWardService(CollisionStore collisions, AreaStore areas, BritishNationalGrid grid,
                                DisclosurePolicy policy) {
        this.collisions = collisions;
        this.areas = areas;
        this.grid = grid;
        this.policy = policy;
    }

    /**
     * Without {@code to}, the period ends at the last published month of collisions; without
     * {@code from}, it is the 12 months to {@code to}.
     */
    public Result figures(Optional<YearMonth> fromMonth, Optional<YearMonth> toMonth) {
        DisclosurePolicy.Period period = WardCells.period(policy, fromMonth, toMonth, () -> collisions
                .find(CollisionQuery.all(Optional.empty(), Optional.empty(), Set.of())).items().stream()
                .map(Collision::date).toList());
        int months = WardCells.months(period);
        List<Collision> list = collisions.find(CollisionQuery.all(Optional.of(period.first().atDay(1)),
                Optional.of(period.last().plusMonths(1).atDay(1)), Set.of())).items();
        List<Area> wards = areas.find(AreaKind.WARD, BoxFilter.NONE, 10_000, 0).items();
        RoundedCells cells = WardCells.of(wards, grid, policy, period, Severity.values().length, list,
                Collision::easting, Collision::northing, Collision::date, c -> c.severity().ordinal());
        boolean[] all = {true, true, true};
        boolean[] ksi = {true, true, false};
        boolean[] fatal = {true, false, false};
        List<WardCollisions> out = new ArrayList<>();
        for (int w = 0; w < wards.size(); w++) {
            Area a = wards.get(w);
            int total = cells.total(w, 0, months - 1, all);
            int killedOrSerious = cells.total(w, 0, months - 1, ksi);
            int killed = cells.total(w, 0, months - 1, fatal);
            out.add(new WardCollisions(a.code(), a.name(), a.geometry(), policy.shown(total),
                    policy.shown(killedOrSerious), policy.shown(killed), policy.suppressed(total)));
        }
        return new Result(period.first(), period.last(), policy, out,
                WardCells.breaks(out.stream().map(WardCollisions::collisions).toList()),
                WardCells.breaks(out.stream().map(WardCollisions::ksi).toList()));
    }
}
