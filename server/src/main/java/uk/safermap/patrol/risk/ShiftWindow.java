package uk.safermap.patrol.risk;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A patrol shift: a real time interval, and the London wall-clock minutes of the week it covers.
 *
 * <p>Shifts are given in Europe/London local time and may cross midnight. Across a clock change
 * the real length differs from the wall-clock length: 22:00-06:00 on the night the clocks go
 * forward is 7 real hours, on the night they go back 9. Travel and dwell run on real time
 * ({@link #seconds()}); incidents are recorded in wall-clock time, so their match to the shift
 * uses the wall-clock minutes covered ({@link #coversMinuteOfWeek}). The minutes are found by
 * walking the real interval minute by minute and reading each on the London clock, which handles
 * the missing and the repeated hour without special cases.
 *
 * <p>Immutable and thread-safe.
 */
public final class ShiftWindow {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Longest accepted shift: a day. Longer plans are several shifts. */
    public static final Duration MAX_LENGTH = Duration.ofHours(24);
    public static final int MINUTES_PER_DAY = 1440;
    public static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    private final ZonedDateTime start;
    private final ZonedDateTime end;
    private final boolean[] weekMinutes = new boolean[MINUTES_PER_WEEK];

    /**
     * @throws IllegalArgumentException if end is not after start or the shift is longer than a day
     */
    public ShiftWindow(ZonedDateTime start, ZonedDateTime end) {
        this.start = start.withZoneSameInstant(LONDON);
        this.end = end.withZoneSameInstant(LONDON);
        if (!this.end.isAfter(this.start)) {
            throw new IllegalArgumentException("the shift end " + this.end.toLocalDateTime()
                    + " must be after its start " + this.start.toLocalDateTime());
        }
        if (Duration.between(this.start, this.end).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("a shift may last at most 24 hours, got "
                    + Duration.between(this.start, this.end).toMinutes() + " minutes");
        }
        for (ZonedDateTime t = this.start; t.isBefore(this.end); t = t.plusMinutes(1)) {
            weekMinutes[minuteOfWeek(t.getDayOfWeek(), t.getHour() * 60 + t.getMinute())] = true;
        }
    }

    /** The shift of the given London local times; an end at or before the start means the next day. */
    public static ShiftWindow ofLocal(java.time.LocalDateTime start, java.time.LocalDateTime end) {
        return new ShiftWindow(start.atZone(LONDON), end.atZone(LONDON));
    }

    /** Minute of the week, Monday 00:00 = 0. */
    public static int minuteOfWeek(DayOfWeek day, int minuteOfDay) {
        return (day.getValue() - 1) * MINUTES_PER_DAY + minuteOfDay;
    }

    public ZonedDateTime start() {
        return start;
    }

    public ZonedDateTime end() {
        return end;
    }

    /** Real length in seconds (7 or 9 hours for a 22:00-06:00 shift over a clock change). */
    public long seconds() {
        return Duration.between(start, end).getSeconds();
    }

    /** The London time a number of real seconds into the shift. */
    public ZonedDateTime at(long secondsIntoShift) {
        return start.plusSeconds(secondsIntoShift);
    }

    public boolean coversMinuteOfWeek(int minuteOfWeek) {
        return weekMinutes[minuteOfWeek];
    }

    /** Whether any wall-clock minute of the shift is at this minute of the day, on any day. */
    public boolean coversMinuteOfDay(int minuteOfDay) {
        for (int d = 0; d < 7; d++) {
            if (weekMinutes[d * MINUTES_PER_DAY + minuteOfDay]) {
                return true;
            }
        }
        return false;
    }
}
