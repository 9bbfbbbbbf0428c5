package uk.safermap.sample;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What to generate. The same spec always gives byte-identical output.
 *
 * @param seed         seeds every random choice (snap points, villages, rows, Crime IDs); the clock is never used
 * @param months       how many months to generate, at least 1, ending with {@code endMonth}
 * @param endMonth     the last month generated (police.uk publishes about two months behind)
 * @param rowsPerMonth exact rows for every month; when empty, Melton's realistic volume: a borough of about
 *                     51,000 people records about {@value #MEAN_ROWS_PER_MONTH} incidents a month including
 *                     anti-social behaviour, higher in summer, with Poisson noise
 */
public record SampleSpec(long seed, int months, YearMonth endMonth, OptionalInt rowsPerMonth) {

    /** The average monthly volume, incidents including ASB, when {@code rowsPerMonth} is empty. */
    public static final int MEAN_ROWS_PER_MONTH = 380;
    /** A century: more is a typo, and YearMonth arithmetic stays far from its limits. */
    public static final int MAX_MONTHS = 1200;
    /** Ten million rows a month (about 2 GB of CSV a month) is far beyond any test or demo. */
    public static final int MAX_ROWS_PER_MONTH = 10_000_000;

    public SampleSpec {
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1, got " + months);
        }
        if (months > MAX_MONTHS) {
            throw new IllegalArgumentException("months must be at most " + MAX_MONTHS + ", got " + months);
        }
        if (endMonth == null) {
            throw new IllegalArgumentException("endMonth (the last month generated) is required");
        }
        if (rowsPerMonth == null) {
            throw new IllegalArgumentException(
                    "rowsPerMonth must be OptionalInt.empty() for a realistic volume, not null");
        }
        if (rowsPerMonth.isPresent() && (rowsPerMonth.getAsInt() < 1 || rowsPerMonth.getAsInt() > MAX_ROWS_PER_MONTH)) {
            throw new IllegalArgumentException("rowsPerMonth must be between 1 and " + MAX_ROWS_PER_MONTH
                    + ", got " + rowsPerMonth.getAsInt());
        }
    }

    /** A spec with Melton's realistic monthly volume. */
    public static SampleSpec realistic(long seed, int months, YearMonth endMonth) {
        return new SampleSpec(seed, months, endMonth, OptionalInt.empty());
    }

    /** A spec with exactly {@code rowsPerMonth} rows in every month, e.g. for load tests. */
    public static SampleSpec fixedVolume(long seed, int months, YearMonth endMonth, int rowsPerMonth) {
        return new SampleSpec(seed, months, endMonth, OptionalInt.of(rowsPerMonth));
    }

    /** The first month generated. */
    public YearMonth startMonth() {
        return endMonth.minusMonths(months - 1L);
    }

    /** Every month generated, oldest first. */
    public List<YearMonth> monthList() {
        List<YearMonth> list = new ArrayList<>(months);
        for (YearMonth m = startMonth(); !m.isAfter(endMonth); m = m.plusMonths(1)) {
            list.add(m);
        }
        return List.copyOf(list);
    }
}
