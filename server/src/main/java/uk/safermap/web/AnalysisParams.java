package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.Category;
import uk.safermap.layers.IncidentLayer;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Query parameters of the analysis endpoints: the shared incident filter ({@code from}, {@code to}
 * as months or dates, inclusive; {@code types}; {@code area}; {@code bbox}) plus each method's
 * own, checked against declared ranges. Unknown parameters are refused, so a typo never runs a
 * default analysis silently.
 */
final class AnalysisParams {

    static final Set<String> FILTER = Set.of("from", "to", "types", "area", "bbox");

    private final Context ctx;

    /** The incident filter's parameters plus the method's own. */
    static AnalysisParams withFilter(Context ctx, Set<String> methodParams) {
        Set<String> accepted = new TreeSet<>(FILTER);
        accepted.addAll(methodParams);
        return new AnalysisParams(ctx, accepted);
    }

    /** Exactly these parameters. */
    AnalysisParams(Context ctx, Set<String> accepted) {
        this.ctx = ctx;
        for (String name : ctx.queryParamMap().keySet()) {
            if (!accepted.contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + name + "'; accepted: "
                        + String.join(", ", new TreeSet<>(accepted)));
            }
        }
    }

    AnalysisFilter filter(AreaResolver areas) {
        return filter(ctx::queryParam, areas);
    }

    /**
     * The incident filter from any source of named text values: query parameters, or the
     * {@code filter} object of a JSON body, so both spell the filter the same way.
     */
    static AnalysisFilter filter(Function<String, String> value, AreaResolver areas) {
        Optional<LocalDateTime> from = Optional.ofNullable(value.apply("from")).map(v -> start("from", v));
        Optional<LocalDateTime> to = Optional.ofNullable(value.apply("to")).map(v -> end("to", v));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw ApiException.badRequest("from must not be after to");
        }
        Set<Category> types = IncidentLayer.categories("types", value.apply("types"));
        Optional<AreaResolver.Resolved> area = Optional.ofNullable(value.apply("area")).map(areas::resolve);
        return new AnalysisFilter(from, to, types, area, Params.bbox(value.apply("bbox")));
    }

    double number(String name, double fallback, double min, double max) {
        return optionalNumber(name, min, max).orElse(fallback);
    }

    OptionalDouble optionalNumber(String name, double min, double max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return OptionalDouble.empty();
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a number, got '" + text + "'");
        }
        if (!(v >= min && v <= max)) {
            throw ApiException.badRequest(name + " must be between " + trim(min) + " and " + trim(max) + ", got " + text);
        }
        return OptionalDouble.of(v);
    }

    int integer(String name, int fallback, int min, int max) {
        return Params.integerInRange(name, ctx.queryParam(name), fallback, min, max);
    }

    String string(String name, String fallback) {
        String v = ctx.queryParam(name);
        return v == null ? fallback : v;
    }

    Optional<YearMonth> month(String name) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(Params.month(name, v));
    }

    /** A comma-separated list of numbers (the algorithm checks their order). */
    double[] numbers(String name, double[] fallback) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        String[] parts = v.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(name + " must be comma-separated numbers, got '" + v + "'");
            }
        }
        return out;
    }

    private static LocalDateTime start(String name, String value) {
        return Params.span(name, value, false)[0];
    }

    private static LocalDateTime end(String name, String value) {
        return Params.span(name, value, false)[1];
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
