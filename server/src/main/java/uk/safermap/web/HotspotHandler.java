package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import uk.safermap.analysis.ClusterParameters;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.EmergingParameters;
import uk.safermap.analysis.EmergingService;
import uk.safermap.analysis.GiStarParameters;
import uk.safermap.analysis.GiStarService;
import uk.safermap.analysis.NearRepeatParameters;
import uk.safermap.analysis.NearRepeatService;
import uk.safermap.areas.AreaResolver;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hot spot methods over HTTP: clusters, Gi*, emerging hot spots and near repeats. */
final class HotspotHandler {

    private final ClusterService clusters;
    private final GiStarService giStar;
    private final EmergingService emerging;
    private final NearRepeatService nearRepeat;
    private final AreaResolver areas;
    private final GroundLabels labels;
    private final ObjectMapper mapper;

    HotspotHandler(ClusterService clusters, GiStarService giStar, EmergingService emerging,
                   NearRepeatService nearRepeat, AreaResolver areas, GroundLabels labels, ObjectMapper mapper) {
        this.clusters = clusters;
        this.giStar = giStar;
        this.emerging = emerging;
        this.nearRepeat = nearRepeat;
        this.areas = areas;
        this.labels = labels;
        this.mapper = mapper;
    }

    void clusters(Context ctx) throws IOException {
        var request = AnalysisParams.withFilter(ctx, areas, ClusterParameters::read);
        ClusterService.Result r = clusters.clusters(request.filter(), request.parameters());
        List<GeoFeature<HotspotJson.Cluster>> features = r.clusters().stream().map(c -> new GeoFeature<>(c.rank(),
                c.outline(), HotspotJson.Cluster.of(c, labels.of(c.outline(), c.outlineGrid())))).toList();
        GeoJsonResponse.typedCollection(ctx, mapper, features, HotspotJson.Clusters.of(r));
    }

    void giStar(Context ctx) throws IOException {
        var request = AnalysisParams.withFilter(ctx, areas, GiStarParameters::read);
        GiStarService.Result r = giStar.hotSpots(request.filter(), request.parameters());
        // Only hot cells are named: they are the places someone will be sent to.
        List<GeoFeature<HotspotJson.Cell>> features = r.cells().stream().map(c -> new GeoFeature<>(c.index(),
                c.outline(), HotspotJson.Cell.of(c, c.hotSpotClass().bin() > 0 ? labels.of(c.outline()) : null)))
                .toList();
        GeoJsonResponse.typedCollection(ctx, mapper, features, HotspotJson.GiStar.of(r));
    }

    void emerging(Context ctx) throws IOException {
        var request = AnalysisParams.withFilter(ctx, areas, EmergingParameters::read);
        EmergingService.Result r = emerging.emerging(request.filter(), request.parameters());
        // Only hot locations (of any emerging pattern) are named, as with Gi* cells.
        List<GeoFeature<HotspotJson.Location>> features = r.locations().stream().map(l -> new GeoFeature<>(
                l.index(), l.outline(), HotspotJson.Location.of(l, l.hotBins() > 0 ? labels.of(l.outline()) : null)))
                .toList();
        GeoJsonResponse.typedCollection(ctx, mapper, features, HotspotJson.Emerging.of(r));
    }

    void nearRepeat(Context ctx) {
        var request = AnalysisParams.withFilter(ctx, areas, NearRepeatParameters::read);
        ctx.json(HotspotJson.NearRepeat.of(nearRepeat.nearRepeat(request.filter(), request.parameters())));
    }

    /** An ordered property map from name/value pairs; nulls are kept (GeoJSON shows them as null). */
    static Map<String, Object> properties(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
