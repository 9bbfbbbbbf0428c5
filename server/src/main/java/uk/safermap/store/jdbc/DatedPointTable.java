package uk.safermap.store.jdbc;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.Page;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading a table of dated points (collision, council_case, speed_concern: lon, lat, easting,
 * northing and occurred_on columns, found by a B-tree on easting/northing): the OGC box and date
 * filter, a page, and the extent, so the three collections answer bbox and datetime the way
 * incidents do.
 */
final class DatedPointTable {

    /** Binds minX, minY, maxX, maxY of a grid box. */
    static final String GRID_BOX = "easting >= ? AND northing >= ? AND easting <= ? AND northing <= ?";

    /** Reads one row of the table. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final String table;
    private final String columns;
    private final List<String> terms = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /**
     * @param table, columns constants of the calling store, never user text
     * @param from   keep dates on or after this
     * @param to     keep dates before this
     */
    DatedPointTable(String table, String columns, BoxFilter boxes, Optional<LocalDate> from, Optional<LocalDate> to,
                    BritishNationalGrid grid) {
        this.table = table;
        this.columns = columns;
        if (!boxes.isEmpty()) {
            terms.add(boxes(boxes, grid, GRID_BOX, values));
        }
        from.ifPresent(d -> {
            terms.add("occurred_on >= ?");
            values.add(d);
        });
        to.ifPresent(d -> {
            terms.add("occurred_on < ?");
            values.add(d);
        });
    }

    /**
     * The term for boxes a point must lie in one of, its values appended. Grid boxes test the
     * grid position directly. Lon/lat boxes are transformed to the grid so the index on grid
     * position is used; the lon/lat test after it makes the answer exact, since the grid box is
     * slightly larger.
     *
     * @param gridBox the grid box test, binding minX, minY, maxX, maxY
     */
    static String boxes(BoxFilter filter, BritishNationalGrid grid, String gridBox, List<Object> values) {
        List<String> any = new ArrayList<>();
        for (Envelope box : filter.boxes()) {
            Envelope g = filter.grid() ? box : grid.toGrid(box);
            values.addAll(List.of(g.getMinX(), g.getMinY(), g.getMaxX(), g.getMaxY()));
            if (filter.grid()) {
                any.add("(" + gridBox + ")");
            } else {
                any.add("(" + gridBox + " AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?)");
                values.addAll(List.of(box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY()));
            }
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    /** Keeps rows whose {@code column} (a constant of the caller) is one of {@code accepted}; none given keeps all. */
    DatedPointTable in(String column, List<?> accepted) {
        if (!accepted.isEmpty()) {
            terms.add(column + " IN (" + Jdbc.placeholders(accepted.size()) + ")");
            values.addAll(accepted);
        }
        return this;
    }

    /** One page in date order, and how many rows match. */
    <T> Page<T> page(DataSource ds, String what, int limit, long offset, RowReader<T> reader) {
        String where = terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
        return Jdbc.read(ds, what, c -> {
            long matched;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + where)) {
                bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    matched = rs.getLong(1);
                }
            }
            List<T> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table + where
                    + " ORDER BY occurred_on, id LIMIT ? OFFSET ?")) {
                int i = bind(ps);
                ps.setInt(i++, limit);
                ps.setLong(i, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(reader.read(rs));
                    }
                }
            }
            return new Page<>(items, matched);
        });
    }

    /**
     * The row with this id, if any.
     *
     * @param table, columns constants of the calling store, never user text
     */
    static <T> Optional<T> byId(DataSource ds, String table, String columns, long id, RowReader<T> reader) {
        return Jdbc.read(ds, "reading " + table + " " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
                }
            }
        });
    }

    private int bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object v : values) {
            ps.setObject(i++, v);
        }
        return i;
    }

    /**
     * Lon/lat bounds and the days covered (from the start of the first to the end of the last),
     * empty when the table is empty.
     *
     * @param table a constant of the calling store, never user text
     */
    static Optional<IncidentStore.Extent> extent(DataSource ds, String table) {
        String sql = "SELECT MIN(lon), MIN(lat), MAX(lon), MAX(lat), MIN(occurred_on), MAX(occurred_on) FROM " + table;
        return Jdbc.read(ds, "reading the extent of " + table, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                LocalDate first = rs.getObject(5, LocalDate.class);
                if (first == null) {
                    return Optional.empty();
                }
                return Optional.of(new IncidentStore.Extent(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getDouble(4), first.atStartOfDay(), rs.getObject(6, LocalDate.class).plusDays(1).atStartOfDay()));
            }
        });
    }
}
