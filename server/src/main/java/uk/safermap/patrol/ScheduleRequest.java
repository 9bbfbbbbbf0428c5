package uk.safermap.patrol;

import uk.safermap.analysis.AnalysisFilter;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a multi-day schedule is asked for, checked for form by the caller.
 *
 * @param places the number of highest-risk places to schedule
 * @param units  unit names, one per unit
 * @param seed   when absent, one is drawn and reported
 */
public record ScheduleRequest(LocalDate firstDay, int days, List<WeekSchedule.Shift> shifts, int places,
                              List<String> units, int visitsPerDay, int visitMinutes, HotspotMethod hotspots,
                              AnalysisFilter filter, OptionalLong seed) {

    public ScheduleRequest {
        shifts = List.copyOf(shifts);
        units = List.copyOf(units);
    }

    /** A request from its parameters and the caller's first day, shifts, units and filter. */
    public static ScheduleRequest of(LocalDate firstDay, List<WeekSchedule.Shift> shifts, List<String> units,
                                     AnalysisFilter filter, ScheduleParameters p) {
        return new ScheduleRequest(firstDay, p.days(), shifts, p.places(), units, p.visitsPerDay(), p.visitMinutes(),
                p.hotspots(), filter, p.seed());
    }
}
