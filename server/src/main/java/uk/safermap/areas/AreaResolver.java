package uk.safermap.areas;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.GeometryFactories;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.AreaStore;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns area references such as {@code ward:E05005503} or {@code neighbourhood:fairmead} into
 * polygons in grid metres, and supplies the default study area for grid statistics.
 *
 * <p>The default study area is the <em>settled area</em>: the union of output areas smaller
 * than {@value #SETTLED_OA_MAX_KM2} km². Output areas hold about 125 households each, so a small
 * one is built-up land; in Melton these 97 of 166 OAs cover the town and the larger villages
 * (about 11 km² of the borough's 478). It stands in for the ONS built-up areas boundary, which
 * is not shipped, and keeps the empty fields out of Gi* means (see README). Thread-safe.
 */
public final class AreaResolver {

    static final double SETTLED_OA_MAX_KM2 = 0.5;

    /** A resolved area: how it was named, its polygon in grid metres, whether it is a sketch, and a version for caching. */
    public record Resolved(String reference, String name, boolean approximate, Geometry grid, String version) {
    }

    private final AreaStore store;
    private final BritishNationalGrid grid;
    private final AtomicReference<Resolved> settled = new AtomicReference<>();

    public AreaResolver(AreaStore store, BritishNationalGrid grid) {
        this.store = store;
        this.grid = grid;
    }

    /**
     * @throws InvalidInputException for a malformed reference or an unknown area (a client error)
     */
    public Resolved resolve(String reference) {
        int colon = reference.indexOf(':');
        if (colon <= 0) {
            throw new InvalidInputException("area must be kind:code, e.g. ward:E05005503, lsoa:E01025883, "
                    + "oa:E00131338 or neighbourhood:fairmead; got '" + reference + "'");
        }
        String kindKey = reference.substring(0, colon);
        String code = reference.substring(colon + 1);
        AreaKind kind = AreaKind.fromKey(kindKey).orElseThrow(() -> new InvalidInputException(
                "unknown area kind '" + kindKey + "': use ward, lsoa, oa or neighbourhood"));
        Area area = store.get(kind, code).orElseThrow(() -> new InvalidInputException(
                "unknown area '" + reference + "'; see /collections/" + collection(kind) + "/items"));
        return resolve(area);
    }

    /** An area already read from the store. */
    public Resolved resolve(Area area) {
        Geometry g = grid.toGrid(area.geometry());
        return new Resolved(area.qualifiedId(), area.name(), area.approximate(), g, Integer.toHexString(area.geometry().hashCode()
                ^ area.geometry().toText().hashCode()));
    }

    /**
     * Computes the settled area now when output areas are loaded (at start), so the first Gi* or
     * emerging request does not union them while its user waits. Without output areas it does
     * nothing; {@link #settledArea()} says why when a request asks.
     */
    public void prepare() {
        if (store.count(AreaKind.OA) > 0) {
            settledArea();
        }
    }

    /** The settled area (small output areas), computed once. */
    public Resolved settledArea() {
        Resolved s = settled.get();
        if (s == null) {
            s = computeSettled();
            settled.set(s);
        }
        return s;
    }

    private Resolved computeSettled() {
        List<Geometry> small = store.find(AreaKind.OA, BoxFilter.NONE, 100_000, 0).items().stream()
                .map(a -> grid.toGrid(a.geometry()))
                .filter(g -> g.getArea() < SETTLED_OA_MAX_KM2 * 1e6)
                .toList();
        if (small.isEmpty()) {
            throw new IllegalStateException("no output areas are loaded, so there is no default study area");
        }
        Geometry union = UnaryUnionOp.union(small);
        union = GeometryFactories.GRID.createGeometry(union);
        return new Resolved("settled", "Settled area (output areas under " + SETTLED_OA_MAX_KM2 + " km\u00b2)",
                true, union, "settled-" + small.size());
    }

    private static String collection(AreaKind kind) {
        return switch (kind) {
            case WARD -> "wards";
            case LSOA -> "lsoa";
            case OA -> "oa";
            case NEIGHBOURHOOD -> "neighbourhoods";
        };
    }
}
