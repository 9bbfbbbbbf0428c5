package uk.safermap.analysis.profile;

import org.junit.jupiter.api.Test;
import uk.safermap.domain.Category;
import uk.safermap.store.PointSet;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProfileCalculatorTest {

    private final ProfileCalculator calculator = new ProfileCalculator();
    private final ProfileCalculator.AreaInfo fairmead = new ProfileCalculator.AreaInfo("fairmead", "Fairmead", true);

    /** One incident per entry: month, category, optional date/time (day -1, minute -1 when unknown), location. */
    private record Row(YearMonth month, Category category, int epochDay, int minute, String location) {
        static Row monthOnly(YearMonth m, Category c, String location) {
            return new Row(m, c, -1, -1, location);
        }
    }

    private static PointSet points(List<Row> rows) {
        int n = rows.size();
        long[] ids = new long[n];
        double[] e = new double[n];
        double[] no = new double[n];
        int[] month = new int[n];
        int[] day = new int[n];
        int[] minute = new int[n];
        byte[] cat = new byte[n];
        String[] loc = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = i + 1;
            month[i] = ProfileCalculator.index(r.month());
            day[i] = r.epochDay();
            minute[i] = r.minute();
            cat[i] = (byte) r.category().ordinal();
            loc[i] = r.location();
        }
        return new PointSet(ids, e, no, month, day, minute, cat, new boolean[n], loc);
    }

    @Test
    void change_compares_the_period_with_the_same_months_of_the_baseline_year() {
        // Baseline 2024: Jan 4, Feb 6 (and Dec 10, outside the compared months). Period Jan-Feb 2025: 3 + 6.
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(Row.monthOnly(YearMonth.of(2024, 1), Category.BURGLARY, "On or near A Street"));
        }
        for (int i = 0; i < 6; i++) {
            rows.add(Row.monthOnly(YearMonth.of(2024, 2), Category.BURGLARY, "On or near A Street"));
        }
        for (int i = 0; i < 10; i++) {
            rows.add(Row.monthOnly(YearMonth.of(2024, 12), Category.DRUGS, "On or near B Road"));
        }
        for (int i = 0; i < 3; i++) {
            rows.add(Row.monthOnly(YearMonth.of(2025, 1), Category.ANTI_SOCIAL_BEHAVIOUR, "On or near B Road"));
        }
        for (int i = 0; i < 6; i++) {
            rows.add(Row.monthOnly(YearMonth.of(2025, 2), Category.BURGLARY, "On or near C Lane"));
        }
        AreaProfile p = calculator.profile(fairmead, points(rows), YearMonth.of(2025, 1), YearMonth.of(2025, 2),
                2024, -3, List.of());

        assertThat(p.total()).isEqualTo(9);
        assertThat(p.currentTotal()).isEqualTo(9);
        assertThat(p.baselineTotal()).isEqualTo(10);
        assertThat(p.changePercent()).isCloseTo(-10.0, within(1e-9));
        assertThat(p.targetMet()).isTrue();
        assertThat(p.byMonth()).containsExactly(new AreaProfile.MonthCount("2025-01", 3, 4),
                new AreaProfile.MonthCount("2025-02", 6, 6));
        assertThat(p.byCategory()).containsExactly(java.util.Map.entry("anti-social-behaviour", 3),
                java.util.Map.entry("burglary", 6));
        assertThat(p.topLocations()).containsExactly(new AreaProfile.LocationCount("On or near C Lane", 6),
                new AreaProfile.LocationCount("On or near B Road", 3));
        assertThat(p.hourProfile()).as("police.uk months carry no time").isNull();
        assertThat(p.weekdayProfile()).isNull();
    }

    @Test
    void a_rise_misses_a_reduction_target_and_no_baseline_means_no_verdict() {
        List<Row> rows = List.of(Row.monthOnly(YearMonth.of(2024, 3), Category.DRUGS, null),
                Row.monthOnly(YearMonth.of(2025, 3), Category.DRUGS, null),
                Row.monthOnly(YearMonth.of(2025, 3), Category.DRUGS, null));
        AreaProfile rise = calculator.profile(fairmead, points(rows), YearMonth.of(2025, 3), YearMonth.of(2025, 3),
                2024, -3, List.of());
        assertThat(rise.changePercent()).isEqualTo(100.0);
        assertThat(rise.targetMet()).isFalse();

        AreaProfile none = calculator.profile(fairmead, points(rows), YearMonth.of(2025, 3), YearMonth.of(2025, 3),
                2020, -3, List.of());
        assertThat(none.changePercent()).isNull();
        assertThat(none.targetMet()).isNull();
    }

    @Test
    void hour_and_weekday_profiles_appear_when_times_are_known() {
        LocalDate monday = LocalDate.of(2025, 3, 3);
        List<Row> rows = List.of(
                new Row(YearMonth.of(2025, 3), Category.VIOLENT_CRIME, (int) monday.toEpochDay(), 22 * 60 + 15, null),
                new Row(YearMonth.of(2025, 3), Category.VIOLENT_CRIME, (int) monday.plusDays(5).toEpochDay(), 23 * 60, null),
                new Row(YearMonth.of(2025, 3), Category.VIOLENT_CRIME, (int) monday.plusDays(5).toEpochDay(), -1, null));
        AreaProfile p = calculator.profile(fairmead, points(rows), YearMonth.of(2025, 3), YearMonth.of(2025, 3),
                2024, -3, List.of());
        assertThat(p.hourProfile()[22]).isEqualTo(1);
        assertThat(p.hourProfile()[23]).isEqualTo(1);
        assertThat(p.weekdayProfile()).containsExactly(1, 0, 0, 0, 0, 2, 0);
    }

    @Test
    void a_period_ending_before_it_starts_is_refused() {
        assertThatThrownBy(() -> calculator.profile(fairmead, points(List.of()), YearMonth.of(2025, 3),
                YearMonth.of(2025, 1), 2024, -3, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
