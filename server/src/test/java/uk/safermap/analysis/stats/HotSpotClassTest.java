package uk.safermap.analysis.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HotSpotClassTest {

    @Test
    void bins_slugs_and_arcgis_colours_line_up() {
        assertThat(HotSpotClass.ofBin(-3)).isEqualTo(HotSpotClass.COLD_99);
        assertThat(HotSpotClass.ofBin(0).slug()).isEqualTo("not-significant");
        assertThat(HotSpotClass.ofBin(3).colour()).isEqualTo("#D7301F");
        assertThat(HotSpotClass.COLD_95.colour()).isEqualTo("#73B2FF");
        assertThat(HotSpotClass.HOT_90.confidencePercent()).isEqualTo(90);
        assertThat(HotSpotClass.fromSlug("cold-90")).contains(HotSpotClass.COLD_90);
        for (HotSpotClass c : HotSpotClass.values()) {
            assertThat(HotSpotClass.ofBin(c.bin())).isEqualTo(c);
        }
        assertThatThrownBy(() -> HotSpotClass.ofBin(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
