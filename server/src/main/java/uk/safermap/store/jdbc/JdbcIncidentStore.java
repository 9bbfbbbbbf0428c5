package uk.safermap.store.jdbc;

import uk.safermap.domain.Incident;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.IncidentQuery;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.Page;
import uk.safermap.store.PointQuery;
import uk.safermap.store.PointSet;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** {@link IncidentStore} over JDBC, the same SQL for PostGIS and H2GIS. */
public final class JdbcIncidentStore implements IncidentStore {

    private static final String COLUMNS = IncidentRow.READ;

    private static final String INSERT_IMPORT = "INSERT INTO import_run (format, source_name, started_at, "
            + "finished_at, imported, duplicates, rejected) VALUES (?, ?, ?, ?, 0, 0, 0)";

    private static final String FINISH_IMPORT = "UPDATE import_run SET finished_at = ?, imported = ?, "
            + "duplicates = ?, rejected = ? WHERE id = ?";

    private final DataSource ds;
    private final Dialect dialect;
    private final BritishNationalGrid grid;
    private final Clock clock;
    /**
     * H2's import path looks keys up before inserting, so two imports at once could both try a
     * key and one would fail on the unique index: on H2, imports take turns. PostGIS's
     * {@code ON CONFLICT DO NOTHING} needs no such turn.
     */
    private final Semaphore importTurn = new Semaphore(1, true);
    /** Each running or committed import not yet read back. */
    private final Map<Long, Unread> unread = new ConcurrentHashMap<>();

    /**
     * What bounds the read-back of an import: the largest incident id when it began; and, when
     * its writer knew every row's id, the points themselves, so there is nothing to read.
     */
    private record Unread(long floor, BatchWriter.Written written) {
    }

    public JdbcIncidentStore(Database db, BritishNationalGrid grid, Clock clock) {
        this.ds = db.dataSource();
        this.clock = clock;
        this.dialect = db.dialect();
        this.grid = grid;
    }

