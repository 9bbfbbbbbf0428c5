package uk.safermap.patrol;

import uk.safermap.domain.InvalidInputException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Visits to hot spots over several days in the style of Operation Grip (Essex Police 2019-20,
 * evaluated by Cambridge): each place gets {@code visitsPerDay} visits of {@code visitMinutes}
 * every day at random times within the day's shift windows, so offenders cannot learn the
 * pattern, shared out evenly among the units.
 *
 * <p>Times: a day's usable time is the union of its shift windows less the visit length at the
 * end of each; it is cut into {@code visitsPerDay} equal slices and one start drawn uniformly
 * (seeded) in each slice, which spreads a place's visits over the day. Units: each day's visits,
 * in time order, go to the unit with the fewest visit minutes so far that is free (no visit of
 * its own within a visit length either side, time to walk between places), else the least
 * loaded. Stateless; a plain function of its inputs.
 */
public final class WeekSchedule {

    /** A daily shift window in London time; an end at or before the start is the next morning. */
    public record Shift(LocalTime start, LocalTime end) {

        ZonedDateTime startOn(LocalDate day, ZoneId zone) {
            return day.atTime(start).atZone(zone);
        }

        ZonedDateTime endOn(LocalDate day, ZoneId zone) {
            return (end.isAfter(start) ? day : day.plusDays(1)).atTime(end).atZone(zone);
        }
    }

    /** One visit: the place by rank (1 = highest risk), the unit by number (1-based; 0 while unassigned). */
    public record Visit(LocalDate day, int place, int unit, ZonedDateTime start, ZonedDateTime end) {
    }

    private WeekSchedule() {
    }

    /**
     * @throws InvalidInputException if a shift window is shorter than a visit
     */
    public static List<Visit> plan(LocalDate firstDay, int days, List<Shift> shifts, int places, int units,
                                   int visitsPerDay, int visitMinutes, ZoneId zone, long seed) {
        Duration visit = Duration.ofMinutes(visitMinutes);
        SplittableRandom random = new SplittableRandom(seed);
        long[] loadSeconds = new long[units];
        List<Visit> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = firstDay.plusDays(d);
            List<ZonedDateTime[]> windows = windows(day, shifts, visit, zone);
            long usable = windows.stream().mapToLong(w -> Duration.between(w[0], w[1]).toSeconds()).sum();
            List<Visit> drawn = new ArrayList<>();
            for (int p = 1; p <= places; p++) {
                for (int k = 0; k < visitsPerDay; k++) {
                    long from = usable * k / visitsPerDay;
                    long to = usable * (k + 1) / visitsPerDay;
                    ZonedDateTime start = at(windows, from + random.nextLong(Math.max(1, to - from)));
                    drawn.add(new Visit(day, p, 0, start, start.plus(visit)));
                }
            }
            drawn.sort(Comparator.comparing(Visit::start));
            List<List<Visit>> busy = new ArrayList<>();
            for (int u = 0; u < units; u++) {
                busy.add(new ArrayList<>());
            }
            for (Visit v : drawn) {
                int unit = unitFor(v, busy, loadSeconds, visit);
                busy.get(unit).add(v);
                loadSeconds[unit] += visit.toSeconds();
                out.add(new Visit(day, v.place(), unit + 1, v.start(), v.end()));
            }
        }
        return out;
    }

    /** The day's windows as [earliest start, latest start] of a visit. */
    private static List<ZonedDateTime[]> windows(LocalDate day, List<Shift> shifts, Duration visit, ZoneId zone) {
        List<ZonedDateTime[]> out = new ArrayList<>();
        for (Shift s : shifts) {
            ZonedDateTime latest = s.endOn(day, zone).minus(visit);
            if (latest.isBefore(s.startOn(day, zone))) {
                throw new InvalidInputException("shift " + s.start() + "-" + s.end() + " is shorter than a "
                        + visit.toMinutes() + "-minute visit");
            }
            out.add(new ZonedDateTime[] {s.startOn(day, zone), latest});
        }
        return out;
    }

    /** The instant {@code offset} seconds into the windows laid end to end. */
    private static ZonedDateTime at(List<ZonedDateTime[]> windows, long offset) {
        long left = offset;
        for (ZonedDateTime[] w : windows) {
            long length = Duration.between(w[0], w[1]).toSeconds();
            if (left <= length) {
                return w[0].plusSeconds(left);
            }
            left -= length;
        }
        return windows.get(windows.size() - 1)[1];
    }

    private static int unitFor(Visit v, List<List<Visit>> busy, long[] load, Duration visit) {
        int best = -1;
        for (int u = 0; u < load.length; u++) {
            boolean free = busy.get(u).stream().noneMatch(b -> v.start().isBefore(b.end().plus(visit))
                    && b.start().isBefore(v.end().plus(visit)));
            if (free && (best < 0 || load[u] < load[best])) {
                best = u;
            }
        }
        if (best >= 0) {
            return best;
        }
        for (int u = 0; u < load.length; u++) {
            if (best < 0 || load[u] < load[best]) {
                best = u;
            }
        }
        return best;
    }
}
