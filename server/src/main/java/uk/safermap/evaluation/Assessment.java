package uk.safermap.evaluation;

import java.util.List;

/**
 * What an evaluation found, in numbers and plain words. Counts are null where the disclosure
 * rules suppress them; estimates are null where the counts cannot carry them (and a warning
 * says why).
 *
 * @param target     the target area's counts
 * @param buffer     the displacement ring's counts
 * @param comparison the comparison area's counts
 * @param summary    sentences for a committee paper
 * @param warnings   what limits the reading, in plain words
 */
public record Assessment(AreaChange target, AreaChange buffer, AreaChange comparison, Displacement displacement,
                         Estimate estimate, Harm harm, ValueForMoney valueForMoney, List<String> summary,
                         List<String> warnings) {

    public Assessment {
        summary = List.copyOf(summary);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param changePercent the change in the monthly average, after against before
     * @param harmBefore    harm-weighted total (Cambridge Crime Harm Index days) before
     */
    public record AreaChange(Integer before, Integer after, Double changePercent, Double harmBefore,
                             Double harmAfter) {
    }

    /** The weighted displacement quotient and its reading. */
    public record Displacement(Double successMeasure, Double bufferMeasure, Double wdq, String reading,
                               String meaning) {
    }

    /**
     * The difference-in-differences rate ratio: below 1 the target fell relative to the comparison.
     *
     * @param effectPercent (RR - 1) x 100, with its interval
     */
    public record Estimate(double rateRatio, double lower, double upper, double effectPercent,
                           double effectLowerPercent, double effectUpperPercent, double confidence, double dispersion,
                           boolean excludesNoChange, String method) {
    }

    /** The harm-weighted change, as a ratio of ratios like the estimate, without an interval. */
    public record Harm(double ratio, double harmPrevented, String weights) {
    }

    /**
     * Crimes prevented and cost per crime prevented: estimates, with intervals.
     *
     * @param costPerCrimeLower null when the upper end of crimes prevented is not above 0
     * @param costPerCrimeUpper null when the interval of crimes prevented reaches 0 or below:
     *                          the cost per crime is then unbounded
     */
    public record ValueForMoney(double costPounds, double crimesPrevented, double preventedLower,
                                double preventedUpper, Double costPerCrime, Double costPerCrimeLower,
                                Double costPerCrimeUpper, String label) {
    }
}
