package uk.safermap.store;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares two {@link PointSet}s column by column (a record of arrays compares arrays by identity). */
public final class PointSetAssert {

    private PointSetAssert() {
    }

    public static void assertSamePoints(PointSet actual, PointSet expected) {
        assertThat(actual.ids()).containsExactly(expected.ids());
        assertThat(actual.easting()).containsExactly(expected.easting());
        assertThat(actual.northing()).containsExactly(expected.northing());
        assertThat(actual.monthIndex()).containsExactly(expected.monthIndex());
        assertThat(actual.epochDay()).containsExactly(expected.epochDay());
        assertThat(actual.minuteOfDay()).containsExactly(expected.minuteOfDay());
        assertThat(actual.category()).containsExactly(expected.category());
        assertThat(actual.sensitive()).containsExactly(expected.sensitive());
        if (expected.location() == null) {
            assertThat(actual.location()).isNull();
        } else {
            assertThat(actual.location()).containsExactly(expected.location());
        }
    }
}
