package uk.safermap.patrol;

import java.time.LocalDate;
import java.util.List;

/**
 * A schedule of hot spot visits over several days ({@link WeekSchedule}), with the places it
 * visits. Positions are British National Grid metres; times London.
 *
 * @param places highest risk first; a visit's {@code place} is the 1-based index
 * @param units  unit names; a visit's {@code unit} is the 1-based index
 * @param seed   the seed the times were drawn with (the same seed gives the same schedule)
 */
public record PatrolSchedule(LocalDate firstDay, int days, List<WeekSchedule.Shift> shifts, int visitsPerDay,
                             int visitMinutes, long seed, List<Place> places, List<String> units,
                             List<WeekSchedule.Visit> visits, List<String> notes) {

    public PatrolSchedule {
        shifts = List.copyOf(shifts);
        places = List.copyOf(places);
        units = List.copyOf(units);
        visits = List.copyOf(visits);
        notes = List.copyOf(notes);
    }

    public record Place(int rank, String label, double easting, double northing, double risk) {
    }

    /** Visits made by each unit, in unit order. */
    public int[] visitsPerUnit() {
        int[] out = new int[units.size()];
        visits.forEach(v -> out[v.unit() - 1]++);
        return out;
    }
}
