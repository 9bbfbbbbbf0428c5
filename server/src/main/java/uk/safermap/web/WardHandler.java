package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.safermap.councillor.WardChoroplethService;
import uk.safermap.councillor.WardReport;
import uk.safermap.councillor.WardReportService;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.layers.Feature;
import uk.safermap.layers.IncidentLayer;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.store.PopulationStore;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Ward figures for councillors: the choropleth, and the ward populations that rates need. */
final class WardHandler {

    private final WardChoroplethService choropleth;
    private final WardReportService reports;
    private final WardReportPage reportPage;
    private final PopulationStore populations;
    private final Set<String> wardCodes;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    WardHandler(WardChoroplethService choropleth, WardReportService reports, WardReportPage reportPage,
                PopulationStore populations, Set<String> wardCodes, ObjectMapper mapper, long maxBodyBytes) {
        this.choropleth = choropleth;
        this.reports = reports;
        this.reportPage = reportPage;
        this.populations = populations;
        this.wardCodes = Set.copyOf(wardCodes);
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    void choropleth(Context ctx) throws IOException {
        AnalysisParams params = new AnalysisParams(ctx, Set.of("level", "metric", "from", "to", "types",
                "classification", "classes"));
        AreaKind level = switch (params.string("level", "ward")) {
            case "ward" -> AreaKind.WARD;
            case "lsoa" -> AreaKind.LSOA;
            default -> throw ApiException.badRequest("level must be ward or lsoa");
        };
        WardChoroplethService.Metric metric = switch (params.string("metric", "count")) {
            case "count" -> WardChoroplethService.Metric.COUNT;
            case "rate" -> WardChoroplethService.Metric.RATE;
            case "change" -> WardChoroplethService.Metric.CHANGE;
            default -> throw ApiException.badRequest("metric must be count, rate (per 1,000 residents) or change "
                    + "(against the same period a year earlier)");
        };
        WardChoroplethService.Classification classification = switch (params.string("classification", "quantile")) {
            case "quantile" -> WardChoroplethService.Classification.QUANTILE;
            case "natural-breaks", "jenks" -> WardChoroplethService.Classification.NATURAL_BREAKS;
            default -> throw ApiException.badRequest("classification must be quantile or natural-breaks");
        };
        Set<Category> types = IncidentLayer.categories("types", ctx.queryParam("types"));
        WardChoroplethService.Result r = choropleth.choropleth(new WardChoroplethService.Request(level,
                params.month("from"), params.month("to"), types, metric, classification,
                params.integer("classes", 5, 2, 9)));
        List<Feature> features = r.wards().stream().map(w -> new Feature(w.code(), w.geometry(),
                HotspotHandler.properties("code", w.code(), "name", w.name(), "count", w.count(),
                        "previousCount", w.previousCount(), "population", w.population(), "value", w.value(),
                        "suppressed", w.suppressed(), "class", w.valueClass()))).toList();
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("level", level.key());
        members.put("metric", r.metric().name().toLowerCase(Locale.ROOT));
        members.put("period", Map.of("from", r.from().toString(), "to", r.to().toString()));
        members.put("previousPeriod", Map.of("from", r.previousFrom().toString(), "to", r.previousTo().toString()));
        members.put("classification", r.classification() == WardChoroplethService.Classification.QUANTILE
                ? "quantile" : "natural-breaks");
        members.put("breaks", r.breaks());
        members.put("disclosure", disclosure(r.disclosure()));
        members.put("populationsLoaded", r.populationsLoaded());
        members.put("notes", r.notes());
        GeoJsonResponse.collection(ctx, mapper, features, members);
    }

    /** The ward report: a printable page, or with {@code format=pdf} the same as a PDF. */
    void report(Context ctx) {
        AnalysisParams params = new AnalysisParams(ctx, Set.of("from", "to", "format"));
        String format = params.string("format", "html");
        if (!format.equals("html") && !format.equals("pdf")) {
            throw ApiException.badRequest("format must be html or pdf, got '" + format + "'");
        }
        String code = ctx.pathParam("code");
        WardReport report = reports.report(code, params.month("from"), params.month("to"));
        if (format.equals("pdf")) {
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "attachment; filename=\"ward-report-" + code + ".pdf\"");
            ctx.result(reportPage.pdf(report));
        } else {
            String query = ctx.queryString() == null ? "" : ctx.queryString() + "&";
            ctx.html(reportPage.html(report, ctx.path() + "?" + query + "format=pdf"));
        }
    }

    /** Replaces the ward populations from a CSV body with the header code,population. */
    void putPopulations(Context ctx) {
        Map<String, Integer> parsed = new LinkedHashMap<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build()
                .parse(new InputStreamReader(new LimitedInputStream(ctx.bodyInputStream(), maxBodyBytes),
                        StandardCharsets.UTF_8))) {
            if (!parser.getHeaderMap().keySet().containsAll(List.of("code", "population"))) {
                throw ApiException.badRequest("the CSV needs a header code,population; got " + parser.getHeaderNames());
            }
            for (CSVRecord rec : parser) {
                long line = rec.getRecordNumber() + 1;
                String code = rec.get("code");
                if (!wardCodes.contains(code)) {
                    throw ApiException.badRequest("line " + line + ", code: '" + code + "' is not a ward of the borough; "
                            + "see /collections/wards/items");
                }
                int population;
                try {
                    population = Integer.parseInt(rec.get("population"));
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("line " + line + ", population: not a whole number ('"
                            + rec.get("population") + "')");
                }
                if (population < 0) {
                    throw ApiException.badRequest("line " + line + ", population: must not be negative");
                }
                if (parsed.put(code, population) != null) {
                    throw ApiException.badRequest("line " + line + ", code: '" + code + "' appears twice");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.badRequest("the body is not a readable CSV: " + e.getMessage());
        }
        if (parsed.isEmpty()) {
            throw ApiException.badRequest("the CSV has no rows; nothing was changed");
        }
        String source = Optional.ofNullable(ctx.queryParam("source")).orElse("uploaded " + java.time.LocalDate.now());
        populations.replaceAll(parsed, source);
        Set<String> missing = new TreeSet<>(wardCodes);
        missing.removeAll(parsed.keySet());
        ctx.json(Map.of("wards", parsed.size(), "missing", missing, "source", source));
    }

    void getPopulations(Context ctx) {
        ctx.json(Map.of("populations", populations.all(), "source", populations.source().orElse("")));
    }

    /** The disclosure rule that goes with every rounded ward figure. */
    static Map<String, Object> disclosure(DisclosurePolicy policy) {
        return Map.of("roundingBase", policy.roundingBase(), "threshold", policy.threshold(), "rule", policy.rule());
    }
}
