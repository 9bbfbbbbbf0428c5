package uk.safermap.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridReferenceTest {

    @Test
    void the_os_guide_worked_example_is_tg_51409_13177() {
        // Caister Water Tower, the worked example in the OS guide to coordinate systems.
        assertThat(GridReference.of(651_409, 313_177, 1)).isEqualTo("TG 51409 13177");
        assertThat(GridReference.of(651_409, 313_177, 100)).isEqualTo("TG 514 131");
    }

    @Test
    void digits_near_a_square_edge_keep_their_leading_zeros() {
        assertThat(GridReference.of(405_009, 300_950, 1)).isEqualTo("SK 05009 00950");
        assertThat(GridReference.of(405_009, 300_950, 100)).isEqualTo("SK 050 009");
        assertThat(GridReference.of(400_000, 300_000, 10_000)).isEqualTo("SK 0 0");
    }

    @Test
    void ben_nevis_summit_is_nn_166_712() {
        assertThat(GridReference.of(216_666, 771_288)).isEqualTo("NN 166 712");
    }

    @Test
    void melton_market_place_is_sk_751_191() {
        assertThat(GridReference.of(475_150, 319_120)).isEqualTo("SK 751 191");
        double[] en = new BritishNationalGrid().toGrid(-0.8870, 52.7656);
        assertThat(GridReference.of(en[0], en[1], 1000)).isEqualTo("SK 75 19");
    }

    @Test
    void letters_skip_i_and_cover_the_corners_of_the_grid() {
        assertThat(GridReference.of(0, 0, 10_000)).isEqualTo("SV 0 0");
        assertThat(GridReference.of(699_999, 1_299_999, 10_000)).isEqualTo("JM 9 9");
        // Lizard Point and Dunnet Head, far south-west and far north of Great Britain.
        assertThat(GridReference.of(170_000, 11_000, 1000)).isEqualTo("SW 70 11");
        assertThat(GridReference.of(320_000, 976_000, 1000)).isEqualTo("ND 20 76");
        // The lettering skips I: NH is followed by NJ.
        assertThat(GridReference.of(350_000, 850_000, 1000).substring(0, 2)).isEqualTo("NJ");
        assertThat(GridReference.of(250_000, 850_000, 1000).substring(0, 2)).isEqualTo("NH");
    }

    @Test
    void parsing_gives_the_centre_of_the_named_square_and_inverts_of() {
        assertThat(GridReference.parse("SK 751 191")).containsExactly(475_150, 319_150);
        assertThat(GridReference.parse("sk7519")).containsExactly(475_500, 319_500);
        assertThat(GridReference.parse("TG 51409 13177")).containsExactly(651_409.5, 313_177.5);
        assertThat(GridReference.parse("NN166712")).containsExactly(216_650, 771_250);
        for (String ref : new String[] {"SV 000 000", "HP 612 163", "NJ 941 060", "TQ 300 800", "SK 751 191"}) {
            double[] en = GridReference.parse(ref);
            assertThat(GridReference.of(en[0], en[1])).isEqualTo(ref);
        }
    }

    @Test
    void text_that_is_not_a_grid_reference_is_refused() {
        for (String bad : new String[] {"Asfordby", "SK 75 191", "SK 7519 1", "II 100 100", "SK 123456 123456", ""}) {
            assertThatThrownBy(() -> GridReference.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void truncates_rather_than_rounds() {
        assertThat(GridReference.of(475_299.9, 319_099.9)).isEqualTo("SK 752 190");
    }

    @Test
    void points_off_the_grid_and_odd_precisions_are_refused() {
        assertThatThrownBy(() -> GridReference.of(-1, 300_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GridReference.of(400_000, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GridReference.of(400_000, 300_000, 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
