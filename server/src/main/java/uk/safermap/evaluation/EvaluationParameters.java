package uk.safermap.evaluation;

import uk.safermap.domain.AreaKind;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.params.ParameterSource;
import uk.safermap.params.Words;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How an intervention is evaluated, with the defaults in one place.
 *
 * @param beforeMonths   whole months before the intervention's first month (default 12: a full
 *                       year, so every season appears once in each period)
 * @param gapMonths      months left out from the first month on while it is put in place
 *                       (default 1: the month it started, which is part before and part after)
 * @param afterMonths    whole months after the gap (default 12); fewer when the data end sooner
 * @param bufferMetres   width of the displacement ring around the target (default 500 m: a
 *                       short walk, the scale at which displacement is usually looked for)
 * @param comparisonLevel the areas suggested as comparison: LSOAs (default) or wards
 * @param suggestedAreas how many areas make up a suggested comparison (default 5)
 * @param confidence     of the intervals (default 0.95)
 * @param minCount       counts below this in any period make a warning that the result is too
 *                       uncertain to report as evidence (default 20: at 20 in each cell the 95 %
 *                       interval of the rate ratio reaches a factor of 2.4 either side)
 */
public record EvaluationParameters(int beforeMonths, int gapMonths, int afterMonths, double bufferMetres,
                                   AreaKind comparisonLevel, int suggestedAreas, double confidence, int minCount) {

    public static final EvaluationParameters DEFAULTS = new EvaluationParameters(12, 1, 12, 500, AreaKind.LSOA, 5,
            0.95, 20);
    /** The defaults for readers who see ward figures only: comparison areas are wards. */
    public static final EvaluationParameters WARD_FIGURE_DEFAULTS = new EvaluationParameters(12, 1, 12, 500,
            AreaKind.WARD, 3, 0.95, 20);

    public EvaluationParameters {
        check(beforeMonths >= 3 && beforeMonths <= 36, "beforeMonths must be 3 to 36, got " + beforeMonths);
        check(gapMonths >= 0 && gapMonths <= 6, "gapMonths must be 0 to 6, got " + gapMonths);
        check(afterMonths >= 1 && afterMonths <= 36, "afterMonths must be 1 to 36, got " + afterMonths);
        check(bufferMetres >= 50 && bufferMetres <= 5000, "bufferMetres must be 50 to 5000, got " + bufferMetres);
        check(comparisonLevel == AreaKind.LSOA || comparisonLevel == AreaKind.WARD,
                "comparison areas are LSOAs or wards, got " + comparisonLevel);
        check(suggestedAreas >= 1 && suggestedAreas <= 20, "suggestedAreas must be 1 to 20, got " + suggestedAreas);
        check(confidence >= 0.5 && confidence <= 0.999, "confidence must be 0.5 to 0.999, got " + confidence);
        check(minCount >= 1, "minCount must be at least 1, got " + minCount);
    }

    /**
     * The parameters as asked ({@code before}, {@code gap}, {@code after}, {@code buffer},
     * {@code level}, {@code suggest}, {@code confidence}), each defaulting to the given set's.
     */
    public static EvaluationParameters read(ParameterSource in, EvaluationParameters d) {
        return new EvaluationParameters(in.integer("before", d.beforeMonths(), 3, 36),
                in.integer("gap", d.gapMonths(), 0, 6), in.integer("after", d.afterMonths(), 1, 36),
                in.number("buffer", d.bufferMetres(), 50, 5000),
                in.choice("level", d.comparisonLevel(), Words.of("lsoa", AreaKind.LSOA).or("ward", AreaKind.WARD)),
                in.integer("suggest", d.suggestedAreas(), 1, 20),
                in.number("confidence", d.confidence(), 0.5, 0.999), d.minCount());
    }

    /** {@code comparison}: the caller's own comparison areas, comma-separated; none to have them suggested. */
    public static List<String> comparisonAreas(ParameterSource in) {
        return Arrays.stream(in.string("comparison", "").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new InvalidInputException(message);
        }
    }
}
