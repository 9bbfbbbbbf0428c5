package uk.safermap.store.jdbc;

import uk.safermap.domain.CaseType;
import uk.safermap.domain.CouncilCase;
import uk.safermap.domain.CouncilTaxonomy;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.CouncilCaseQuery;
import uk.safermap.store.CouncilCaseStore;
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

/** {@link CouncilCaseStore} over JDBC, the same SQL for PostGIS and H2GIS. */
public final class JdbcCouncilCaseStore implements CouncilCaseStore {

    private static final String COLUMNS = "id, source_key, case_type, label, reference, occurred_on, time_of_day, "
            + "lon, lat, easting, northing, location";
    private static final String INSERT = "INSERT INTO council_case (source_key, import_id, case_type, label, reference, "
            + "occurred_on, time_of_day, lon, lat, easting, northing, location) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Shown for stored cases whose type a later taxonomy no longer lists. */
    private static final String UNLISTED_COLOUR = "#777777";

    private final DataSource ds;
    private final BritishNationalGrid grid;
    private final Clock clock;
    private final CouncilTaxonomy taxonomy;
    /** Council case imports take turns: see {@link KeyedImport}. */
    private final Semaphore importTurn = new Semaphore(1, true);

    public JdbcCouncilCaseStore(Database db, CouncilTaxonomy taxonomy, BritishNationalGrid grid, Clock clock) {
        this.ds = db.dataSource();
        this.clock = clock;
        this.grid = grid;
        this.taxonomy = taxonomy;
    }

    @Override
    public KeyedImportSession<CouncilCase> beginImport(String sourceName) {
        return new KeyedImport<>(ds, clock, importTurn, "council-cases", sourceName, "council_case",
                "source_key", INSERT, CouncilCase::sourceKey, JdbcCouncilCaseStore::bindRow);
    }

    @Override
    public Page<CouncilCase> find(CouncilCaseQuery q) {
        return new DatedPointTable("council_case", COLUMNS, q.boxes(), q.from(), q.to(), grid)
                .in("case_type", q.types().stream().sorted().toList())
                .page(ds, "querying council cases", q.limit(), q.offset(), this::councilCase);
    }

    @Override
    public Optional<IncidentStore.Extent> extent() {
        return DatedPointTable.extent(ds, "council_case");
    }

    @Override
    public Optional<CouncilCase> findById(long id) {
        return DatedPointTable.byId(ds, "council_case", COLUMNS, id, this::councilCase);
    }

    private CouncilCase councilCase(ResultSet rs) throws SQLException {
        String slug = rs.getString("case_type");
        CaseType type = taxonomy.bySlug(slug).orElseGet(() -> new CaseType(slug, slug, UNLISTED_COLOUR));
        return new CouncilCase(rs.getLong("id"), rs.getString("source_key"), type, rs.getString("label"),
                rs.getString("reference"), rs.getObject("occurred_on", LocalDate.class),
                rs.getObject("time_of_day", LocalTime.class), rs.getDouble("lon"), rs.getDouble("lat"),
                rs.getDouble("easting"), rs.getDouble("northing"), rs.getString("location"));
    }

    private static void bindRow(PreparedStatement ps, CouncilCase x, long importId) throws SQLException {
        ps.setString(1, x.sourceKey());
        ps.setLong(2, importId);
        ps.setString(3, x.type().slug());
        ps.setString(4, IncidentRow.cut(x.label(), 200));
        Jdbc.setNullableString(ps, 5, IncidentRow.cut(x.reference(), 100));
        ps.setObject(6, x.date());
        if (x.time() == null) {
            ps.setNull(7, Types.TIME);
        } else {
            ps.setObject(7, x.time());
        }
        ps.setDouble(8, x.lon());
        ps.setDouble(9, x.lat());
        ps.setDouble(10, x.easting());
        ps.setDouble(11, x.northing());
        Jdbc.setNullableString(ps, 12, IncidentRow.cut(x.location(), 500));
    }
}
