package uk.safermap.analysis;

import uk.safermap.params.ParameterSource;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A neighbourhood profile: the period {@code from}/{@code to} (months; the latest year to date by
 * default), the {@code baseline} year it is compared with (the year before by default), and the
 * partnership's {@code target} change in percent (-3: "3 % fewer than last year").
 */
public record ProfileParameters(Optional<YearMonth> from, Optional<YearMonth> to, Optional<Integer> baselineYear,
                                double targetPercent) {

    public static ProfileParameters read(ParameterSource in) {
        Optional<Integer> baseline = in.string("baseline").isEmpty() ? Optional.empty()
                : Optional.of(in.integer("baseline", 0, 1990, 2100));
        return new ProfileParameters(in.month("from"), in.month("to"), baseline, in.number("target", -3, -100, 1000));
    }
}