    @Override
    public ImportSession beginImport(String format, String sourceName) {
        try {
            Runnable release = () -> { };
            if (dialect == Dialect.H2GIS) {
                importTurn.acquireUninterruptibly();
                release = importTurn::release;
            }
            try {
                return new JdbcImportSession(ds.getConnection(), dialect, clock, format, sourceName, unread, release);
            } catch (SQLException | RuntimeException e) {
                release.run();
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("starting an import of " + sourceName, e);
        }
    }

    @Override
    public Page<Incident> find(IncidentQuery q) {
        IncidentFilterSql filter = new IncidentFilterSql(q, grid, dialect);
        return Jdbc.read(ds, "querying incidents", c -> {
            long matched;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM incident" + filter.where())) {
                filter.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    matched = rs.getLong(1);
                }
            }
            List<Incident> items = new ArrayList<>();
            String sql = "SELECT " + COLUMNS + " FROM incident" + filter.where() + " ORDER BY id LIMIT ? OFFSET ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = filter.bind(ps);
                ps.setInt(i++, q.limit());
                ps.setLong(i, q.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(IncidentRow.incident(rs));
                    }
                }
            }
            return new Page<>(items, matched);
        });
    }

    @Override
    public Optional<Incident> findById(long id) {
        return Jdbc.read(ds, "reading incident " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incident WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(IncidentRow.incident(rs)) : Optional.empty();
                }
            }
        });
    }

    /** One array parameter: the same statement for every page, each id found by the primary key. */
    @Override
    public List<Incident> findByIds(long[] ids) {
        if (ids.length == 0) {
            return List.of();
        }
        return Jdbc.read(ds, "reading " + ids.length + " incidents by id", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incident WHERE id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("BIGINT", Arrays.stream(ids).boxed().toArray(Long[]::new)));
                Map<Long, Incident> byId = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Incident inc = IncidentRow.incident(rs);
                        byId.put(inc.id(), inc);
                    }
                }
                return Arrays.stream(ids).mapToObj(byId::get).filter(Objects::nonNull).toList();
            }
        });
    }

    @Override
    public long count() {
        return Jdbc.read(ds, "counting incidents", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM incident")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * No ORDER BY: on a large table the database would sort every row (PostgreSQL spills the
     * sort to disk); the rows come back nearly in id order and are sorted in memory.
     */
    @Override
    public PointSet points(PointQuery q) {
        IncidentFilterSql filter = new IncidentFilterSql(q, dialect);
        String sql = "SELECT " + PointSetReader.COLUMNS + (q.withLocations() ? ", location" : "")
                + " FROM incident" + filter.where();
        return readPoints(sql, q.withLocations(), filter::bind);
    }

    /**
     * A bulk COPY's own record of what it wrote, when it has one (3M rows read back took 6.3 s on
     * PostGIS); otherwise a read bounded by the id floor recorded when the import began, to the
     * primary-key range the import can have written (identities only grow), so no index on
     * import_id is needed.
     */
    @Override
    public PointSet importedPoints(long importId) {
        Unread u = unread.remove(importId);
        if (u != null && u.written() != null) {
            return u.written().points();
        }
        long floor = u == null ? 0 : u.floor();
        String sql = "SELECT " + PointSetReader.COLUMNS + ", location FROM incident WHERE id > ? AND import_id = ?";
        return readPoints(sql, true, ps -> {
            ps.setLong(1, floor);
            ps.setLong(2, importId);
            return 3;
        });
    }

    private PointSet readPoints(String sql, boolean withLocations, Binder binder) {
        return Jdbc.read(ds, "reading incident points", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                // Stream rows rather than buffering the whole result (PostgreSQL needs both).
                ps.setFetchSize(10_000);
                Jdbc.binaryRows(ps);
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try (ResultSet rs = ps.executeQuery()) {
                    return new PointSetReader(withLocations).read(rs);
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            }
        });
    }

    @Override
    public String dataVersion() {
        return Jdbc.read(ds, "reading the data version", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM import_run")) {
                rs.next();
                return rs.getLong(1) + "/" + rs.getLong(2);
            }
        });
    }

    @Override
    public Optional<Extent> extentAfter(long importId, Optional<Extent> before) {
        Unread u = unread.get(importId);
        if (u == null || u.written() == null) {
            return extent();
        }
        Extent added = u.written().extent();
        return Optional.of(before.map(b -> b.including(added)).orElse(added));
    }

    @Override
    public Optional<Extent> extent() {
        String sql = "SELECT MIN(lon), MIN(lat), MAX(lon), MAX(lat), MIN(time_start), MAX(time_end) FROM incident";
        return Jdbc.read(ds, "reading the incident extent", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                if (rs.getTimestamp(5) == null) {
                    return Optional.empty();
                }
                return Optional.of(new Extent(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        Jdbc.dateTime(rs.getTimestamp(5)), Jdbc.dateTime(rs.getTimestamp(6))));
            }
        });
    }

    @Override
    public List<ImportRecord> imports(int limit) {
        String sql = "SELECT id, format, source_name, finished_at, imported, duplicates, rejected FROM import_run "
                + "ORDER BY id DESC LIMIT ?";
        return Jdbc.read(ds, "listing imports", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, limit);
                List<ImportRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ImportRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                                Jdbc.dateTime(rs.getTimestamp(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7)));
                    }
                }
                return out;
            }
        });
    }

    /** Binds a statement's parameters; returns the next free index. */
    private interface Binder {
        int bind(PreparedStatement ps) throws SQLException;
    }

    /** One import on one connection, held open in a transaction until commit or close. */
    private static final class JdbcImportSession implements ImportSession {
        /**
         * PostgreSQL plans from table statistics that autovacuum refreshes only later: after an
         * import this large the planner would otherwise guess from the old row count.
         */
        private static final int ANALYZE_AFTER_ROWS = 10_000;

        private final Connection c;
        private final Dialect dialect;
        private final Clock clock;
        private final long importId;
        private final String format;
        private final String sourceName;
        private final BatchWriter writer;
        private final Map<Long, Unread> unread;
        private final Runnable release;
        private int imported;
        private boolean finished;

        JdbcImportSession(Connection c, Dialect dialect, Clock clock, String format, String sourceName,
                          Map<Long, Unread> unread, Runnable release) throws SQLException {
            this.c = c;
            this.dialect = dialect;
            this.clock = clock;
            this.unread = unread;
            this.release = release;
            this.format = format;
            this.sourceName = sourceName;
            try {
                c.setAutoCommit(false);
                long floor = largestId();
                this.importId = insertImportRow(format, sourceName);
                unread.put(importId, new Unread(floor, null));
                this.writer = BatchWriter.of(dialect, c, importId);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }

        private long largestId() throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM incident")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private long insertImportRow(String format, String sourceName) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(INSERT_IMPORT, new String[] {"id"})) {
                Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
                ps.setString(1, format);
                ps.setString(2, IncidentRow.cut(sourceName, 500));
                ps.setTimestamp(3, now);
                ps.setTimestamp(4, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }

        @Override
        public int add(List<Incident> batch) {
            if (batch.isEmpty()) {
                return 0;
            }
            try {
                int added = writer.write(batch);
                imported += added;
                return added;
            } catch (SQLException e) {
                throw Jdbc.failure("adding a batch of " + batch.size() + " incidents", e);
            }
        }

        @Override
        public int updateOutcomes(Map<String, String> outcomeBySourceKey) {
            // By the source key's digest: its unique index finds each row without a crime_id
            // index, so a writer that deferred it builds it now.
            try {
                finishWriting();
            } catch (SQLException e) {
                throw Jdbc.failure("building the indexes of import " + importId, e);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE incident SET outcome = ? WHERE source_digest = ?")) {
                SourceDigest digest = new SourceDigest();
                int updated = 0;
                int pending = 0;
                for (Map.Entry<String, String> e : outcomeBySourceKey.entrySet()) {
                    ps.setString(1, IncidentRow.cut(e.getValue(), 200));
                    ps.setObject(2, digest.of(e.getKey()));
                    ps.addBatch();
                    if (++pending == 1000) {
                        updated += sum(ps.executeBatch());
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    updated += sum(ps.executeBatch());
                }
                return updated;
            } catch (SQLException e) {
                throw Jdbc.failure("updating the outcomes of " + outcomeBySourceKey.size() + " incidents", e);
            }
        }

        private static int sum(int[] counts) {
            int n = 0;
            for (int k : counts) {
                n += Math.max(k, 0);
            }
            return n;
        }

        private void finishWriting() throws SQLException {
            imported -= writer.finish();
        }

        @Override
        public ImportRecord commit(int accepted, int rejected) {
            try {
                finishWriting();
                int duplicates = accepted - imported;
                LocalDateTime now = LocalDateTime.now(clock);
                try (PreparedStatement ps = c.prepareStatement(FINISH_IMPORT)) {
                    ps.setTimestamp(1, Timestamp.valueOf(now));
                    ps.setInt(2, imported);
                    ps.setInt(3, duplicates);
                    ps.setInt(4, rejected);
                    ps.setLong(5, importId);
                    ps.executeUpdate();
                }
                c.commit();
                finished = true;
                writer.written().ifPresent(written -> unread.computeIfPresent(importId,
                        (id, u) -> new Unread(u.floor(), written)));
                if (dialect == Dialect.POSTGIS && imported >= ANALYZE_AFTER_ROWS) {
                    analyze();
                }
                return new ImportRecord(importId, format, sourceName, now, imported, duplicates, rejected);
            } catch (SQLException e) {
                throw Jdbc.failure("committing import " + importId, e);
            }
        }

        private void analyze() throws SQLException {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE incident");
            }
        }

        @Override
        public void close() {
            try (c; writer) {
                if (!finished) {
                    unread.remove(importId);
                    c.rollback();
                }
            } catch (SQLException e) {
                throw Jdbc.failure("closing import " + importId, e);
            } finally {
                release.run();
            }
        }

    }
}
