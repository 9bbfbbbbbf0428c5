package uk.safermap.store.jdbc;

import uk.safermap.domain.SpeedConcern;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.KeyedImportSession;
import uk.safermap.store.Page;
import uk.safermap.store.SpeedConcernQuery;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.SpeedConcernStore;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/** {@link SpeedConcernStore} over JDBC, the same SQL for PostGIS and H2GIS. */
public final class JdbcSpeedConcernStore implements SpeedConcernStore {

    private static final String COLUMNS = "id, source_key, occurred_on, time_of_day, source, reference, location, lon, "
            + "lat, easting, northing, speed_limit, vehicles_checked, vehicles_over, max_speed, mean_speed";
    private static final String INSERT = "INSERT INTO speed_concern (source_key, import_id, occurred_on, time_of_day, "
            + "source, reference, location, lon, lat, easting, northing, speed_limit, vehicles_checked, vehicles_over, "
            + "max_speed, mean_speed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource ds;
    private final BritishNationalGrid grid;
    private final Clock clock;
    /** Speed concern imports take turns: see {@link KeyedImport}. */
    private final Semaphore importTurn = new Semaphore(1, true);

    public JdbcSpeedConcernStore(Database db, BritishNationalGrid grid, Clock clock) {
        this.ds = db.dataSource();
        this.clock = clock;
        this.grid = grid;
    }

    @Override
    public KeyedImportSession<SpeedConcern> beginImport(String sourceName) {
        return new KeyedImport<>(ds, clock, importTurn, "speed-concerns", sourceName,
                "speed_concern", "source_key", INSERT, SpeedConcern::sourceKey, JdbcSpeedConcernStore::bindRow);
    }

    @Override
    public Page<SpeedConcern> find(SpeedConcernQuery q) {
        return new DatedPointTable("speed_concern", COLUMNS, q.boxes(), q.from(), q.to(), grid)
                .page(ds, "querying speed concerns", q.limit(), q.offset(), JdbcSpeedConcernStore::concern);
    }

    @Override
    public Optional<IncidentStore.Extent> extent() {
        return DatedPointTable.extent(ds, "speed_concern");
    }

    @Override
    public Optional<SpeedConcern> findById(long id) {
        return DatedPointTable.byId(ds, "speed_concern", COLUMNS, id, JdbcSpeedConcernStore::concern);
    }

    // getObject with a class gives null for SQL NULL, where getInt and getDouble give 0.
    private static SpeedConcern concern(ResultSet rs) throws SQLException {
        return new SpeedConcern(rs.getLong("id"), rs.getString("source_key"), rs.getObject("occurred_on", LocalDate.class),
                rs.getObject("time_of_day", LocalTime.class), rs.getString("source"), rs.getString("reference"),
                rs.getString("location"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getDouble("easting"),
                rs.getDouble("northing"), rs.getObject("speed_limit", Integer.class),
                rs.getObject("vehicles_checked", Integer.class), rs.getObject("vehicles_over", Integer.class),
                rs.getObject("max_speed", Double.class), rs.getObject("mean_speed", Double.class));
    }

    // setObject with a type binds SQL NULL for null.
    private static void bindRow(PreparedStatement ps, SpeedConcern x, long importId) throws SQLException {
        ps.setString(1, x.sourceKey());
        ps.setLong(2, importId);
        ps.setObject(3, x.date());
        ps.setObject(4, x.time(), Types.TIME);
        ps.setString(5, x.source());
        Jdbc.setNullableString(ps, 6, IncidentRow.cut(x.reference(), 100));
        Jdbc.setNullableString(ps, 7, IncidentRow.cut(x.location(), 500));
        ps.setDouble(8, x.lon());
        ps.setDouble(9, x.lat());
        ps.setDouble(10, x.easting());
        ps.setDouble(11, x.northing());
        ps.setObject(12, x.speedLimit(), Types.INTEGER);
        ps.setObject(13, x.vehiclesChecked(), Types.INTEGER);
        ps.setObject(14, x.vehiclesOver(), Types.INTEGER);
        ps.setObject(15, x.maxSpeed(), Types.DOUBLE);
        ps.setObject(16, x.meanSpeed(), Types.DOUBLE);
    }
}
