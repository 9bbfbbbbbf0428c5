package uk.safermap.patrol.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The busiest moment of a place within a shift. */
class BusyTimeTest {

    private static final double SIGMA = 60;

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    @Test
    void the_peak_is_the_step_nearest_the_incidents_hour() {
        ShiftWindow day = ShiftWindow.ofLocal(LocalDateTime.parse("2026-06-12T14:00"), LocalDateTime.parse("2026-06-12T22:00"));
        int[] minutes = {21 * 60, 21 * 60 + 10, 20 * 60 + 50, 21 * 60 + 5, 21 * 60 - 5, 15 * 60};
        long peak = BusyTime.peakSecond(day, minutes, ones(6), SIGMA);
        // The 21:00-21:15 step, at its middle.
        assertThat(day.at(peak).toLocalTime()).hasToString("21:07:30");
    }

    @Test
    void across_midnight_the_peak_is_found_on_the_next_day_s_clock() {
        ShiftWindow night = ShiftWindow.ofLocal(LocalDateTime.parse("2026-06-12T22:00"), LocalDateTime.parse("2026-06-13T06:00"));
        int[] minutes = {2 * 60, 2 * 60 + 5, 2 * 60 + 10, 1 * 60 + 55, 2 * 60};
        long peak = BusyTime.peakSecond(night, minutes, ones(5), SIGMA);
        assertThat(night.at(peak).toLocalTime()).hasToString("02:07:30");
        assertThat(peak).isEqualTo(4 * 3600 + 450);
    }

    @Test
    void weights_decide_between_two_busy_hours() {
        ShiftWindow day = ShiftWindow.ofLocal(LocalDateTime.parse("2026-06-12T08:00"), LocalDateTime.parse("2026-06-12T20:00"));
        int[] minutes = {9 * 60, 9 * 60, 9 * 60, 18 * 60, 18 * 60, 18 * 60};
        double[] recentEvenings = {0.2, 0.2, 0.2, 1, 1, 1};
        assertThat(day.at(BusyTime.peakSecond(day, minutes, recentEvenings, SIGMA)).getHour()).isEqualTo(18);
    }

    @Test
    void too_few_timed_incidents_give_no_peak() {
        ShiftWindow day = ShiftWindow.ofLocal(LocalDateTime.parse("2026-06-12T14:00"), LocalDateTime.parse("2026-06-12T22:00"));
        int[] minutes = {21 * 60, 21 * 60, 21 * 60, 21 * 60, -1, -1, -1};
        assertThat(BusyTime.peakSecond(day, minutes, ones(7), SIGMA)).isEqualTo(BusyTime.NONE);
    }
}
