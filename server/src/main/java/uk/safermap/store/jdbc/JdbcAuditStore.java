package uk.safermap.store.jdbc;

import uk.safermap.domain.AuditEvent;
import uk.safermap.domain.Role;
import uk.safermap.store.AuditStore;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The audit log in {@code audit_event}; times are stored as UTC. */
public final class JdbcAuditStore implements AuditStore {

    private static final int MAX_DETAIL = 4000;

    private final DataSource ds;

    public JdbcAuditStore(Database db) {
        this.ds = db.dataSource();
    }

    @Override
    public void append(AuditEvent e) {
        Jdbc.inTransaction(ds, "writing the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (at, user_name, role, action, detail, "
                    + "row_count) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setTimestamp(1, Timestamp.valueOf(java.time.LocalDateTime.ofInstant(e.at(), java.time.ZoneOffset.UTC)));
                ps.setString(2, e.user());
                ps.setString(3, e.role().key());
                ps.setString(4, e.action());
                ps.setString(5, e.detail().length() > MAX_DETAIL ? e.detail().substring(0, MAX_DETAIL) : e.detail());
                ps.setLong(6, e.rows());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<AuditEvent> recent(int limit, long offset) {
        return Jdbc.read(ds, "reading the audit log", c -> {
            List<AuditEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, user_name, role, action, detail, row_count "
                    + "FROM audit_event ORDER BY id DESC LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setLong(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime()
                                .toInstant(java.time.ZoneOffset.UTC), rs.getString(3),
                                Role.fromKey(rs.getString(4)).orElseThrow(), rs.getString(5), rs.getString(6),
                                rs.getLong(7)));
                    }
                }
            }
            return out;
        });
    }
}
