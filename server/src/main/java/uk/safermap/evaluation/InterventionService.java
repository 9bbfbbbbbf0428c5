package uk.safermap.evaluation;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.Category;
import uk.safermap.domain.Intervention;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.NotFoundException;
import uk.safermap.domain.PatrolPlan;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.store.InterventionStore;
import uk.safermap.store.PatrolPlanStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * Logs interventions: turns the ways a target area can be given (drawn, a named area, the
 * coverage discs of placed cameras or doorbells, the hot spots of a stored patrol plan) into one
 * polygon in grid metres, and keeps them in the store. Thread-safe.
 */
public final class InterventionService {

    /** Default radius around a patrol hot spot: about half the diagonal of a 150 m hot spot cell. */
    public static final double PATROL_RADIUS_METRES = 100;
    public static final int MAX_SITES = 500;

    private static final int DISC_SEGMENTS = 16;

    /** How a target area is given. */
    public sealed interface TargetSpec {
    }

    /** A drawn polygon or multipolygon in lon/lat. */
    public record Drawn(Geometry lonLat) implements TargetSpec {
    }

    /** A ward, LSOA, output area or neighbourhood by reference, e.g. {@code ward:E05005503}. */
    public record NamedArea(String reference) implements TargetSpec {
    }

    /** Discs around placed sites (cameras, doorbells) in lon/lat; {@code what} names them. */
    public record Sites(String what, List<double[]> lonLat, double radiusMetres) implements TargetSpec {
        public Sites {
            lonLat = List.copyOf(lonLat);
        }
    }

    /** Discs around the hot spots of a stored patrol plan. */
    public record PatrolHotspots(String planId, double radiusMetres) implements TargetSpec {
    }

    /** What a caller gives to log or change an intervention. */
    public record Draft(String name, Intervention.Kind kind, TargetSpec target, LocalDate start, LocalDate end,
                        Double costPounds, Set<Category> categories, String notes) {
    }

    private final InterventionStore store;
    private final PatrolPlanStore plans;
    private final AreaResolver areas;
    private final BritishNationalGrid grid;
    private final ServiceArea serviceArea;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public InterventionService(InterventionStore store, PatrolPlanStore plans, AreaResolver areas,
                               BritishNationalGrid grid, ServiceArea serviceArea, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.areas = areas;
        this.grid = grid;
        this.serviceArea = serviceArea;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException for a target that cannot be made (a client error)
     */
    public Intervention create(Draft draft) {
        byte[] id = new byte[6];
        random.nextBytes(id);
        Intervention v = intervention("iv-" + HexFormat.of().formatHex(id), draft, clock.instant());
        store.save(v);
        return v;
    }

    /**
     * @throws NotFoundException when there is no such intervention
     */
    public Intervention update(String id, Draft draft) {
        Intervention old = get(id);
        Intervention v = intervention(id, draft, old.createdAt());
        store.save(v);
        return v;
    }

    public Intervention get(String id) {
        return store.get(id).orElseThrow(() -> new NotFoundException("no intervention '" + id
                + "'; see /api/interventions"));
    }

    public List<Intervention> all() {
        return store.all();
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw new NotFoundException("no intervention '" + id + "'; see /api/interventions");
        }
    }

    /** The target area in lon/lat, for maps. */
    public Geometry lonLat(Intervention v) {
        return grid.toWgs84(v.target());
    }

    private Intervention intervention(String id, Draft d, Instant createdAt) {
        if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
            throw new InvalidInputException("name is required, at most 200 characters");
        }
        Target t = target(d.target());
        return new Intervention(id, d.name().strip(), d.kind(), t.grid(), t.source(), d.start(), d.end(),
                d.costPounds(), d.categories(), d.notes() == null ? "" : d.notes(), createdAt);
    }

    private record Target(Geometry grid, String source) {
    }

    private Target target(TargetSpec spec) {
        Target t;
        if (spec instanceof Drawn d) {
            t = drawn(d);
        } else if (spec instanceof NamedArea a) {
            AreaResolver.Resolved r = areas.resolve(a.reference());
            t = new Target(r.grid(), r.reference());
        } else if (spec instanceof Sites s) {
            t = sites(s);
        } else {
            t = patrol((PatrolHotspots) spec);
        }
        if (!t.grid().intersects(serviceArea.gridPolygon())) {
            throw new InvalidInputException("the target area lies outside the service area ("
                    + serviceArea.description() + ")");
        }
        Geometry g = t.grid().copy();
        g.setSRID(BritishNationalGrid.SRID);
        return new Target(g, t.source());
    }

    private Target drawn(Drawn d) {
        if (!(d.lonLat() instanceof Polygonal)) {
            throw new InvalidInputException("a drawn target must be a Polygon or MultiPolygon, got "
                    + d.lonLat().getGeometryType());
        }
        Geometry g = grid.toGrid(d.lonLat());
        if (!g.isValid()) {
            throw new InvalidInputException("the drawn target is not a valid polygon (it crosses itself or its "
                    + "rings overlap)");
        }
        if (g.getArea() < 1) {
            throw new InvalidInputException("the drawn target has no area");
        }
        return new Target(GRID.createGeometry(g), "drawn");
    }

    private Target sites(Sites s) {
        if (s.lonLat().isEmpty() || s.lonLat().size() > MAX_SITES) {
            throw new InvalidInputException("give 1 to " + MAX_SITES + " sites, got " + s.lonLat().size());
        }
        List<Geometry> discs = new ArrayList<>();
        for (double[] p : s.lonLat()) {
            double[] en = grid.toGrid(p[0], p[1]);
            discs.add(GRID.createPoint(new Coordinate(en[0], en[1])).buffer(s.radiusMetres(), DISC_SEGMENTS));
        }
        return new Target(UnaryUnionOp.union(discs), String.format(Locale.ROOT, "%s: %d sites, %.0f m", s.what(),
                s.lonLat().size(), s.radiusMetres()));
    }

    private Target patrol(PatrolHotspots p) {
        PatrolPlan plan = plans.get(p.planId()).orElseThrow(() -> new InvalidInputException(
                "no patrol plan '" + p.planId() + "'; make one with POST /api/patrols/plan"));
        if (plan.hotspots().isEmpty()) {
            throw new InvalidInputException("patrol plan '" + p.planId() + "' has no hot spots");
        }
        List<Geometry> discs = plan.hotspots().stream().map(h -> GRID.createPoint(new Coordinate(h.easting(),
                h.northing())).buffer(p.radiusMetres(), DISC_SEGMENTS)).toList();
        return new Target(UnaryUnionOp.union(discs), String.format(Locale.ROOT, "patrol:%s, %d hot spots, %.0f m",
                p.planId(), discs.size(), p.radiusMetres()));
    }
}
