package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import uk.safermap.analysis.AnalysisFilter;
import uk.safermap.analysis.ClusterParameters;
import uk.safermap.areas.AreaResolver;
import uk.safermap.council.CouncilCaseService;
import uk.safermap.councillor.CouncilCaseWardService;
import uk.safermap.domain.CaseType;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.layers.CouncilCaseLayer;
import uk.safermap.layers.Feature;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Council case types over HTTP: the taxonomy, hot spots, and ward figures for councillors. */
final class CouncilCaseHandler {

    private final CouncilCaseService cases;
    private final CouncilCaseWardService wards;
    private final AreaResolver areas;
    private final BritishNationalGrid grid;
    private final ObjectMapper mapper;

    CouncilCaseHandler(CouncilCaseService cases, CouncilCaseWardService wards, AreaResolver areas,
                       BritishNationalGrid grid, ObjectMapper mapper) {
        this.cases = cases;
        this.wards = wards;
        this.areas = areas;
        this.grid = grid;
        this.mapper = mapper;
    }

    /** The case types with their labels and colours, for filters and legends. */
    record Types(List<CaseType> types) {
    }

    void types(Context ctx) {
        ctx.json(new Types(cases.taxonomy().types()));
    }

    void clusters(Context ctx) throws IOException {
        CaseRequest request = AnalysisParams.read(ctx, this::caseRequest);
        AnalysisFilter f = request.filter();
        CouncilCaseService.Clusters r = cases.clusters(f.from().map(t -> t.toLocalDate()),
                f.to().map(t -> t.toLocalDate()), request.types(), f.bboxWgs84().map(grid::toGrid),
                request.parameters());
        List<Feature> features = r.clusters().stream().map(c -> new Feature(c.rank(), c.outline(),
                HotspotHandler.properties("rank", c.rank(), "cases", c.cases(), "types", c.types(),
                        "firstDate", c.firstDate(), "lastDate", c.lastDate(), "centreLon", c.centreLon(),
                        "centreLat", c.centreLat()))).toList();
        AccessControl.audit(ctx, (long) r.cases());
        GeoJsonResponse.collection(ctx, mapper, features, Map.of(
                "parameters", Map.of("eps", r.epsMetres(), "minPts", r.minPoints()),
                "summary", Map.of("cases", r.cases(), "clustered", r.clustered(), "clusters", r.clusters().size())));
    }

    void wardFigures(Context ctx) throws IOException {
        AnalysisParams params = new AnalysisParams(ctx, Set.of("from", "to", "types"));
        CouncilCaseWardService.Result r = wards.figures(params.month("from"), params.month("to"), chosenTypes(ctx));
        List<Feature> features = r.wards().stream().map(w -> new Feature(w.code(), w.geometry(),
                HotspotHandler.properties("code", w.code(), "name", w.name(), "cases", w.cases(),
                        "byType", w.byType(), "suppressed", w.suppressed()))).toList();
        GeoJsonResponse.collection(ctx, mapper, features, Map.of(
                "period", Map.of("from", r.from().toString(), "to", r.to().toString()),
                "types", r.types(),
                "breaks", r.breaks(),
                "disclosure", WardHandler.disclosure(r.disclosure())));
    }

    /** Dates, box and the council's own case types (not crime categories), with the cluster parameters. */
    private record CaseRequest(AnalysisFilter filter, Set<CaseType> types, ClusterParameters parameters) {
    }

    private CaseRequest caseRequest(AnalysisParams in) {
        return new CaseRequest(in.periodAndBox(areas), chosenTypes(in.string("types").orElse(null)),
                ClusterParameters.read(in, CouncilCaseService.CLUSTERS));
    }

    private Set<CaseType> chosenTypes(Context ctx) {
        return chosenTypes(ctx.queryParam("types"));
    }

    private Set<CaseType> chosenTypes(String list) {
        return CouncilCaseLayer.types(cases.taxonomy(), list);
    }
}
