package uk.safermap.analysis;

import uk.safermap.params.ParameterSource;

import java.util.OptionalDouble;

/**
 * Gi* on a square grid: {@code cell}, the cell side in metres (100 m by default, a street block),
 * and {@code band}, the neighbourhood distance; without a band the service chooses one from the
 * data (incremental spatial autocorrelation, then the fallback rules in docs/methods.md). The band
 * is at least one cell and at most fifty.
 */
public record GiStarParameters(double cellMetres, OptionalDouble bandMetres) {

    public static final GiStarParameters DEFAULTS = new GiStarParameters(100, OptionalDouble.empty());

    public static GiStarParameters read(ParameterSource in) {
        double cell = in.number("cell", DEFAULTS.cellMetres(), 10, 5000);
        return new GiStarParameters(cell, in.optionalNumber("band", cell, cell * 50));
    }
}
