package uk.safermap.sample;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;
import uk.safermap.domain.Area;
import uk.safermap.geo.BritishNationalGrid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * The borough, its wards and its LSOAs in British National Grid metres, with the point-in-polygon
 * tests the generator needs. Immutable and thread-safe once constructed (the STRtree is built in the
 * constructor and only queried afterwards).
 *
 * <p>Snap points must sit at least {@value #EDGE_CLEARANCE_METRES} m inside the borough and inside
 * exactly one LSOA, so that the 6-decimal lon/lat rounding of the CSV (about 0.1 m) and the generalised
 * boundaries (LSOA and ward outlines do not quite agree) can never put a row outside the borough or in
 * a different LSOA from the one it names.
 */
final class StudyArea {

    static final double EDGE_CLEARANCE_METRES = 2.0;

    /** One LSOA: the area, its polygon shrunk by the clearance, and grown by it. */
    private record Lsoa(Area area, IndexedPointInAreaLocator inset, IndexedPointInAreaLocator outset) {
    }

    private final Map<String, Area> wardsByName = new LinkedHashMap<>();
    private final Map<String, Geometry> wardGrids = new LinkedHashMap<>();
    private final Region borough;
    private final Region boroughInset;
    private final STRtree lsoaIndex = new STRtree();

    StudyArea(List<Area> wards, List<Area> lsoas, BritishNationalGrid grid) {
        if (wards.isEmpty()) {
            throw new IllegalArgumentException("the borough needs at least one ward");
        }
        if (lsoas.isEmpty()) {
            throw new IllegalArgumentException("at least one LSOA is needed to label rows");
        }
        for (Area ward : wards) {
            wardsByName.put(ward.name(), ward);
            wardGrids.put(ward.name(), grid.toGrid(ward.geometry()));
        }
        Geometry union = GRID.buildGeometry(wardGrids.values()).union();
        borough = new Region("borough", union);
        boroughInset = new Region("borough inset", union.buffer(-EDGE_CLEARANCE_METRES));
        for (Area lsoa : lsoas) {
            Geometry g = grid.toGrid(lsoa.geometry());
            Geometry outset = g.buffer(EDGE_CLEARANCE_METRES);
            Lsoa item = new Lsoa(lsoa, new IndexedPointInAreaLocator(g.buffer(-EDGE_CLEARANCE_METRES)),
                    new IndexedPointInAreaLocator(outset));
            lsoaIndex.insert(outset.getEnvelopeInternal(), item);
        }
        lsoaIndex.build();
    }

    /** The ward's polygon in lon/lat, as given. */
    Area wardArea(String name) {
        Area ward = wardsByName.get(name);
        if (ward == null) {
            throw new IllegalStateException("ward " + name + " is not among the wards given: " + wardsByName.keySet());
        }
        return ward;
    }

    /** The union of the named wards. */
    Region wards(String regionName, Collection<String> names) {
        List<Geometry> parts = new ArrayList<>();
        for (String name : names) {
            wardArea(name);
            parts.add(wardGrids.get(name));
        }
        return new Region(regionName, GRID.buildGeometry(parts).union());
    }

    /** The union of every ward not named. */
    Region wardsExcept(String regionName, Collection<String> names) {
        List<String> rest = wardGrids.keySet().stream().filter(n -> !names.contains(n)).toList();
        if (rest.isEmpty()) {
            throw new IllegalStateException("no wards are left outside " + names);
        }
        return wards(regionName, rest);
    }

    Region borough() {
        return borough;
    }

    /**
     * The LSOA a snap point here would report: present only when the point is clear of the borough edge
     * and lies in exactly one LSOA, clear of its edge.
     */
    Optional<Area> lsoaForSnapPoint(double easting, double northing) {
        if (!boroughInset.contains(easting, northing)) {
            return Optional.empty();
        }
        Coordinate c = new Coordinate(easting, northing);
        Lsoa found = null;
        for (Object o : lsoaIndex.query(new Envelope(c))) {
            Lsoa lsoa = (Lsoa) o;
            if (lsoa.outset.locate(c) == Location.EXTERIOR) {
                continue;
            }
            if (found != null) {
                return Optional.empty();
            }
            found = lsoa;
        }
        if (found == null || found.inset.locate(c) == Location.EXTERIOR) {
            return Optional.empty();
        }
        return Optional.of(found.area);
    }
}
