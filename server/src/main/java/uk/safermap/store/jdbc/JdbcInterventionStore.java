package uk.safermap.store.jdbc;

import uk.safermap.domain.Category;
import uk.safermap.domain.Intervention;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.InterventionStore;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link InterventionStore} over JDBC, the same SQL for H2GIS and PostGIS. Saving replaces the
 * row in one transaction (delete then insert), which both databases do alike.
 */
public final class JdbcInterventionStore implements InterventionStore {

    private static final String COLUMNS = "id, name, kind, ST_AsBinary(target), target_source, start_date, end_date, "
            + "cost_pounds, categories, notes, created_at";
    private static final String INSERT = "INSERT INTO intervention (id, name, kind, target, target_source, start_date, "
            + "end_date, cost_pounds, categories, notes, created_at) VALUES (?, ?, ?, ST_GeomFromWKB(?, 27700), "
            + Jdbc.placeholders(7) + ")";

    private final DataSource ds;

    public JdbcInterventionStore(Database db) {
        this.ds = db.dataSource();
    }

    @Override
    public void save(Intervention v) {
        Jdbc.inTransaction(ds, "saving intervention " + v.id(), c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM intervention WHERE id = ?")) {
                del.setString(1, v.id());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                int i = 1;
                ps.setString(i++, v.id());
                ps.setString(i++, v.name());
                ps.setString(i++, v.kind().slug());
                ps.setBytes(i++, Jdbc.wkb(v.target()));
                ps.setString(i++, v.targetSource());
                ps.setObject(i++, v.start());
                if (v.end() == null) {
                    ps.setNull(i++, Types.DATE);
                } else {
                    ps.setObject(i++, v.end());
                }
                if (v.costPounds() == null) {
                    ps.setNull(i++, Types.DOUBLE);
                } else {
                    ps.setDouble(i++, v.costPounds());
                }
                ps.setString(i++, v.categories().stream().map(Category::slug).sorted().collect(Collectors.joining(",")));
                ps.setString(i++, v.notes());
                ps.setObject(i, LocalDateTime.ofInstant(v.createdAt(), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Intervention> get(String id) {
        return Jdbc.read(ds, "reading intervention " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM intervention WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Intervention> all() {
        return Jdbc.read(ds, "reading interventions", c -> {
            List<Intervention> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM intervention ORDER BY start_date DESC, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    @Override
    public boolean delete(String id) {
        return Jdbc.inTransaction(ds, "deleting intervention " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM intervention WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static Intervention row(ResultSet rs) throws SQLException {
        Double cost = rs.getDouble(8);
        if (rs.wasNull()) {
            cost = null;
        }
        return new Intervention(rs.getString(1), rs.getString(2),
                Intervention.Kind.fromSlug(rs.getString(3)).orElseThrow(() -> new SQLException("unknown kind")),
                Jdbc.geometry(rs.getBytes(4), BritishNationalGrid.SRID), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), cost,
                categories(rs.getString(9)), rs.getString(10),
                rs.getObject(11, LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    private static Set<Category> categories(String slugs) throws SQLException {
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (String s : slugs.split(",")) {
            if (!s.isEmpty()) {
                out.add(Category.fromSlug(s).orElseThrow(() -> new SQLException("unknown category " + s)));
            }
        }
        return out;
    }
}
