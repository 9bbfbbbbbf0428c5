package uk.safermap.store;

import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;

import java.util.Collection;
import java.util.Optional;

/** Boundary polygons and user-edited neighbourhoods. */
public interface AreaStore {

    /** Areas of a kind intersecting any of the boxes (all when there is none), ordered by code. */
    Page<Area> find(AreaKind kind, BoxFilter boxes, int limit, long offset);

    Optional<Area> get(AreaKind kind, String code);

    /** Inserts or replaces one area. */
    void put(Area area);

    /** Inserts or replaces many areas in one transaction. */
    void putAll(Collection<Area> areas);

    /** Returns false when there was nothing to delete. */
    boolean delete(AreaKind kind, String code);

    long count(AreaKind kind);

    /** The lon/lat box {minLon, minLat, maxLon, maxLat} around every area of a kind; empty when there is none. */
    Optional<double[]> extent(AreaKind kind);
}
