package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.Category;
import uk.safermap.layers.IncidentLayer;
import uk.safermap.params.ParameterSource;

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
 * own, which its parameter record reads (see {@link ParameterSource}). Names nobody asked for are
 * refused once the record is read, so a typo never runs a default analysis silently, and a
 * parameter added to a record is accepted here without an edit.
 */
final class AnalysisParams implements ParameterSource {

    static final Set<String> FILTER = Set.of("from", "to", "types", "area", "bbox");

    /** The incident filter and a method's parameter record, read from one query string. */
    record Filtered<P>(AnalysisFilter filter, P parameters) {
    }

    private final Context ctx;
    private final Set<String> accepted;
    private final boolean declared;

    /** Reads the incident filter and the method's record, then refuses any other name. */
    static <P> Filtered<P> withFilter(Context ctx, AreaResolver areas, Function<ParameterSource, P> record) {
        AnalysisParams params = new AnalysisParams(ctx);
        AnalysisFilter filter = params.filter(areas);
        P parameters = record.apply(params);
        params.refuseUnasked();
        return new Filtered<>(filter, parameters);
    }

    /** Reads a record from the query string, then refuses any other name. */
    static <P> P read(Context ctx, Function<? super AnalysisParams, P> record) {
        AnalysisParams params = new AnalysisParams(ctx);
        P parameters = record.apply(params);
        params.refuseUnasked();
        return parameters;
    }

    /** Exactly these parameters, checked now. */
    AnalysisParams(Context ctx, Set<String> accepted) {
        this.ctx = ctx;
        this.accepted = new TreeSet<>(accepted);
        this.declared = true;
        refuseUnasked();
    }

    /** Whatever is read from it; {@link #refuseUnasked()} then refuses the rest. */
    private AnalysisParams(Context ctx) {
        this.ctx = ctx;
        this.accepted = new TreeSet<>();
        this.declared = false;
    }

    private String value(String name) {
        if (!declared) {
            accepted.add(name);
        }
        return ctx.queryParam(name);
    }

    private void refuseUnasked() {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!accepted.contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + name + "'; accepted: "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted)));
            }
        }
    }

    AnalysisFilter filter(AreaResolver areas) {
        return filter(this::value, areas);
    }

    /**
     * Only the period and the box of the filter, for data that are not crime incidents (road
     * collisions, council cases): their categories and areas are their own, read by the caller.
     */
    AnalysisFilter periodAndBox(AreaResolver areas) {
        return filter(name -> name.equals("types") || name.equals("area") ? null : value(name), areas);
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

    @Override
    public OptionalDouble optionalNumber(String name, double min, double max) {
        String text = value(name);
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

    @Override
    public int integer(String name, int fallback, int min, int max) {
        return Params.integerInRange(name, value(name), fallback, min, max);
    }

    @Override
    public int requiredInteger(String name, int min, int max) {
        if (value(name) == null) {
            throw ApiException.badRequest(name + " is required (a whole number from " + min + " to " + max + ")");
        }
        return integer(name, 0, min, max);
    }

    @Override
    public Optional<String> string(String name) {
        return Optional.ofNullable(value(name));
    }

    @Override
    public Optional<Boolean> flag(String name) {
        return string(name).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name + " must be true or false, got '" + v + "'");
        });
    }

    @Override
    public RuntimeException invalid(String message) {
        return ApiException.badRequest(message);
    }

    @Override
    public Optional<YearMonth> month(String name) {
        String v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(Params.month(name, v));
    }

    /** A comma-separated list of numbers (the algorithm checks their order). */
    @Override
    public Optional<double[]> numbers(String name) {
        String v = value(name);
        if (v == null) {
            return Optional.empty();
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
        return Optional.of(out);
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
