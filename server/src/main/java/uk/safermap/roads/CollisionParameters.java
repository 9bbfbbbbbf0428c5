package uk.safermap.roads;

import uk.safermap.analysis.ClusterParameters;
import uk.safermap.params.ParameterSource;

/**
 * The road safety analyses' parameters, each with its defaults and limits. Collisions are far
 * fewer than crimes and strung along roads, so the scales are wider than for street crime:
 * clusters of 4 within 150 m (a junction and its approaches), a 400 m kernel on 50 m cells, Gi*
 * on 200 m road cells with a 500 m band, and stretches of a road broken at 500 m gaps.
 */
public final class CollisionParameters {

    /** DBSCAN for KSI collisions: a junction and its approaches. */
    public static final ClusterParameters CLUSTERS = new ClusterParameters(150, 4);

    private CollisionParameters() {
    }

    public static ClusterParameters clusters(ParameterSource in) {
        return ClusterParameters.read(in, CLUSTERS);
    }

    /** Severity-weighted kernel density and its {@code peaks} highest local maxima. */
    public record Density(double bandwidthMetres, double cellMetres, int peaks) {

        public static Density read(ParameterSource in) {
            double bandwidth = in.number("bandwidth", 400, 50, 5000);
            double cell = in.number("cell", 50, 10, 1000);
            if (cell > bandwidth) {
                throw in.invalid("cell must not be larger than bandwidth");
            }
            return new Density(bandwidth, cell, in.integer("peaks", 10, 1, 100));
        }
    }

    /** Gi* on road cells. */
    public record GiStar(double cellMetres, double bandMetres) {

        public static GiStar read(ParameterSource in) {
            double cell = in.number("cell", 200, 25, 5000);
            return new GiStar(cell, in.number("band", 500, cell, 20_000));
        }
    }

    /** Stretches of one road: collisions closer than {@code gap} metres along it are one stretch. */
    public record Stretches(double gapMetres) {

        public static Stretches read(ParameterSource in) {
            return new Stretches(in.number("gap", 500, 10, 10_000));
        }
    }
}
