package uk.safermap.patrol;

/**
 * Where the hot spots of a patrol plan come from. {@code clusters}: DBSCAN clusters with the
 * service's defaults ({@link uk.safermap.analysis.ClusterParameters#CRIME}). {@code gistar}: Gi* cells of 150 m, the size of
 * Operation Grip's hot spots (Basford et al. 2021), classed hot at 95 % or 99 % after FDR, with
 * the band chosen by incremental spatial autocorrelation.
 */
public enum HotspotMethod {
    CLUSTERS,
    GISTAR;

    static final double GISTAR_CELL_METRES = 150;

    public String slug() {
        return Slugs.of(this);
    }

    /** @throws IllegalArgumentException naming the accepted words */
    public static HotspotMethod of(String slug) {
        return Slugs.parse(HotspotMethod.class, "hotspots", slug);
    }
}
