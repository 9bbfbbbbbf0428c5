package uk.safermap.placement;

import uk.safermap.analysis.ClusterParameters;
import uk.safermap.params.ParameterSource;

/**
 * The coverage report of the registered cameras: their view and weighting, and the hot spots
 * (DBSCAN clusters with the crime defaults) they are judged against.
 */
public record CctvCoverageParameters(CameraParameters camera, ClusterParameters hotspots) {

    public static CctvCoverageParameters read(ParameterSource in) {
        return new CctvCoverageParameters(CameraParameters.read(in), ClusterParameters.read(in));
    }
}
