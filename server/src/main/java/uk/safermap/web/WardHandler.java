package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import uk.safermap.councillor.WardChoroplethService;
import uk.safermap.councillor.WardReport;
import uk.safermap.councillor.WardReportService;
import uk.safermap.domain.AreaKind;
import uk.safermap.domain.Category;
import uk.safermap.layers.Feature;
import uk.safermap.layers.IncidentLayer;
import uk.safermap.privacy.DisclosurePolicy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Ward figures for councillors: the choropleth and the ward report. */
final class WardHandler {

    private final WardChoroplethService choropleth;
    private final WardReportService reports;
    private final WardReportPage reportPage;
    private final ObjectMapper mapper;

    WardHandler(WardChoroplethService choropleth, WardReportService reports, WardReportPage reportPage,
                ObjectMapper mapper) {
        this.choropleth = choropleth;
        this.reports = reports;
        this.reportPage = reportPage;
        this.mapper = mapper;
    }

    void choropleth(Context ctx) throws IOException {
        WardChoroplethService.Request request = AnalysisParams.read(ctx, WardChoroplethService.Request::read);
        WardChoroplethService.Result r = choropleth.choropleth(request);
        AreaKind level = request.level();
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

    /** The disclosure rule that goes with every rounded ward figure. */
    static Map<String, Object> disclosure(DisclosurePolicy policy) {
        return Map.of("roundingBase", policy.roundingBase(), "threshold", policy.threshold(), "rule", policy.rule());
    }
}
