package uk.safermap.patrol.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The shift weight of incidents: time of day, day of week, age, and the month-only fallback. */
class ShiftRiskTest {

    /** Friday 12 June 2026, 22:00 to 06:00. */
    private static final ShiftWindow FRIDAY_NIGHT = ShiftWindow.ofLocal(LocalDateTime.parse("2026-06-12T22:00"),
            LocalDateTime.parse("2026-06-13T06:00"));
    private static final ShiftRisk RISK = new ShiftRisk(FRIDAY_NIGHT, ShiftRisk.Parameters.DEFAULTS);
    private static final int JUNE_2026 = 2026 * 12 + 5;

    private static int day(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    @Test
    void an_incident_inside_the_shift_on_its_weekday_weighs_fully_less_its_age() {
        // Friday 5 June, 23:30: one week before the shift.
        double w = RISK.weight(JUNE_2026, day("2026-06-05"), 23 * 60 + 30);
        assertThat(w).isCloseTo(Math.pow(2, -7 / 365.0), within(1e-12));
    }

    @Test
    void the_right_hour_on_another_weekday_scores_half_the_time_match_and_far_hours_the_floor() {
        double age = Math.pow(2, -8 / 365.0);
        // Thursday 4 June 23:30: the shift's hours, but the week term is far from the window.
        double thursday = RISK.weight(JUNE_2026, day("2026-06-04"), 23 * 60 + 30) / age;
        assertThat(thursday).isCloseTo(0.1 + 0.9 * (1 + Math.exp(-Math.pow(22.5 * 60, 2) / (2 * 3600))) / 2, within(1e-9));
        // Thursday 4 June 14:00: eight hours from the shift on either clock.
        double afternoon = RISK.weight(JUNE_2026, day("2026-06-04"), 14 * 60) / age;
        assertThat(afternoon).isCloseTo(0.1, within(1e-6));
        // 06:59 on its Saturday, an hour after the last minute covered (05:59): the kernel at one
        // sigma on both clocks.
        double justAfter = RISK.weight(JUNE_2026, day("2026-06-06"), 6 * 60 + 59) / Math.pow(2, -6 / 365.0);
        assertThat(justAfter).isCloseTo(0.1 + 0.9 * Math.exp(-0.5), within(1e-9));
    }

    @Test
    void month_only_incidents_of_the_same_age_weigh_the_same_for_any_shift() {
        ShiftWindow mondayMorning = ShiftWindow.ofLocal(LocalDateTime.parse("2026-06-15T08:00"),
                LocalDateTime.parse("2026-06-15T16:00"));
        int may = JUNE_2026 - 1;
        double friday = RISK.weight(may, -1, -1);
        double monday = new ShiftRisk(mondayMorning, ShiftRisk.Parameters.DEFAULTS).weight(may, -1, -1);
        // The same time match for every month-only record; only the age (3 days apart) differs.
        assertThat(friday / Math.pow(2, -(day("2026-06-12") - day("2026-05-15")) / 365.0))
                .isCloseTo(monday / Math.pow(2, -(day("2026-06-15") - day("2026-05-15")) / 365.0), within(1e-9));
        // Between the floor and a full match: the mean kernel over the week.
        assertThat(friday).isBetween(0.1, 1.0);
    }

    @Test
    void an_incident_a_half_life_old_counts_half() {
        double recent = RISK.weight(JUNE_2026, day("2026-06-12"), 23 * 60);
        // Friday 13 June 2025, 364 days earlier, at the same time of the week.
        double yearOld = RISK.weight(JUNE_2026 - 12, day("2025-06-13"), 23 * 60);
        assertThat(yearOld / recent).isCloseTo(Math.pow(0.5, 364 / 365.0), within(1e-12));
    }

    @Test
    void circular_distance_wraps_around_the_clock() {
        boolean[] covered = new boolean[10];
        covered[1] = true;
        covered[2] = true;
        assertThat(ShiftRisk.circularDistance(covered)).containsExactly(1, 0, 0, 1, 2, 3, 4, 4, 3, 2);
    }

    @Test
    void weights_of_many_incidents_are_each_incidents_own_weight_whether_month_only_or_timed() {
        java.util.Random r = new java.util.Random(15);
        int n = 5000;
        int[] month = new int[n];
        int[] epochDay = new int[n];
        int[] minute = new int[n];
        for (int i = 0; i < n; i++) {
            month[i] = JUNE_2026 - r.nextInt(36);
            boolean timed = r.nextInt(3) == 0;
            LocalDate d = LocalDate.of(month[i] / 12, month[i] % 12 + 1, 1 + r.nextInt(28));
            epochDay[i] = timed ? (int) d.toEpochDay() : -1;
            minute[i] = timed && r.nextBoolean() ? r.nextInt(1440) : -1;
        }
        double[] all = RISK.weights(month, epochDay, minute);
        for (int i = 0; i < n; i++) {
            assertThat(all[i]).as("incident " + i).isEqualTo(RISK.weight(month[i], epochDay[i], minute[i]));
        }
        assertThat(RISK.weights(new int[0], new int[0], new int[0])).isEmpty();
    }
}
