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

/** Counts per area code in one of the tables of {@link Table}, on either store. */
public final class JdbcPopulationStore implements PopulationStore {

    /** The tables of counts per area code; their names are written into SQL, so they come from here only. */
    public enum Table {
        WARD_POPULATION("ward_population", "population", "ward populations"),
        OA_HOUSEHOLDS("oa_households", "households", "households per output area");

        private final String name;
        private final String column;
        private final String what;

        Table(String name, String column, String what) {
            this.name = name;
            this.column = column;
            this.what = what;
        }
    }

    private final DataSource ds;
    private final Table table;
    private final Clock clock;

    public JdbcPopulationStore(Database db, Table table, Clock clock) {
        this.ds = db.dataSource();
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void replaceAll(Map<String, Integer> counts, String source) {
        Jdbc.inTransaction(ds, "saving " + counts.size() + " " + table.what, c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM " + table.name);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table.name + " (code, " + table.column
                    + ", source, loaded_at) VALUES (?, ?, ?, ?)")) {
                Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
                for (Map.Entry<String, Integer> e : counts.entrySet()) {
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
        return Jdbc.read(ds, "reading " + table.what, c -> {
            Map<String, Integer> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT code, " + table.column + " FROM " + table.name);
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
        return Jdbc.read(ds, "reading the source of the " + table.what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(source) FROM " + table.name);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }
}
