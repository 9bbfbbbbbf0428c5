package uk.safermap.councillor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import uk.safermap.privacy.DisclosurePolicy;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Rounding at the finest cell: no query, and no difference of queries, can see one or two incidents. */
class RoundedCellsTest {

    private static final int AREAS = 4;
    private static final int MONTHS = 12;
    private static final int CATEGORIES = 3;

    @Property(tries = 200)
    void one_or_two_added_incidents_in_an_empty_cell_change_no_answer_and_no_difference_of_answers(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 2) int added) {
        Random r = new Random(seed);
        int n = 400;
        int[] area = new int[n + added];
        int[] month = new int[n + added];
        byte[] category = new byte[n + added];
        for (int i = 0; i < n; i++) {
            // Months 0..10 only: month 11 of area 0 stays empty for the added incidents.
            area[i] = r.nextInt(AREAS);
            month[i] = r.nextInt(MONTHS - 1);
            category[i] = (byte) r.nextInt(CATEGORIES);
        }
        RoundedCells without = new RoundedCells(AREAS, MONTHS, CATEGORIES, DisclosurePolicy.standard(), Arrays.copyOf(area, n),
                Arrays.copyOf(month, n), Arrays.copyOf(category, n));
        for (int i = n; i < n + added; i++) {
            area[i] = 0;
            month[i] = MONTHS - 1;
            category[i] = 1;
        }
        RoundedCells with = new RoundedCells(AREAS, MONTHS, CATEGORIES, DisclosurePolicy.standard(), area, month, category);
        boolean[] all = {true, true, true};
        for (int a = 0; a < AREAS; a++) {
            for (int from = 0; from < MONTHS; from++) {
                for (int to = from; to < MONTHS; to++) {
                    // Every window (so every difference of windows) is the same with or without them.
                    assertThat(with.total(a, from, to, all)).isEqualTo(without.total(a, from, to, all));
                    assertThat(with.total(a, from, to, all) % 5).isZero();
                }
            }
        }
    }
}
