package uk.safermap.analysis;

import uk.safermap.analysis.nearrepeat.KnoxResult;
import uk.safermap.analysis.nearrepeat.KnoxTest;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.store.PointSet;

import java.util.Arrays;

/**
 * The Knox near-repeat test on the filtered incidents that carry a date. police.uk rows have
 * only a month and cannot take part: the test needs dates, as from council or force records.
 */
public final class NearRepeatService {

    /** The test's result and how many selected incidents were left out for lack of a date. */
    public record Result(KnoxResult knox, int selected, int withoutDate) {
    }

    private final IncidentSelection selection;
    private final ResultCache cache;

    public NearRepeatService(IncidentSelection selection, ResultCache cache) {
        this.selection = selection;
        this.cache = cache;
    }

    /**
     * The test on the filter's crime types, or on the parameters' {@code type} when the filter names
     * none (burglary by default); naming both is refused as ambiguous.
     */
    public Result nearRepeat(AnalysisFilter filter, NearRepeatParameters p) {
        if (!p.type().isEmpty() && !filter.categories().isEmpty()) {
            throw new InvalidInputException("give type or types, not both");
        }
        AnalysisFilter studied = filter.categories().isEmpty()
                ? new AnalysisFilter(filter.from(), filter.to(),
                        p.type().isEmpty() ? NearRepeatParameters.DEFAULT_TYPE : p.type(), filter.area(),
                        filter.bboxWgs84())
                : filter;
        KnoxTest test;
        try {
            test = new KnoxTest(p.distances(), p.days(), p.permutations(), p.seed(), p.metric());
        } catch (IllegalArgumentException e) {
            // the constructor checks nothing but these parameters, and they are the caller's
            throw new InvalidInputException("distances, days or permutations: " + e.getMessage(), e);
        }
        return cache.get("near-repeat|" + Arrays.toString(p.distances()) + "|" + Arrays.toString(p.days()) + "|"
                + p.permutations() + "|" + p.seed() + "|" + p.metric() + "|" + studied.key(),
                () -> compute(studied, test));
    }

    private Result compute(AnalysisFilter filter, KnoxTest test) {
        PointSet points = selection.select(filter, false);
        int dated = 0;
        for (int d : points.epochDay()) {
            dated += d >= 0 ? 1 : 0;
        }
        if (dated < 2) {
            throw new InvalidInputException("the near-repeat test needs incidents with dates; of the "
                    + points.size() + " selected, " + dated + " have one (police.uk data give months only: "
                    + "import council or force records with dates)");
        }
        double[] x = new double[dated];
        double[] y = new double[dated];
        int[] day = new int[dated];
        for (int i = 0, j = 0; i < points.size(); i++) {
            if (points.epochDay()[i] >= 0) {
                x[j] = points.easting()[i];
                y[j] = points.northing()[i];
                day[j++] = points.epochDay()[i];
            }
        }
        return new Result(test.run(x, y, day), points.size(), points.size() - dated);
    }
}
