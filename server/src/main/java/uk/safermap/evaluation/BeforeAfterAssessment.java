package uk.safermap.evaluation;

import uk.safermap.councillor.RoundedCells;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A controlled before-and-after assessment from counts per area, month and category: the change
 * in each area, the {@link WeightedDisplacementQuotient}, the
 * {@link RateRatioDifferenceInDifferences} estimate, the harm-weighted change and value for
 * money, with plain-word warnings where the counts are too small. The same code serves exact
 * counts (rounding base 1) and councillors' rounded cells (base 5, totals under 5 suppressed),
 * so every figure a councillor sees is a sum of rounded cells.
 *
 * <p>Cells hold areas {@value #TARGET} (target), {@value #BUFFER} (buffer) and
 * {@value #COMPARISON} (comparison), and months from the first before-month: before
 * {@code [0, beforeMonths)}, the gap, then after. Stateless.
 */
public final class BeforeAfterAssessment {

    public static final int TARGET = 0;
    public static final int BUFFER = 1;
    public static final int COMPARISON = 2;

    /**
     * @param include     per category ordinal, whether it is counted
     * @param harmWeights per category ordinal, its harm weight
     * @param threshold   totals under this are suppressed (0 for exact counts)
     * @param costPounds  null when no cost was given
     */
    public record Input(RoundedCells cells, int beforeMonths, int gapMonths, int afterMonths, boolean[] include,
                        double[] harmWeights, String harmName, int threshold, double confidence, int minCount,
                        Double costPounds) {

        public Input {
            if (cells.areas() != 3) {
                throw new IllegalArgumentException("cells must hold target, buffer and comparison, got "
                        + cells.areas() + " areas");
            }
            if (beforeMonths < 1 || afterMonths < 1 || beforeMonths + gapMonths + afterMonths > cells.months()) {
                throw new IllegalArgumentException("periods of " + beforeMonths + "+" + gapMonths + "+" + afterMonths
                        + " months do not fit the " + cells.months() + " months of cells");
            }
        }

        int afterFirst() {
            return beforeMonths + gapMonths;
        }

        int afterLast() {
            return beforeMonths + gapMonths + afterMonths - 1;
        }
    }

    private BeforeAfterAssessment() {
    }

    public static Assessment assess(Input in) {
        List<String> warnings = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        Integer tb = shown(in, in.cells().total(TARGET, 0, in.beforeMonths() - 1, in.include()));
        Integer ta = shown(in, in.cells().total(TARGET, in.afterFirst(), in.afterLast(), in.include()));
        Integer bb = shown(in, in.cells().total(BUFFER, 0, in.beforeMonths() - 1, in.include()));
        Integer ba = shown(in, in.cells().total(BUFFER, in.afterFirst(), in.afterLast(), in.include()));
        Integer cb = shown(in, in.cells().total(COMPARISON, 0, in.beforeMonths() - 1, in.include()));
        Integer ca = shown(in, in.cells().total(COMPARISON, in.afterFirst(), in.afterLast(), in.include()));
        double[] harmTarget = harm(in, TARGET);
        double[] harmComparison = harm(in, COMPARISON);
        double[] harmBuffer = harm(in, BUFFER);

        Assessment.Estimate estimate = null;
        Assessment.ValueForMoney value = null;
        RateRatioDifferenceInDifferences.Result did = null;
        if (positive(tb, ta, cb, ca)) {
            double phi = RateRatioDifferenceInDifferences.dispersion(series(in, TARGET, true), series(in, TARGET, false),
                    series(in, COMPARISON, true), series(in, COMPARISON, false));
            did = RateRatioDifferenceInDifferences.estimate(tb, ta, cb, ca, phi, in.confidence());
            estimate = new Assessment.Estimate(did.rateRatio(), did.lower(), did.upper(), 100 * (did.rateRatio() - 1),
                    100 * (did.lower() - 1), 100 * (did.upper() - 1), did.confidence(), did.dispersion(),
                    did.excludesNoChange(), "difference in differences: Poisson rate ratio (Ta/Tb)/(Ca/Cb) with a "
                    + "Wald interval on the log scale, widened by the quasi-Poisson dispersion of monthly counts");
            if (in.costPounds() != null) {
                value = value(in.costPounds(), did);
            }
        } else {
            warnings.add("No estimate: the target and the comparison area each need incidents both before and after "
                    + "(they had " + text(tb) + " and " + text(ta) + " in the target, " + text(cb) + " and " + text(ca)
                    + " in the comparison area). With so few, nothing can be said about whether it worked.");
        }
        if (estimate != null && (tb < in.minCount() || ta < in.minCount() || cb < in.minCount()
                || ca < in.minCount())) {
            warnings.add("Too few incidents to say much: fewer than " + in.minCount() + " in a period in the target "
                    + "or the comparison area, so the interval is wide. Do not present this as evidence either way.");
        }

        Assessment.Displacement displacement = null;
        if (positive(cb, ca) && tb != null && ta != null && bb != null && ba != null) {
            WeightedDisplacementQuotient.Result w = WeightedDisplacementQuotient.of(tb, ta, bb, ba, cb, ca);
            displacement = new Assessment.Displacement(w.successMeasure(), w.bufferMeasure(), w.wdq(),
                    w.reading().name().toLowerCase(Locale.ROOT).replace('_', '-'), w.reading().words());
            if (bb < in.minCount() && ba < in.minCount()) {
                warnings.add("The buffer had fewer than " + in.minCount() + " incidents in each period, so the "
                        + "displacement quotient rests on very few incidents.");
            }
        } else {
            warnings.add("No displacement quotient: it needs counts in the comparison area in both periods and "
                    + "counts (not suppressed) in the target and the buffer.");
        }

        Assessment.Harm harm = null;
        if (harmTarget[0] > 0 && harmTarget[1] > 0 && harmComparison[0] > 0 && harmComparison[1] > 0
                && (in.threshold() == 0 || positive(tb, ta, cb, ca))) {
            double ratio = (harmTarget[1] / harmTarget[0]) / (harmComparison[1] / harmComparison[0]);
            harm = new Assessment.Harm(ratio, harmTarget[0] * harmComparison[1] / harmComparison[0] - harmTarget[1],
                    in.harmName());
        }

        Assessment.AreaChange target = change(in, tb, ta, harmTarget);
        Assessment.AreaChange buffer = change(in, bb, ba, harmBuffer);
        Assessment.AreaChange comparison = change(in, cb, ca, harmComparison);
        summary.addAll(sentences(target, comparison, estimate, displacement, value));
        return new Assessment(target, buffer, comparison, displacement, estimate, harm, value, summary, warnings);
    }

    /** Cost per crime prevented from the estimate; the interval is unbounded above when prevention may be nil. */
    private static Assessment.ValueForMoney value(double cost, RateRatioDifferenceInDifferences.Result did) {
        Double per = did.prevented() > 0 ? cost / did.prevented() : null;
        Double perLower = did.preventedUpper() > 0 ? cost / did.preventedUpper() : null;
        Double perUpper = did.preventedLower() > 0 ? cost / did.preventedLower() : null;
        return new Assessment.ValueForMoney(cost, did.prevented(), did.preventedLower(), did.preventedUpper(), per,
                perLower, perUpper, "Estimates: crimes prevented are the target's expected count after (had it "
                + "changed as the comparison area did) minus what was recorded; the interval comes from the rate "
                + "ratio's. Where the interval of crimes prevented reaches 0, the cost per crime has no upper bound.");
    }

    private static List<String> sentences(Assessment.AreaChange target, Assessment.AreaChange comparison,
                                          Assessment.Estimate e, Assessment.Displacement d,
                                          Assessment.ValueForMoney v) {
        List<String> out = new ArrayList<>();
        if (target.changePercent() != null) {
            out.add(String.format(Locale.UK, "Recorded incidents in the target area went %s by %.0f%% a month on "
                            + "average (%d before, %d after).", target.changePercent() < 0 ? "down" : "up",
                    Math.abs(target.changePercent()), target.before(), target.after()));
        }
        if (comparison.changePercent() != null) {
            out.add(String.format(Locale.UK, "In the comparison area they went %s by %.0f%%.",
                    comparison.changePercent() < 0 ? "down" : "up", Math.abs(comparison.changePercent())));
        }
        if (e != null) {
            String range = String.format(Locale.UK, "somewhere between %s and %s", percent(e.effectLowerPercent()),
                    percent(e.effectUpperPercent()));
            if (e.excludesNoChange()) {
                out.add(String.format(Locale.UK, "Allowing for the comparison area, the target changed by %s (%.0f%% "
                        + "interval: %s); this is unlikely to be chance alone.", percent(e.effectPercent()),
                        100 * e.confidence(), range));
            } else {
                out.add(String.format(Locale.UK, "Allowing for the comparison area, the target changed by %s, but the "
                        + "%.0f%% interval runs %s, so the change cannot be told apart from chance.",
                        percent(e.effectPercent()), 100 * e.confidence(), range));
            }
        }
        if (d != null && d.wdq() != null) {
            out.add(String.format(Locale.UK, "Weighted displacement quotient %.2f: %s. It has no interval, so its "
                    + "sign says more than its size.", d.wdq(), d.meaning()));
        }
        if (v != null && v.costPerCrime() != null) {
            out.add(String.format(Locale.UK, "Estimated cost per crime prevented: about £%,.0f (%s).",
                    v.costPerCrime(), v.costPerCrimeUpper() == null ? "no upper bound: it may have prevented none"
                            : String.format(Locale.UK, "between £%,.0f and £%,.0f", v.costPerCrimeLower(),
                            v.costPerCrimeUpper())));
        }
        return out;
    }

    private static String percent(double p) {
        return String.format(Locale.UK, "%+.0f%%", p);
    }

    private static Assessment.AreaChange change(Input in, Integer before, Integer after, double[] harm) {
        Double pct = before != null && after != null && before > 0
                ? 100 * ((after / (double) in.afterMonths()) / (before / (double) in.beforeMonths()) - 1) : null;
        boolean shownHarm = before != null && after != null;
        return new Assessment.AreaChange(before, after, pct, shownHarm ? harm[0] : null, shownHarm ? harm[1] : null);
    }

    /** Harm-weighted totals before and after. */
    private static double[] harm(Input in, int area) {
        int[] before = in.cells().byCategory(area, 0, in.beforeMonths() - 1);
        int[] after = in.cells().byCategory(area, in.afterFirst(), in.afterLast());
        double[] out = new double[2];
        for (int c = 0; c < before.length; c++) {
            if (in.include()[c]) {
                out[0] += before[c] * in.harmWeights()[c];
                out[1] += after[c] * in.harmWeights()[c];
            }
        }
        return out;
    }

    private static int[] series(Input in, int area, boolean before) {
        int[] all = in.cells().monthly(area, in.include());
        return before ? Arrays.copyOfRange(all, 0, in.beforeMonths())
                : Arrays.copyOfRange(all, in.afterFirst(), in.afterLast() + 1);
    }

    private static Integer shown(Input in, int total) {
        return total < in.threshold() ? null : total;
    }

    private static boolean positive(Integer... counts) {
        for (Integer c : counts) {
            if (c == null || c <= 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(Integer count) {
        return count == null ? "fewer than 5" : Integer.toString(count);
    }
}
