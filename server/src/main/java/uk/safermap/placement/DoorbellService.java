package uk.safermap.placement;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.IncidentSelection;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.MonthIndex;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.placement.allocation.DoorbellAllocator;
import uk.safermap.placement.allocation.HouseholdRisk;
import uk.safermap.store.AreaStore;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.PointSet;
import uk.safermap.store.PopulationStore;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static uk.safermap.geo.GeometryFactories.GRID;
import static uk.safermap.geo.GeometryFactories.WGS84;

/**
 * Where to give a batch of video doorbells: burglary risk per household by output area (or
 * per address), then an allocation honouring phases, ward floors and a fairness rule.
 */
public final class DoorbellService {

    /**
     * Households per output area when none are loaded: the ONS 2011 design size of an output
     * area (at least 40 households, typically 125). Flagged as an estimate in every answer.
     */
    static final int DEFAULT_OA_HOUSEHOLDS = 125;
    /** Risk is averaged over a lattice of this spacing inside each output area. */
    static final double SAMPLE_SPACING = 50;
    /** Categories whose density marks homes at risk: burglary and the thefts a doorbell camera sees. */
    static final Set<Category> DENSITY_CATEGORIES = Set.of(Category.BURGLARY, Category.OTHER_THEFT,
            Category.BICYCLE_THEFT, Category.VEHICLE_CRIME);
    static final HouseholdRisk RISK = new HouseholdRisk(400, 56, 200);

    /** An address from an uploaded list: each is one household unless it says more. */
    public record Address(String id, String label, double lon, double lat, int households) {
    }

    public record PhaseRequest(String area, int units) {
    }

    /**
     * @param addresses  allocate to these instead of output areas, when present
     * @param households households per output area code, overriding the estimate
     */
    public record Request(AnalysisFilter filter, int units, List<PhaseRequest> phases, int minPerWard,
                          DoorbellAllocator.Rule rule, Optional<List<Address>> addresses, Map<String, Integer> households) {

        /** A request from its parameters and the caller's phases, addresses and household counts. */
        public static Request of(AnalysisFilter filter, DoorbellParameters p, List<PhaseRequest> phases,
                                 Optional<List<Address>> addresses, Map<String, Integer> households) {
            return new Request(filter, p.units(), phases, p.minPerWard(), p.fairness(), addresses, households);
        }
    }

    public record UnitAllocation(String code, String label, String wardCode, String wardName, int households,
                                 boolean householdsEstimated, double riskPerHousehold, double nearRepeat,
                                 double density, int doorbells, double riskCovered, Geometry geometry) {
    }

    public record WardAllocation(String code, String name, int households, int doorbells, double riskCovered,
                                 double riskPercent, double doorbellPercent) {
    }

    public record Result(String unit, int doorbells, double riskCovered, double totalRisk, double riskCoveredPercent,
                         String rule, int minPerWard, List<PhaseRequest> phases, LocalDate referenceDate,
                         int recentBurglaries, int densityIncidents, List<UnitAllocation> units,
                         List<WardAllocation> wards, List<String> notes) {
    }

    private final IncidentSelection selection;
    private final AreaStore areas;
    private final AreaResolver resolver;
    private final BritishNationalGrid grid;
    private final PopulationStore households;
    private final Clock clock;

    /** @param households the households per output area loaded for the borough (census counts), if any */
    public DoorbellService(IncidentSelection selection, AreaStore areas, AreaResolver resolver, BritishNationalGrid grid,
                           PopulationStore households, Clock clock) {
        this.clock = clock;
        this.selection = selection;
        this.areas = areas;
        this.resolver = resolver;
        this.grid = grid;
        this.households = households;
    }

    /** One allocation unit in grid metres, with its sample points. */
    private record Unit(String code, String label, Geometry lonLat, Geometry shape, Point anchor, int households,
                        boolean estimated) {
    }

