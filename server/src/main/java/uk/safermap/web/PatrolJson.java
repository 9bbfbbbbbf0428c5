package uk.safermap.web;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import uk.safermap.areas.Gazetteer;
import uk.safermap.domain.Category;
import uk.safermap.domain.PatrolPlan;
import uk.safermap.geo.BritishNationalGrid;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The JSON form of a {@link PatrolPlan}: positions in lon/lat, times ISO 8601 with their London
 * offset, routes as a GeoJSON FeatureCollection of LineStrings (one per leg), and each unit's
 * colour, which the viewer and the printed briefing share.
 */
final class PatrolJson {

    /** Okabe-Ito colours (distinguishable with colour-blindness), without the yellow that vanishes on paper. */
    static final List<String> UNIT_COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
            "#000000");
    private static final double SCALE = 1e6;

    record Plan(String id, String createdAt, Shift shift, PatrolPlan.Settings parameters, Summary summary,
                List<Unit> units, List<Hotspot> hotspots, RouteCollection routes, List<String> notes,
                Links links) {
    }

    record Shift(String start, String end, String timeZone, double hours) {
    }

    record Summary(int hotspotsFound, int visited, double shiftRisk, double hotspotRisk, double visitedRisk,
                   double shareOfShiftRisk, double shareOfHotspotRisk, double distanceMetres, double travelMinutes,
                   double dwellMinutes) {
    }

    /**
     * @param shares how the unit's shift divides: at hot spots, walking or driving, on the beat
     *               between visits, and back at base after its last visit
     */
    record Unit(int unit, String name, String colour, double[] start, double[] end, String returnAt,
                double distanceMetres, double travelMinutes, double dwellMinutes, double riskShare, Shares shares,
                List<Visit> visits) {
    }

    record Shares(double atHotspots, double travelling, double onBeat, double atBase) {
    }

    /**
     * @param label    where the stop is on the ground, on one line ({@link Gazetteer.Label#text})
     * @param location the police.uk location of the hot spot's busiest snap point
     */
    record Visit(int stop, int hotspot, String label, double[] position, String arrival, String departure,
                 int dwellMinutes, double risk, double riskShare, String reason, double legMetres, String location,
                 String street, String place, String ward, String gridRef) {
    }

    /**
     * @param label      where the hot spot is on the ground, on one line ({@link Gazetteer.Label#text})
     * @param location   the police.uk location of its busiest snap point
     * @param unit       the unit of the first visit, null if not visited
     * @param stop       the stop of the first visit in that unit's route
     * @param gapMinutes minutes between the starts of consecutive visits
     */
    record Hotspot(int rank, String label, double[] position, double risk, double riskShare, int incidents,
                   Map<String, Integer> categories, boolean mustVisit, Integer unit, Integer stop, int visits,
                   long minutesOnSite, List<Long> gapMinutes, String location, String street, String place,
                   String ward, String gridRef) {
    }

    record RouteCollection(String type, List<Route> features) {
    }

    record Route(String type, Line geometry, RouteProperties properties) {
    }

    record Line(String type, double[][] coordinates) {
    }

    record RouteProperties(int unit, String colour, int leg, String to, double distanceMetres) {
    }

    record Links(String self, String print) {
    }

    private final BritishNationalGrid grid;
    private final GroundLabels labels;

    PatrolJson(BritishNationalGrid grid, GroundLabels labels) {
        this.grid = grid;
        this.labels = labels;
    }

    /** Where a hot spot is on the ground: nearest street, place, ward and grid reference. */
    Gazetteer.Label where(PatrolPlan.Hotspot h) {
        double[] ll = grid.toWgs84(h.easting(), h.northing());
        return labels.label(ll[0], ll[1]);
    }

    Plan plan(PatrolPlan p) {
        PatrolPlan.Totals t = p.totals();
        Map<Integer, int[]> visitOf = new HashMap<>();
        List<Unit> units = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        for (PatrolPlan.UnitPlan u : p.units()) {
            units.add(unit(p, u));
            double returnMetres = u.metres();
            for (PatrolPlan.Visit v : u.visits()) {
                routes.add(route(u, v.stop(), "stop " + v.stop(), v.leg(), v.legMetres()));
                returnMetres -= v.legMetres();
            }
            routes.add(route(u, u.visits().size() + 1, "base", u.returnLeg(), returnMetres));
        }
        // The first visit to a place, by time, names its unit and stop.
        p.units().stream().flatMap(u -> u.visits().stream().map(v -> Map.entry(u.unit(), v)))
                .sorted(Comparator.comparing(e -> e.getValue().arrival()))
                .forEach(e -> visitOf.putIfAbsent(e.getValue().hotspot(),
                        new int[] {e.getKey(), e.getValue().stop()}));
        List<PatrolPlan.PlaceDose> doses = p.doses();
        List<Hotspot> hotspots = p.hotspots().stream().map(h -> {
            int[] visit = visitOf.get(h.rank());
            PatrolPlan.PlaceDose dose = doses.get(h.rank() - 1);
            Gazetteer.Label where = where(h);
            return new Hotspot(h.rank(), where.text(), lonLat(h.easting(), h.northing()), round(h.risk()),
                    share(h.risk(), t.shiftRisk()), h.incidents(), h.categories(), h.mustVisit(),
                    visit == null ? null : visit[0], visit == null ? null : visit[1], dose.visits(),
                    dose.minutesOnSite(), dose.gapMinutes(), h.label(), where.street(), where.place(), where.ward(),
                    where.gridRef());
        }).toList();
        return new Plan(p.id(), p.createdAt().toString(),
                new Shift(time(p.start()), time(p.end()), p.start().getZone().getId(),
                        Duration.between(p.start(), p.end()).toMinutes() / 60.0),
                p.settings(),
                new Summary(t.hotspotsFound(), t.visited(), round(t.shiftRisk()), round(t.hotspotRisk()),
                        round(t.visitedRisk()), round(t.shareOfShiftRisk()), round(t.shareOfHotspotRisk()),
                        Math.round(t.metres()), minutes(t.travelSeconds()), minutes(t.dwellSeconds())),
                units, hotspots, new RouteCollection("FeatureCollection", routes), p.notes(),
                new Links("/api/patrols/plan/" + p.id(), "/api/patrols/plan/" + p.id() + "/print"));
    }

    private Unit unit(PatrolPlan p, PatrolPlan.UnitPlan u) {
        List<Visit> visits = new ArrayList<>();
        Set<Integer> places = new TreeSet<>();
        for (PatrolPlan.Visit v : u.visits()) {
            PatrolPlan.Hotspot h = p.hotspot(v.hotspot());
            places.add(v.hotspot());
            Gazetteer.Label where = where(h);
            visits.add(new Visit(v.stop(), v.hotspot(), where.text(), lonLat(h.easting(), h.northing()),
                    time(v.arrival()), time(v.departure()), (int) Duration.between(v.arrival(), v.departure()).toMinutes(),
                    round(h.risk()), share(h.risk(), p.totals().shiftRisk()), reason(h, p.totals().shiftRisk()),
                    Math.round(v.legMetres()), h.label(), where.street(), where.place(), where.ward(), where.gridRef()));
        }
        // A place counts once towards the unit's share of the risk, however often it goes there.
        double risk = places.stream().mapToDouble(rank -> p.hotspot(rank).risk()).sum();
        return new Unit(u.unit(), u.name(), colour(u.unit()), lonLat(u.startEasting(), u.startNorthing()),
                lonLat(u.endEasting(), u.endNorthing()), time(u.returnAt()), Math.round(u.metres()),
                minutes(u.travelSeconds()), minutes(u.dwellSeconds()), share(risk, p.totals().shiftRisk()),
                shares(p, u), visits);
    }

    private static Shares shares(PatrolPlan p, PatrolPlan.UnitPlan u) {
        double shift = Duration.between(p.start(), p.end()).toSeconds();
        return new Shares(share(u.dwellSeconds(), shift), share(u.travelSeconds(), shift),
                share(u.beatSeconds(p.start()), shift), share(Duration.between(u.returnAt(), p.end()).toSeconds(), shift));
    }

    private Route route(PatrolPlan.UnitPlan u, int leg, String to, LineString line, double metres) {
        double[][] coordinates = new double[line.getNumPoints()][];
        for (int i = 0; i < coordinates.length; i++) {
            Coordinate c = line.getCoordinateN(i);
            coordinates[i] = lonLat(c.x, c.y);
        }
        return new Route("Feature", new Line("LineString", coordinates),
                new RouteProperties(u.unit(), colour(u.unit()), leg, to, Math.round(metres)));
    }

    /** Why a place is visited: its top three categories and its share of the shift's risk. */
    static String reason(PatrolPlan.Hotspot h, double shiftRisk) {
        String top = h.categories().entrySet().stream().limit(3)
                .map(e -> Category.fromSlug(e.getKey()).map(Category::label).orElse(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return String.format(Locale.UK, "%s; risk %.1f (%.1f %% of the shift's risk)%s", top, h.risk(),
                100 * share(h.risk(), shiftRisk), h.mustVisit() ? "; top-risk place" : "");
    }

    static String colour(int unit) {
        return UNIT_COLOURS.get((unit - 1) % UNIT_COLOURS.size());
    }

    static String time(ZonedDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private double[] lonLat(double easting, double northing) {
        double[] ll = grid.toWgs84(easting, northing);
        return new double[] {Math.round(ll[0] * SCALE) / SCALE, Math.round(ll[1] * SCALE) / SCALE};
    }

    private static double share(double part, double whole) {
        return whole > 0 ? round(part / whole) : 0;
    }

    private static double minutes(long seconds) {
        return Math.round(seconds / 6.0) / 10.0;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
