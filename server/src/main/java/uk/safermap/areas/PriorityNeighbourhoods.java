package uk.safermap.areas;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.geo.BritishNationalGrid;

import java.util.List;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * The first priority neighbourhoods for Melton, seeded into an empty store: Egerton (the ward
 * itself), and approximate outlines for the Fairmead estate and Melton Mowbray town centre,
 * which have no published polygon. Users replace the approximate ones with {@code PUT /api/areas/{id}}.
 */
public final class PriorityNeighbourhoods {

    static final String EGERTON_WARD = "E05005503";
    /** Market Place, Melton Mowbray (about 52.7656 N, 0.8870 W). */
    static final double[] MARKET_PLACE = {-0.8870, 52.7656};
    static final double TOWN_CENTRE_RADIUS_M = 300;
    /** A residential point in north-east Egerton ward standing in for the estate until it is drawn properly. */
    static final double[] FAIRMEAD = {-0.8910, 52.7728};
    static final double FAIRMEAD_RADIUS_M = 350;

    private PriorityNeighbourhoods() {
    }

    /** The three defaults, built from the wards (which must include Melton Egerton). */
    public static List<Area> defaults(List<Area> wards, BritishNationalGrid grid) {
        Area egerton = wards.stream().filter(w -> w.code().equals(EGERTON_WARD)).findFirst()
                .orElseThrow(() -> new IllegalStateException("ward " + EGERTON_WARD + " (Melton Egerton) is missing"));
        Geometry egertonGrid = grid.toGrid(egerton.geometry());
        Geometry fairmead = circle(grid, FAIRMEAD, FAIRMEAD_RADIUS_M).intersection(egertonGrid);
        Geometry town = circle(grid, MARKET_PLACE, TOWN_CENTRE_RADIUS_M);
        return List.of(
                new Area(AreaKind.NEIGHBOURHOOD, "egerton", "Egerton", false,
                        "The Melton Egerton ward (2013 boundary)", egerton.geometry()),
                new Area(AreaKind.NEIGHBOURHOOD, "fairmead", "Fairmead estate", true,
                        "Approximate: a 350 m circle inside Melton Egerton ward; replace with the estate outline",
                        grid.toWgs84(fairmead)),
                new Area(AreaKind.NEIGHBOURHOOD, "town-centre", "Melton Mowbray town centre", true,
                        "Approximate: 300 m around Market Place; replace with the town centre boundary",
                        grid.toWgs84(town)));
    }

    private static Geometry circle(BritishNationalGrid grid, double[] lonLat, double radiusMetres) {
        double[] en = grid.toGrid(lonLat[0], lonLat[1]);
        return GRID.createPoint(new Coordinate(en[0], en[1])).buffer(radiusMetres, 16);
    }
}
