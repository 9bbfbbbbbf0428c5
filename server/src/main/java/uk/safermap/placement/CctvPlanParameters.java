package uk.safermap.placement;

import uk.safermap.params.ParameterSource;

/**
 * A CCTV plan: {@code k} cameras (required, up to {@value #MAX_CAMERAS}), the camera view and
 * weighting, the {@code bearings} a directional camera may face (eight compass points by
 * default), the {@code minSeparation} in metres between chosen sites (twice the radius by default,
 * so coverage areas do not overlap; 0: none), and whether to
 * prove the optimum ({@code exact}: absent lets the service decide by problem size).
 */
public record CctvPlanParameters(int k, CameraParameters camera, double[] bearings, double minSeparationMetres,
                                 CctvPlacementService.ExactMode exact) {

    public static final int MAX_CAMERAS = 200;
    /** Candidate sites a caller may list; lattices are capped separately by the service. */
    public static final int MAX_CANDIDATES = 50_000;
    static final double[] DEFAULT_BEARINGS = {0, 45, 90, 135, 180, 225, 270, 315};

    /**
     * The separation when none is asked for: twice the range, so no two coverage areas overlap
     * and no camera is spent on what another already sees (circles of radius r are disjoint when
     * their centres are at least 2r apart).
     */
    static double defaultSeparation(CameraParameters camera) {
        return 2 * camera.view().radius();
    }

    public static CctvPlanParameters read(ParameterSource in) {
        int k = in.requiredInteger("k", 1, MAX_CAMERAS);
        CameraParameters camera = CameraParameters.read(in);
        double[] bearings = in.numbers("bearings", DEFAULT_BEARINGS);
        if (bearings.length == 0 || bearings.length > 72) {
            throw in.invalid("bearings must list 1 to 72 directions in degrees");
        }
        for (double b : bearings) {
            if (b < 0 || b >= 360) {
                throw in.invalid("bearings must be in [0, 360) degrees, got " + b);
            }
        }
        return new CctvPlanParameters(k, camera, bearings,
                in.number("minSeparation", defaultSeparation(camera), 0, 10_000),
                in.flag("exact").map(e -> e ? CctvPlacementService.ExactMode.ALWAYS
                        : CctvPlacementService.ExactMode.NEVER).orElse(CctvPlacementService.ExactMode.AUTO));
    }
}
