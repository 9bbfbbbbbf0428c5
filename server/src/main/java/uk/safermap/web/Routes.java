package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.DensityService;
import uk.safermap.analysis.EmergingService;
import uk.safermap.analysis.GiStarService;
import uk.safermap.analysis.NearRepeatService;
import uk.safermap.analysis.ProfileService;
import uk.safermap.areas.AreaResolver;
import uk.safermap.areas.NeighbourhoodService;
import uk.safermap.ingest.IngestService;
import uk.safermap.councillor.ReportImages;
import uk.safermap.councillor.WardChoroplethService;
import uk.safermap.councillor.WardReportService;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.layers.LayerCatalog;
import uk.safermap.patrol.PatrolService;
import uk.safermap.placement.Camera;
import uk.safermap.placement.CctvPlacementService;
import uk.safermap.placement.DoorbellService;
import uk.safermap.layers.tiles.DensityTileService;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PopulationStore;

import java.util.List;
import java.util.Set;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

/** Every route of the service, in one place. */
public final class Routes {

    private final LandingHandler landing = new LandingHandler();
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

    /** The services the handlers call, and the settings they need. */
    public record Services(LayerCatalog catalog, IngestService ingest, NeighbourhoodService neighbourhoods,
                           IncidentStore incidents, String storeName, Analyses analyses, Patrols patrols,
                           Councillor councillor) {
    }

    /** Ward figures for councillors, the populations behind rates, and the ward codes they accept. */
    public record Councillor(WardChoroplethService choropleth, WardReportService reports, ReportImages images,
                             PopulationStore populations, Set<String> wardCodes) {
    }

    /** Patrol planning, and the grid its plans are drawn in. */
    public record Patrols(PatrolService service, BritishNationalGrid grid) {
    }

    /** The analysis services. */
    public record Analyses(AreaResolver areas, ClusterService clusters, GiStarService giStar, EmergingService emerging,
                           NearRepeatService nearRepeat, ProfileService profiles, DensityService density,
                           DensityTileService tiles, Placement placement) {
    }

    /** The placement services and the register of installed cameras. */
    public record Placement(CctvPlacementService cctv, DoorbellService doorbells, List<Camera> cameras,
                            BritishNationalGrid grid) {
    }

    /** Limits and viewer settings. */
    public record Settings(long maxUploadBytes, int defaultItemLimit, int maxItemLimit, String basemapUrl,
                           String basemapAttribution, String dataAttribution, double[] serviceAreaBox,
                           String sampleSourcePrefix) {
    }

    public Routes(Services services, Settings settings, ObjectMapper mapper) {
        this.features = new OgcFeaturesHandler(services.catalog(), mapper, settings.defaultItemLimit(),
                settings.maxItemLimit());
        this.imports = new ImportHandler(services.ingest(), settings.maxUploadBytes());
        this.areas = new AreaHandler(services.neighbourhoods(), mapper);
        this.health = new HealthHandler(services.incidents(), services.storeName());
        this.viewer = new ViewerConfigHandler(new ViewerConfigHandler.Settings(settings.basemapUrl(),
                settings.basemapAttribution(), settings.dataAttribution(), services.storeName(),
                settings.serviceAreaBox(), settings.sampleSourcePrefix()), services.incidents());
        Analyses a = services.analyses();
        this.hotspots = new HotspotHandler(a.clusters(), a.giStar(), a.emerging(), a.nearRepeat(), a.areas(), mapper);
        this.profiles = new ProfileHandler(a.profiles());
        this.density = new DensityHandler(a.density(), a.tiles(), a.areas(), mapper);
        this.cctv = new CctvHandler(a.placement().cctv(), a.clusters(), a.areas(), a.placement().cameras(), mapper,
                settings.maxUploadBytes());
        this.doorbells = new DoorbellHandler(a.placement().doorbells(), a.areas(), a.placement().grid(), mapper,
                settings.maxUploadBytes());
        Councillor c = services.councillor();
        this.wards = new WardHandler(c.choropleth(), c.reports(), new WardReportPage(c.images()), c.populations(),
                c.wardCodes(), mapper, settings.maxUploadBytes());
        this.patrols = new PatrolHandler(services.patrols().service(), new PatrolJson(services.patrols().grid()),
                a.areas(), mapper, settings.maxUploadBytes());
    }

    public EndpointGroup endpoints() {
        return () -> {
            get("/", landing::landing);
            get("/api", landing::openapi);
            get("/conformance", features::conformance);
            get("/collections", features::collections);
            get("/collections/{collectionId}", features::collection);
            get("/collections/{collectionId}/items", features::items);
            get("/collections/{collectionId}/items/{featureId}", features::item);
            get("/health", health::health);
            get("/api/viewer/config", viewer::config);
            post("/api/imports", imports::importFile);
            get("/api/hotspots/clusters", hotspots::clusters);
            get("/api/hotspots/gistar", hotspots::giStar);
            get("/api/hotspots/emerging", hotspots::emerging);
            get("/api/hotspots/near-repeat", hotspots::nearRepeat);
            get("/api/density/legend", density::legend);
            get("/api/density/contours", density::contours);
            get("/tiles/density/{z}/{x}/{y}", density::tile);
            post("/api/placement/cctv", cctv::placeCctv);
            post("/api/placement/cctv/evaluate", cctv::evaluateCctv);
            get("/api/placement/cctv/coverage", cctv::cctvCoverage);
            post("/api/placement/doorbells", doorbells::placeDoorbells);
            get("/api/wards/choropleth", wards::choropleth);
            get("/api/wards/populations", wards::getPopulations);
            put("/api/wards/populations", wards::putPopulations);
            get("/api/reports/ward/{code}", wards::report);
            post("/api/patrols/plan", patrols::plan);
            get("/api/patrols/plan/{id}", patrols::get);
            get("/api/patrols/plan/{id}/print", patrols::print);
            get("/api/areas/profile", profiles::all);
            get("/api/areas/{id}/profile", profiles::one);
            get("/api/areas", areas::list);
            get("/api/areas/{id}", areas::get);
            put("/api/areas/{id}", areas::put);
            delete("/api/areas/{id}", areas::delete);
        };
    }
}
