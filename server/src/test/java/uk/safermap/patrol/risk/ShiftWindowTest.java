package uk.safermap.patrol.risk;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shift windows in London time: across midnight, across both clock changes, and refusals. */
class ShiftWindowTest {

    private static int minutesCovered(ShiftWindow w) {
        int n = 0;
        for (int m = 0; m < ShiftWindow.MINUTES_PER_WEEK; m++) {
            n += w.coversMinuteOfWeek(m) ? 1 : 0;
        }
        return n;
    }

    @Test
    void a_night_shift_covers_the_end_of_one_day_and_the_start_of_the_next() {
        // Friday 22:00 to Saturday 06:00, an ordinary week.
        ShiftWindow w = ShiftWindow.ofLocal(LocalDateTime.parse("2026-06-12T22:00"), LocalDateTime.parse("2026-06-13T06:00"));
        assertThat(w.seconds()).isEqualTo(8 * 3600);
        assertThat(w.coversMinuteOfWeek(ShiftWindow.minuteOfWeek(DayOfWeek.FRIDAY, 22 * 60))).isTrue();
        assertThat(w.coversMinuteOfWeek(ShiftWindow.minuteOfWeek(DayOfWeek.SATURDAY, 5 * 60 + 59))).isTrue();
        assertThat(w.coversMinuteOfWeek(ShiftWindow.minuteOfWeek(DayOfWeek.SATURDAY, 6 * 60))).isFalse();
        assertThat(w.coversMinuteOfWeek(ShiftWindow.minuteOfWeek(DayOfWeek.FRIDAY, 3 * 60))).isFalse();
        assertThat(w.coversMinuteOfDay(3 * 60)).isTrue();
        assertThat(w.coversMinuteOfDay(12 * 60)).isFalse();
        assertThat(minutesCovered(w)).isEqualTo(8 * 60);
    }

    @Test
    void the_night_the_clocks_go_forward_a_22_to_06_shift_lasts_seven_hours() {
        // British Summer Time starts at 01:00 GMT on Sunday 29 March 2026.
        ShiftWindow w = ShiftWindow.ofLocal(LocalDateTime.parse("2026-03-28T22:00"), LocalDateTime.parse("2026-03-29T06:00"));
        assertThat(w.seconds()).isEqualTo(7 * 3600);
        // Three real hours in, at 01:00 GMT, the clock jumps to 02:00 BST.
        assertThat(w.at(3 * 3600 - 1).toLocalTime()).hasToString("00:59:59");
        assertThat(w.at(3 * 3600 - 1).getOffset().getTotalSeconds()).isZero();
        assertThat(w.at(3 * 3600).toLocalTime()).hasToString("02:00");
        assertThat(w.at(3 * 3600).getOffset().getTotalSeconds()).isEqualTo(3600);
        // 01:00-02:00 never happens on the clock that night.
        assertThat(w.coversMinuteOfWeek(ShiftWindow.minuteOfWeek(DayOfWeek.SUNDAY, 90))).isFalse();
        assertThat(minutesCovered(w)).isEqualTo(7 * 60);
    }

    @Test
    void the_night_the_clocks_go_back_a_22_to_06_shift_lasts_nine_hours() {
        // British Summer Time ends at 01:00 GMT on Sunday 25 October 2026.
        ShiftWindow w = ShiftWindow.ofLocal(LocalDateTime.parse("2026-10-24T22:00"), LocalDateTime.parse("2026-10-25T06:00"));
        assertThat(w.seconds()).isEqualTo(9 * 3600);
        assertThat(w.at(3 * 3600).toLocalTime()).hasToString("01:00");
        assertThat(w.at(4 * 3600).toLocalTime()).hasToString("01:00");
        // The repeated hour is one hour of the week, covered once.
        assertThat(minutesCovered(w)).isEqualTo(8 * 60);
    }

    @Test
    void an_end_before_the_start_or_a_shift_over_a_day_is_refused() {
        assertThatThrownBy(() -> ShiftWindow.ofLocal(LocalDateTime.parse("2026-06-12T22:00"),
                LocalDateTime.parse("2026-06-12T06:00"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the shift end 2026-06-12T06:00 must be after its start 2026-06-12T22:00");
        assertThatThrownBy(() -> ShiftWindow.ofLocal(LocalDateTime.parse("2026-06-12T08:00"),
                LocalDateTime.parse("2026-06-13T08:01"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 24 hours");
    }
}
