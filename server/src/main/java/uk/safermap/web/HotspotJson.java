package uk.safermap.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import uk.safermap.analysis.ClusterService;
import uk.safermap.analysis.EmergingService;
import uk.safermap.analysis.GiStarService;
import uk.safermap.analysis.NearRepeatService;
import uk.safermap.analysis.nearrepeat.KnoxBand;
import uk.safermap.analysis.nearrepeat.KnoxResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of the hot spot results: feature properties and top-level members as records,
 * so the names the viewer and openapi.json rely on are spelled once, here. Feature properties keep
 * their nulls (GeoJSON shows them); top-level members leave nulls out, as the mapper does.
 * Undefined statistics (NaN) are written as null by the mapper ({@link Json}).
 */
final class HotspotJson {

    private HotspotJson() {
    }

    /** A DBSCAN cluster; {@code ground} is written flat (label, street, place, ward, gridRef). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Cluster(int clusterId, int count, double share, Map<String, Integer> categories, String firstMonth,
                   String lastMonth, @JsonUnwrapped GroundLabel ground) {

        static Cluster of(ClusterService.RankedCluster c, GroundLabel ground) {
            return new Cluster(c.rank(), c.count(), c.share(), c.categories(), c.firstMonth(), c.lastMonth(), ground);
        }
    }

    record Dbscan(double eps, int minPts) {
    }

    record ClusterSummary(int incidents, int incidentsSelected, int incidentsAnalysed, int clustered, int noise,
                          int clusters) {
    }

    record Clusters(Dbscan parameters, ClusterSummary summary) {

        static Clusters of(ClusterService.Result r) {
            // DBSCAN labels every selected incident (clustered or noise), so all are analysed.
            return new Clusters(new Dbscan(r.epsMetres(), r.minPoints()), new ClusterSummary(r.incidents(),
                    r.incidents(), r.incidents(), r.clustered(), r.noise(), r.clusters().size()));
        }
    }

    /** A Gi* cell; only hot cells carry a ground label (null leaves the five names out). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Cell(double count, double z, double p, @JsonProperty("class") String hotSpotClass,
                @JsonUnwrapped GroundLabel ground) {

        static Cell of(GiStarService.Cell c, GroundLabel ground) {
            return new Cell(c.count(), c.z(), c.p(), c.hotSpotClass().slug(), ground);
        }
    }

    record Grid(double cellMetres, double bandMetres, String bandRule, String bandReason, String studyArea) {
    }

    record GiStarSummary(int studyCells, int incidents, int incidentsSelected, int incidentsAnalysed,
                         int contextIncidents, Map<String, Integer> classCounts) {
    }

    record GiStar(Grid parameters, GiStarSummary summary, List<String> warnings) {

        static GiStar of(GiStarService.Result r) {
            return new GiStar(new Grid(r.cellMetres(), r.bandMetres(), r.bandRule(), r.bandReason(), r.studyArea()),
                    new GiStarSummary(r.studyCells(), r.incidentsSelected(), r.incidentsSelected(),
                            r.incidentsAnalysed(), r.contextIncidents(), r.classCounts()),
                    r.warnings());
        }
    }

    /** An emerging hot spot location; only locations hot in some step carry a ground label. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Location(String category, double trendZ, double trendP, double tau, int hotBins, int coldBins,
                    String finalClass, double count, @JsonUnwrapped GroundLabel ground) {

        static Location of(EmergingService.Location l, GroundLabel ground) {
            return new Location(l.category(), l.trendZ(), l.trendP(), l.tau(), l.hotBins(), l.coldBins(),
                    l.finalClass(), l.total(), ground);
        }
    }

    record SpaceTime(double cellMetres, double bandMetres, String step, String studyArea) {
    }

    record EmergingSummary(int incidents, int incidentsSelected, int incidentsAnalysed, int contextIncidents,
                           Map<String, Integer> categoryCounts) {
    }

    record Emerging(SpaceTime parameters, List<String> steps, EmergingSummary summary, List<String> warnings) {

        static Emerging of(EmergingService.Result r) {
            return new Emerging(new SpaceTime(r.cellMetres(), r.bandMetres(), r.step(), r.studyArea()), r.steps(),
                    new EmergingSummary(r.incidentsSelected(), r.incidentsSelected(), r.incidentsAnalysed(),
                            r.contextIncidents(), r.categoryCounts()),
                    r.warnings());
        }
    }

    /** The Knox table; undefined ratios (expected 0) are null. The metric is written in lower case. */
    record Knox(List<KnoxBand> spaceBands, List<KnoxBand> timeBands, long[][] observed, double[][] expected,
                double[][] ratio, double[][] p, boolean[][] significant, String metric, int permutations, long seed,
                int incidents, long pairCount, long closePairCount, List<String> notes) {

        static Knox of(KnoxResult k) {
            return new Knox(k.spaceBands(), k.timeBands(), k.observed(), k.expected(), k.ratio(), k.p(),
                    k.significant(), k.metric().name().toLowerCase(Locale.ROOT), k.permutations(), k.seed(),
                    k.incidents(), k.pairCount(), k.closePairCount(), k.notes());
        }
    }

    record NearRepeat(int selected, int withoutDate, Knox knox) {

        static NearRepeat of(NearRepeatService.Result r) {
            return new NearRepeat(r.selected(), r.withoutDate(), Knox.of(r.knox()));
        }
    }
}
