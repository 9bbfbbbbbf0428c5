package uk.safermap.analysis.stats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmergingCategoryTest {

    private static final MannKendall.Result UP = new MannKendall.Result(12, 40, 212.67, 2.67, 0.0076, 0.6);
    private static final MannKendall.Result DOWN = new MannKendall.Result(12, -40, 212.67, -2.67, 0.0076, -0.6);
    private static final MannKendall.Result FLAT = new MannKendall.Result(12, 4, 212.67, 0.21, 0.83, 0.06);

    private static int[] series(String s) {
        // '+' significant hot, '-' significant cold, '.' neither.
        return s.chars().map(ch -> ch == '+' ? 1 : ch == '-' ? -1 : 0).toArray();
    }

    private static MannKendall.Result trend(String t) {
        return switch (t) {
            case "up" -> UP;
            case "down" -> DOWN;
            default -> FLAT;
        };
    }

    @ParameterizedTest(name = "{0} with trend {1} is {2}")
    @CsvSource({
        // Twelve steps; 90 % = at least 11 of 12.
        "...........+, flat, new-hot-spot",
        ".........+++, flat, consecutive-hot-spot",
        "+++++++++++., flat, historical-hot-spot",
        "++++++++++++, up,   intensifying-hot-spot",
        ".+++++++++++, up,   intensifying-hot-spot",
        "++++++++++++, flat, persistent-hot-spot",
        "++++++++++++, down, diminishing-hot-spot",
        "..+..+.....+, flat, sporadic-hot-spot",
        "..+......+++, flat, sporadic-hot-spot",
        "..-........+, flat, oscillating-hot-spot",
        "--..-.....++, flat, oscillating-hot-spot",
        "...........-, flat, new-cold-spot",
        "........----, flat, consecutive-cold-spot",
        "-----------., flat, historical-cold-spot",
        "------------, down, intensifying-cold-spot",
        "------------, flat, persistent-cold-spot",
        "------------, up,   diminishing-cold-spot",
        ".-..-......-, flat, sporadic-cold-spot",
        "..+........-, flat, oscillating-cold-spot",
        "............, flat, no-pattern",
        "..+++..---.., flat, no-pattern",
        // A trend without enough hot steps decides nothing on its own.
        "..........++, up,   consecutive-hot-spot",
        // Before the final run a cold spot turns a run into oscillating.
        "-........+++, flat, oscillating-hot-spot",
        // Hot in 11 of 12 but cold at the end: oscillating cold (sfdep's order), not historical.
        "+++++++++++-, flat, oscillating-cold-spot",
        // One time step: the significant bin is new.
        "+, flat, new-hot-spot",
        "-, flat, new-cold-spot",
        // Fewer than ten steps: 90 % means every step.
        "++++, flat, persistent-hot-spot",
        "+++., flat, no-pattern",
    })
    void categories_follow_the_arcgis_definitions(String bins, String trend, String slug) {
        EmergingCategory c = EmergingCategory.classify(series(bins), trend(trend), 0.05);
        assertThat(c.slug()).isEqualTo(slug);
    }

    @Test
    void seventeen_categories_with_slugs() {
        assertThat(EmergingCategory.values()).hasSize(17);
        assertThat(EmergingCategory.fromSlug("intensifying-cold-spot")).contains(EmergingCategory.INTENSIFYING_COLD_SPOT);
        assertThat(EmergingCategory.NEW_HOT_SPOT.isHot()).isTrue();
        assertThat(EmergingCategory.NO_PATTERN.isHot() || EmergingCategory.NO_PATTERN.isCold()).isFalse();
    }

    @Test
    void a_trend_counts_only_when_significant_at_the_trend_level() {
        assertThat(EmergingCategory.classify(series("++++++++++++"), UP, 0.005)).isEqualTo(EmergingCategory.PERSISTENT_HOT_SPOT);
    }

    @Test
    void bad_series_are_refused() {
        assertThatThrownBy(() -> EmergingCategory.classify(new int[0], FLAT, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmergingCategory.classify(new int[] {2}, FLAT, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmergingCategory.classify(new int[] {1}, FLAT, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trendAlpha");
    }
}
