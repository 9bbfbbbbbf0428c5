package uk.safermap.store.jdbc;

import uk.safermap.store.KeyedImportSession;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * One all-or-nothing import into a table with a unique text key (collisions, council cases):
 * an {@code import_run} row, rows added in batches when their key is not stored yet, and commit
 * or roll back. Imports into one table take turns (the {@code turn} semaphore), since each looks
 * its keys up before inserting: these tables are small, and turns keep the unique index from
 * failing a concurrent import.
 *
 * @param <T> the row type
 */
final class KeyedImport<T> implements KeyedImportSession<T> {

    /** Binds one row's values to the insert statement; the import id is given for its column. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, T row, long importId) throws SQLException;
    }

    private static final String INSERT_IMPORT = "INSERT INTO import_run (format, source_name, started_at, "
            + "finished_at, imported, duplicates, rejected) VALUES (?, ?, ?, ?, 0, 0, 0)";
    private static final String FINISH_IMPORT = "UPDATE import_run SET finished_at = ?, imported = ?, "
            + "duplicates = ?, rejected = ? WHERE id = ?";

    private final Connection c;
    private final Semaphore turn;
    private final Clock clock;
    private final String lookupSql;
    private final String insertSql;
    private final Function<T, String> key;
    private final Binder<T> binder;
    private final String what;
    private final long importId;
    private int imported;
    private boolean finished;

    /** @param table, keyColumn constants of the calling store, never user text */
    KeyedImport(DataSource ds, Clock clock, Semaphore turn, String format, String sourceName, String table,
                String keyColumn, String insertSql, Function<T, String> key, Binder<T> binder) {
        this.clock = clock;
        this.turn = turn;
        this.lookupSql = "SELECT " + keyColumn + " FROM " + table + " WHERE " + keyColumn + " IN (";
        this.insertSql = insertSql;
        this.key = key;
        this.binder = binder;
        this.what = format + " import of " + sourceName;
        turn.acquireUninterruptibly();
        Connection connection = null;
        try {
            connection = ds.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(INSERT_IMPORT, new String[] {"id"})) {
                Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
                ps.setString(1, format);
                ps.setString(2, IncidentRow.cut(sourceName, 500));
                ps.setTimestamp(3, now);
                ps.setTimestamp(4, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    importId = keys.getLong(1);
                }
            }
            c = connection;
        } catch (SQLException | RuntimeException e) {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            turn.release();
            throw e instanceof SQLException s ? Jdbc.failure("starting the " + what, s) : (RuntimeException) e;
        }
    }

    /** Adds the rows whose key is not stored yet (rows in one batch have distinct keys); returns how many. */
    @Override
    public int add(List<T> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            Set<String> stored = stored(batch);
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                for (T row : batch) {
                    if (!stored.contains(key.apply(row))) {
                        binder.bind(ps, row, importId);
                        ps.addBatch();
                        added++;
                    }
                }
                ps.executeBatch();
            }
            imported += added;
            return added;
        } catch (SQLException e) {
            throw Jdbc.failure("adding a batch of " + batch.size() + " rows in the " + what, e);
        }
    }

    private Set<String> stored(List<T> batch) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(lookupSql + Jdbc.placeholders(batch.size()) + ")")) {
            for (int i = 0; i < batch.size(); i++) {
                ps.setString(i + 1, key.apply(batch.get(i)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Override
    public long commit(int duplicates, int rejected) {
        try (PreparedStatement ps = c.prepareStatement(FINISH_IMPORT)) {
            ps.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(clock)));
            ps.setInt(2, imported);
            ps.setInt(3, duplicates);
            ps.setInt(4, rejected);
            ps.setLong(5, importId);
            ps.executeUpdate();
            c.commit();
            finished = true;
            return importId;
        } catch (SQLException e) {
            throw Jdbc.failure("committing the " + what, e);
        }
    }

    @Override
    public void close() {
        try (c) {
            if (!finished) {
                c.rollback();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("closing the " + what, e);
        } finally {
            turn.release();
        }
    }
}
