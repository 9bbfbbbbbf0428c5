package uk.safermap.store.jdbc;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.AreaStore;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.Page;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** {@link AreaStore} over JDBC; each area is stored in lon/lat and in grid metres. */
public final class JdbcAreaStore implements AreaStore {

    private static final String COLUMNS = "kind, code, name, approximate, note, ST_AsBinary(geom)";
    private static final String BBOX = "geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
    private static final String GRID_BOX = "geom_bng && ST_MakeEnvelope(?, ?, ?, ?, 27700)";
    private static final String DELETE = "DELETE FROM area WHERE kind = ? AND code = ?";
    private static final String INSERT = "INSERT INTO area (kind, code, name, approximate, note, geom, geom_bng, "
            + "updated_at) VALUES (?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326), ST_GeomFromWKB(?, 27700), ?)";

    private final DataSource ds;
    private final BritishNationalGrid grid;
    private final Clock clock;

    public JdbcAreaStore(Database db, BritishNationalGrid grid, Clock clock) {
        this.ds = db.dataSource();
        this.clock = clock;
        this.grid = grid;
    }

    @Override
    public Page<Area> find(AreaKind kind, BoxFilter bbox, int limit, long offset) {
        String where = " FROM area WHERE kind = ?" + (bbox.isEmpty() ? "" : " AND ("
                + String.join(" OR ", Collections.nCopies(bbox.boxes().size(), bbox.grid() ? GRID_BOX : BBOX)) + ")");
        return Jdbc.read(ds, "listing " + kind.key() + " areas", c -> {
            long matched;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + where)) {
                bindFilter(ps, kind, bbox);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    matched = rs.getLong(1);
                }
            }
            List<Area> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + where + " ORDER BY code LIMIT ? OFFSET ?")) {
                int i = bindFilter(ps, kind, bbox);
                ps.setInt(i++, limit);
                ps.setLong(i, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(area(rs));
                    }
                }
            }
            return new Page<>(items, matched);
        });
    }

    private static int bindFilter(PreparedStatement ps, AreaKind kind, BoxFilter bbox) throws SQLException {
        int i = 1;
        ps.setString(i++, kind.key());
        for (Envelope b : bbox.boxes()) {
            ps.setDouble(i++, b.getMinX());
            ps.setDouble(i++, b.getMinY());
            ps.setDouble(i++, b.getMaxX());
            ps.setDouble(i++, b.getMaxY());
        }
        return i;
    }

    @Override
    public Optional<Area> get(AreaKind kind, String code) {
        return Jdbc.read(ds, "reading area " + kind.key() + ":" + code, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM area WHERE kind = ? AND code = ?")) {
                ps.setString(1, kind.key());
                ps.setString(2, code);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(area(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(Area area) {
        putAll(List.of(area));
    }

    @Override
    public void putAll(Collection<Area> areas) {
        Jdbc.inTransaction(ds, "saving " + areas.size() + " areas", c -> {
            for (Area a : areas) {
                replace(c, a);
            }
            return null;
        });
    }

    private void replace(Connection c, Area a) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(DELETE)) {
            del.setString(1, a.kind().key());
            del.setString(2, a.code());
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement(INSERT)) {
            ins.setString(1, a.kind().key());
            ins.setString(2, a.code());
            ins.setString(3, a.name());
            ins.setBoolean(4, a.approximate());
            Jdbc.setNullableString(ins, 5, a.note());
            ins.setBytes(6, Jdbc.wkb(a.geometry()));
            ins.setBytes(7, Jdbc.wkb(grid.toGrid(a.geometry())));
            ins.setTimestamp(8, Timestamp.valueOf(LocalDateTime.now(clock)));
            ins.executeUpdate();
        }
    }

    @Override
    public boolean delete(AreaKind kind, String code) {
        return Jdbc.inTransaction(ds, "deleting area " + kind.key() + ":" + code, c -> {
            try (PreparedStatement ps = c.prepareStatement(DELETE)) {
                ps.setString(1, kind.key());
                ps.setString(2, code);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public long count(AreaKind kind) {
        return Jdbc.read(ds, "counting " + kind.key() + " areas", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM area WHERE kind = ?")) {
                ps.setString(1, kind.key());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<double[]> extent(AreaKind kind) {
        String sql = "SELECT MIN(ST_XMin(geom)), MIN(ST_YMin(geom)), MAX(ST_XMax(geom)), MAX(ST_YMax(geom)) "
                + "FROM area WHERE kind = ?";
        return Jdbc.read(ds, "reading the extent of " + kind.key() + " areas", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, kind.key());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getObject(1) == null ? Optional.empty() : Optional.of(new double[] {rs.getDouble(1),
                            rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
                }
            }
        });
    }

    private static Area area(ResultSet rs) throws SQLException {
        return new Area(AreaKind.fromKey(rs.getString(1)).orElseThrow(), rs.getString(2), rs.getString(3),
                rs.getBoolean(4), rs.getString(5), Jdbc.geometry(rs.getBytes(6), BritishNationalGrid.WGS84_SRID));
    }
}
