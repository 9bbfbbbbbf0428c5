package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import uk.safermap.auth.Access;
import uk.safermap.domain.Category;
import uk.safermap.domain.Intervention;
import uk.safermap.evaluation.Evaluation;
import uk.safermap.evaluation.EvaluationParameters;
import uk.safermap.evaluation.EvaluationService;
import uk.safermap.evaluation.InterventionService;
import uk.safermap.layers.Feature;
import uk.safermap.params.ParameterSource;
import uk.safermap.params.Words;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Interventions (list, read, log, change, delete) and their evaluation: JSON, or the one-page
 * committee summary as a page or PDF. Readers who may not see incidents get ward figures.
 */
final class InterventionHandler {

    private static final Set<String> BODY = Set.of("name", "kind", "target", "start", "end", "cost", "categories",
            "notes");
    private static final Set<String> TARGET = Set.of("area", "geometry", "sites", "radius", "what", "patrolPlan");

    private final InterventionService interventions;
    private final EvaluationService evaluations;
    private final EvaluationPage page;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    InterventionHandler(InterventionService interventions, EvaluationService evaluations, EvaluationPage page,
                        ObjectMapper mapper, long maxBodyBytes) {
        this.interventions = interventions;
        this.evaluations = evaluations;
        this.page = page;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Every intervention as a GeoJSON layer of target areas. */
    void list(Context ctx) throws IOException {
        new AnalysisParams(ctx, Set.of());
        List<Feature> features = interventions.all().stream().map(this::feature).toList();
        GeoJsonResponse.collection(ctx, mapper, features, Map.of());
    }

    void get(Context ctx) throws IOException {
        GeoJsonResponse.feature(ctx, mapper, feature(interventions.get(ctx.pathParam("id"))), Map.of());
    }

    void create(Context ctx) throws IOException {
        Intervention v = interventions.create(draft(JsonBody.read(ctx, mapper, maxBodyBytes, BODY)));
        ctx.status(201).header("Location", "/api/interventions/" + v.id());
        GeoJsonResponse.feature(ctx, mapper, feature(v), Map.of());
    }

    void update(Context ctx) throws IOException {
        InterventionService.Draft draft = draft(JsonBody.read(ctx, mapper, maxBodyBytes, BODY));
        Intervention v = interventions.update(ctx.pathParam("id"), draft);
        GeoJsonResponse.feature(ctx, mapper, feature(v), Map.of());
    }

    void delete(Context ctx) {
        interventions.delete(ctx.pathParam("id"));
        ctx.status(204);
    }

    void evaluation(Context ctx) {
        ctx.json(evaluate(AnalysisParams.read(ctx, in -> request(ctx, in))));
    }

    /** The one-page committee summary: a printable page, or with {@code format=pdf} the same as a PDF. */
    void print(Context ctx) {
        record Print(EvaluationService.Request request, String format) {
        }
        Print asked = AnalysisParams.read(ctx, in -> new Print(request(ctx, in),
                in.choice("format", "html", Words.of("html", "html").or("pdf", "pdf"))));
        Evaluation e = evaluate(asked.request());
        if (asked.format().equals("pdf")) {
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "attachment; filename=\"evaluation-" + e.intervention().id() + ".pdf\"");
            ctx.result(page.pdf(e));
        } else {
            ctx.html(page.html(e));
        }
    }

    /** Readers who may see points get the exact comparison (LSOAs); others, ward figures only. */
    private static EvaluationService.Request request(Context ctx, ParameterSource in) {
        boolean exact = Access.POINTS.allows(AccessControl.principal(ctx).role());
        EvaluationParameters p = EvaluationParameters.read(in, exact ? EvaluationParameters.DEFAULTS
                : EvaluationParameters.WARD_FIGURE_DEFAULTS);
        return new EvaluationService.Request(ctx.pathParam("id"), p, EvaluationParameters.comparisonAreas(in), !exact);
    }

    private Evaluation evaluate(EvaluationService.Request request) {
        return evaluations.evaluate(request);
    }

    private Feature feature(Intervention v) {
        return new Feature(v.id(), interventions.lonLat(v), HotspotHandler.properties("name", v.name(),
                "kind", v.kind().slug(), "target_source", v.targetSource(), "start", v.start().toString(),
                "end", v.end() == null ? null : v.end().toString(), "cost", v.costPounds(),
                "categories", String.join(",", v.categories().stream().map(Category::slug).sorted().toList()),
                "notes", v.notes(), "evaluation", "/api/interventions/" + v.id() + "/evaluation"));
    }