    /**
     * @throws DoorbellAllocator.Infeasible when a constraint cannot be met
     * @throws InvalidInputException     for unknown areas or addresses outside every ward
     */
    public Result allocate(Request r) {
        List<Area> wardAreas = areas.find(AreaKind.WARD, BoxFilter.NONE, 10_000, 0).items();
        List<PreparedGeometry> wardShapes = wardAreas.stream()
                .map(w -> PreparedGeometryFactory.prepare(grid.toGrid(w.geometry()))).toList();
        List<String> notes = new ArrayList<>();
        List<Unit> units = r.addresses().map(this::addressUnits).orElseGet(() -> oaUnits(r.households(), notes));
        int[] ward = new int[units.size()];
        for (int u = 0; u < units.size(); u++) {
            ward[u] = wardOf(units.get(u), wardShapes);
        }
        Scored scored = score(r.filter(), units, notes);
        List<DoorbellAllocator.Phase> phases = new ArrayList<>();
        for (PhaseRequest p : r.phases()) {
            AreaResolver.Resolved area = resolver.resolve(p.area());
            PreparedGeometry shape = PreparedGeometryFactory.prepare(area.grid());
            boolean[] member = new boolean[units.size()];
            for (int u = 0; u < units.size(); u++) {
                Unit unit = units.get(u);
                member[u] = shape.covers(unit.anchor())
                        || unit.shape().intersection(area.grid()).getArea() >= 0.5 * Math.min(unit.shape().getArea(),
                        area.grid().getArea()) && unit.shape().getArea() > 0;
            }
            phases.add(new DoorbellAllocator.Phase(p.area(), member, p.units()));
        }
        int[] households = units.stream().mapToInt(Unit::households).toArray();
        String[] wardNames = wardAreas.stream().map(w -> w.name() + " (" + w.code() + ")").toArray(String[]::new);
        int[] given = new DoorbellAllocator().allocate(new DoorbellAllocator.Problem(r.units(), households,
                scored.scores().risk(), ward, wardNames, phases, r.minPerWard(), r.rule()));
        if (units.stream().anyMatch(Unit::estimated)) {
            notes.add("households per output area are estimated at " + DEFAULT_OA_HOUSEHOLDS + " (the ONS design "
                    + "size) where no count was given; load real counts on the data page (PUT /api/households) "
                    + "or with the households member");
        }
        return result(r, units, wardAreas, ward, scored, given, notes);
    }

    private record Scored(HouseholdRisk.Scores scores, LocalDate reference, int recent, int density) {
    }

