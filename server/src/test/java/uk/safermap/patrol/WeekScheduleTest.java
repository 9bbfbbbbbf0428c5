package uk.safermap.patrol;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Operation Grip style schedules: every place every day, inside the shifts, random, balanced. */
class WeekScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<WeekSchedule.Shift> EVENING = List.of(new WeekSchedule.Shift(LocalTime.of(18, 0),
            LocalTime.of(2, 0)));

    @Test
    void each_place_gets_its_visits_every_day_inside_a_shift_window() {
        LocalDate monday = LocalDate.of(2026, 6, 15);
        List<WeekSchedule.Visit> visits = WeekSchedule.plan(monday, 7, EVENING, 10, 3, 2, 15, LONDON, 7);

        assertThat(visits).hasSize(7 * 10 * 2);
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            for (int place = 1; place <= 10; place++) {
                int p = place;
                List<WeekSchedule.Visit> own = visits.stream().filter(v -> v.day().equals(day) && v.place() == p)
                        .sorted((a, b) -> a.start().compareTo(b.start())).toList();
                assertThat(own).hasSize(2);
                // Two visits a day: one in each half of the 7 h 45 min in which a visit can start.
                ZonedDateTime half = day.atTime(21, 52, 30).atZone(LONDON);
                assertThat(own.get(0).start()).isBeforeOrEqualTo(half);
                assertThat(own.get(1).start()).isAfterOrEqualTo(half);
            }
        }
        for (WeekSchedule.Visit v : visits) {
            ZonedDateTime open = v.day().atTime(18, 0).atZone(LONDON);
            ZonedDateTime close = v.day().plusDays(1).atTime(2, 0).atZone(LONDON);
            assertThat(v.start()).isAfterOrEqualTo(open);
            assertThat(v.end()).isBeforeOrEqualTo(close).isEqualTo(v.start().plusMinutes(15));
        }
    }

    @Test
    void units_share_the_visits_evenly_and_no_unit_has_two_at_once() {
        List<WeekSchedule.Visit> visits = WeekSchedule.plan(LocalDate.of(2026, 6, 15), 7, EVENING, 9, 3, 1, 15,
                LONDON, 11);
        int[] perUnit = new int[3];
        visits.forEach(v -> perUnit[v.unit() - 1]++);
        assertThat(Arrays.stream(perUnit).max().getAsInt() - Arrays.stream(perUnit).min().getAsInt())
                .isLessThanOrEqualTo(1);
        for (int u = 1; u <= 3; u++) {
            int unit = u;
            List<WeekSchedule.Visit> own = visits.stream().filter(v -> v.unit() == unit)
                    .sorted((a, b) -> a.start().compareTo(b.start())).toList();
            for (int k = 1; k < own.size(); k++) {
                assertThat(Duration.between(own.get(k - 1).end(), own.get(k).start())).isPositive();
            }
        }
    }

    @Test
    void the_same_seed_gives_the_same_times_and_another_seed_other_times() {
        LocalDate day = LocalDate.of(2026, 6, 15);
        List<WeekSchedule.Visit> a = WeekSchedule.plan(day, 3, EVENING, 5, 2, 1, 15, LONDON, 1);
        assertThat(WeekSchedule.plan(day, 3, EVENING, 5, 2, 1, 15, LONDON, 1)).isEqualTo(a);
        List<WeekSchedule.Visit> b = WeekSchedule.plan(day, 3, EVENING, 5, 2, 1, 15, LONDON, 2);
        assertThat(times(b)).isNotEqualTo(times(a));
        // Times differ from day to day too: not a fixed daily pattern.
        List<Integer> firstPlaceMinutes = new ArrayList<>();
        a.stream().filter(v -> v.place() == 1).forEach(v -> firstPlaceMinutes.add(v.start().getHour() * 60
                + v.start().getMinute()));
        assertThat(firstPlaceMinutes.stream().distinct().count()).isEqualTo(3);
    }

    @Test
    void two_windows_a_day_and_the_autumn_clock_change_are_kept() {
        List<WeekSchedule.Shift> split = List.of(new WeekSchedule.Shift(LocalTime.of(10, 0), LocalTime.of(12, 0)),
                new WeekSchedule.Shift(LocalTime.of(20, 0), LocalTime.of(2, 0)));
        List<WeekSchedule.Visit> visits = WeekSchedule.plan(LocalDate.of(2026, 10, 24), 2, split, 20, 2, 1, 20,
                LONDON, 3);
        for (WeekSchedule.Visit v : visits) {
            LocalTime t = v.start().toLocalTime();
            boolean morning = !t.isBefore(LocalTime.of(10, 0)) && !t.isAfter(LocalTime.of(11, 40));
            boolean night = !v.start().isBefore(v.day().atTime(20, 0).atZone(LONDON))
                    && !v.end().isAfter(v.day().plusDays(1).atTime(2, 0).atZone(LONDON));
            assertThat(morning || night).as(v.toString()).isTrue();
            assertThat(Duration.between(v.start(), v.end())).isEqualTo(Duration.ofMinutes(20));
        }
        assertThat(visits.stream().map(v -> v.start().getOffset()).collect(Collectors.toSet())).hasSize(2);
    }

    @Test
    void a_shift_shorter_than_a_visit_is_refused() {
        List<WeekSchedule.Shift> tiny = List.of(new WeekSchedule.Shift(LocalTime.of(18, 0), LocalTime.of(18, 10)));
        assertThatThrownBy(() -> WeekSchedule.plan(LocalDate.of(2026, 6, 15), 1, tiny, 1, 1, 1, 15, LONDON, 1))
                .hasMessageContaining("shorter than a 15-minute visit");
    }

    private static List<ZonedDateTime> times(List<WeekSchedule.Visit> visits) {
        return visits.stream().map(WeekSchedule.Visit::start).toList();
    }
}
