package uk.safermap.store.jdbc;

import uk.safermap.domain.Incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Looks the batch's keys up, then inserts the new rows with a JDBC batch (H2GIS). */
final class InsertBatchWriter implements BatchWriter {

    // One array parameter, not an IN list: the statement is the same for every batch size and
    // the lookup uses the unique index on source_key.
    private static final String EXISTING_KEYS = "SELECT source_key FROM incident WHERE source_key = ANY(?)";
    // The geometry arrives as EWKT and is parsed by the database's cast: no per-row function call.
    private static final String INSERT = "INSERT INTO incident (" + IncidentRow.COLUMNS + ") VALUES ("
            + Jdbc.placeholders(IncidentRow.GEOM) + ", CAST(? AS GEOMETRY), "
            + Jdbc.placeholders(IncidentRow.COUNT - IncidentRow.GEOM - 1) + ")";

    private final Connection c;
    private final long importId;
    private final PreparedStatement insert;

    InsertBatchWriter(Connection c, long importId) throws SQLException {
        this.c = c;
        this.importId = importId;
        this.insert = c.prepareStatement(INSERT);
    }

    @Override
    public int write(List<Incident> batch) throws SQLException {
        Set<String> existing = existingKeys(batch);
        int added = 0;
        for (Incident inc : batch) {
            if (existing.contains(inc.sourceKey())) {
                continue;
            }
            Object[] values = IncidentRow.values(inc, importId);
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.addBatch();
            added++;
        }
        if (added > 0) {
            insert.executeBatch();
        }
        return added;
    }

    private Set<String> existingKeys(List<Incident> batch) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(EXISTING_KEYS)) {
            ps.setArray(1, c.createArrayOf("VARCHAR", batch.stream().map(Incident::sourceKey).toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
