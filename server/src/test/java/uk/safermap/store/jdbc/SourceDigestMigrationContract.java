package uk.safermap.store.jdbc;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import uk.safermap.domain.Category;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetails;
import uk.safermap.domain.TimeSpan;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.IncidentStore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V16 on a store that already holds incidents, as every store made before it does: the
 * rows keep their keys, so a file imported before the upgrade is all duplicates after it, and
 * a new row is still imported. The keys include the two police.uk shapes and non-ASCII text.
 */
abstract class SourceDigestMigrationContract {

    private static final List<String> KEYS = List.of("crime:" + "9f3a".repeat(16), "row:" + "0b".repeat(20) + "#2",
            "council:Égerton/7");

    private final BritishNationalGrid grid = new BritishNationalGrid();

    /** A new store's JDBC URL, user and password, and what it needs before its first migration. */
    protected abstract String url();

    protected abstract String user();

    protected abstract String password();

    protected abstract Dialect dialect();

    protected void prepare(Connection c) throws Exception {
    }

    /** The store opened as the service opens it, which migrates it to the latest version. */
    protected abstract Database open() throws Exception;

    @Test
    void rows_stored_before_v16_are_duplicates_when_imported_again_after_it() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            prepare(c);
        }
        Flyway.configure().dataSource(url(), user(), password()).locations("classpath:db/migration")
                .placeholders(dialect().migrationPlaceholders()).baselineOnMigrate(true).baselineVersion("0")
                .target("15").load().migrate();
        try (Connection c = DriverManager.getConnection(url(), user(), password());
             PreparedStatement ps = c.prepareStatement("INSERT INTO incident (source_key, source, import_id, "
                     + "month_start, time_start, time_end, category, category_label, sensitive, lon, lat, easting, "
                     + "northing, geom) VALUES (?, 'police-csv', 1, DATE '2025-03-01', TIMESTAMP '2025-03-01 00:00:00', "
                     + "TIMESTAMP '2025-04-01 00:00:00', 'burglary', 'Burglary', FALSE, -0.887, 52.7656, 475000, "
                     + "319000, ST_GeomFromText('POINT(475000 319000)', 27700))")) {
            for (String key : KEYS) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
        }
        try (Database db = open()) {
            JdbcIncidentStore store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
            try (IncidentStore.ImportSession s = store.beginImport("police-csv", "after V16")) {
                List<String> again = new ArrayList<>(KEYS);
                again.add("crime:new");
                s.add(again.stream().map(this::incident).toList());
                IncidentStore.ImportRecord r = s.commit(again.size(), 0);
                assertThat(r.imported()).isEqualTo(1);
                assertThat(r.duplicates()).isEqualTo(KEYS.size());
            }
            assertThat(store.count()).isEqualTo(KEYS.size() + 1);
        }
    }

    private Incident incident(String key) {
        YearMonth month = YearMonth.of(2025, 3);
        double[] en = grid.toGrid(-0.887, 52.7656);
        return new Incident(0, key, "police-csv", null, month, TimeSpan.ofMonth(month), Category.BURGLARY, "Burglary",
                -0.887, 52.7656, en[0], en[1], false, IncidentDetails.none());
    }
}
