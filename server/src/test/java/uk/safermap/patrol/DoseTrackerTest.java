package uk.safermap.patrol;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import uk.safermap.domain.PatrolPlan;
import uk.safermap.domain.TrackPoint;
import uk.safermap.geo.BritishNationalGrid;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dose rule on a hand-made plan: one unit, one 20-minute visit to a place from 23:50 to 00:10,
 * so the planned time falls on two London days.
 */
class DoseTrackerTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final BritishNationalGrid GRID = new BritishNationalGrid();
    private static final double[] PLACE = GRID.toGrid(-0.8870, 52.7640);
    private static final ZonedDateTime ARRIVAL = ZonedDateTime.of(2026, 6, 12, 23, 50, 0, 0, LONDON);

    private static PatrolPlan plan() {
        LineString line = new GeometryFactory().createLineString(new Coordinate[] {new Coordinate(PLACE[0], PLACE[1]),
            new Coordinate(PLACE[0], PLACE[1])});
        PatrolPlan.Visit visit = new PatrolPlan.Visit(1, 1, ARRIVAL, ARRIVAL.plusMinutes(20), line, 0);
        PatrolPlan.UnitPlan unit = new PatrolPlan.UnitPlan(1, "Alpha", PLACE[0], PLACE[1], PLACE[0], PLACE[1],
                List.of(visit), line, ARRIVAL.plusMinutes(20), 0, 0, 1200);
        return new PatrolPlan("p", Instant.EPOCH, ARRIVAL.minusHours(1), ARRIVAL.plusHours(1),
                new PatrolPlan.Settings("foot", 4.5, 20, 1, "clusters", false, 0, "straight line x 1.3", "all", 120, 75),
                List.of(unit), List.of(new PatrolPlan.Hotspot(1, "Market Place", PLACE[0], PLACE[1], 10, 20, Map.of(),
                        true)), new PatrolPlan.Totals(10, 10, 10, 1, 1, 0, 0, 1200), List.of());
    }

    /** Fixes every {@code stepSeconds} from arrival for {@code minutes}, {@code northMetres} north of the place. */
    private static List<TrackPoint> fixes(String unit, int minutes, int stepSeconds, double northMetres) {
        double[] ll = GRID.toWgs84(PLACE[0], PLACE[1] + northMetres);
        List<TrackPoint> out = new ArrayList<>();
        for (int s = 0; s <= minutes * 60; s += stepSeconds) {
            out.add(new TrackPoint(unit, ARRIVAL.plusSeconds(s).toInstant(), ll[0], ll[1]));
        }
        return out;
    }

    private static DoseReport measure(List<TrackPoint> points) {
        return new DoseTracker(DoseTracker.Parameters.DEFAULTS, GRID).measure(plan(), points);
    }

    @Test
    void the_whole_visit_on_site_is_the_whole_dose_on_both_days() {
        DoseReport r = measure(fixes("Alpha", 20, 30, 10));

        assertThat(r.total().compliance()).isEqualTo(1.0);
        assertThat(r.days()).extracting(DoseReport.Day::day).containsExactly("2026-06-12", "2026-06-13");
        assertThat(r.days()).extracting(d -> d.dose().plannedMinutes()).containsExactly(10.0, 10.0);
        assertThat(r.days()).extracting(d -> d.dose().compliance()).containsExactly(1.0, 1.0);
    }

    @Test
    void fixes_outside_the_radius_count_nothing() {
        assertThat(measure(fixes("Alpha", 20, 30, 60)).total().deliveredMinutes()).isZero();
        assertThat(measure(fixes("Alpha", 20, 30, 45)).total().compliance()).isEqualTo(1.0);
    }

    @Test
    void a_gap_longer_than_five_minutes_is_a_lost_signal_not_time_on_site() {
        // Fixes every 10 minutes: no pair is close enough in time to count.
        assertThat(measure(fixes("Alpha", 20, 600, 0)).total().deliveredMinutes()).isZero();
        // Every 5 minutes counts in full.
        assertThat(measure(fixes("Alpha", 20, 300, 0)).total().compliance()).isEqualTo(1.0);
    }

    @Test
    void half_the_time_on_site_is_half_the_dose_and_extra_time_does_not_count_twice() {
        assertThat(measure(fixes("Alpha", 10, 30, 0)).total().compliance()).isEqualTo(0.5);
        List<TrackPoint> longer = fixes("Alpha", 40, 30, 0);
        DoseReport r = measure(longer);
        assertThat(r.total().deliveredMinutes()).isEqualTo(20.0);
        assertThat(r.places().get(0).minutesOnSite()).isEqualTo(40.0);
    }

    @Test
    void another_unit_at_the_place_counts_for_the_place_but_not_for_the_planned_unit() {
        DoseReport r = measure(fixes("Delta", 20, 30, 0));
        assertThat(r.places().get(0).dose().compliance()).isEqualTo(1.0);
        assertThat(r.units().get(0).dose().compliance()).isZero();
        assertThat(r.notes()).anyMatch(n -> n.contains("Delta"));
    }
}
