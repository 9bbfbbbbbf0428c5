package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.DensityService;
import uk.safermap.analysis.EmergingService;
import uk.safermap.analysis.GiStarService;
import uk.safermap.analysis.NearRepeatService;
import uk.safermap.analysis.ProfileService;
import uk.safermap.areas.AreaResolver;
import uk.safermap.areas.Gazetteer;
import uk.safermap.areas.NeighbourhoodService;
import uk.safermap.auth.Access;
import uk.safermap.auth.AuthService;
import uk.safermap.auth.UserAdmin;
import uk.safermap.council.CouncilCaseService;
import uk.safermap.councillor.CollisionWardService;
import uk.safermap.councillor.CouncilCaseWardService;
import uk.safermap.councillor.ReportImages;
import uk.safermap.councillor.WardChoroplethService;
import uk.safermap.councillor.WardReportService;
import uk.safermap.evaluation.EvaluationImages;
import uk.safermap.evaluation.EvaluationService;
import uk.safermap.evaluation.InterventionService;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.ingest.CollisionIngestService;
import uk.safermap.ingest.CouncilCaseIngestService;
import uk.safermap.ingest.IngestService;
import uk.safermap.layers.FeatureSource;
import uk.safermap.ingest.SpeedConcernIngestService;
import uk.safermap.layers.LayerCatalog;
import uk.safermap.layers.tiles.DensityTileService;
import uk.safermap.patrol.DoseService;
import uk.safermap.patrol.PatrolService;
import uk.safermap.placement.Camera;
import uk.safermap.placement.CctvPlacementService;
import uk.safermap.placement.DoorbellService;
import uk.safermap.roads.RoadSafetyService;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PopulationStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

/** Every route of the service, in one place. */
public final class Routes {

    private final LandingHandler landing;
    private final OgcFeaturesHandler features;
    private final ImportHandler imports;
    private final AreaHandler areas;
    private final HealthHandler health;
    private final ViewerConfigHandler viewer;
    private final HotspotHandler hotspots;
    private final ProfileHandler profiles;
    private final DensityHandler density;
    private final CctvHandler cctv;
    private final DoorbellHandler doorbells;
    private final PatrolHandler patrols;
    private final WardHandler wards;
    private final AreaCountUpload populations;
    private final AreaCountUpload households;
    private final AuthHandler auth;
    private final AdminHandler admin;
    private final Set<String> pointCollections;
    private final InterventionHandler interventions;
    private final CollisionHandler collisions;
    private final CouncilCaseHandler councilCases;
    private final SearchHandler search;

    /** The services the handlers call, and the settings they need. */
    public record Services(LayerCatalog catalog, IngestService ingest, NeighbourhoodService neighbourhoods,
                           IncidentStore incidents, String storeName, Analyses analyses, Patrols patrols,
                           Councillor councillor, Accounts accounts, Interventions interventions, Roads roads,
                           Council council, Gazetteer gazetteer) {
    }

    /** Interventions logged on the map, and their evaluation. */
    public record Interventions(InterventionService service, EvaluationService evaluations, EvaluationImages images) {
    }

    /** Council case types: their import, hot spots and ward figures. */
    public record Council(CouncilCaseIngestService ingest, CouncilCaseService cases, CouncilCaseWardService wards) {
    }

    /** Road collisions: their import, their analyses, their ward figures for councillors, and their grid. */
    public record Roads(CollisionIngestService ingest, SpeedConcernIngestService speedConcerns,
                        RoadSafetyService analyses, CollisionWardService wards, BritishNationalGrid grid) {
    }

    /** Sign-in and user administration. */
    public record Accounts(AuthService auth, UserAdmin users, boolean secureCookies) {
    }

    /** Ward figures for councillors, the populations behind rates, and the ward codes they accept. */
    public record Councillor(WardChoroplethService choropleth, WardReportService reports, ReportImages images,
                             PopulationStore populations, Set<String> wardCodes) {
    }

    /** Patrol planning, and the grid its plans are drawn in. */
    public record Patrols(PatrolService service, DoseService dose, BritishNationalGrid grid) {
    }

    /** The analysis services. */
    public record Analyses(AreaResolver areas, ClusterService clusters, GiStarService giStar, EmergingService emerging,
                           NearRepeatService nearRepeat, ProfileService profiles, DensityService density,
                           DensityTileService tiles, Placement placement) {
    }

