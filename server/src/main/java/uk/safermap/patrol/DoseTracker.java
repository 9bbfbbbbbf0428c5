package uk.safermap.patrol;

import uk.safermap.domain.PatrolPlan;
import uk.safermap.domain.TrackPoint;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.patrol.risk.ShiftWindow;
import uk.safermap.params.ParameterSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measures the dose GPS tracks delivered against a plan. Time between two consecutive fixes of
 * one unit counts at a place when both fixes lie within {@code radiusMetres} of it and they are at
 * most {@code maxGapSeconds} apart (a longer gap is a lost signal, not time on site). GPS dose
 * tracking is how Operation Grip measured compliance (Basford et al. 2021: 98 % of 1,800
 * place-days). Planned time is each visit's
 * arrival to departure; both are split at London midnight. Compliance caps each place, unit and day at
 * its plan.
 */
public final class DoseTracker {

    /**
     * @param radiusMetres  a fix this close to a place is at it; GPS error in streets is 5-20 m
     * @param maxGapSeconds the longest gap between fixes still counted as time on site
     */
    public record Parameters(int radiusMetres, int maxGapSeconds) {

        public static final Parameters DEFAULTS = new Parameters(50, 300);
        static final int MAX_RADIUS_METRES = 500;

        /**
         * {@code radiusMetres}: how near a GPS fix must come to count as at the place (50 m, about
         * GPS error in streets plus the place's size).
         */
        public static Parameters read(ParameterSource in) {
            return new Parameters(in.integer("radiusMetres", DEFAULTS.radiusMetres(), 5, MAX_RADIUS_METRES),
                    DEFAULTS.maxGapSeconds());
        }

        public Parameters {
            if (radiusMetres < 1 || maxGapSeconds < 1) {
                throw new IllegalArgumentException("radiusMetres and maxGapSeconds must be positive");
            }
        }
    }

    private final Parameters parameters;
    private final BritishNationalGrid grid;

    public DoseTracker(Parameters parameters, BritishNationalGrid grid) {
        this.parameters = parameters;
        this.grid = grid;
    }

