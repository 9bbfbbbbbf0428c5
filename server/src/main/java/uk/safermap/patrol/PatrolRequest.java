package uk.safermap.patrol;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.analysis.AnalysisFilter;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a patrol plan is asked for, checked for form by the caller; {@link PatrolService} checks
 * the rest (shift length, bases in the service area, the road network).
 *
 * @param speedKmh     travel speed; the mode's default when not given by the user
 * @param roadsWgs84   road lines in lon/lat; empty means straight lines times the detour factor
 * @param seed         the randomisation seed; when absent and {@code randomize}, one is drawn and reported
 * @param dosage       the repeat visits to the riskiest places
 */
public record PatrolRequest(ZonedDateTime start, ZonedDateTime end, List<Unit> units, TravelMode mode, double speedKmh,
                            int visitMinutes, int maxHotspots, HotspotMethod hotspots, AnalysisFilter filter,
                            List<Geometry> roadsWgs84, boolean randomize, OptionalLong seed, Dosage.Parameters dosage) {

    public PatrolRequest {
        units = List.copyOf(units);
        roadsWgs84 = List.copyOf(roadsWgs84);
    }

    /** A request from its parameters and the caller's shift, units, filter and roads. */
    public static PatrolRequest of(ZonedDateTime start, ZonedDateTime end, List<Unit> units, AnalysisFilter filter,
                                   List<Geometry> roadsWgs84, PatrolParameters p) {
        return new PatrolRequest(start, end, units, p.mode(), p.speedKmh(), p.visitMinutes(), p.maxHotspots(),
                p.hotspots(), filter, roadsWgs84, p.randomize(), p.seed(), p.dosage());
    }

    /**
     * One patrol unit.
     *
     * @param start {lon, lat} of its start base, or null for the default base
     * @param end   {lon, lat} of its end base, or null for its start base
     */
    public record Unit(String name, double[] start, double[] end) {
    }
}
