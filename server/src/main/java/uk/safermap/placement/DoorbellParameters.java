package uk.safermap.placement;

import uk.safermap.params.ParameterSource;
import uk.safermap.params.Words;
import uk.safermap.placement.allocation.DoorbellAllocator;

import java.util.Map;

/**
 * A doorbell allocation: how many {@code units} (doorbells) to give, the {@code minPerWard} floor
 * so no ward is left out, the {@code fairness} rule (risk: highest risk per household first,
 * after the floors; proportional: wards in proportion to their risk), and the {@code unit} of
 * allocation (census output areas, or the caller's own addresses).
 */
public record DoorbellParameters(int units, int minPerWard, DoorbellAllocator.Rule fairness, Unit unit) {

    public static final int MAX_DOORBELLS = 1_000_000;

    /** What doorbells are allocated to. */
    public enum Unit { OUTPUT_AREAS, ADDRESSES }

    public static DoorbellParameters read(ParameterSource in) {
        return new DoorbellParameters(in.requiredInteger("units", 1, MAX_DOORBELLS),
                in.integer("minPerWard", 0, 0, MAX_DOORBELLS),
                in.choice("fairness", DoorbellAllocator.Rule.RISK, Words.of("risk", DoorbellAllocator.Rule.RISK).or("proportional", DoorbellAllocator.Rule.PROPORTIONAL)),
                in.choice("unit", Unit.OUTPUT_AREAS, Words.of("oa", Unit.OUTPUT_AREAS).or("addresses", Unit.ADDRESSES)));
    }
}
