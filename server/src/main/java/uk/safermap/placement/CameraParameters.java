package uk.safermap.placement;

import uk.safermap.params.ParameterSource;
import uk.safermap.params.Words;
import uk.safermap.placement.mclp.Viewshed;

import java.util.Map;

/**
 * What a camera sees ({@code radius} in metres; {@code fieldOfView} in degrees, 360 for a dome)
 * and how an
 * incident counts ({@code weighting}: {@code harm}, crime-harm days, or {@code count}). Shared by
 * planning, evaluating and the coverage report, so all three judge cameras alike.
 */
public record CameraParameters(Viewshed view, HarmWeights weights) {

    /**
     * 100 m: between the range at which a redeployable camera still recognises a person and the
     * ~250 m within which a San Francisco study found violent crime fell; no standard exists
     * (docs/methods.md 3.2), so it is a parameter.
     */
    public static final double DEFAULT_RADIUS_METRES = 100;

    public static CameraParameters read(ParameterSource in) {
        return new CameraParameters(new Viewshed(in.number("radius", DEFAULT_RADIUS_METRES, 1, 1000),
                in.number("fieldOfView", 360, 1, 360)),
                in.choice("weighting", HarmWeights.harm(), Words.of("harm", HarmWeights.harm()).or("count", HarmWeights.count())));
    }
}
