package uk.safermap.analysis;

import uk.safermap.params.ParameterSource;

/**
 * DBSCAN's two parameters, in grid metres: {@code eps} (the neighbourhood radius) and
 * {@code minPts} (incidents within eps, itself included, that make a core point). Each incident
 * set has its own defaults: 50 m and 20 for street crime (about a street segment, and a place
 * busy enough to patrol; see docs/methods.md), wider and smaller for road collisions and council
 * cases.
 */
public record ClusterParameters(double epsMetres, int minPoints) {

    /** Street crime and ASB: the service's hot spot defaults, shared by profiles and patrols. */
    public static final ClusterParameters CRIME = new ClusterParameters(50, 20);

    static final double MAX_EPS_METRES = 5000;
    static final int MAX_MIN_POINTS = 100_000;

    public ClusterParameters {
        if (!(epsMetres >= 1 && epsMetres <= MAX_EPS_METRES) || minPoints < 1 || minPoints > MAX_MIN_POINTS) {
            throw new IllegalArgumentException("eps must be 1-" + MAX_EPS_METRES + " m and minPts 1-" + MAX_MIN_POINTS
                    + ", got " + epsMetres + " and " + minPoints);
        }
    }

    /** {@code eps} and {@code minPts}, each defaulting to the given set's. */
    public static ClusterParameters read(ParameterSource in, ClusterParameters defaults) {
        return new ClusterParameters(in.number("eps", defaults.epsMetres(), 1, MAX_EPS_METRES),
                in.integer("minPts", defaults.minPoints(), 1, MAX_MIN_POINTS));
    }

    /** With the street crime defaults. */
    public static ClusterParameters read(ParameterSource in) {
        return read(in, CRIME);
    }
}
