package uk.safermap.patrol;

import java.util.List;

/**
 * The dose GPS tracks delivered against a patrol plan ({@link DoseTracker}).
 *
 * @param radiusMetres a unit within this distance of a place is at it
 * @param points       track points read
 * @param total        over the whole plan
 * @param notes        what the tracker decided, e.g. track units not in the plan
 */
public record DoseReport(String planId, int radiusMetres, int points, Dose total, List<Place> places,
                         List<Unit> units, List<Day> days, List<String> notes) {

    public DoseReport {
        places = List.copyOf(places);
        units = List.copyOf(units);
        days = List.copyOf(days);
        notes = List.copyOf(notes);
    }

    /**
     * @param deliveredMinutes minutes at planned places, each place (and unit, and day) counted up
     *                         to its planned minutes, so extra time at one place does not make up
     *                         for a place left out
     * @param compliance       delivered / planned, 1 when nothing was planned
     */
    public record Dose(double plannedMinutes, double deliveredMinutes, double compliance) {

        static Dose of(double planned, double delivered) {
            return new Dose(round(planned), round(delivered), planned > 0 ? round(Math.min(1, delivered / planned)) : 1);
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    /** @param minutesOnSite all minutes any unit spent there, not capped */
    public record Place(int rank, String label, double minutesOnSite, Dose dose) {
    }

    public record Unit(int unit, String name, Dose dose) {
    }

    /** @param day a London date, ISO */
    public record Day(String day, Dose dose) {
    }
}
