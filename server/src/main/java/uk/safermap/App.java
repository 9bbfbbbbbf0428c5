package uk.safermap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.DensityService;
import uk.safermap.analysis.EmergingService;
import uk.safermap.analysis.GiStarService;
import uk.safermap.analysis.IncidentSelection;
import uk.safermap.analysis.NearRepeatService;
import uk.safermap.analysis.ProfileService;
import uk.safermap.analysis.ResultCache;
import uk.safermap.analysis.StreetNames;
import uk.safermap.areas.AreaResolver;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.areas.Gazetteer;
import uk.safermap.areas.NeighbourhoodService;
import uk.safermap.auth.AuditTrail;
import uk.safermap.auth.AuthService;
import uk.safermap.auth.LoginThrottle;
import uk.safermap.auth.Secrets;
import uk.safermap.auth.UserAdmin;
import uk.safermap.auth.UserProvisioning;
import uk.safermap.config.AppConfig;
import uk.safermap.config.ConfigException;
import uk.safermap.council.CouncilCaseService;
import uk.safermap.councillor.CollisionWardService;
import uk.safermap.councillor.CouncilCaseWardService;
import uk.safermap.councillor.ReportImages;
import uk.safermap.councillor.WardChoroplethService;
import uk.safermap.councillor.WardReportService;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.evaluation.EvaluationImages;
import uk.safermap.evaluation.EvaluationService;
import uk.safermap.evaluation.InterventionService;
import uk.safermap.domain.CouncilTaxonomy;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.ingest.CollisionIngestService;
import uk.safermap.ingest.CouncilCaseIngestService;
import uk.safermap.ingest.CouncilTaxonomyFile;
import uk.safermap.ingest.IngestService;
import uk.safermap.ingest.SpeedConcernIngestService;
import uk.safermap.layers.AreaLayer;
import uk.safermap.layers.CollisionLayer;
import uk.safermap.layers.CouncilCaseLayer;
import uk.safermap.layers.IncidentLayer;
import uk.safermap.layers.LayerCatalog;
import uk.safermap.layers.SpeedConcernLayer;
import uk.safermap.layers.tiles.DensityTileRenderer;
import uk.safermap.layers.tiles.DensityTileService;
import uk.safermap.patrol.DoseService;
import uk.safermap.patrol.PatrolService;
import uk.safermap.patrol.routing.PatrolRouter;
import uk.safermap.placement.CameraFile;
import uk.safermap.placement.CctvPlacementService;
import uk.safermap.placement.DoorbellService;
import uk.safermap.placement.mclp.ExactMclp;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.roads.RoadSafetyService;
import uk.safermap.store.AreaStore;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.CollisionStore;
import uk.safermap.store.CouncilCaseStore;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PopulationStore;
import uk.safermap.store.SpeedConcernStore;
import uk.safermap.store.UserStore;
import uk.safermap.store.jdbc.Database;
import uk.safermap.store.jdbc.Dialect;
import uk.safermap.store.jdbc.JdbcAreaStore;
import uk.safermap.store.jdbc.JdbcAuditStore;
import uk.safermap.store.jdbc.JdbcCollisionStore;
import uk.safermap.store.jdbc.JdbcCouncilCaseStore;
import uk.safermap.store.jdbc.JdbcIncidentStore;
import uk.safermap.store.jdbc.JdbcInterventionStore;
import uk.safermap.store.jdbc.JdbcPatrolPlanStore;
import uk.safermap.store.jdbc.JdbcPatrolTrackStore;
import uk.safermap.store.jdbc.JdbcPopulationStore;
import uk.safermap.store.jdbc.JdbcSpeedConcernStore;
import uk.safermap.store.jdbc.JdbcUserStore;
import uk.safermap.store.snapshot.SnapshotIncidentStore;
import uk.safermap.web.HttpServer;
import uk.safermap.web.Json;
import uk.safermap.web.Routes;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A running SaferMap: the store opened and migrated, seeded when empty, services built and
 * the HTTP server listening. All wiring happens here; nothing below reads configuration itself.
 */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Database db;
    private final HttpServer server;
    private final Routes routes;

    private App(Database db, HttpServer server, Routes routes) {
        this.db = db;
        this.server = server;
        this.routes = routes;
    }

    /** Opens the store, seeds it if empty, and starts listening, on the system clock. */
    public static App start(AppConfig config) {
        return start(config, Clock.systemDefaultZone());
    }

    /**
     * As {@link #start(AppConfig)}, with the one clock every store and service reads the time from
     * (instants, or local times after converting to London or the clock's zone).
     */
    public static App start(AppConfig config, Clock clock) {
        Database db = openStore(config.store());
        try {
            BritishNationalGrid grid = new BritishNationalGrid();
            // Analyses read the incidents from memory; the database stays the source of truth.
            SnapshotIncidentStore incidents = new SnapshotIncidentStore(new JdbcIncidentStore(db, grid, clock));
            AreaStore areas = new JdbcAreaStore(db, grid, clock);
            BoundaryFiles boundaries = new BoundaryFiles();
            List<Area> wards = boundaries.read(BoundaryFiles.Layer.WARDS);
            ServiceArea serviceArea = serviceArea(config.area(), wards, grid);
            IngestService ingest = new IngestService(incidents, grid, serviceArea, clock);
            CollisionStore collisions = new JdbcCollisionStore(db, grid, clock);
            CouncilTaxonomy taxonomy = config.council().taxonomyFile().map(CouncilTaxonomyFile::read)
                    .orElseGet(CouncilTaxonomyFile::defaults);
            CouncilCaseStore councilCases = new JdbcCouncilCaseStore(db, taxonomy, grid, clock);
            SpeedConcernStore speedConcerns = new JdbcSpeedConcernStore(db, grid, clock);
            new StoreSeeder(areas, ingest, incidents, boundaries, grid, config.store().dataDir(), clock)
                    .seed(wards, config.sample());
            NeighbourhoodService neighbourhoods = new NeighbourhoodService(areas, grid, serviceArea);
            ObjectMapper mapper = Json.newObjectMapper();
            IncidentSelection selection = new IncidentSelection(incidents, grid,
                    sensitiveCategories(config.auth().sensitiveCategories()));
            DisclosurePolicy disclosure = DisclosurePolicy.standard();
            // Built now and at the end of each import, so no request waits for the street index.
            StreetNames streets = new StreetNames(selection, incidents);
            streets.get();
            incidents.onNewVersion(streets::get);
            Routes.Analyses analyses = analyses(selection, incidents, areas, neighbourhoods, grid, config.placement(),
                    disclosure, serviceArea.gridPolygon().getEnvelopeInternal(),
                    new JdbcPopulationStore(db, JdbcPopulationStore.Table.OA_HOUSEHOLDS, clock), clock);
            Routes.Accounts accounts = accounts(db, config.auth(), clock);
            Routes routes = new Routes(
                    new Routes.Services(catalog(incidents, collisions, speedConcerns, councilCases, taxonomy, areas),
                            ingest, neighbourhoods, incidents, db.dialect().storeName(), analyses,
                            patrols(db, selection, analyses, grid, serviceArea, config.patrol(), clock),
                            councillor(db, selection, incidents, areas, wards, grid, disclosure, clock), accounts,
                            interventions(db, selection, incidents, areas, analyses.areas(), grid, serviceArea,
                                    disclosure, clock),
                            new Routes.Roads(new CollisionIngestService(collisions, grid, serviceArea,
                                    clock), new SpeedConcernIngestService(speedConcerns, grid, serviceArea, clock), new RoadSafetyService(collisions, grid),
                                    new CollisionWardService(collisions, areas, grid, disclosure), grid),
                            new Routes.Council(new CouncilCaseIngestService(councilCases, taxonomy, grid, serviceArea,
                                    clock), new CouncilCaseService(councilCases, taxonomy, grid),
                                    new CouncilCaseWardService(councilCases, taxonomy, areas, grid, disclosure)),
                            gazetteer(wards, boundaries, grid, streets, disclosure)),
                    new Routes.Settings(config.limits().maxUploadBytes(), config.limits().defaultItemLimit(),
                            config.limits().maxItemLimit(), config.viewer().basemapUrl(),
                            config.viewer().basemapAttribution(), BoundaryFiles.ATTRIBUTION,
                            lonLatBox(serviceArea, grid), StoreSeeder.SAMPLE_SOURCE_PREFIX,
                            StoreSeeder.REAL_SOURCE_PREFIX, clock),
                    mapper);
            HttpServer server = new HttpServer(routes, mapper, config.viewer().basemapUrl(), accounts.auth(),
                    new AuditTrail(new JdbcAuditStore(db), clock), config.auth().publicAccess())
                    .start(config.server().host(), config.server().port());
            warnIfEmbeddedStoreIsLarge(db, incidents.count());
            LOG.info("SaferMap listening on http://{}:{}/ ({} incidents, store {})", config.server().host(),
                    server.port(), incidents.count(), db.description());
            return new App(db, server, routes);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * The embedded store was measured up to this size (a 1M-row first load, README Benchmarks,
     * 2026-12-02); past it, and for large imports into a populated store, PostGIS.
     */
    private static final long EMBEDDED_STORE_ADVISED_MAX = 1_000_000;

    private static void warnIfEmbeddedStoreIsLarge(Database db, long incidents) {
        if (db.dialect() == Dialect.H2GIS && incidents > EMBEDDED_STORE_ADVISED_MAX) {
            LOG.warn("The embedded H2GIS store holds {} incidents. Above {} use PostGIS (SAFERMAP_DB_URL): "
                    + "imports into it are faster and its file stays smaller.", incidents, EMBEDDED_STORE_ADVISED_MAX);
        }
    }

    /**
     * Names on the ground: the streets of the stored police.uk snap points, the shipped places, the
     * wards (which name points) and the LSOAs (searched by name).
     */
    private static Gazetteer gazetteer(List<Area> wards, BoundaryFiles boundaries, BritishNationalGrid grid,
                                       StreetNames streets, DisclosurePolicy disclosure) {
        List<Area> areas = new java.util.ArrayList<>(wards);
        areas.addAll(boundaries.read(BoundaryFiles.Layer.LSOA));
        return Gazetteer.melton(areas, grid, streets, disclosure);
    }

    /** PostGIS when a URL is configured, else the embedded H2GIS database in the data directory. */
    private static Database openStore(AppConfig.Store store) {
        Database.Pool pool = new Database.Pool(store.poolSize(), store.poolWait(), store.statementTimeout());
        return store.dbUrl()
                .map(url -> Database.openPostgis(url, store.dbUser(), store.dbPassword(), pool))
                .orElseGet(() -> Database.openH2gis(store.dataDir(), pool));
    }

    static ServiceArea serviceArea(AppConfig.ServiceAreaSettings settings, List<Area> wards, BritishNationalGrid grid) {
        if (settings.bboxWgs84().isPresent()) {
            return ServiceArea.ofWgs84Box(settings.bboxWgs84().get(), grid);
        }
        List<Geometry> gridWards = wards.stream().map(w -> grid.toGrid(w.geometry())).toList();
        return ServiceArea.around(gridWards, settings.marginMetres(), "Melton borough");
    }

    /**
     * Users from the users file, and the first admin when there are none, so that no installation
     * starts with a known password.
     */
    private static Routes.Accounts accounts(Database db, AppConfig.Auth settings, Clock clock) {
        UserStore users = new JdbcUserStore(db, clock);
        Secrets secrets = new Secrets();
        UserProvisioning provisioning = new UserProvisioning(users, secrets);
        settings.usersFile().ifPresent(f -> LOG.info("{} users provisioned from {}", provisioning.load(f), f));
        provisioning.ensureAdmin(settings.adminPassword()).ifPresent(password -> LOG.warn(
                "\n\n    First start: created the user 'admin' with the one-time password\n\n        {}\n\n"
                        + "    It is shown only now. Sign in at /viewer/login.html and give each person their own "
                        + "account (PUT /api/admin/users/{name}).\n", password));
        AuthService auth = new AuthService(users, secrets, new LoginThrottle(5, 50, Duration.ofMinutes(15)),
                Duration.ofMinutes(30), Duration.ofHours(12));
        return new Routes.Accounts(auth, new UserAdmin(users, new JdbcAuditStore(db), secrets), settings.secureCookies());
    }

    private static Set<Category> sensitiveCategories(Set<String> slugs) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (String slug : slugs) {
            out.add(Category.fromSlug(slug).orElseThrow(() -> new ConfigException(
                    "SAFERMAP_SENSITIVE_CATEGORIES: '" + slug + "' is not a category slug")));
        }
        return out;
    }

    private static Routes.Analyses analyses(IncidentSelection selection, IncidentStore incidents, AreaStore areaStore,
                                            NeighbourhoodService neighbourhoods, BritishNationalGrid grid,
                                            AppConfig.Placement placement, DisclosurePolicy disclosure,
                                            Envelope serviceArea, PopulationStore households, Clock clock) {
        AreaResolver areas = new AreaResolver(areaStore, grid);
        areas.prepare();
        ResultCache cache = new ResultCache(incidents, 200, Duration.ofMinutes(30));
        // Density surfaces are up to 128 MB each (16M cells): few of them are kept.
        ResultCache surfaces = new ResultCache(incidents, 8, Duration.ofMinutes(30));
        // A cluster map's per-position tallies, a few per filter's positions (57 bytes per position).
        ClusterService clusters = new ClusterService(selection, cache, new ResultCache(incidents, 16, Duration.ofMinutes(30)),
                grid);
        DensityService density = new DensityService(selection, surfaces, grid, disclosure, serviceArea);
        return new Routes.Analyses(areas, clusters, new GiStarService(selection, areas, cache, grid),
                new EmergingService(selection, areas, cache, grid), new NearRepeatService(selection, cache),
                new ProfileService(selection, areas, neighbourhoods, clusters, incidents, clock), density,
                new DensityTileService(density, new DensityTileRenderer(grid), disclosure, 5_000),
                new Routes.Placement(new CctvPlacementService(selection, clusters, grid, new ExactMclp()),
                        new DoorbellService(selection, areaStore, areas, grid, households, clock),
                        placement.camerasFile().map(CameraFile::read).orElse(List.of()), grid, households,
                        areaStore.find(AreaKind.OA, BoxFilter.NONE, 100_000, 0).items().stream().map(Area::code)
                                .collect(Collectors.toSet())));
    }

    private static Routes.Patrols patrols(Database db, IncidentSelection selection, Routes.Analyses analyses,
                                          BritishNationalGrid grid, ServiceArea serviceArea, AppConfig.Patrol patrol,
                                          Clock clock) {
        JdbcPatrolPlanStore plans = new JdbcPatrolPlanStore(db);
        PatrolService service = new PatrolService(selection, analyses.clusters(),
                analyses.giStar(), plans, grid, serviceArea,
                new PatrolService.Settings(patrol.baseLonLat(), patrol.detourFactor(),
                        PatrolRouter.DEFAULT_SOLUTION_LIMIT),
                clock);
        return new Routes.Patrols(service, new DoseService(plans, new JdbcPatrolTrackStore(db), grid), grid);
    }

    private static Routes.Interventions interventions(Database db, IncidentSelection selection,
                                                      IncidentStore incidents, AreaStore areaStore,
                                                      AreaResolver areas, BritishNationalGrid grid,
                                                      ServiceArea serviceArea, DisclosurePolicy disclosure,
                                                      Clock clock) {
        InterventionService service = new InterventionService(new JdbcInterventionStore(db),
                new JdbcPatrolPlanStore(db), areas, grid, serviceArea, clock);
        return new Routes.Interventions(service,
                new EvaluationService(service, selection, incidents, areaStore, areas, grid, disclosure),
                new EvaluationImages(grid));
    }

    private static Routes.Councillor councillor(Database db, IncidentSelection selection, IncidentStore incidents,
                                                AreaStore areas, List<Area> wards, BritishNationalGrid grid,
                                                DisclosurePolicy disclosure, Clock clock) {
        PopulationStore populations = new JdbcPopulationStore(db, JdbcPopulationStore.Table.WARD_POPULATION, clock);
        WardChoroplethService choropleth = new WardChoroplethService(selection, areas, populations, grid, disclosure,
                new ResultCache(incidents, 1, Duration.ofHours(1)));
        return new Routes.Councillor(choropleth, new WardReportService(choropleth, areas, grid),
                new ReportImages(grid), populations, wards.stream().map(Area::code).collect(Collectors.toSet()));
    }

    private static LayerCatalog catalog(IncidentStore incidents, CollisionStore collisions,
                                        SpeedConcernStore speedConcerns, CouncilCaseStore councilCases,
                                        CouncilTaxonomy taxonomy, AreaStore areas) {
        return new LayerCatalog(List.of(
                new IncidentLayer(incidents),
                new CollisionLayer(collisions),
                new SpeedConcernLayer(speedConcerns),
                new CouncilCaseLayer(councilCases, taxonomy),
                new AreaLayer("wards", AreaKind.WARD, "Wards (2013)", "Electoral wards of Melton borough, 2013 set", areas),
                new AreaLayer("lsoa", AreaKind.LSOA, "LSOAs (2011)", "Lower Layer Super Output Areas, 2011", areas),
                new AreaLayer("oa", AreaKind.OA, "Output areas (2011)", "Census output areas, 2011", areas),
                new AreaLayer("neighbourhoods", AreaKind.NEIGHBOURHOOD, "Priority neighbourhoods",
                        "Areas the partnership prioritises; approximate outlines are marked", areas)));
    }

    private static double[] lonLatBox(ServiceArea area, BritishNationalGrid grid) {
        Envelope e = grid.toWgs84(area.gridPolygon()).getEnvelopeInternal();
        return new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }

    /** Every route with its access level, for the access tests. */
    public List<Routes.Endpoint> endpoints() {
        return routes.table();
    }

    public int port() {
        return server.port();
    }

    /** The store's connection pool, for operational checks (and tests that occupy it). */
    public javax.sql.DataSource dataSource() {
        return db.dataSource();
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
