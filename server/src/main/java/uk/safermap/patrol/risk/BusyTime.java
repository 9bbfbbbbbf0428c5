package uk.safermap.patrol.risk;

/**
 * When in a shift a place is busiest, from the times of day of its incidents: the shift is cut
 * into 15-minute steps of real time, each step scores the weighted incidents near its London
 * clock time (the kernel of {@link ShiftRisk}, on the 24-hour clock), and the middle of the best
 * step is the peak. Incidents without a time say nothing about the hour and are skipped; with
 * fewer than {@value #MIN_TIMED} timed incidents there is no peak, because a few records are
 * noise. O(steps x incidents); stateless.
 */
public final class BusyTime {

    /** Timed incidents a place needs before its busiest time is trusted. */
    public static final int MIN_TIMED = 5;
    public static final int STEP_SECONDS = 15 * 60;
    /** No peak. */
    public static final long NONE = -1;

    private BusyTime() {
    }

    /**
     * @param minuteOfDay the place's incidents' London minute of day, -1 where unknown
     * @param weight      their shift weights
     * @return seconds from the shift start to the busiest moment, or {@link #NONE}
     */
    public static long peakSecond(ShiftWindow shift, int[] minuteOfDay, double[] weight, double sigmaMinutes) {
        int timed = 0;
        for (int m : minuteOfDay) {
            timed += m >= 0 ? 1 : 0;
        }
        if (timed < MIN_TIMED) {
            return NONE;
        }
        long best = NONE;
        double bestScore = 0;
        for (long s = 0; s < shift.seconds(); s += STEP_SECONDS) {
            long middle = Math.min(s + STEP_SECONDS / 2, shift.seconds() - 1);
            var clock = shift.at(middle);
            int minute = clock.getHour() * 60 + clock.getMinute();
            double score = 0;
            for (int i = 0; i < minuteOfDay.length; i++) {
                if (minuteOfDay[i] >= 0) {
                    int d = Math.abs(minuteOfDay[i] - minute);
                    d = Math.min(d, ShiftWindow.MINUTES_PER_DAY - d);
                    score += weight[i] * Math.exp(-(double) d * d / (2 * sigmaMinutes * sigmaMinutes));
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = middle;
            }
        }
        return best;
    }
}
