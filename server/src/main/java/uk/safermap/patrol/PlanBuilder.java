package uk.safermap.patrol;

import org.locationtech.jts.geom.GeometryFactory;
import uk.safermap.domain.PatrolPlan;
import uk.safermap.patrol.risk.ShiftWindow;
import uk.safermap.patrol.routing.PatrolProblem;
import uk.safermap.patrol.routing.PatrolSolution;
import uk.safermap.patrol.routing.TravelModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns a routing solution into a {@link PatrolPlan}: clock times, legs as lines, totals. */
final class PlanBuilder {

    private final ShiftWindow shift;
    private final PatrolProblem problem;
    private final PatrolSolution solution;
    private final int firstHotspot;
    private final double[] x;
    private final double[] y;
    private final GeometryFactory factory;

    /**
     * @param firstHotspot the stop of hot spot rank 1; rank r is stop firstHotspot + r - 1
     * @param x            the stops' eastings
     * @param y            the stops' northings
     */
    PlanBuilder(ShiftWindow shift, PatrolProblem problem, PatrolSolution solution, int firstHotspot, double[] x,
                double[] y, GeometryFactory factory) {
        this.shift = shift;
        this.problem = problem;
        this.solution = solution;
        this.firstHotspot = firstHotspot;
        this.x = x;
        this.y = y;
        this.factory = factory;
    }

    PatrolPlan build(String id, Instant createdAt, List<String> unitNames,
                     List<PatrolPlan.Hotspot> hotspots, double shiftRisk, double hotspotRisk,
                     PatrolPlan.Settings settings, List<String> notes) {
        List<PatrolPlan.UnitPlan> units = new ArrayList<>();
        Set<Integer> visited = new TreeSet<>();
        double metres = 0;
        long travelSeconds = 0;
        long dwellSeconds = 0;
        for (PatrolSolution.UnitRoute route : solution.routes()) {
            PatrolPlan.UnitPlan unit = unit(route, unitNames.get(route.unit()));
            units.add(unit);
            unit.visits().forEach(v -> visited.add(v.hotspot()));
            metres += unit.metres();
            travelSeconds += unit.travelSeconds();
            dwellSeconds += unit.dwellSeconds();
        }
        // A place's risk counts once however often it is visited.
        double visitedRisk = visited.stream().mapToDouble(rank -> hotspots.get(rank - 1).risk()).sum();
        PatrolPlan.Totals totals = new PatrolPlan.Totals(shiftRisk, hotspotRisk, visitedRisk, hotspots.size(),
                solution.visitCount(), metres, travelSeconds, dwellSeconds);
        return new PatrolPlan(id, createdAt, shift.start(), shift.end(), settings, units, hotspots, totals, notes);
    }

    private PatrolPlan.UnitPlan unit(PatrolSolution.UnitRoute route, String name) {
        TravelModel travel = problem.travel();
        List<PatrolPlan.Visit> visits = new ArrayList<>();
        int at = route.start();
        long dwell = problem.dwellSeconds();
        for (int k = 0; k < route.stops().length; k++) {
            int stop = route.stops()[k];
            long arrival = route.arrivalSeconds()[k];
            visits.add(new PatrolPlan.Visit(k + 1, stop - firstHotspot + 1, shift.at(arrival), shift.at(arrival + dwell),
                    travel.path(at, stop, factory), travel.metres(at, stop)));
            at = stop;
        }
        long dwellSeconds = dwell * visits.size();
        long travelSeconds = 0;
        int from = route.start();
        for (int stop : route.stops()) {
            travelSeconds += problem.travelSeconds(from, stop);
            from = stop;
        }
        travelSeconds += problem.travelSeconds(from, route.end());
        return new PatrolPlan.UnitPlan(route.unit() + 1, name, x[route.start()], y[route.start()], x[route.end()],
                y[route.end()], visits,
                travel.path(at, route.end(), factory), shift.at(route.returnSeconds()), route.metres(travel),
                travelSeconds, dwellSeconds);
    }
}
