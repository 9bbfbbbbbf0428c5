package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.PatrolPlan;
import uk.safermap.patrol.HotspotMethod;
import uk.safermap.patrol.PatrolRequest;
import uk.safermap.patrol.PatrolService;
import uk.safermap.patrol.TravelMode;
import uk.safermap.patrol.risk.ShiftWindow;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Patrol plans over HTTP: {@code POST /api/patrols/plan} makes one from a JSON body,
 * {@code GET /api/patrols/plan/{id}} returns it, {@code .../print} renders the briefing page.
 */
final class PatrolHandler {

    static final int MAX_UNITS = 20;
    static final int MAX_HOTSPOTS = 200;
    private static final Set<String> MEMBERS = Set.of("start", "end", "units", "mode", "speedKmh", "visitMinutes",
            "maxHotspots", "hotspots", "filter", "roads", "randomize", "seed");
    private static final Set<String> UNIT_MEMBERS = Set.of("name", "start", "end");

    private final PatrolService patrols;
    private final PatrolJson json;
    private final AreaResolver areas;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    /** @param maxBodyBytes the largest body, as for uploads (a road network can be large) */
    PatrolHandler(PatrolService patrols, PatrolJson json, AreaResolver areas, ObjectMapper mapper, long maxBodyBytes) {
        this.patrols = patrols;
        this.json = json;
        this.areas = areas;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    void plan(Context ctx) {
        PatrolPlan plan = patrols.plan(request(JsonBody.read(ctx, mapper, maxBodyBytes, MEMBERS)));
        ctx.status(201).header("Location", "/api/patrols/plan/" + plan.id()).json(json.plan(plan));
    }

    void get(Context ctx) {
        ctx.json(json.plan(stored(ctx)));
    }

    void print(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(new PatrolBriefingPage(json::where).render(stored(ctx)));
    }

    private PatrolPlan stored(Context ctx) {
        String id = ctx.pathParam("id");
        return patrols.get(id).orElseThrow(() -> ApiException.notFound("no patrol plan with id '" + id + "'"));
    }

    private PatrolRequest request(JsonBody body) {
        TravelMode mode = TravelMode.of(body.string("mode", TravelMode.FOOT.slug()));
        OptionalDouble seed = body.optionalNumber("seed", 0, 1L << 52);
        if (seed.isPresent() && seed.getAsDouble() != Math.rint(seed.getAsDouble())) {
            throw ApiException.badRequest(body.at("seed") + " must be a whole number, got " + seed.getAsDouble());
        }
        List<Geometry> roads = body.geoJson("roads").map(features -> features.stream()
                .map(JsonBody.GeoJsonFeature::geometry).toList()).orElse(List.of());
        return new PatrolRequest(time(body, "start"), time(body, "end"), units(body), mode,
                body.number("speedKmh", mode.defaultSpeedKmh(), 1, 120),
                body.integer("visitMinutes", 12, 1, 60),
                body.integer("maxHotspots", 20, 1, MAX_HOTSPOTS),
                HotspotMethod.of(body.string("hotspots", HotspotMethod.CLUSTERS.slug())),
                body.filter(areas), roads, body.bool("randomize", false),
                seed.isPresent() ? OptionalLong.of((long) seed.getAsDouble()) : OptionalLong.empty());
    }

    /** A London local date-time ({@code 2026-03-28T22:00}), or one with an offset, converted to London. */
    private static ZonedDateTime time(JsonBody body, String name) {
        String text = body.string(name).orElseThrow(() -> ApiException.badRequest(body.at(name)
                + " is required: a London local date-time such as 2026-03-28T22:00"));
        try {
            return LocalDateTime.parse(text).atZone(ShiftWindow.LONDON);
        } catch (DateTimeParseException local) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(ShiftWindow.LONDON);
            } catch (DateTimeParseException offset) {
                throw ApiException.badRequest(body.at(name) + " must be an ISO date-time such as 2026-03-28T22:00 "
                        + "(London time) or 2026-03-28T22:00+00:00, got '" + text + "'");
            }
        }
    }

    /** {@code units}: a number of units at the default base, or an array of {name, start, end}. */
    private static List<PatrolRequest.Unit> units(JsonBody body) {
        JsonNode v = body.member("units").orElse(null);
        if (v == null || v.isNumber()) {
            int n = body.integer("units", 1, 1, MAX_UNITS);
            return Collections.nCopies(n, new PatrolRequest.Unit(null, null, null));
        }
        List<JsonBody> given = body.objects("units", UNIT_MEMBERS);
        if (given.isEmpty() || given.size() > MAX_UNITS) {
            throw ApiException.badRequest("units must list 1 to " + MAX_UNITS + " units, got " + given.size());
        }
        List<PatrolRequest.Unit> out = new ArrayList<>();
        for (JsonBody u : given) {
            out.add(new PatrolRequest.Unit(u.string("name", null), lonLat(u, "start"), lonLat(u, "end")));
        }
        return out;
    }

    private static double[] lonLat(JsonBody unit, String name) {
        double[] v = unit.numbers(name).orElse(null);
        if (v != null && (v.length != 2 || Math.abs(v[0]) > 180 || Math.abs(v[1]) > 90)) {
            throw ApiException.badRequest(unit.at(name) + " must be [lon, lat] in WGS 84");
        }
        return v;
    }
}
