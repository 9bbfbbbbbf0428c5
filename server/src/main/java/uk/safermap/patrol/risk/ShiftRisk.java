package uk.safermap.patrol.risk;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The weight of each incident for one patrol shift: how well its time of day, day of week and
 * age match the shift. A hot spot's risk for the shift is the sum of its incidents' weights.
 *
 * <pre>
 *   w = r * t
 *   r = 2^(-age / halfLife)                                recency; age in days before the shift starts
 *   t = floor + (1 - floor) * (K(dDay) + K(dWeek)) / 2     time match, between floor and 1
 *   K(d) = exp(-d^2 / (2 sigma^2))                         d = minutes from the incident's time to the
 *                                                          nearest minute the shift covers (0 inside it)
 * </pre>
 * {@code dDay} is measured on the 24-hour clock (any day), {@code dWeek} on the 7-day week (that
 * weekday at that time), so an incident at the shift's hours scores half, and one at its hours on
 * its weekday scores fully. A component that the record does not know is replaced by its mean
 * over the unknown range: a month-only police.uk record gets the mean of K over the week for both
 * terms, the same t for every such incident, so month-only data falls back to location and
 * recency risk; a date without a time gets the mean of K over that weekday. The floor keeps
 * places whose incidents happen at other times in the ranking, at a tenth of their weight.
 * Month-only records are dated to the 15th for their age.
 *
 * <p>Defaults ({@link Parameters#DEFAULTS}): half-life 365 days, because micro-place hot spots are
 * stable over years (Weisburd, Bushway, Lum & Yang 2004, Seattle street segments 1989-2002) yet
 * last year's pattern should outweigh older ones; sigma 60 minutes, so an incident an hour outside
 * the shift still counts 0.61 and two hours outside 0.14; floor 0.1.
 *
 * <p>Cost O(n + minutes of a week). Instances are immutable and thread-safe.
 */
public final class ShiftRisk {

    /**
     * @param halfLifeDays days after which an incident counts half; positive
     * @param sigmaMinutes width of the time-of-day kernel; positive
     * @param floor        the time match of an incident at the opposite end of the week, 0..1
     */
    public record Parameters(double halfLifeDays, double sigmaMinutes, double floor) {
        public static final Parameters DEFAULTS = new Parameters(365, 60, 0.1);

        public Parameters {
            if (!(halfLifeDays > 0) || !(sigmaMinutes > 0) || !(floor >= 0 && floor <= 1)) {
                throw new IllegalArgumentException("halfLifeDays and sigmaMinutes must be positive and floor in 0..1, got "
                        + halfLifeDays + ", " + sigmaMinutes + ", " + floor);
            }
        }
    }

    private final Parameters parameters;
    private final long shiftEpochDay;
    private final double[] kDay;
    private final double[] kWeek;
    private final double meanDay;
    private final double meanWeek;
    private final double[] meanWeekOnDay = new double[7];

    public ShiftRisk(ShiftWindow shift, Parameters parameters) {
        this.parameters = parameters;
        this.shiftEpochDay = shift.start().toLocalDate().toEpochDay();
        boolean[] day = new boolean[ShiftWindow.MINUTES_PER_DAY];
        for (int m = 0; m < day.length; m++) {
            day[m] = shift.coversMinuteOfDay(m);
        }
        boolean[] week = new boolean[ShiftWindow.MINUTES_PER_WEEK];
        for (int m = 0; m < week.length; m++) {
            week[m] = shift.coversMinuteOfWeek(m);
        }
        this.kDay = kernel(circularDistance(day), parameters.sigmaMinutes());
        this.kWeek = kernel(circularDistance(week), parameters.sigmaMinutes());
        this.meanDay = mean(kDay, 0, kDay.length);
        this.meanWeek = mean(kWeek, 0, kWeek.length);
        for (int d = 0; d < 7; d++) {
            meanWeekOnDay[d] = mean(kWeek, d * ShiftWindow.MINUTES_PER_DAY, ShiftWindow.MINUTES_PER_DAY);
        }
    }

    /** The weights of incidents given as {@code PointSet}-style arrays (-1 = day or minute unknown). */
    public static double[] weights(ShiftWindow shift, int[] monthIndex, int[] epochDay, int[] minuteOfDay) {
        return new ShiftRisk(shift, Parameters.DEFAULTS).weights(monthIndex, epochDay, minuteOfDay);
    }

    public double[] weights(int[] monthIndex, int[] epochDay, int[] minuteOfDay) {
        double[] w = new double[monthIndex.length];
        if (w.length == 0) {
            return w;
        }
        // police.uk incidents have a month only, and their weight depends on it alone: worked
        // out once per month, not once per incident.
        int firstMonth = Arrays.stream(monthIndex).min().getAsInt();
        double[] byMonth = new double[Arrays.stream(monthIndex).max().getAsInt() - firstMonth + 1];
        Arrays.fill(byMonth, Double.NaN);
        for (int i = 0; i < w.length; i++) {
            if (epochDay[i] >= 0 || minuteOfDay[i] >= 0) {
                w[i] = weight(monthIndex[i], epochDay[i], minuteOfDay[i]);
                continue;
            }
            int m = monthIndex[i] - firstMonth;
            if (Double.isNaN(byMonth[m])) {
                byMonth[m] = weight(monthIndex[i], -1, -1);
            }
            w[i] = byMonth[m];
        }
        return w;
    }

    /** One incident's weight; see the class documentation. */
    public double weight(int monthIndex, int epochDay, int minuteOfDay) {
        long day = epochDay >= 0 ? epochDay : midMonth(monthIndex);
        double age = Math.max(0, shiftEpochDay - day);
        double recency = Math.pow(2, -age / parameters.halfLifeDays());
        double dayMatch = minuteOfDay >= 0 ? kDay[minuteOfDay] : meanDay;
        double weekMatch;
        if (epochDay < 0) {
            weekMatch = meanWeek;
        } else {
            int weekday = LocalDate.ofEpochDay(epochDay).getDayOfWeek().getValue() - 1;
            weekMatch = minuteOfDay >= 0
                    ? kWeek[ShiftWindow.minuteOfWeek(DayOfWeek.of(weekday + 1), minuteOfDay)]
                    : meanWeekOnDay[weekday];
        }
        double floor = parameters.floor();
        return recency * (floor + (1 - floor) * (dayMatch + weekMatch) / 2);
    }

    public Parameters parameters() {
        return parameters;
    }

    private static long midMonth(int monthIndex) {
        return LocalDate.of(Math.floorDiv(monthIndex, 12), Math.floorMod(monthIndex, 12) + 1, 15).toEpochDay();
    }

    /** Minutes from each minute to the nearest covered one, around the circle (0 when covered). */
    static int[] circularDistance(boolean[] covered) {
        int n = covered.length;
        int[] d = new int[n];
        java.util.Arrays.fill(d, Integer.MAX_VALUE);
        // Two laps each way reach every minute from its nearest covered minute on either side.
        int last = -1;
        for (int k = 0; k < 2 * n; k++) {
            int m = k % n;
            if (covered[m]) {
                last = k;
            } else if (last >= 0) {
                d[m] = Math.min(d[m], k - last);
            }
        }
        last = -1;
        for (int k = 2 * n - 1; k >= 0; k--) {
            int m = k % n;
            if (covered[m]) {
                last = k;
                d[m] = 0;
            } else if (last >= 0) {
                d[m] = Math.min(d[m], last - k);
            }
        }
        return d;
    }

    private static double[] kernel(int[] distance, double sigma) {
        double[] k = new double[distance.length];
        for (int m = 0; m < k.length; m++) {
            double d = distance[m];
            k[m] = distance[m] == Integer.MAX_VALUE ? 0 : Math.exp(-d * d / (2 * sigma * sigma));
        }
        return k;
    }

    private static double mean(double[] values, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += values[i];
        }
        return sum / length;
    }
}
