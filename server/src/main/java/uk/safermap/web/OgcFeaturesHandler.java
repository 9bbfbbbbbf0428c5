package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.layers.CollectionInfo;
import uk.safermap.layers.Feature;
import uk.safermap.layers.FeatureSource;
import uk.safermap.layers.ItemsQuery;
import uk.safermap.layers.filter.Cql2Filters;
import uk.safermap.layers.filter.ItemsFilter;
import uk.safermap.layers.LayerCatalog;
import uk.safermap.layers.Queryable;
import uk.safermap.store.Page;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * OGC API - Features, Part 1 Core with GeoJSON: conformance, collections, items and single
 * items, for every source in the {@link LayerCatalog}; and Part 2, coordinate reference systems:
 * features and bbox in CRS84 or British National Grid, which UK local government GIS works in.
 */
final class OgcFeaturesHandler {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String BNG = "http://www.opengis.net/def/crs/EPSG/0/27700";
    private static final List<String> CRS = List.of(CRS84, BNG);
    private static final String QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    private static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Set<String> CORE_PARAMS = Set.of("bbox", "bbox-crs", "crs", "datetime", "limit", "offset", "f",
            "filter", "filter-lang");

    private final LayerCatalog catalog;
    private final BritishNationalGrid grid;
    private final ObjectMapper mapper;
    private final int defaultLimit;
    private final int maxLimit;
    private final Clock clock;

