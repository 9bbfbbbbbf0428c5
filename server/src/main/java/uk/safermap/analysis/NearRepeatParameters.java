package uk.safermap.analysis;

import uk.safermap.analysis.nearrepeat.KnoxTest;
import uk.safermap.analysis.nearrepeat.Metric;
import uk.safermap.domain.Category;
import uk.safermap.params.ParameterSource;
import uk.safermap.params.Words;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The Knox near-repeat test: the crime {@code type} studied when the filter names none (empty:
 * burglary, the crime near repeats were found in), the band edges in metres ({@code distances}) and days
 * ({@code days}), Monte Carlo {@code permutations} with their {@code seed}, and the distance
 * {@code metric} (Manhattan suits a street grid). Defaults follow the Near Repeat Calculator:
 * 0-100-200-400 m and 0-7-14-28 days (docs/methods.md).
 */
public record NearRepeatParameters(Set<Category> type, double[] distances, int[] days, int permutations,
                                   int seed, Metric metric) {

    /** What the test looks at when neither {@code type} nor the filter's {@code types} is given. */
    public static final Set<Category> DEFAULT_TYPE = EnumSet.of(Category.BURGLARY);

    public static NearRepeatParameters read(ParameterSource in) {
        Set<Category> type = in.categories("type");
        double[] days = in.numbers("days", new double[] {0, 7, 14, 28});
        int[] wholeDays = new int[days.length];
        for (int i = 0; i < days.length; i++) {
            if (days[i] != Math.rint(days[i])) {
                throw in.invalid("days must be whole numbers, got " + days[i]);
            }
            wholeDays[i] = (int) days[i];
        }
        return new NearRepeatParameters(type, in.numbers("distances", new double[] {0, 100, 200, 400}), wholeDays,
                in.integer("permutations", KnoxTest.DEFAULT_PERMUTATIONS, 1, KnoxTest.MAX_PERMUTATIONS),
                in.integer("seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE),
                in.choice("metric", Metric.EUCLIDEAN, Words.of("euclidean", Metric.EUCLIDEAN).or("manhattan", Metric.MANHATTAN)));
    }
}