    public DoseReport measure(PatrolPlan plan, List<TrackPoint> points) {
        int places = plan.hotspots().size();
        List<String> names = plan.units().stream().map(PatrolPlan.UnitPlan::name).toList();
        // [unit][place] -> day -> seconds; unit index names.size() collects units not in the plan.
        Seconds planned = new Seconds(names.size() + 1, places);
        Seconds delivered = new Seconds(names.size() + 1, places);
        for (int u = 0; u < plan.units().size(); u++) {
            for (PatrolPlan.Visit v : plan.units().get(u).visits()) {
                planned.add(u, v.hotspot() - 1, v.arrival().toInstant(), v.departure().toInstant());
            }
        }
        TreeSet<String> strangers = new TreeSet<>();
        List<TrackPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(TrackPoint::unit).thenComparing(TrackPoint::time));
        for (int i = 1; i < sorted.size(); i++) {
            TrackPoint a = sorted.get(i - 1);
            TrackPoint b = sorted.get(i);
            long gap = Duration.between(a.time(), b.time()).toSeconds();
            if (!a.unit().equals(b.unit()) || gap <= 0 || gap > parameters.maxGapSeconds()) {
                continue;
            }
            int unit = names.indexOf(a.unit());
            if (unit < 0) {
                strangers.add(a.unit());
                unit = names.size();
            }
            for (int p = 0; p < places; p++) {
                if (near(a, plan.hotspots().get(p)) && near(b, plan.hotspots().get(p))) {
                    delivered.add(unit, p, a.time(), b.time());
                }
            }
        }
        return report(plan, points.size(), planned, delivered, strangers);
    }

    private DoseReport report(PatrolPlan plan, int count, Seconds planned, Seconds delivered, TreeSet<String> strangers) {
        int units = plan.units().size();
        int places = plan.hotspots().size();
        List<DoseReport.Place> placeDoses = new ArrayList<>();
        Map<LocalDate, double[]> days = new TreeMap<>();
        double totalPlanned = 0;
        double totalDelivered = 0;
        for (int p = 0; p < places; p++) {
            double planSeconds = 0;
            double any = 0;
            double capped = 0;
            for (LocalDate day : planned.days(p)) {
                double dayPlan = planned.sum(p, day, units);
                double dayDelivered = Math.min(dayPlan, delivered.sum(p, day, units + 1));
                days.computeIfAbsent(day, k -> new double[2])[0] += dayPlan;
                days.get(day)[1] += dayDelivered;
                planSeconds += dayPlan;
                capped += dayDelivered;
            }
            for (LocalDate day : delivered.days(p)) {
                any += delivered.sum(p, day, units + 1);
            }
            totalPlanned += planSeconds;
            totalDelivered += capped;
            PatrolPlan.Hotspot h = plan.hotspots().get(p);
            placeDoses.add(new DoseReport.Place(h.rank(), h.label(), any / 60, DoseReport.Dose.of(planSeconds / 60,
                    capped / 60)));
        }
        List<DoseReport.Unit> unitDoses = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            double planSeconds = 0;
            double capped = 0;
            for (int p = 0; p < places; p++) {
                for (LocalDate day : planned.days(p)) {
                    double own = planned.get(u, p, day);
                    planSeconds += own;
                    capped += Math.min(own, delivered.get(u, p, day));
                }
            }
            unitDoses.add(new DoseReport.Unit(u + 1, plan.units().get(u).name(), DoseReport.Dose.of(planSeconds / 60,
                    capped / 60)));
        }
        List<DoseReport.Day> dayDoses = days.entrySet().stream().map(e -> new DoseReport.Day(e.getKey().toString(),
                DoseReport.Dose.of(e.getValue()[0] / 60, e.getValue()[1] / 60))).toList();
        List<String> notes = new ArrayList<>();
        if (!strangers.isEmpty()) {
            notes.add("Tracks of units not in the plan count towards places, not units: " + String.join(", ", strangers)
                    + ".");
        }
        return new DoseReport(plan.id(), parameters.radiusMetres(), count,
                DoseReport.Dose.of(totalPlanned / 60, totalDelivered / 60), placeDoses, unitDoses, dayDoses, notes);
    }

    private boolean near(TrackPoint point, PatrolPlan.Hotspot place) {
        double[] en = grid.toGrid(point.lon(), point.lat());
        return Math.hypot(en[0] - place.easting(), en[1] - place.northing()) <= parameters.radiusMetres();
    }

    /** Seconds by unit, place and day. */
    private static final class Seconds {
        private final List<List<Map<LocalDate, Long>>> byUnit = new ArrayList<>();

        Seconds(int units, int places) {
            for (int u = 0; u < units; u++) {
                List<Map<LocalDate, Long>> row = new ArrayList<>();
                for (int p = 0; p < places; p++) {
                    row.add(new TreeMap<>());
                }
                byUnit.add(row);
            }
        }

        /** The time from one instant to another, split at London midnight, on its days. */
        void add(int unit, int place, Instant from, Instant to) {
            ZonedDateTime t = from.atZone(ShiftWindow.LONDON);
            while (t.toInstant().isBefore(to)) {
                Instant midnight = t.toLocalDate().plusDays(1).atStartOfDay(ShiftWindow.LONDON).toInstant();
                Instant until = midnight.isBefore(to) ? midnight : to;
                byUnit.get(unit).get(place).merge(t.toLocalDate(), Duration.between(t.toInstant(), until).toSeconds(),
                        Long::sum);
                t = until.atZone(ShiftWindow.LONDON);
            }
        }

        long get(int unit, int place, LocalDate day) {
            return byUnit.get(unit).get(place).getOrDefault(day, 0L);
        }

        /** Over the first {@code units} units. */
        long sum(int place, LocalDate day, int units) {
            long out = 0;
            for (int u = 0; u < units; u++) {
                out += get(u, place, day);
            }
            return out;
        }

        TreeSet<LocalDate> days(int place) {
            TreeSet<LocalDate> out = new TreeSet<>();
            byUnit.forEach(row -> out.addAll(row.get(place).keySet()));
            return out;
        }
    }
}