    /**
     * The placement services, the register of installed cameras, and the households per output
     * area that doorbell risk is shared over, with the output area codes they may name.
     */
    public record Placement(CctvPlacementService cctv, DoorbellService doorbells, List<Camera> cameras,
                            BritishNationalGrid grid, PopulationStore households, Set<String> outputAreaCodes) {
    }

    /** Limits and viewer settings. */
    public record Settings(long maxUploadBytes, int defaultItemLimit, int maxItemLimit, String basemapUrl,
                           String basemapAttribution, String dataAttribution, double[] serviceAreaBox,
                           String sampleSourcePrefix, String realSourcePrefix, Clock clock) {
    }

    public Routes(Services services, Settings settings, ObjectMapper mapper) {
        this.landing = new LandingHandler(mapper, settings.defaultItemLimit(), settings.maxItemLimit());
        this.pointCollections = services.catalog().all().stream().filter(FeatureSource::pointLevel)
                .map(FeatureSource::id).collect(Collectors.toUnmodifiableSet());
        this.features = new OgcFeaturesHandler(services.catalog(), services.patrols().grid(), mapper, settings.defaultItemLimit(),
                settings.maxItemLimit(), settings.clock());
        this.imports = new ImportHandler(services.ingest(), new ImportHandler.Others(services.roads().ingest(),
                services.council().ingest(), services.roads().speedConcerns()), settings.maxUploadBytes());
        this.areas = new AreaHandler(services.neighbourhoods(), mapper, settings.maxUploadBytes());
        this.health = new HealthHandler(services.incidents(), services.storeName());
        this.viewer = new ViewerConfigHandler(new ViewerConfigHandler.Settings(settings.basemapUrl(),
                settings.basemapAttribution(), settings.dataAttribution(), services.storeName(),
                settings.serviceAreaBox(), settings.sampleSourcePrefix(), settings.realSourcePrefix()),
                services.incidents(), services.councillor().choropleth(), services.gazetteer());
        Analyses a = services.analyses();
        GroundLabels labels = new GroundLabels(services.gazetteer());
        this.search = new SearchHandler(services.gazetteer());
        this.hotspots = new HotspotHandler(a.clusters(), a.giStar(), a.emerging(), a.nearRepeat(), a.areas(), labels,
                mapper);
        this.profiles = new ProfileHandler(a.profiles());
        this.density = new DensityHandler(a.density(), a.tiles(), a.areas(), mapper);
        this.cctv = new CctvHandler(a.placement().cctv(), a.areas(), labels, a.placement().cameras(),
                mapper, settings.maxUploadBytes());
        this.doorbells = new DoorbellHandler(a.placement().doorbells(), a.areas(), a.placement().grid(), labels,
                mapper, settings.maxUploadBytes());
        Councillor c = services.councillor();
        this.wards = new WardHandler(c.choropleth(), c.reports(), new WardReportPage(c.images()), mapper);
        this.populations = new AreaCountUpload(c.populations(), new AreaCountUpload.Kind("population", "wards",
                "populations", c.wardCodes(), "a ward of the borough; see /collections/wards/items"),
                settings.maxUploadBytes(), settings.clock());
        this.households = new AreaCountUpload(a.placement().households(), new AreaCountUpload.Kind("households",
                "outputAreas", "households", a.placement().outputAreaCodes(),
                "an output area of the borough; see /collections/oa/items"), settings.maxUploadBytes(), settings.clock());
        this.auth = new AuthHandler(services.accounts().auth(), mapper, services.accounts().secureCookies());
        this.admin = new AdminHandler(services.accounts().users(), mapper);
        Interventions iv = services.interventions();
        this.interventions = new InterventionHandler(iv.service(), iv.evaluations(), new EvaluationPage(iv.images()),
                mapper, settings.maxUploadBytes());
        BriefingBackdrop backdrop = new BriefingBackdrop(settings.basemapUrl(), settings.basemapAttribution(),
                c.wardCodes().stream().sorted().map(code -> a.areas().resolve("ward:" + code))
                        .map(w -> new BriefingBackdrop.Ward(w.name(), w.grid())).toList(),
                services.gazetteer().places(), services.patrols().grid());
        this.patrols = new PatrolHandler(services.patrols().service(), services.patrols().dose(),
                new PatrolJson(services.patrols().grid(), labels), backdrop,
                new PatrolScheduleExport(services.patrols().grid(), labels), a.areas(), mapper, settings.maxUploadBytes());
        this.collisions = new CollisionHandler(services.roads().analyses(), services.roads().wards(), a.areas(),
                services.roads().grid(), mapper);
        this.councilCases = new CouncilCaseHandler(services.council().cases(), services.council().wards(), a.areas(),
                services.roads().grid(), mapper);
    }

