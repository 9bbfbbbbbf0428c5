package uk.safermap.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.safermap.areas.Gazetteer;

/**
 * Where a result lies on the ground, as the five names every output that names a place uses
 * (openapi.json's {@code GroundLabel}). Typed properties carry it as an {@code @JsonUnwrapped}
 * component, so the names sit flat beside the result's own; nulls are kept, as GeoJSON shows them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record GroundLabel(String label, String street, String place, String ward, String gridRef) {

    static GroundLabel of(Gazetteer.Label l) {
        return new GroundLabel(l.text(), l.street(), l.place(), l.ward(), l.gridRef());
    }
}
