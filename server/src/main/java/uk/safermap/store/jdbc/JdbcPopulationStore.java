package uk.safermap.store.jdbc;

import uk.safermap.store.PopulationStore;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Ward populations in the {@code ward_population} table, on either store. */
public final class JdbcPopulationStore implements PopulationStore {

    private final DataSource ds;
    private final Clock clock;

    public JdbcPopulationStore(Database db, Clock clock) {
        this.ds = db.dataSource();
        this.clock = clock;
    }

    @Override
    public void replaceAll(Map<String, Integer> populations, String source) {
        Jdbc.inTransaction(ds, "saving " + populations.size() + " ward populations", c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM ward_population");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ward_population (code, population, source, loaded_at) VALUES (?, ?, ?, ?)")) {
                Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
                for (Map.Entry<String, Integer> e : populations.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setInt(2, e.getValue());
                    ps.setString(3, source);
                    ps.setTimestamp(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<String, Integer> all() {
        return Jdbc.read(ds, "reading ward populations", c -> {
            Map<String, Integer> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT code, population FROM ward_population");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<String> source() {
        return Jdbc.read(ds, "reading the ward population source", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(source) FROM ward_population");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }
}
