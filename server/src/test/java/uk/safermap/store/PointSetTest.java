package uk.safermap.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding incidents by id in a point set, as stores give it (ascending ids). */
class PointSetTest {

    private static PointSet withIds(long... ids) {
        int n = ids.length;
        return new PointSet(ids, new double[n], new double[n], new int[n], new int[n], new int[n], new byte[n],
                new boolean[n], null);
    }

    @Test
    void positions_of_ascending_ids_leave_out_those_not_held() {
        PointSet points = withIds(3, 5, 8, 13, 21, 34);
        assertThat(points.positionsOf(new long[] {1, 5, 6, 13, 34, 40})).containsExactly(1, 3, 5);
        assertThat(points.positionsOf(new long[0])).isEmpty();
    }

    @Test
    void positions_of_ids_in_any_order_come_in_the_order_asked() {
        PointSet points = withIds(3, 5, 8, 13, 21, 34);
        assertThat(points.positionsOf(new long[] {34, 3, 21, 2, 8, 8})).containsExactly(5, 0, 4, 2, 2);
    }
}
