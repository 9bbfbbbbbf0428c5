package uk.safermap.store.jdbc;

import uk.safermap.domain.TrackPoint;
import uk.safermap.store.PatrolTrackStore;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** {@link PatrolTrackStore} over JDBC, the same SQL for H2GIS and PostGIS; times stored as UTC. */
public final class JdbcPatrolTrackStore implements PatrolTrackStore {

    private static final String DELETE = "DELETE FROM patrol_track_point WHERE plan_id = ?";
    private static final String INSERT = "INSERT INTO patrol_track_point (plan_id, unit, recorded_at, lon, lat) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT unit, recorded_at, lon, lat FROM patrol_track_point "
            + "WHERE plan_id = ? ORDER BY unit, recorded_at";

    private final DataSource ds;

    public JdbcPatrolTrackStore(Database db) {
        this.ds = db.dataSource();
    }

    @Override
    public void replace(String planId, List<TrackPoint> points) {
        Jdbc.inTransaction(ds, "saving tracks of patrol plan " + planId, c -> {
            try (PreparedStatement delete = c.prepareStatement(DELETE)) {
                delete.setString(1, planId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (TrackPoint p : points) {
                    insert.setString(1, planId);
                    insert.setString(2, p.unit());
                    insert.setObject(3, LocalDateTime.ofInstant(p.time(), ZoneOffset.UTC));
                    insert.setDouble(4, p.lon());
                    insert.setDouble(5, p.lat());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<TrackPoint> get(String planId) {
        return Jdbc.read(ds, "reading tracks of patrol plan " + planId, c -> {
            List<TrackPoint> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                ps.setString(1, planId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TrackPoint(rs.getString(1),
                                rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getDouble(3),
                                rs.getDouble(4)));
                    }
                }
            }
            return out;
        });
    }
}
