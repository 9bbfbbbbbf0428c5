package uk.safermap.analysis;

import uk.safermap.params.ParameterSource;

/**
 * Contours of a density surface at {@code levels}: percentiles of its positive cells (50, 75,
 * 90, 95 and 99 by default, the usual hot spot bands), at most {@value #MAX_LEVELS}.
 */
public record ContourParameters(SurfaceParameters surface, double[] percentiles) {

    public static final int MAX_LEVELS = 20;

    public static ContourParameters read(ParameterSource in) {
        SurfaceParameters surface = SurfaceParameters.read(in);
        double[] levels = in.numbers("levels", new double[] {50, 75, 90, 95, 99});
        if (levels.length > MAX_LEVELS) {
            throw in.invalid("at most " + MAX_LEVELS + " contour levels, got " + levels.length);
        }
        for (double l : levels) {
            if (!(l > 0 && l < 100)) {
                throw in.invalid("levels are percentiles of the surface, each between 0 and 100; got " + l);
            }
        }
        return new ContourParameters(surface, levels);
    }
}
