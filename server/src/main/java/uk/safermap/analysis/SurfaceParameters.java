package uk.safermap.analysis;

import uk.safermap.params.ParameterSource;

import java.util.OptionalDouble;

/**
 * A kernel density surface: the quartic kernel's {@code bandwidth} and the grid's {@code cell},
 * both in metres. Absent, each is chosen from the data (see docs/methods.md on bandwidth
 * selection); for roles that see aggregates only, the disclosure policy raises both to its floors.
 */
public record SurfaceParameters(OptionalDouble bandwidthMetres, OptionalDouble cellMetres) {

    public static final SurfaceParameters FROM_DATA = new SurfaceParameters(OptionalDouble.empty(),
            OptionalDouble.empty());

    public static SurfaceParameters read(ParameterSource in) {
        return new SurfaceParameters(in.optionalNumber("bandwidth", 10, 20_000), in.optionalNumber("cell", 5, 5_000));
    }

    /** For cache keys: the chosen values, or "auto". */
    String key() {
        return (bandwidthMetres.isPresent() ? bandwidthMetres.getAsDouble() : "auto") + "|"
                + (cellMetres.isPresent() ? cellMetres.getAsDouble() : "auto");
    }
}
