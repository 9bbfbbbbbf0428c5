package uk.safermap.store.jdbc;

import uk.safermap.domain.Collision;
import uk.safermap.domain.Severity;
import uk.safermap.store.CollisionQuery;
import uk.safermap.store.CollisionStore;
import uk.safermap.store.Page;
import uk.safermap.store.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

/** {@link CollisionStore} over JDBC, the same SQL for PostGIS and H2GIS. */
public final class JdbcCollisionStore implements CollisionStore {

    private static final String COLUMNS = "id, collision_index, occurred_on, time_of_day, severity, enhanced_severity, "
            + "speed_limit, first_road_class, first_road_number, light_conditions, weather_conditions, vehicles, "
            + "casualties, lon, lat, easting, northing, lsoa_code";
    private static final String INSERT = "INSERT INTO collision (collision_index, import_id, occurred_on, time_of_day, "
            + "severity, enhanced_severity, speed_limit, first_road_class, first_road_number, light_conditions, "
            + "weather_conditions, vehicles, casualties, lon, lat, easting, northing, lsoa_code) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_IMPORT = "INSERT INTO import_run (format, source_name, started_at, "
            + "finished_at, imported, duplicates, rejected) VALUES ('stats19', ?, ?, ?, 0, 0, 0)";
    private static final String FINISH_IMPORT = "UPDATE import_run SET finished_at = ?, imported = ?, "
            + "duplicates = ?, rejected = ? WHERE id = ?";

    private final DataSource ds;
    /**
     * Imports look keys up before inserting, so two at once could both insert one key and one
     * would fail on the unique index: collision imports take turns (they are small).
     */
    private final Semaphore importTurn = new Semaphore(1, true);

    public JdbcCollisionStore(Database db) {
        this.ds = db.dataSource();
    }

    @Override
    public ImportSession beginImport(String sourceName) {
        importTurn.acquireUninterruptibly();
        try {
            return new Session(ds.getConnection(), sourceName, importTurn::release);
        } catch (SQLException | RuntimeException e) {
            importTurn.release();
            throw new StoreException("starting a collision import of " + sourceName, e);
        }
    }

    @Override
    public Page<Collision> find(CollisionQuery q) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        return Jdbc.read(ds, "querying collisions", c -> {
            long matched;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM collision" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    matched = rs.getLong(1);
                }
            }
            List<Collision> items = new ArrayList<>();
            String sql = "SELECT " + COLUMNS + " FROM collision" + where + " ORDER BY occurred_on, id LIMIT ? OFFSET ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = bind(ps, args);
                ps.setInt(i++, q.limit());
                ps.setLong(i, q.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(collision(rs));
                    }
                }
            }
            return new Page<>(items, matched);
        });
    }

    @Override
    public Optional<Collision> findById(long id) {
        return Jdbc.read(ds, "reading collision " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM collision WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(collision(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public String dataVersion() {
        return Jdbc.read(ds, "reading the collision data version", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM collision")) {
                rs.next();
                return "collisions:" + rs.getLong(1) + "/" + rs.getLong(2);
            }
        });
    }

    /** The WHERE clause for a query, with its bind values appended to {@code args} in order. */
    private static String where(CollisionQuery q, List<Object> args) {
        List<String> terms = new ArrayList<>();
        q.gridBox().ifPresent(b -> {
            terms.add("easting >= ? AND northing >= ? AND easting <= ? AND northing <= ?");
            args.addAll(List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
        });
        q.from().ifPresent(d -> {
            terms.add("occurred_on >= ?");
            args.add(d);
        });
        q.to().ifPresent(d -> {
            terms.add("occurred_on < ?");
            args.add(d);
        });
        if (!q.severities().isEmpty()) {
            terms.add("severity IN (" + Jdbc.placeholders(q.severities().size()) + ")");
            q.severities().stream().map(Severity::code).sorted().forEach(args::add);
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return i;
    }

    private static Collision collision(ResultSet rs) throws SQLException {
        int code = rs.getInt("severity");
        return new Collision(rs.getLong("id"), rs.getString("collision_index"),
                rs.getObject("occurred_on", LocalDate.class), rs.getObject("time_of_day", LocalTime.class),
                Severity.fromCode(code).orElseThrow(() -> new SQLException("unknown severity code " + code)),
                integer(rs, "enhanced_severity"), integer(rs, "speed_limit"), integer(rs, "first_road_class"),
                integer(rs, "first_road_number"), integer(rs, "light_conditions"), integer(rs, "weather_conditions"),
                integer(rs, "vehicles"), rs.getInt("casualties"), rs.getDouble("lon"), rs.getDouble("lat"),
                rs.getDouble("easting"), rs.getDouble("northing"), rs.getString("lsoa_code"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** One import on one connection, held open in a transaction until commit or close. */
    private static final class Session implements ImportSession {
        private final Connection c;
        private final long importId;
        private final String sourceName;
        private final Runnable release;
        private int imported;
        private boolean finished;

        Session(Connection c, String sourceName, Runnable release) throws SQLException {
            this.c = c;
            this.sourceName = sourceName;
            this.release = release;
            try {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(INSERT_IMPORT, new String[] {"id"})) {
                    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
                    ps.setString(1, IncidentRow.cut(sourceName, 500));
                    ps.setTimestamp(2, now);
                    ps.setTimestamp(3, now);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        importId = keys.getLong(1);
                    }
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }

        @Override
        public int add(List<Collision> batch) {
            if (batch.isEmpty()) {
                return 0;
            }
            try {
                Set<String> stored = stored(batch);
                int added = 0;
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (Collision x : batch) {
                        if (!stored.contains(x.collisionIndex())) {
                            bindRow(ps, x);
                            ps.addBatch();
                            added++;
                        }
                    }
                    ps.executeBatch();
                }
                imported += added;
                return added;
            } catch (SQLException e) {
                throw new StoreException("adding a batch of " + batch.size() + " collisions", e);
            }
        }

        private Set<String> stored(List<Collision> batch) throws SQLException {
            String sql = "SELECT collision_index FROM collision WHERE collision_index IN ("
                    + Jdbc.placeholders(batch.size()) + ")";
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < batch.size(); i++) {
                    ps.setString(i + 1, batch.get(i).collisionIndex());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        }

        private void bindRow(PreparedStatement ps, Collision x) throws SQLException {
            ps.setString(1, x.collisionIndex());
            ps.setLong(2, importId);
            ps.setObject(3, x.date());
            if (x.time() == null) {
                ps.setNull(4, Types.TIME);
            } else {
                ps.setObject(4, x.time());
            }
            ps.setInt(5, x.severity().code());
            Integer[] coded = {x.enhancedSeverity(), x.speedLimit(), x.firstRoadClass(), x.firstRoadNumber(),
                    x.lightConditions(), x.weatherConditions(), x.vehicles()};
            for (int k = 0; k < coded.length; k++) {
                if (coded[k] == null) {
                    ps.setNull(6 + k, Types.INTEGER);
                } else {
                    ps.setInt(6 + k, coded[k]);
                }
            }
            ps.setInt(13, x.casualties());
            ps.setDouble(14, x.lon());
            ps.setDouble(15, x.lat());
            ps.setDouble(16, x.easting());
            ps.setDouble(17, x.northing());
            Jdbc.setNullableString(ps, 18, IncidentRow.cut(x.lsoaCode(), 20));
        }

        @Override
        public long commit(int duplicates, int rejected) {
            try (PreparedStatement ps = c.prepareStatement(FINISH_IMPORT)) {
                ps.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now()));
                ps.setInt(2, imported);
                ps.setInt(3, duplicates);
                ps.setInt(4, rejected);
                ps.setLong(5, importId);
                ps.executeUpdate();
                c.commit();
                finished = true;
                return importId;
            } catch (SQLException e) {
                throw new StoreException("committing collision import " + importId + " of " + sourceName, e);
            }
        }

        @Override
        public void close() {
            try (c) {
                if (!finished) {
                    c.rollback();
                }
            } catch (SQLException e) {
                throw new StoreException("closing collision import " + importId, e);
            } finally {
                release.run();
            }
        }
    }
}
