package uk.safermap.geo;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The two geometry factories of the service: British National Grid metres and WGS 84 lon/lat,
 * both with floating precision. A {@link GeometryFactory} holds only final, immutable settings
 * (precision model, SRID, coordinate sequence factory), so one shared instance of each is
 * thread-safe; every geometry the service builds says its CRS through its SRID.
 */
public final class GeometryFactories {

    /** British National Grid (EPSG:27700), metres. */
    public static final GeometryFactory GRID = new GeometryFactory(new PrecisionModel(), BritishNationalGrid.SRID);
    /** WGS 84 (EPSG:4326), x = longitude and y = latitude in degrees. */
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), BritishNationalGrid.WGS84_SRID);

    private GeometryFactories() {
    }
}
