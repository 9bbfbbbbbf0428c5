package uk.safermap.domain;

import org.locationtech.jts.geom.Geometry;

/**
 * A named polygon: a ward, LSOA or output area from the boundary files, or a priority
 * neighbourhood that users draw and edit.
 *
 * @param code         the area's code within its kind (ONS code, or a neighbourhood id such as {@code egerton})
 * @param approximate  the outline is a sketch, not an official boundary
 * @param note         free text (e.g. where an approximate outline came from)
 * @param geometry     polygon or multipolygon in WGS 84 lon/lat (SRID 4326)
 */
public record Area(AreaKind kind, String code, String name, boolean approximate, String note, Geometry geometry) {

    /** The identifier used in filters and URLs, e.g. {@code ward:E05005503}. */
    public String qualifiedId() {
        return kind.key() + ":" + code;
    }
}
