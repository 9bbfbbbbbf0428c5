package uk.safermap.store.jdbc;

import uk.safermap.domain.Incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Looks the batch's keys up, then inserts the new rows with a JDBC batch (H2GIS). A large import
 * into a nearly empty table is written as a bulk load, a transaction per batch
 * ({@link H2gisBulkLoad}).
 */
final class InsertBatchWriter implements BatchWriter {

    // One array parameter, not an IN list: the statement is the same for every batch size and
    // the lookup uses the unique index on source_digest.
    private static final String EXISTING_KEYS = "SELECT source_digest FROM incident WHERE source_digest = ANY(?)";
    // The geometry arrives as EWKT and is parsed by the database's cast: no per-row function call.
    private static final String INSERT = "INSERT INTO incident (" + IncidentRow.BEFORE_GEOM + ", geom, "
            + IncidentRow.AFTER_GEOM + ") VALUES (" + Jdbc.placeholders(IncidentRow.BEFORE_GEOM_COUNT)
            + ", CAST(? AS GEOMETRY), "
            + Jdbc.placeholders(IncidentRow.COUNT_WITHOUT_GEOM - IncidentRow.BEFORE_GEOM_COUNT) + ")";

    private final Connection c;
    private final long importId;
    private final SourceDigest digest = new SourceDigest();
    private PreparedStatement insert;
    private H2gisBulkLoad bulk;

    InsertBatchWriter(Connection c, long importId) {
        this.c = c;
        this.importId = importId;
    }

    @Override
    public int write(List<Incident> batch) throws SQLException {
        if (insert == null) {
            if (BulkImport.starts(c, batch.size())) {
                bulk = H2gisBulkLoad.start(c, importId);
            }
            insert = target().prepareStatement(INSERT);
        }
        int added = insert(batch);
        if (bulk != null) {
            bulk.batchWritten();
        }
        return added;
    }

    private Connection target() {
        return bulk != null ? bulk.connection() : c;
    }

    private int insert(List<Incident> batch) throws SQLException {
        UUID[] digests = batch.stream().map(i -> digest.of(i.sourceKey())).toArray(UUID[]::new);
        Set<UUID> existing = existingKeys(digests);
        int added = 0;
        for (int k = 0; k < batch.size(); k++) {
            if (existing.contains(digests[k])) {
                continue;
            }
            Incident inc = batch.get(k);
            Object[] values = IncidentRow.values(inc, importId, digests[k]);
            for (int i = 0; i < values.length; i++) {
                // The geometry parameter sits between the columns before and after it.
                insert.setObject(i < IncidentRow.BEFORE_GEOM_COUNT ? i + 1 : i + 2, values[i]);
            }
            insert.setString(IncidentRow.BEFORE_GEOM_COUNT + 1,
                    "SRID=27700;POINT(" + inc.easting() + " " + inc.northing() + ")");
            insert.addBatch();
            added++;
        }
        if (added > 0) {
            insert.executeBatch();
        }
        return added;
    }

    private Set<UUID> existingKeys(UUID[] digests) throws SQLException {
        Set<UUID> keys = new HashSet<>();
        try (PreparedStatement ps = target().prepareStatement(EXISTING_KEYS)) {
            ps.setArray(1, target().createArrayOf("UUID", digests));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return keys;
    }

    /** Called after the import has committed or rolled back, which a bulk load needs to know to end. */
    @Override
    public void close() throws SQLException {
        try (H2gisBulkLoad load = bulk) {
            if (insert != null) {
                insert.close();
            }
        }
    }
}
