package uk.safermap.bench;

import org.postgresql.PGConnection;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.domain.Area;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.ingest.ImportReport;
import uk.safermap.ingest.IncidentFormat;
import uk.safermap.ingest.IngestService;
import uk.safermap.sample.SampleGenerator;
import uk.safermap.sample.SampleSpec;
import uk.safermap.store.jdbc.Database;
import uk.safermap.store.jdbc.JdbcIncidentStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Import throughput: one generated police.uk CSV imported into a fresh H2GIS and a fresh PostGIS
 * schema through the real {@link IngestService}, next to PostgreSQL's own {@code COPY} of the
 * same file into an unindexed table (the raw-load ceiling on this machine), with peak heap.
 */
public final class ImportBenchmark {

    /** Where the PostGIS runs go: a fresh schema is created in this database and dropped after. */
    public record Postgis(String url, String user, String password) {
    }

    /** One measured run. */
    public record Result(String name, long rows, double seconds, long peakHeapBytes) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private final int rows;
    private final Path workDir;
    private final Postgis postgis;
    private final PrintStream out;
    private final HeapMeter heap = new HeapMeter();
    private final BritishNationalGrid grid = new BritishNationalGrid();

    public ImportBenchmark(int rows, Path workDir, Postgis postgis, PrintStream out) {
        if (rows < 24) {
            throw new IllegalArgumentException("rows must be at least 24 (one a month for two years)");
        }
        this.rows = rows;
        this.workDir = workDir;
        this.postgis = postgis;
        this.out = out;
    }

    public List<Result> run() throws IOException, SQLException {
        Path csv = generated();
        List<Area> wards = new BoundaryFiles().read(BoundaryFiles.Layer.WARDS);
        ServiceArea area = ServiceArea.around(wards.stream().map(w -> grid.toGrid(w.geometry())).toList(), 2000,
                "Melton borough");
        List<Result> results = new ArrayList<>();
        results.add(postgresCopy(csv));
        results.add(ingest("SaferMap import -> H2GIS", csv, area,
                Database.openH2gis(Files.createTempDirectory(workDir, "h2gis-"), 4)));
        String schema = "bench_" + System.currentTimeMillis();
        admin("CREATE SCHEMA " + schema);
        try {
            String url = postgis.url() + (postgis.url().contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
            results.add(ingest("SaferMap import -> PostGIS", csv, area,
                    Database.openPostgis(url, postgis.user(), postgis.password(), 4)));
        } finally {
            admin("DROP SCHEMA " + schema + " CASCADE");
        }
        report(results);
        return results;
    }

    /** The generated police.uk CSV of this many rows (24 months of Melton), made once per work directory. */
    Path generated() throws IOException {
        Files.createDirectories(workDir);
        Path csv = workDir.resolve("bench-" + rows + ".csv");
        if (!Files.exists(csv)) {
            out.printf("generating %,d rows into %s%n", rows, csv);
            BoundaryFiles boundaries = new BoundaryFiles();
            SampleSpec spec = new SampleSpec(7, 24, YearMonth.of(2026, 9), OptionalInt.of(Math.max(1, rows / 24)));
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                new SampleGenerator(boundaries.read(BoundaryFiles.Layer.WARDS),
                        boundaries.read(BoundaryFiles.Layer.LSOA), grid, spec).write(w);
            }
        }
        return csv;
    }

    private Result ingest(String name, Path csv, ServiceArea area, Database db) throws IOException {
        try (db; InputStream in = Files.newInputStream(csv)) {
            IngestService ingest = new IngestService(new JdbcIncidentStore(db, grid, Clock.systemDefaultZone()), grid, area, Clock.systemDefaultZone());
            heap.reset();
            long start = System.nanoTime();
            ImportReport r = ingest.importStream(IncidentFormat.POLICE_CSV, in, csv.getFileName().toString(),
                    (read, imported) -> {
                        if (read % 100_000 == 0) {
                            out.printf("  %s: %,d rows read%n", name, read);
                        }
                    });
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r.rejectedCount() > 0) {
                out.printf("  note: %d rows rejected (first: %s)%n", r.rejectedCount(), r.rejected().get(0));
            }
            return new Result(name, r.imported(), seconds, heap.peakBytes());
        }
    }

    /** The peer: PostgreSQL COPY of the same file into a table with no index, key or geometry. */
    Result postgresCopy(Path csv) throws SQLException, IOException {
        String table = "bench_copy_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(postgis.url(), postgis.user(), postgis.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE UNLOGGED TABLE " + table + " (crime_id text, month text, reported_by text, "
                    + "falls_within text, longitude double precision, latitude double precision, location text, "
                    + "lsoa_code text, lsoa_name text, crime_type text, outcome text, context text)");
            try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                heap.reset();
                long start = System.nanoTime();
                long n = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", r);
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Result("PostgreSQL COPY (peer: raw load, no checks, no index)", n, seconds, heap.peakBytes());
            } finally {
                s.execute("DROP TABLE " + table);
            }
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgis.url(), postgis.user(), postgis.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void report(List<Result> results) {
        double peer = results.get(0).rowsPerSecond();
        out.println();
        out.printf("%-56s %10s %9s %12s %10s %14s%n", "import of " + rows + " rows", "rows", "seconds", "rows/s",
                "vs COPY", "peak heap MB");
        for (Result r : results) {
            out.printf("%-56s %,10d %9.1f %,12.0f %9.2fx %14.0f%n", r.name(), r.rows(), r.seconds(),
                    r.rowsPerSecond(), r.rowsPerSecond() / peer, r.peakHeapBytes() / 1e6);
        }
        out.printf("max heap (-Xmx): %.0f MB, %d cores%n", Runtime.getRuntime().maxMemory() / 1e6,
                Runtime.getRuntime().availableProcessors());
    }
}
