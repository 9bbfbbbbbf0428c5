package uk.safermap.councillor;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Collision;
import uk.safermap.domain.Severity;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.AreaStore;
import uk.safermap.store.CollisionQuery;
import uk.safermap.store.CollisionStore;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Road collisions as ward figures for councillors, under the same disclosure rules as crime
 * ({@link RoundedCells}: ward x month x severity cells each rounded to
 * {@value WardChoroplethService#ROUNDING_BASE}, totals under {@value WardChoroplethService#THRESHOLD}
 * suppressed). A fatal collision is counted in its ward's cells, never shown as a point.
 */
public final class CollisionWardService {

    /** One ward: rounded counts, null when suppressed. */
    public record WardCollisions(String code, String name, Geometry geometry, Integer collisions, Integer ksi,
                                 Integer fatal, boolean suppressed) {
    }

    public record Result(YearMonth from, YearMonth to, int roundingBase, int threshold, List<WardCollisions> wards) {
    }

    private final CollisionStore collisions;
    private final AreaStore areas;
    private final BritishNationalGrid grid;

    public CollisionWardService(CollisionStore collisions, AreaStore areas, BritishNationalGrid grid) {
        this.collisions = collisions;
        this.areas = areas;
        this.grid = grid;
    }

    /** Without {@code to}, the period ends at the latest month with collisions; without {@code from}, 12 months. */
    public Result figures(Optional<YearMonth> fromMonth, Optional<YearMonth> toMonth) {
        YearMonth to = toMonth.orElseGet(this::latestMonth);
        YearMonth from = fromMonth.orElse(to.minusMonths(11));
        int months = WardCells.months(from, to);
        List<Collision> list = collisions.find(CollisionQuery.all(Optional.of(from.atDay(1)),
                Optional.of(to.plusMonths(1).atDay(1)), Set.of())).items();
        List<Area> wards = areas.find(AreaKind.WARD, Optional.empty(), 10_000, 0).items();
        RoundedCells cells = WardCells.of(wards, grid, from, months, Severity.values().length, list,
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
            out.add(new WardCollisions(a.code(), a.name(), a.geometry(), WardCells.shown(total),
                    WardCells.shown(killedOrSerious), WardCells.shown(killed), total < WardChoroplethService.THRESHOLD));
        }
        return new Result(from, to, WardChoroplethService.ROUNDING_BASE, WardChoroplethService.THRESHOLD, out);
    }

    private YearMonth latestMonth() {
        return collisions.find(CollisionQuery.all(Optional.empty(), Optional.empty(), Set.of())).items().stream()
                .map(Collision::date).max(LocalDate::compareTo).map(YearMonth::from).orElse(YearMonth.now());
    }
}
