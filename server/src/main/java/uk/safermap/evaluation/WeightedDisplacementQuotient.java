package uk.safermap.evaluation;

/**
 * The weighted displacement quotient of Bowers and Johnson (2003, "Measuring the geographical
 * displacement and diffusion of benefit effects of crime prevention activity", J Quant Criminol
 * 19(3):275-301). With counts for the target area R, the buffer (displacement zone) D and the
 * control area C, before (b) and after (a):
 * <pre>
 *   success measure  = Ra/Ca - Rb/Cb     (below 0: the target fell relative to control)
 *   buffer measure   = Da/Ca - Db/Cb     (above 0: the buffer rose relative to control)
 *   WDQ              = buffer measure / success measure
 * </pre>
 * The quotient is read only when the success measure is negative. WDQ above 0 is diffusion of
 * benefit (the buffer fell too), above 1 a diffusion larger than the direct effect; below 0 is
 * displacement, and below -1 displacement larger than the direct benefit (a net loss); 0 means
 * the buffer moved as the control did. Counts are scaled by the control, so periods of unequal
 * length compare fairly. Immutable.
 */
public final class WeightedDisplacementQuotient {

    /** How the quotient reads, in the paper's terms. */
    public enum Reading {
        /** The target did not fall relative to control, so there is no benefit to displace. */
        NO_SUCCESS("the target area did not fall relative to the comparison area, so the quotient is not read"),
        /** WDQ above 1. */
        DIFFUSION_GREATER_THAN_DIRECT("diffusion of benefit: the buffer improved by more than the target did"),
        /** 0 < WDQ <= 1. */
        DIFFUSION("diffusion of benefit: crime fell in the buffer as well as in the target"),
        /** WDQ exactly 0. */
        NEITHER("neither displacement nor diffusion: the buffer changed as the comparison area did"),
        /** -1 <= WDQ < 0. */
        DISPLACEMENT_SMALLER_THAN_DIRECT("some displacement into the buffer, smaller than the fall in the target "
                + "(a net benefit)"),
        /** WDQ below -1. */
        DISPLACEMENT_GREATER_THAN_DIRECT("displacement into the buffer larger than the fall in the target (a net loss)");

        private final String words;

        Reading(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * @param wdq null when the success measure is not negative
     */
    public record Result(double successMeasure, double bufferMeasure, Double wdq, Reading reading) {
    }

    private WeightedDisplacementQuotient() {
    }

    /**
     * @throws IllegalArgumentException when a count is negative or a control count is 0 (the
     *                                  measures divide by them)
     */
    public static Result of(double targetBefore, double targetAfter, double bufferBefore, double bufferAfter,
                            double controlBefore, double controlAfter) {
        for (double v : new double[] {targetBefore, targetAfter, bufferBefore, bufferAfter}) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("counts must not be negative, got " + v);
            }
        }
        if (!(controlBefore > 0) || !(controlAfter > 0)) {
            throw new IllegalArgumentException("the control area needs incidents in both periods, got "
                    + controlBefore + " before and " + controlAfter + " after");
        }
        double success = targetAfter / controlAfter - targetBefore / controlBefore;
        double buffer = bufferAfter / controlAfter - bufferBefore / controlBefore;
        if (!(success < 0)) {
            return new Result(success, buffer, null, Reading.NO_SUCCESS);
        }
        double wdq = buffer / success;
        Reading reading;
        if (wdq > 1) {
            reading = Reading.DIFFUSION_GREATER_THAN_DIRECT;
        } else if (wdq > 0) {
            reading = Reading.DIFFUSION;
        } else if (wdq == 0) {
            reading = Reading.NEITHER;
        } else if (wdq >= -1) {
            reading = Reading.DISPLACEMENT_SMALLER_THAN_DIRECT;
        } else {
            reading = Reading.DISPLACEMENT_GREATER_THAN_DIRECT;
        }
        return new Result(success, buffer, wdq, reading);
    }
}
