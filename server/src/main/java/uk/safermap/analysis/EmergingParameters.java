package uk.safermap.analysis;

import uk.safermap.params.ParameterSource;
import uk.safermap.params.Words;

import java.util.Map;

/**
 * Emerging hot spots: Gi* per {@code step} (month or quarter) on cells of {@code cell} metres
 * (200 m by default: coarser than a single Gi* map, so each cell has counts in most steps) with
 * a neighbourhood of {@code band} metres (two cells by default), then Mann-Kendall over the
 * steps.
 */
public record EmergingParameters(double cellMetres, double bandMetres, EmergingService.Step step) {

    public static final double DEFAULT_CELL_METRES = 200;

    public static EmergingParameters read(ParameterSource in) {
        double cell = in.number("cell", DEFAULT_CELL_METRES, 10, 5000);
        return new EmergingParameters(cell, in.number("band", 2 * cell, cell, cell * 50),
                in.choice("step", EmergingService.Step.MONTH,
                        Words.of("month", EmergingService.Step.MONTH).or("quarter", EmergingService.Step.QUARTER)));
    }
}
