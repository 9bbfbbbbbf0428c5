package uk.safermap.domain;

import org.locationtech.jts.geom.LineString;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A stored patrol plan for one shift: the settings it was made with, the hot spots it
 * considered with their risk for the shift, each unit's timed visits and route, and totals.
 * Positions and lines are British National Grid metres; times are London local time.
 *
 * <p>Risk is in weighted incidents: the sum of the shift weights of a place's incidents (see
 * {@code uk.safermap.patrol.risk.ShiftRisk}).
 *
 * @param hotspots the hot spots selected for the shift, highest risk first (rank 1)
 * @param notes    what the planner decided and why, for the briefing
 */
public record PatrolPlan(String id, Instant createdAt, ZonedDateTime start, ZonedDateTime end, Settings settings,
                         List<UnitPlan> units, List<Hotspot> hotspots, Totals totals, List<String> notes) {

    public PatrolPlan {
        units = List.copyOf(units);
        hotspots = List.copyOf(hotspots);
        notes = List.copyOf(notes);
    }

    /**
     * @param mode          {@code foot} or {@code vehicle}
     * @param distance      how travel was measured, e.g. "straight line x 1.3" or "road network (412 segments)"
     * @param hotspotMethod {@code clusters} or {@code gistar}
     * @param filter        the incident filter, as text
     * @param seed          the randomisation seed, when {@code randomize}
     * @param revisitMinutes the longest gap between visits to a repeat place; 0 = one visit per place
     * @param minGapMinutes  the shortest gap between visits to a repeat place
     */
    public record Settings(String mode, double speedKmh, int visitMinutes, int maxHotspots, String hotspotMethod,
                           boolean randomize, long seed, String distance, String filter, int revisitMinutes,
                           int minGapMinutes) {
    }

    /**
     * @param rank       1 = highest risk for the shift
     * @param label      where it is, e.g. the commonest location text of its incidents
     * @param categories incident counts by category slug, largest first
     * @param mustVisit  one of the top-risk places the plan keeps even when randomised
     */
    public record Hotspot(int rank, String label, double easting, double northing, double risk, int incidents,
                          Map<String, Integer> categories, boolean mustVisit) {
    }

    /**
     * @param visits     in order; each carries the leg that leads to it
     * @param returnLeg  the way back to the end base
     * @param returnAt   arrival back at the end base
     */
    public record UnitPlan(int unit, String name, double startEasting, double startNorthing, double endEasting,
                           double endNorthing, List<Visit> visits, LineString returnLeg, ZonedDateTime returnAt,
                           double metres, long travelSeconds, long dwellSeconds) {

        public UnitPlan {
            visits = List.copyOf(visits);
        }

        /**
         * Seconds between leaving base and getting back that are neither travel nor on site: a
         * standing patrol or walking loop on the beat, waiting for the next visit's time.
         */
        public long beatSeconds(ZonedDateTime shiftStart) {
            return Math.max(0, Duration.between(shiftStart, returnAt).toSeconds() - travelSeconds - dwellSeconds);
        }
    }

    /**
     * The dose one place gets from a plan.
     *
     * @param visits     visits by any unit
     * @param gapMinutes minutes between the starts of consecutive visits, in time order
     */
    public record PlaceDose(int rank, int visits, long minutesOnSite, List<Long> gapMinutes) {

        public PlaceDose {
            gapMinutes = List.copyOf(gapMinutes);
        }

        /** The longest gap between visits, 0 with fewer than two. */
        public long longestGapMinutes() {
            return gapMinutes.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    /** Each hot spot's dose, by rank. */
    public List<PlaceDose> doses() {
        List<PlaceDose> out = new ArrayList<>();
        for (Hotspot h : hotspots) {
            List<Visit> visits = units.stream().flatMap(u -> u.visits().stream()).filter(v -> v.hotspot() == h.rank())
                    .sorted(Comparator.comparing(Visit::arrival)).toList();
            long onSite = visits.stream().mapToLong(v -> Duration.between(v.arrival(), v.departure()).toMinutes()).sum();
            List<Long> gaps = new ArrayList<>();
            for (int k = 1; k < visits.size(); k++) {
                gaps.add(Duration.between(visits.get(k - 1).arrival(), visits.get(k).arrival()).toMinutes());
            }
            out.add(new PlaceDose(h.rank(), visits.size(), onSite, gaps));
        }
        return out;
    }

    /**
     * @param stop       1-based position in the unit's route
     * @param hotspot    the {@link Hotspot#rank} visited
     * @param leg        the way from the previous stop (or the base) to this one
     */
    public record Visit(int stop, int hotspot, ZonedDateTime arrival, ZonedDateTime departure, LineString leg,
                        double legMetres) {
    }

    /**
     * @param shiftRisk    the risk of every selected incident for the shift
     * @param hotspotRisk  the risk of every hot spot found, before the {@code maxHotspots} cut
     * @param visitedRisk  the risk of the visited hot spots
     */
    public record Totals(double shiftRisk, double hotspotRisk, double visitedRisk, int hotspotsFound, int visited,
                         double metres, long travelSeconds, long dwellSeconds) {

        public double shareOfShiftRisk() {
            return shiftRisk > 0 ? visitedRisk / shiftRisk : 0;
        }

        public double shareOfHotspotRisk() {
            return hotspotRisk > 0 ? visitedRisk / hotspotRisk : 0;
        }
    }

    /** The hot spot of a rank. */
    public Hotspot hotspot(int rank) {
        return hotspots.get(rank - 1);
    }
}