    private InterventionService.Draft draft(JsonBody body) {
        String name = body.string("name").orElseThrow(() -> ApiException.badRequest("name is required"));
        String kindText = body.string("kind").orElseThrow(() -> ApiException.badRequest(
                "kind is required: cctv, doorbells, patrol, week-of-action, lighting or other"));
        Intervention.Kind kind = Intervention.Kind.fromSlug(kindText).orElseThrow(() -> ApiException.badRequest(
                "kind must be cctv, doorbells, patrol, week-of-action, lighting or other, got '" + kindText + "'"));
        LocalDate start = date(body, "start").orElseThrow(() -> ApiException.badRequest(
                "start is required, a date such as 2025-03-14"));
        LocalDate end = date(body, "end").orElse(null);
        if (end != null && end.isBefore(start)) {
            throw ApiException.badRequest("end must not be before start");
        }
        Double cost = body.optionalNumber("cost", 0, 1e9).stream().boxed().findFirst().orElse(null);
        Set<Category> categories = EnumSet.noneOf(Category.class);
        body.member("categories").ifPresent(v -> {
            if (!v.isArray()) {
                throw ApiException.badRequest("categories must be an array of category slugs");
            }
            for (JsonNode c : v) {
                categories.add(Category.fromSlug(c.asText()).orElseThrow(() -> ApiException.badRequest(
                        "categories: '" + c.asText() + "' is not a category slug (e.g. burglary, "
                                + "anti-social-behaviour)")));
            }
        });
        String notes = body.string("notes", "");
        if (notes.length() > 4000) {
            throw ApiException.badRequest("notes must be at most 4000 characters");
        }
        JsonBody target = body.object("target", TARGET).orElseThrow(() -> ApiException.badRequest(
                "target is required: {\"area\":\"ward:E05...\"}, {\"geometry\":<GeoJSON polygon>}, "
                        + "{\"sites\":<GeoJSON points>,\"radius\":metres} or {\"patrolPlan\":\"id\"}"));
        return new InterventionService.Draft(name, kind, target(target, kind), start, end, cost, categories, notes);
    }

    private static InterventionService.TargetSpec target(JsonBody t, Intervention.Kind kind) {
        int given = (t.has("area") ? 1 : 0) + (t.has("geometry") ? 1 : 0) + (t.has("sites") ? 1 : 0)
                + (t.has("patrolPlan") ? 1 : 0);
        if (given != 1) {
            throw ApiException.badRequest("target needs exactly one of area, geometry, sites or patrolPlan");
        }
        if (t.has("area")) {
            return new InterventionService.NamedArea(t.string("area").orElseThrow());
        }
        if (t.has("geometry")) {
            List<JsonBody.GeoJsonFeature> f = t.geoJson("geometry").orElseThrow();
            Geometry g = f.get(0).geometry();
            for (int i = 1; i < f.size(); i++) {
                g = g.union(f.get(i).geometry());
            }
            return new InterventionService.Drawn(g);
        }
        if (t.has("patrolPlan")) {
            return new InterventionService.PatrolHotspots(t.string("patrolPlan").orElseThrow(),
                    t.number("radius", InterventionService.PATROL_RADIUS_METRES, 10, 1000));
        }
        // Only the points: a placement result also holds its coverage shapes, which are left out.
        List<double[]> sites = new ArrayList<>();
        for (JsonBody.GeoJsonFeature f : t.geoJson("sites").orElseThrow()) {
            if (f.geometry() instanceof Point p) {
                sites.add(new double[] {p.getX(), p.getY()});
            }
        }
        if (sites.isEmpty()) {
            throw ApiException.badRequest("target.sites holds no Point: give the sites as GeoJSON Points");
        }
        if (!t.has("radius")) {
            throw ApiException.badRequest("target.radius is required with sites: the coverage radius in metres "
                    + "(e.g. the radius the placement used)");
        }
        return new InterventionService.Sites(t.string("what", kind.slug()), sites, t.number("radius", 0, 10, 1000));
    }

    private static Optional<LocalDate> date(JsonBody body, String name) {
        return body.string(name).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(name + " must be a date such as 2025-03-14, got '" + v + "'");
            }
        });
    }
}
