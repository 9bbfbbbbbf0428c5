package uk.safermap.store;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.IncidentDetails;
import uk.safermap.domain.TimeSpan;
import uk.safermap.geo.BritishNationalGrid;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Incidents planted at known grid positions, for tests that assert where an analysis finds
 * them. Month-only spans, as police.uk gives; positions in British National Grid metres.
 */
public final class PlantedIncidents {

    private static final GeometryFactory GRID = new GeometryFactory(new PrecisionModel(), BritishNationalGrid.SRID);

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final List<Incident> incidents = new ArrayList<>();

    /** {@code count} incidents evenly on a circle of {@code radius} metres around a grid point. */
    public PlantedIncidents around(double easting, double northing, double radius, int count, Category c,
                                   YearMonth month) {
        for (int k = 0; k < count; k++) {
            double a = 2 * Math.PI * k / count;
            at(easting + radius * Math.cos(a), northing + radius * Math.sin(a), c, month);
        }
        return this;
    }

    /** A row of {@code count} incidents {@code spacing} metres apart eastwards from a grid point. */
    public PlantedIncidents row(double easting, double northing, double spacing, int count, Category c,
                                YearMonth month) {
        for (int k = 0; k < count; k++) {
            at(easting + k * spacing, northing, c, month);
        }
        return this;
    }

    public PlantedIncidents at(double easting, double northing, Category c, YearMonth month) {
        double[] lonLat = grid.toWgs84(easting, northing);
        String key = "planted:" + incidents.size();
        incidents.add(new Incident(0, key, "test", key, month, TimeSpan.ofMonth(month), c, c.label(), lonLat[0],
                lonLat[1], easting, northing, false, IncidentDetails.none()
                .with(IncidentDetail.LOCATION, "On or near " + Math.round(easting) + "," + Math.round(northing))));
        return this;
    }

    /** An area of a kind: the grid square of {@code side} metres whose south-west corner is given, in lon/lat. */
    public Area square(AreaKind kind, String code, double easting, double northing, double side) {
        Geometry box = GRID.toGeometry(new Envelope(easting, easting + side, northing, northing + side));
        return new Area(kind, code, code, false, null, grid.toWgs84(box));
    }

    public List<Incident> list() {
        return List.copyOf(incidents);
    }

    /** A fake store holding these incidents, ids 1, 2, ... in the order planted. */
    public InMemoryIncidentStore store() {
        return new InMemoryIncidentStore().with(incidents);
    }
}