    OgcFeaturesHandler(LayerCatalog catalog, BritishNationalGrid grid, ObjectMapper mapper, int defaultLimit,
                       int maxLimit, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.grid = grid;
        this.mapper = mapper;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    record Conformance(List<String> conformsTo) {
    }

    record Collections(List<Links.Link> links, List<CollectionJson> collections) {
    }

    record Extent(Spatial spatial, Temporal temporal) {
    }

    record Spatial(List<double[]> bbox, String crs) {
    }

    record Temporal(List<String[]> interval, String trs) {
    }

    record CollectionJson(String id, String title, String description, String itemType, List<String> crs,
                          String storageCrs, Extent extent, List<Links.Link> links) {
    }

    /** A property of a queryables schema. */
    record PropertySchema(String title, String type, String format, @JsonProperty("enum") List<String> values) {
    }

    /** The queryables of a collection: a JSON Schema of the properties a client may filter on. */
    record QueryablesJson(@JsonProperty("$schema") String schema, @JsonProperty("$id") String id, String type,
                          String title, Map<String, PropertySchema> properties, boolean additionalProperties) {
    }

    void conformance(Context ctx) {
        ctx.json(new Conformance(CONFORMANCE));
    }

    void collections(Context ctx) {
        boolean seesPoints = AccessControl.principal(ctx).role().seesPoints();
        List<CollectionJson> all = catalog.all().stream().filter(s -> seesPoints || !s.pointLevel())
                .map(s -> collectionJson(ctx, s)).toList();
        ctx.json(new Collections(List.of(Links.link(ctx, "/collections", "self", Links.JSON, "collections")), all));
    }

    void collection(Context ctx) {
        ctx.json(collectionJson(ctx, source(ctx)));
    }

    private static CollectionJson collectionJson(Context ctx, FeatureSource s) {
        CollectionInfo info = s.info();
        String path = "/collections/" + s.id();
        Spatial spatial = new Spatial(List.of(info.bbox().orElse(new double[] {-180, -90, 180, 90})), CRS84);
        Temporal temporal = info.interval().map(i -> new Temporal(List.<String[]>of(new String[] {
                utc(i[0]), utc(i[1])}), GREGORIAN)).orElse(null);
        return new CollectionJson(s.id(), info.title(), info.description(), "feature", CRS, CRS84,
                new Extent(spatial, temporal), List.of(
                Links.link(ctx, path, "self", Links.JSON, info.title()),
                Links.link(ctx, path + "/items", "items", Links.GEOJSON, info.title() + " as GeoJSON"),
                Links.link(ctx, path + "/queryables", QUERYABLES_REL, "application/schema+json",
                        "properties to filter " + info.title() + " on")));
    }

    void queryables(Context ctx) {
        FeatureSource source = source(ctx);
        Map<String, PropertySchema> properties = new LinkedHashMap<>();
        properties.put("geometry", new PropertySchema("Geometry", null, source.geometryFormat(), null));
        for (Queryable q : source.queryables()) {
            properties.put(q.name(), new PropertySchema(q.title(), "string", null, q.values().isEmpty() ? null : q.values()));
        }
        ctx.json(new QueryablesJson("https://json-schema.org/draft/2020-12/schema",
                Links.base(ctx) + "/collections/" + source.id() + "/queryables", "object", source.info().title(),
                properties, false));
        ctx.contentType("application/schema+json");
    }

    void items(Context ctx) throws IOException {
        FeatureSource source = source(ctx);
        String crs = crs(ctx, "crs");
        ItemsQuery query = itemsQuery(ctx, source);
        Page<Feature> page = filter(ctx, source).narrow(query).map(source::items)
                .orElse(new Page<>(List.of(), 0));
        List<Feature> features = page.items().stream().map(f -> inCrs(f, crs)).toList();
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("timeStamp", Instant.now(clock).toString());
        members.put("numberMatched", page.numberMatched());
        members.put("numberReturned", page.items().size());
        members.put("links", itemLinks(ctx, source, query, page));
        ctx.header("Content-Crs", "<" + crs + ">");
        GeoJsonResponse.collection(ctx, mapper, features, members);
    }

    void item(Context ctx) throws IOException {
        FeatureSource source = source(ctx);
        String crs = crs(ctx, "crs");
        String id = ctx.pathParam("featureId");
        Feature f = source.item(id).orElseThrow(() -> ApiException.notFound(
                "no feature '" + id + "' in collection '" + source.id() + "'"));
        String collection = "/collections/" + source.id();
        ctx.header("Content-Crs", "<" + crs + ">");
        GeoJsonResponse.feature(ctx, mapper, inCrs(f, crs), Map.of("links", List.of(
                Links.link(ctx, collection + "/items/" + encode(id), "self", Links.GEOJSON, "this feature"),
                Links.link(ctx, collection, "collection", Links.JSON, "the collection"))));
    }

    /** A CRS parameter: one of {@link #CRS} as a URI or a safe CURIE ({@code [EPSG:27700]}); CRS84 when absent. */
    private static String crs(Context ctx, String param) {
        String value = ctx.queryParam(param);
        if (value == null) {
            return CRS84;
        }
        String uri = switch (value) {
            case "[EPSG:27700]", "EPSG:27700" -> BNG;
            case "[OGC:CRS84]", "OGC:CRS84" -> CRS84;
            default -> value;
        };
        if (!CRS.contains(uri)) {
            throw ApiException.badRequest(param + " must be one of " + String.join(", ", CRS) + ", got '" + value + "'");
        }
        return uri;
    }

    /** The feature with its geometry in the requested CRS (the store holds lon/lat). */
    private Feature inCrs(Feature f, String crs) {
        return crs.equals(BNG) ? new Feature(f.id(), grid.toGrid(f.geometry()), f.properties()) : f;
    }

    /** The collection named in the path, when the caller may read it. */
    private FeatureSource source(Context ctx) {
        String id = ctx.pathParam("collectionId");
        FeatureSource source = catalog.get(id).orElseThrow(() -> ApiException.notFound(
                "no collection '" + id + "'; see /collections"));
        if (source.pointLevel() && !AccessControl.principal(ctx).role().seesPoints()) {
            throw new ApiException(403, "the " + AccessControl.principal(ctx).role().key() + " role sees ward "
                    + "figures, not individual incidents: see /api/wards/choropleth");
        }
        return source;
    }

    private ItemsQuery itemsQuery(Context ctx, FeatureSource source) {
        Map<String, String> extra = new HashMap<>();
        for (String name : ctx.queryParamMap().keySet()) {
            if (source.extraParameters().containsKey(name)) {
                extra.put(name, ctx.queryParam(name));
            } else if (!CORE_PARAMS.contains(name)) {
                Set<String> accepted = new TreeSet<>(CORE_PARAMS);
                accepted.addAll(source.extraParameters().keySet());
                throw ApiException.badRequest("unknown query parameter '" + name + "' for collection '" + source.id()
                        + "'; accepted: " + String.join(", ", accepted));
            }
        }
        String f = ctx.queryParam("f");
        if (f != null && !f.equals("json") && !f.equals("geojson")) {
            throw ApiException.badRequest("f must be json or geojson, got '" + f + "'");
        }
        Params.Interval when = Params.datetime(ctx.queryParam("datetime"));
        int limit = Params.integer("limit", ctx.queryParam("limit"), defaultLimit, 1, maxLimit);
        long offset = Params.nonNegative("offset", ctx.queryParam("offset"));
        return new ItemsQuery(Params.bboxes(ctx.queryParam("bbox"), crs(ctx, "bbox-crs").equals(BNG)), when.from(), when.to(), extra, limit, offset);
    }

    /** The OGC API - Features Part 3 {@code filter}, in CQL2 text, the only filter language offered. */
    private static ItemsFilter filter(Context ctx, FeatureSource source) {
        String lang = ctx.queryParam("filter-lang");
        if (lang != null && !lang.equals("cql2-text")) {
            throw ApiException.badRequest("filter-lang must be cql2-text, got '" + lang + "'");
        }
        String text = ctx.queryParam("filter");
        return text == null ? ItemsFilter.ALL : Cql2Filters.parse(text, source.queryables());
    }

    private static List<Links.Link> itemLinks(Context ctx, FeatureSource source, ItemsQuery q, Page<Feature> page) {
        String path = "/collections/" + source.id() + "/items";
        List<Links.Link> links = new ArrayList<>();
        links.add(Links.link(ctx, path + query(ctx, q.offset(), q.limit()), "self", Links.GEOJSON, "this page"));
        if (q.offset() + page.items().size() < page.numberMatched()) {
            links.add(Links.link(ctx, path + query(ctx, q.offset() + q.limit(), q.limit()), "next", Links.GEOJSON,
                    "next page"));
        }
        links.add(Links.link(ctx, "/collections/" + source.id(), "collection", Links.JSON, source.info().title()));
        return links;
    }

    /** The request's own query string with offset and limit replaced. */
    private static String query(Context ctx, long offset, int limit) {
        List<String> parts = new ArrayList<>();
        ctx.queryParamMap().forEach((k, values) -> {
            if (!k.equals("offset") && !k.equals("limit")) {
                values.forEach(v -> parts.add(encode(k) + "=" + encode(v)));
            }
        });
        parts.add("limit=" + limit);
        parts.add("offset=" + offset);
        return "?" + String.join("&", parts);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Store times are London local time; OGC extents are RFC 3339 UTC instants. */
    private static String utc(LocalDateTime t) {
        return t.atZone(LONDON).toInstant().toString();
    }
}
