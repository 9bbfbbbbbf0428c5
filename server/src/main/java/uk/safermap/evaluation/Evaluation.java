package uk.safermap.evaluation;

import org.locationtech.jts.geom.Geometry;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * An intervention's evaluation: the periods, the three areas (lon/lat, for the map), their
 * monthly counts and the assessment.
 *
 * @param notes what the evaluation decided for the reader (periods shortened, areas chosen)
 */
public record Evaluation(InterventionInfo intervention, Periods periods, Areas areas, Series monthly,
                         Assessment assessment, Disclosure disclosure, EvaluationParameters parameters,
                         List<String> notes) {

    public Evaluation {
        notes = List.copyOf(notes);
    }

    /** The intervention, as evaluated. */
    public record InterventionInfo(String id, String name, String kind, String targetSource, LocalDate start,
                                   LocalDate end, Double costPounds, List<String> categories) {
    }

    /** Whole months, inclusive; the gap may be empty (gapFrom after gapTo). */
    public record Periods(YearMonth beforeFrom, YearMonth beforeTo, YearMonth gapFrom, YearMonth gapTo,
                          YearMonth afterFrom, YearMonth afterTo, int beforeMonths, int afterMonths) {
    }

    /**
     * @param comparisonMembers the areas making up the comparison, e.g. {@code lsoa:E01025883}
     * @param suggested         whether they were suggested rather than chosen
     */
    public record Areas(Geometry target, Geometry buffer, Geometry comparison, double bufferMetres,
                        List<String> comparisonMembers, List<String> comparisonNames, boolean suggested) {
    }

    /** Monthly totals from beforeFrom to afterTo; null where suppressed. */
    public record Series(List<YearMonth> months, List<Integer> target, List<Integer> buffer,
                         List<Integer> comparison) {
    }
}