    /** One route: method, path, who may call it, and the handler. */
    public record Endpoint(HandlerType method, String path, Access access, Handler handler) {
    }

    /**
     * Every route with the access it requires: a route cannot exist without one. Order matters
     * where a literal segment and a parameter compete: the first match wins.
     */
    public List<Endpoint> table() {
        List<Endpoint> t = new ArrayList<>();
        t.add(new Endpoint(GET, "/", Access.OPEN, landing::landing));
        t.add(new Endpoint(GET, "/api", Access.OPEN, landing::openapi));
        t.add(new Endpoint(GET, "/conformance", Access.OPEN, features::conformance));
        t.add(new Endpoint(GET, "/health", Access.OPEN, health::health));
        t.add(new Endpoint(GET, "/api/viewer/config", Access.OPEN, viewer::config));
        t.add(new Endpoint(POST, "/api/login", Access.OPEN, auth::login));
        t.add(new Endpoint(POST, "/api/logout", Access.OPEN, auth::logout));
        t.add(new Endpoint(GET, "/api/me", Access.OPEN, auth::me));
        t.add(new Endpoint(GET, "/collections", Access.AGGREGATES, features::collections));
        t.add(new Endpoint(GET, "/collections/{collectionId}", Access.AGGREGATES, features::collection));
        t.add(new Endpoint(GET, "/collections/{collectionId}/queryables", Access.AGGREGATES, features::queryables));
        t.add(new Endpoint(GET, "/collections/{collectionId}/items", Access.AGGREGATES, features::items));
        t.add(new Endpoint(GET, "/collections/{collectionId}/items/{featureId}", Access.AGGREGATES, features::item));
        t.add(new Endpoint(GET, "/api/density/legend", Access.AGGREGATES, density::legend));
        t.add(new Endpoint(GET, "/api/search", Access.AGGREGATES, search::search));
        t.add(new Endpoint(GET, "/tiles/density/{z}/{x}/{y}", Access.AGGREGATES, density::tile));
        t.add(new Endpoint(GET, "/api/wards/choropleth", Access.AGGREGATES, wards::choropleth));
        t.add(new Endpoint(GET, "/api/wards/populations", Access.AGGREGATES, populations::get));
        t.add(new Endpoint(GET, "/api/reports/ward/{code}", Access.AGGREGATES, wards::report));
        t.add(new Endpoint(GET, "/api/interventions", Access.AGGREGATES, interventions::list));
        t.add(new Endpoint(GET, "/api/interventions/{id}", Access.AGGREGATES, interventions::get));
        // Exact counts for roles that may see incidents, ward figures (rounded cells) for the others.
        t.add(new Endpoint(GET, "/api/interventions/{id}/evaluation", Access.AGGREGATES, interventions::evaluation));
        t.add(new Endpoint(GET, "/api/interventions/{id}/evaluation/print", Access.AGGREGATES, interventions::print));
        t.add(new Endpoint(GET, "/api/wards/collisions", Access.AGGREGATES, collisions::wardFigures));
        t.add(new Endpoint(GET, "/api/wards/council-cases", Access.AGGREGATES, councilCases::wardFigures));
        t.add(new Endpoint(GET, "/api/council/types", Access.AGGREGATES, councilCases::types));
        t.add(new Endpoint(GET, "/api/hotspots/clusters", Access.POINTS, hotspots::clusters));
        t.add(new Endpoint(GET, "/api/hotspots/gistar", Access.POINTS, hotspots::giStar));
        t.add(new Endpoint(GET, "/api/hotspots/emerging", Access.POINTS, hotspots::emerging));
        t.add(new Endpoint(GET, "/api/hotspots/near-repeat", Access.POINTS, hotspots::nearRepeat));
        t.add(new Endpoint(GET, "/api/density/contours", Access.POINTS, density::contours));
        t.add(new Endpoint(GET, "/api/collisions/clusters", Access.POINTS, collisions::clusters));
        t.add(new Endpoint(GET, "/api/collisions/density", Access.POINTS, collisions::density));
        t.add(new Endpoint(GET, "/api/collisions/gistar", Access.POINTS, collisions::giStar));
        t.add(new Endpoint(GET, "/api/collisions/hour-of-week", Access.POINTS, collisions::hourOfWeek));
        t.add(new Endpoint(GET, "/api/collisions/roads", Access.POINTS, collisions::roads));
        t.add(new Endpoint(GET, "/api/council/clusters", Access.POINTS, councilCases::clusters));
        t.add(new Endpoint(GET, "/api/placement/cctv/coverage", Access.POINTS, cctv::cctvCoverage));
        t.add(new Endpoint(GET, "/api/areas/profile", Access.POINTS, profiles::all));
        t.add(new Endpoint(GET, "/api/areas/{id}/profile", Access.POINTS, profiles::one));
        // After /api/areas/profile, which {id} would otherwise swallow.
        t.add(new Endpoint(GET, "/api/areas", Access.AGGREGATES, areas::list));
        t.add(new Endpoint(GET, "/api/areas/{id}", Access.AGGREGATES, areas::get));
        t.add(new Endpoint(POST, "/api/patrols/plan", Access.PATROLS, patrols::plan));
        t.add(new Endpoint(GET, "/api/patrols/plan/{id}", Access.PATROLS, patrols::get));
        t.add(new Endpoint(GET, "/api/patrols/plan/{id}/print", Access.PATROLS, patrols::print));
        t.add(new Endpoint(POST, "/api/patrols/schedule", Access.PATROLS, patrols::schedule));
        t.add(new Endpoint(POST, "/api/patrols/plan/{id}/tracks", Access.PATROLS, patrols::tracks));
        t.add(new Endpoint(GET, "/api/patrols/plan/{id}/compliance", Access.PATROLS, patrols::compliance));
        t.add(new Endpoint(POST, "/api/imports", Access.ANALYSIS, imports::importFile));
        t.add(new Endpoint(POST, "/api/placement/cctv", Access.ANALYSIS, cctv::placeCctv));
        t.add(new Endpoint(POST, "/api/placement/cctv/evaluate", Access.ANALYSIS, cctv::evaluateCctv));
        t.add(new Endpoint(POST, "/api/placement/doorbells", Access.ANALYSIS, doorbells::placeDoorbells));
        t.add(new Endpoint(POST, "/api/interventions", Access.ANALYSIS, interventions::create));
        t.add(new Endpoint(PUT, "/api/interventions/{id}", Access.ANALYSIS, interventions::update));
        t.add(new Endpoint(DELETE, "/api/interventions/{id}", Access.ANALYSIS, interventions::delete));
        t.add(new Endpoint(PUT, "/api/wards/populations", Access.ANALYSIS, populations::put));
        t.add(new Endpoint(GET, "/api/households", Access.ANALYSIS, households::get));
        t.add(new Endpoint(PUT, "/api/households", Access.ANALYSIS, households::put));
        t.add(new Endpoint(PUT, "/api/areas/{id}", Access.ANALYSIS, areas::put));
        t.add(new Endpoint(DELETE, "/api/areas/{id}", Access.ANALYSIS, areas::delete));
        t.add(new Endpoint(GET, "/api/admin/users", Access.ADMIN, admin::users));
        t.add(new Endpoint(PUT, "/api/admin/users/{name}", Access.ADMIN, admin::putUser));
        t.add(new Endpoint(GET, "/api/admin/users/{name}/tokens", Access.ADMIN, admin::tokens));
        t.add(new Endpoint(POST, "/api/admin/users/{name}/tokens", Access.ADMIN, admin::newToken));
        t.add(new Endpoint(DELETE, "/api/admin/users/{name}/tokens/{tokenId}", Access.ADMIN, admin::revokeToken));
        t.add(new Endpoint(GET, "/api/admin/audit", Access.ADMIN, admin::audit));
        return t;
    }

    /** Ids of the OGC collections whose items are individual incidents: reading them is audited. */
    Set<String> pointCollections() {
        return pointCollections;
    }

    /**
     * The table as Javalin routes. Every GET also answers HEAD through the same access check and
     * handler (Jetty drops the body): left to Javalin, HEAD would answer 200 without either.
     */
    public EndpointGroup endpoints() {
        return () -> {
            for (Endpoint e : table()) {
                AccessRole role = new AccessRole(e.access());
                switch (e.method()) {
                    case GET -> {
                        ApiBuilder.get(e.path(), e.handler(), role);
                        ApiBuilder.head(e.path(), e.handler(), role);
                    }
                    case POST -> ApiBuilder.post(e.path(), e.handler(), role);
                    case PUT -> ApiBuilder.put(e.path(), e.handler(), role);
                    case DELETE -> ApiBuilder.delete(e.path(), e.handler(), role);
                    default -> throw new IllegalStateException("no route builder for " + e.method());
                }
            }
        };
    }
}
