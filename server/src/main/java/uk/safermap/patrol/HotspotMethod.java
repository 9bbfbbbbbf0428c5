package uk.safermap.patrol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the hot spots of a patrol plan come from. {@code clusters}: DBSCAN clusters with the
 * service's defaults (eps 50 m, 20 incidents). {@code gistar}: Gi* cells of 150 m, the size of
 * Operation Grip's hot spots (Basford et al. 2021), classed hot at 95 % or 99 % after FDR, with
 * the band chosen by incremental spatial autocorrelation.
 */
public enum HotspotMethod {
    CLUSTERS,
    GISTAR;

    static final double CLUSTER_EPS_METRES = 50;
    static final int CLUSTER_MIN_POINTS = 20;
    static final double GISTAR_CELL_METRES = 150;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted methods */
    public static HotspotMethod of(String slug) {
        return Arrays.stream(values()).filter(m -> m.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("hotspots must be one of "
                        + Arrays.stream(values()).map(HotspotMethod::slug).collect(Collectors.joining(", "))
                        + ", got '" + slug + "'"));
    }
}
