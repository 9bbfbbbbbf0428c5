package uk.safermap.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the stores of counts per area (ward populations, households) must do, on H2GIS and on PostGIS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PopulationStoreContract {

    private Database db;
    private JdbcPopulationStore store;
    private JdbcPopulationStore households;

    protected abstract Database openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        db = openDatabase();
        store = new JdbcPopulationStore(db, JdbcPopulationStore.Table.WARD_POPULATION, Clock.systemDefaultZone());
        households = new JdbcPopulationStore(db, JdbcPopulationStore.Table.OA_HOUSEHOLDS, Clock.systemDefaultZone());
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void a_load_replaces_the_whole_set_and_a_failed_load_changes_nothing() {
        assertThat(store.all()).isEmpty();
        assertThat(store.source()).isEmpty();
        store.replaceAll(Map.of("E05005503", 5979, "E05005504", 4321), "census.csv");
        assertThat(store.all()).containsExactlyInAnyOrderEntriesOf(Map.of("E05005503", 5979, "E05005504", 4321));
        assertThat(store.source()).contains("census.csv");
        store.replaceAll(Map.of("E05005503", 6000), "mid-2024.csv");
        assertThat(store.all()).containsExactlyEntriesOf(Map.of("E05005503", 6000));
        // A negative population breaks the table's check: the earlier set must survive.
        assertThatThrownBy(() -> store.replaceAll(Map.of("E05005503", 1, "E05005504", -5), "bad.csv"));
        assertThat(store.all()).containsExactlyEntriesOf(Map.of("E05005503", 6000));
        assertThat(store.source()).contains("mid-2024.csv");
    }

    @Test
    void households_per_output_area_are_kept_apart_from_ward_populations() {
        Map<String, Integer> wards = store.all();
        households.replaceAll(Map.of("E00131426", 140, "E00131427", 0), "census 2021 TS041");
        assertThat(households.all()).containsExactlyInAnyOrderEntriesOf(Map.of("E00131426", 140, "E00131427", 0));
        assertThat(households.source()).contains("census 2021 TS041");
        assertThat(store.all()).isEqualTo(wards);
        assertThatThrownBy(() -> households.replaceAll(Map.of("E00131426", -1), "bad.csv"));
        assertThat(households.all()).containsEntry("E00131426", 140);
    }
}
