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
                    double[] serviceArea, String sampleSourcePrefix) {
    }

    record CategoryJson(String slug, String label) {
    }

    record ExtentJson(double[] bbox, String firstMonth, String lastMonth) {
    }

    record ViewerConfig(String basemapUrl, String basemapAttribution, String dataAttribution, boolean sampleData,
                        String store, List<CategoryJson> categories, ExtentJson extent, double[] serviceArea,
                        List<Gazetteer.MapLabel> wardNames, List<Gazetteer.MapLabel> placeNames,
                        String placesAttribution) {
    }

    private static final List<CategoryJson> CATEGORIES = Arrays.stream(Category.values())
            .map(c -> new CategoryJson(c.slug(), c.label())).toList();

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
        boolean sample = incidents.imports(100).stream()
                .anyMatch(r -> r.sourceName() != null && r.sourceName().startsWith(settings.sampleSourcePrefix()));
        ctx.json(new ViewerConfig(settings.basemapUrl(), settings.basemapAttribution(), settings.dataAttribution(),
                sample, settings.store(), CATEGORIES, extent, settings.serviceArea(), gazetteer.wardLabels(),
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
