package uk.safermap.areas;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.AreaStore;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Priority neighbourhoods: areas the partnership draws and edits (e.g. an estate, a town
 * centre), checked before they are stored. Official boundaries (wards, LSOAs, OAs) are not
 * edited here.
 */
public final class NeighbourhoodService {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    private final AreaStore store;
    private final BritishNationalGrid grid;
    private final ServiceArea serviceArea;

    public NeighbourhoodService(AreaStore store, BritishNationalGrid grid, ServiceArea serviceArea) {
        this.store = store;
        this.grid = grid;
        this.serviceArea = serviceArea;
    }

    public List<Area> list() {
        return store.find(AreaKind.NEIGHBOURHOOD, BoxFilter.NONE, 10_000, 0).items();
    }

    public Optional<Area> get(String id) {
        return store.get(AreaKind.NEIGHBOURHOOD, id);
    }

    /**
     * Creates or replaces a neighbourhood; returns true when it is new.
     *
     * @param geometry polygon or multipolygon in WGS 84 lon/lat
     * @throws InvalidInputException when the id, name or geometry is unacceptable; the message says why
     */
    public boolean put(String id, String name, boolean approximate, String note, Geometry geometry) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException("neighbourhood id must be 1-60 lowercase letters, digits or hyphens, "
                    + "starting with a letter or digit; got '" + id + "'");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("properties.name is required");
        }
        if (name.length() > 200) {
            throw new InvalidInputException("properties.name must be at most 200 characters, got " + name.length());
        }
        if (note != null && note.length() > 2000) {
            throw new InvalidInputException("properties.note must be at most 2000 characters, got " + note.length());
        }
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            throw new InvalidInputException("geometry must be a Polygon or MultiPolygon, got " + geometry.getGeometryType());
        }
        IsValidOp validity = new IsValidOp(geometry);
        if (!validity.isValid()) {
            throw new InvalidInputException("geometry is not a valid polygon: " + validity.getValidationError());
        }
        if (!serviceArea.gridPolygon().intersects(grid.toGrid(geometry))) {
            throw new InvalidInputException("geometry lies outside the service area (" + serviceArea.description() + ")");
        }
        boolean created = store.get(AreaKind.NEIGHBOURHOOD, id).isEmpty();
        geometry.setSRID(BritishNationalGrid.WGS84_SRID);
        store.put(new Area(AreaKind.NEIGHBOURHOOD, id, name.trim(), approximate, note, geometry));
        return created;
    }

    public boolean delete(String id) {
        return store.delete(AreaKind.NEIGHBOURHOOD, id);
    }
}
