package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.areas.Gazetteer;
import uk.safermap.councillor.WardChoroplethService;
import uk.safermap.domain.Category;
import uk.safermap.store.IncidentStore;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/viewer/config}: what the browser viewer needs to start. Callers who may see
 * incidents get the incidents' extent; everyone else (anonymous callers included) gets the
 * service area and the published period of the disclosure policy, which no single record moves.
 */
final class ViewerConfigHandler {

    /** Settings that do not change while the service runs. */
    record Settings(String basemapUrl, String basemapAttribution, String dataAttribution, String store,
                    double[] serviceArea, String sampleSourcePrefix, String realSourcePrefix) {
    }

    record CategoryJson(String slug, String label) {
    }

    record ExtentJson(double[] bbox, String firstMonth, String lastMonth) {
    }

    /**
     * @param dataSource where the incidents come from, with the licence they need, when the shipped
     *                   real months are loaded; null otherwise
     */
    record ViewerConfig(String basemapUrl, String basemapAttribution, String dataAttribution, boolean sampleData,
                        String dataSource, String store, List<CategoryJson> categories, ExtentJson extent,
                        double[] serviceArea, List<Gazetteer.MapLabel> wardNames, List<Gazetteer.MapLabel> placeNames,
                        String placesAttribution) {
    }

    private static final List<CategoryJson> CATEGORIES = Arrays.stream(Category.values())
            .map(c -> new CategoryJson(c.slug(), c.label())).toList();

    /** The attribution OGL v3.0 asks for wherever police.uk data or anything derived from it is shown. */
    static final String POLICE_UK_LICENCE =
            "Contains public sector information licensed under the Open Government Licence v3.0.";

    private final Settings settings;
    private final IncidentStore incidents;
    private final WardChoroplethService figures;
    private final Gazetteer gazetteer;

    ViewerConfigHandler(Settings settings, IncidentStore incidents, WardChoroplethService figures,
                        Gazetteer gazetteer) {
        this.settings = settings;
        this.incidents = incidents;
        this.figures = figures;
        this.gazetteer = gazetteer;
    }

    void config(Context ctx) {
        boolean seesPoints = AccessControl.maybePrincipal(ctx).map(p -> p.role().seesPoints()).orElse(false);
        ExtentJson extent = seesPoints ? incidentExtent() : publishedExtent();
        List<IncidentStore.ImportRecord> imports = incidents.imports(100);
        boolean sample = imports.stream()
                .anyMatch(r -> r.sourceName() != null && r.sourceName().startsWith(settings.sampleSourcePrefix()));
        boolean real = imports.stream()
                .anyMatch(r -> r.sourceName() != null && r.sourceName().startsWith(settings.realSourcePrefix()));
        String source = real && extent != null ? "data.police.uk, Leicestershire Police, months " + extent.firstMonth()
                + " to " + extent.lastMonth() + ". " + POLICE_UK_LICENCE : null;
        ctx.json(new ViewerConfig(settings.basemapUrl(), settings.basemapAttribution(), settings.dataAttribution(),
                sample, source, settings.store(), CATEGORIES, extent, settings.serviceArea(), gazetteer.wardLabels(),
                gazetteer.placeLabels(), Gazetteer.ATTRIBUTION));
    }

    private ExtentJson incidentExtent() {
        return incidents.extent().map(e -> new ExtentJson(
                new double[] {e.minLon(), e.minLat(), e.maxLon(), e.maxLat()},
                YearMonth.from(e.start()).toString(),
                YearMonth.from(e.end().minusNanos(1)).toString())).orElse(null);
    }

    private ExtentJson publishedExtent() {
        return figures.publishedPeriod().map(p -> new ExtentJson(settings.serviceArea().clone(), p.first().toString(),
                p.last().toString())).orElse(null);
    }
}
