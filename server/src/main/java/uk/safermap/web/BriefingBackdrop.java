package uk.safermap.web;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.areas.Gazetteer;
import uk.safermap.geo.BritishNationalGrid;

import java.util.List;

/**
 * What the printed briefing map draws under the routes so stops can be found on the ground:
 * the basemap (blank URL for none), the wards and the named places.
 *
 * @param wards ward outlines in grid metres, with their names
 */
record BriefingBackdrop(String basemapUrl, String basemapAttribution, List<Ward> wards, List<Gazetteer.Place> places,
                        BritishNationalGrid grid) {

    BriefingBackdrop {
        wards = List.copyOf(wards);
        places = List.copyOf(places);
    }

    /** A ward's name and outline (grid metres). */
    record Ward(String name, Geometry grid) {
    }
}
