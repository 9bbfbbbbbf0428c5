package uk.safermap.store.jdbc;

import uk.safermap.domain.Collision;
import uk.safermap.domain.Severity;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.CollisionQuery;
import uk.safermap.store.CollisionStore;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.KeyedImportSession;
import uk.safermap.store.Page;

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

/** {@link CollisionStore} over JDBC, the same SQL for PostGIS and H2GIS. */
public final class JdbcCollisionStore implements CollisionStore {

    private static final String COLUMNS = "id, collision_index, occurred_on, time_of_day, severity, enhanced_severity, "
            + "speed_limit, first_road_class, first_road_number, light_conditions, weather_conditions, vehicles, "
            + "casualties, lon, lat, easting, northing, lsoa_code";
    private static final String INSERT = "INSERT INTO collision (collision_index, import_id, occurred_on, time_of_day, "
            + "severity, enhanced_severity, speed_limit, first_road_class, first_road_number, light_conditions, "
            + "weather_conditions, vehicles, casualties, lon, lat, easting, northing, lsoa_code) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource ds;
    private final BritishNationalGrid grid;
    private final Clock clock;
    /** Collision imports take turns: see {@link KeyedImport}. */
    private final Semaphore importTurn = new Semaphore(1, true);

    public JdbcCollisionStore(Database db, BritishNationalGrid grid, Clock clock) {
        this.ds = db.dataSource();
        this.clock = clock;
        this.grid = grid;
    }

    @Override
    public KeyedImportSession<Collision> beginImport(String sourceName) {
        return new KeyedImport<>(ds, clock, importTurn, "stats19", sourceName, "collision",
                "collision_index", INSERT, Collision::collisionIndex, JdbcCollisionStore::bindRow);
    }

    @Override
    public Page<Collision> find(CollisionQuery q) {
        return new DatedPointTable("collision", COLUMNS, q.boxes(), q.from(), q.to(), grid)
                .in("severity", q.severities().stream().map(Severity::code).sorted().toList())
                .page(ds, "querying collisions", q.limit(), q.offset(), JdbcCollisionStore::collision);
    }

    @Override
    public Optional<IncidentStore.Extent> extent() {
        return DatedPointTable.extent(ds, "collision");
    }

    @Override
    public Optional<Collision> findById(long id) {
        return DatedPointTable.byId(ds, "collision", COLUMNS, id, JdbcCollisionStore::collision);
    }

    // getObject with a class gives null for SQL NULL, where getInt gives 0.
    private static Collision collision(ResultSet rs) throws SQLException {
        int code = rs.getInt("severity");
        return new Collision(rs.getLong("id"), rs.getString("collision_index"),
                rs.getObject("occurred_on", LocalDate.class), rs.getObject("time_of_day", LocalTime.class),
                Severity.fromCode(code).orElseThrow(() -> new SQLException("unknown severity code " + code)),
                rs.getObject("enhanced_severity", Integer.class), rs.getObject("speed_limit", Integer.class),
                rs.getObject("first_road_class", Integer.class), rs.getObject("first_road_number", Integer.class),
                rs.getObject("light_conditions", Integer.class), rs.getObject("weather_conditions", Integer.class),
                rs.getObject("vehicles", Integer.class), rs.getInt("casualties"), rs.getDouble("lon"),
                rs.getDouble("lat"), rs.getDouble("easting"), rs.getDouble("northing"), rs.getString("lsoa_code"));
    }

    // setObject with a type binds SQL NULL for null.
    private static void bindRow(PreparedStatement ps, Collision x, long importId) throws SQLException {
        ps.setString(1, x.collisionIndex());
        ps.setLong(2, importId);
        ps.setObject(3, x.date());
        ps.setObject(4, x.time(), Types.TIME);
        ps.setInt(5, x.severity().code());
        Integer[] coded = {x.enhancedSeverity(), x.speedLimit(), x.firstRoadClass(), x.firstRoadNumber(),
                x.lightConditions(), x.weatherConditions(), x.vehicles()};
        for (int k = 0; k < coded.length; k++) {
            ps.setObject(6 + k, coded[k], Types.INTEGER);
        }
        ps.setInt(13, x.casualties());
        ps.setDouble(14, x.lon());
        ps.setDouble(15, x.lat());
        ps.setDouble(16, x.easting());
        ps.setDouble(17, x.northing());
        Jdbc.setNullableString(ps, 18, IncidentRow.cut(x.lsoaCode(), 20));
    }
}