    private Scored score(AnalysisFilter filter, List<Unit> units, List<String> notes) {
        Set<Category> categories = filter.categories().isEmpty() ? DENSITY_CATEGORIES : filter.categories();
        if (!filter.categories().isEmpty()) {
            notes.add("density uses the requested types; near-repeat risk always uses burglary");
        }
        PointSet incidents = selection.select(new AnalysisFilter(filter.from(), filter.to(), categories,
                filter.area(), filter.bboxWgs84()), false);
        LocalDate reference = filter.to().map(t -> t.toLocalDate().minusDays(1)).orElseGet(() -> latest(incidents));
        List<double[]> recent = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            if (incidents.category(i) == Category.BURGLARY) {
                double age = reference.toEpochDay() - day(incidents, i);
                if (age >= 0 && age < RISK.nearRepeatDays()) {
                    recent.add(new double[] {incidents.easting()[i], incidents.northing()[i], age});
                }
            }
        }
        if (recent.isEmpty()) {
            notes.add("no burglary in the " + (int) RISK.nearRepeatDays() + " days before " + reference
                    + ": risk is density only");
        }
        List<double[]> samples = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            for (Coordinate c : samplePoints(units.get(u))) {
                samples.add(new double[] {c.x, c.y});
                owner.add(u);
            }
        }
        HouseholdRisk.Scores scores = RISK.score(units.size(), owner.stream().mapToInt(Integer::intValue).toArray(),
                samples.stream().mapToDouble(s -> s[0]).toArray(), samples.stream().mapToDouble(s -> s[1]).toArray(),
                recent.stream().mapToDouble(b -> b[0]).toArray(), recent.stream().mapToDouble(b -> b[1]).toArray(),
                recent.stream().mapToDouble(b -> b[2]).toArray(), incidents.easting(), incidents.northing());
        return new Scored(scores, reference, recent.size(), incidents.size());
    }

    /** The day an incident happened; month-only police.uk rows are taken at mid-month. */
    private static double day(PointSet p, int i) {
        if (p.epochDay()[i] >= 0) {
            return p.epochDay()[i];
        }
        int m = p.monthIndex()[i];
        return MonthIndex.month(m).atDay(15).toEpochDay();
    }

    private LocalDate latest(PointSet p) {
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.size(); i++) {
            last = Math.max(last, p.epochDay()[i] >= 0 ? p.epochDay()[i]
                    : MonthIndex.month(p.monthIndex()[i]).atEndOfMonth().toEpochDay());
        }
        return p.size() == 0 ? LocalDate.now(clock) : LocalDate.ofEpochDay((long) last);
    }

    private List<Coordinate> samplePoints(Unit unit) {
        List<Coordinate> out = new ArrayList<>();
        if (unit.shape().getDimension() == 2) {
            PreparedGeometry inside = PreparedGeometryFactory.prepare(unit.shape());
            Envelope e = unit.shape().getEnvelopeInternal();
            for (double x = Math.floor(e.getMinX() / SAMPLE_SPACING) * SAMPLE_SPACING; x <= e.getMaxX(); x += SAMPLE_SPACING) {
                for (double y = Math.floor(e.getMinY() / SAMPLE_SPACING) * SAMPLE_SPACING; y <= e.getMaxY();
                     y += SAMPLE_SPACING) {
                    Coordinate c = new Coordinate(x, y);
                    if (inside.covers(GRID.createPoint(c))) {
                        out.add(c);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            out.add(unit.anchor().getCoordinate());
        }
        return out;
    }

    /** Output areas with their households: the request's counts, else the loaded ones, else the estimate. */
    private List<Unit> oaUnits(Map<String, Integer> requested, List<String> notes) {
        Map<String, Integer> loaded = households.all();
        if (!loaded.isEmpty()) {
            notes.add("households per output area: " + loaded.size() + " loaded from "
                    + households.source().orElse("an upload") + (requested.isEmpty() ? "" : ", "
                    + requested.size() + " given with the request"));
        }
        Map<String, Integer> counts = new HashMap<>(loaded);
        counts.putAll(requested);
        List<Unit> out = new ArrayList<>();
        for (Area oa : areas.find(AreaKind.OA, BoxFilter.NONE, 100_000, 0).items()) {
            Geometry shape = grid.toGrid(oa.geometry());
            Integer given = counts.get(oa.code());
            out.add(new Unit(oa.code(), oa.name(), oa.geometry(), shape, shape.getInteriorPoint(),
                    given != null ? given : DEFAULT_OA_HOUSEHOLDS, given == null));
        }
        for (String code : requested.keySet()) {
            if (out.stream().noneMatch(u -> u.code().equals(code))) {
                throw new InvalidInputException("households names output area '" + code + "', which is not one of "
                        + "the borough's; see /collections/oa/items");
            }
        }
        return out;
    }

    private List<Unit> addressUnits(List<Address> addresses) {
        List<Unit> out = new ArrayList<>();
        for (Address a : addresses) {
            double[] en = grid.toGrid(a.lon(), a.lat());
            Point p = GRID.createPoint(new Coordinate(en[0], en[1]));
            out.add(new Unit(a.id(), a.label(), WGS84.createPoint(new Coordinate(a.lon(), a.lat())), p, p,
                    a.households(), false));
        }
        return out;
    }

    private static int wardOf(Unit unit, List<PreparedGeometry> wards) {
        for (int w = 0; w < wards.size(); w++) {
            if (wards.get(w).covers(unit.anchor())) {
                return w;
            }
        }
        throw new InvalidInputException("'" + unit.code() + "' lies outside every ward of the borough");
    }

    private Result result(Request r, List<Unit> units, List<Area> wardAreas, int[] ward, Scored scored, int[] given,
                          List<String> notes) {
        double[] risk = scored.scores().risk();
        List<UnitAllocation> rows = new ArrayList<>();
        int[] wardHomes = new int[wardAreas.size()];
        int[] wardGiven = new int[wardAreas.size()];
        double[] wardRisk = new double[wardAreas.size()];
        double covered = 0;
        double total = 0;
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            Area w = wardAreas.get(ward[u]);
            double riskCovered = given[u] * risk[u];
            covered += riskCovered;
            total += risk[u] * unit.households();
            wardHomes[ward[u]] += unit.households();
            wardGiven[ward[u]] += given[u];
            wardRisk[ward[u]] += riskCovered;
            rows.add(new UnitAllocation(unit.code(), unit.label(), w.code(), w.name(), unit.households(),
                    unit.estimated(), risk[u], scored.scores().nearRepeat()[u], scored.scores().density()[u], given[u],
                    riskCovered, unit.lonLat()));
        }
        rows.sort((a, b) -> a.doorbells() != b.doorbells() ? Integer.compare(b.doorbells(), a.doorbells())
                : Double.compare(b.riskPerHousehold(), a.riskPerHousehold()));
        List<WardAllocation> wards = new ArrayList<>();
        for (int w = 0; w < wardAreas.size(); w++) {
            wards.add(new WardAllocation(wardAreas.get(w).code(), wardAreas.get(w).name(), wardHomes[w], wardGiven[w],
                    wardRisk[w], CctvPlacementService.percent(wardRisk[w], covered),
                    CctvPlacementService.percent(wardGiven[w], r.units())));
        }
        return new Result(r.addresses().isPresent() ? "address" : "oa", r.units(), covered, total,
                CctvPlacementService.percent(covered, total), r.rule().name().toLowerCase(java.util.Locale.ROOT),
                r.minPerWard(), r.phases(), scored.reference(), scored.recent(), scored.density(), rows, wards, notes);
    }
}
