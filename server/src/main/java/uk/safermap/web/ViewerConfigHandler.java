package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.domain.Category;
import uk.safermap.store.IncidentStore;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/** {@code GET /api/viewer/config}: what the browser viewer needs to start. */
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
                        String store, List<CategoryJson> categories, ExtentJson extent, double[] serviceArea) {
    }

    private static final List<CategoryJson> CATEGORIES = Arrays.stream(Category.values())
            .map(c -> new CategoryJson(c.slug(), c.label())).toList();

    private final Settings settings;
    private final IncidentStore incidents;

    ViewerConfigHandler(Settings settings, IncidentStore incidents) {
        this.settings = settings;
        this.incidents = incidents;
    }


    void config(Context ctx) {
        ExtentJson extent = incidents.extent().map(e -> new ExtentJson(
                new double[] {e.minLon(), e.minLat(), e.maxLon(), e.maxLat()},
                YearMonth.from(e.start()).toString(),
                YearMonth.from(e.end().minusNanos(1)).toString())).orElse(null);
        boolean sample = incidents.imports(100).stream()
                .anyMatch(r -> r.sourceName() != null && r.sourceName().startsWith(settings.sampleSourcePrefix()));
        ctx.json(new ViewerConfig(settings.basemapUrl(), settings.basemapAttribution(), settings.dataAttribution(),
                sample, settings.store(), CATEGORIES, extent, settings.serviceArea()));
    }
}
