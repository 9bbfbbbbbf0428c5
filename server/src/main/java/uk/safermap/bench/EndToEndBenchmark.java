package uk.safermap.bench;

import uk.safermap.auth.Secrets;
import uk.safermap.layers.tiles.WebMercator;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The requests a user makes, end to end over HTTP on loopback: generate a police.uk CSV, start
 * the service on a fresh store (H2GIS, or a throw-away PostGIS schema), import the file over
 * HTTP, then time each request cold and again with parameters not asked before, and once more
 * with other new parameters after the load test (warm), with peak RSS
 * and the database size; then a bounded load test with concurrent readers; then the
 * algorithm-only figures of {@code bench hotspots} on the same number of points, for ratios.
 * The service runs in this process, so peak RSS counts the client too.
 */
public final class EndToEndBenchmark {

    /** Starts the service with these settings (SAFERMAP_* keys) and says where it listens. */
    public interface Starter extends Function<Map<String, String>, Service> {
    }

    /** A running service. */
    public record Service(int port, AutoCloseable stop) {
    }

    private static final String TOKEN = "bench-analyst-token-0123456789abcdef0123456789";
    private static final int LOAD_CLIENTS = 16;
    private static final int LOAD_REQUESTS = 400;
    private static final Duration LOAD_TIME_LIMIT = Duration.ofSeconds(90);

    private final int rows;
    private final Path workDir;
    private final Optional<ImportBenchmark.Postgis> postgis;
    private final ImportBenchmark.Postgis copyPeer;
    private final Starter starter;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String base;

    /**
     * @param postgis  the database to run the service on (a schema is made and dropped), or empty for H2GIS
     * @param copyPeer the database where PostgreSQL's COPY of the same file is timed
     */
    public EndToEndBenchmark(int rows, Path workDir, Optional<ImportBenchmark.Postgis> postgis,
                             ImportBenchmark.Postgis copyPeer, Starter starter, PrintStream out) {
        this.rows = rows;
        this.workDir = workDir;
        this.postgis = postgis;
        this.copyPeer = copyPeer;
        this.starter = starter;
        this.out = out;
    }

    /** One timed request: milliseconds for the first (cold) call and for new parameters. */
    record Timed(String name, double coldMs, double newParamsMs, int status, String algorithm, double coldCpuMs,
                 double newParamsCpuMs, double warmMs, double warmCpuMs) {
    }

    /** A request sent when called. */
    @FunctionalInterface
    private interface Request {
        Call send() throws IOException, InterruptedException;
    }

    /**
     * One request the bench times, with three parameter sets: asked cold, then new, then, after
     * the load test, once more with parameters neither asked nor used by the load test (warm: the
     * JIT has compiled the service by then, so this is what a user waits for once it has run a while).
     */
    private record Probe(String name, String algorithm, Request cold, Request fresh, Request warm) {
    }

    public void run() throws Exception {
        ImportBenchmark imports = new ImportBenchmark(rows, workDir, copyPeer, out);
        Path csv = imports.generated();
        ImportBenchmark.Result copy = imports.postgresCopy(csv);
        Path dataDir = Files.createTempDirectory(Files.createDirectories(workDir), "e2e-h2gis-");
        String schema = "bench_e2e_" + System.currentTimeMillis();
        Map<String, String> settings = new TreeMap<>(Map.of("SAFERMAP_PORT", "0", "SAFERMAP_SAMPLE", "off",
                "SAFERMAP_DATA_DIR", dataDir.toString(), "SAFERMAP_USERS_FILE", usersFile().toString(),
                // The file goes up in one request: 3 million rows are more than the default 512 MB.
                "SAFERMAP_MAX_UPLOAD_MB", Long.toString(Math.max(512, Files.size(csv) / (1024 * 1024) + 1))));
        if (postgis.isPresent()) {
            admin("CREATE SCHEMA " + schema);
            settings.put("SAFERMAP_DB_URL", schemaUrl(postgis.get(), schema));
            settings.put("SAFERMAP_DB_USER", postgis.get().user());
            settings.put("SAFERMAP_DB_PASSWORD", postgis.get().password());
        }
        try {
            measure(csv, copy, settings, dataDir, schema);
        } finally {
            if (postgis.isPresent()) {
                admin("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void measure(Path csv, ImportBenchmark.Result copy, Map<String, String> settings, Path dataDir,
                         String schema) throws Exception {
        List<Timed> timed;
        double importSeconds;
        long imported;
        long storeBytes;
        LoadResult load;
        long startedRss;
        Service service = starter.apply(settings);
        try (AutoCloseable stop = service.stop()) {
            base = "http://127.0.0.1:" + service.port();
            startedRss = rssKb("VmRSS");
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/imports?format=police-csv&name=" + csv.getFileName()))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            importSeconds = (System.nanoTime() - start) / 1e9;
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("import failed: HTTP " + r.statusCode() + " " + r.body());
            }
            imported = Long.parseLong(r.body().replaceAll("(?s).*\"imported\"\\s*:\\s*(\\d+).*", "$1"));
            out.printf("imported %,d rows over HTTP in %.1f s (%,.0f rows/s)%n", imported, importSeconds,
                    imported / importSeconds);
            List<Probe> probes = probes(imported);
            List<Call[]> firstTwo = new ArrayList<>();
            for (Probe p : probes) {
                firstTwo.add(new Call[] {p.cold().send(), p.fresh().send()});
                print(p.name(), "cold", firstTwo.get(firstTwo.size() - 1)[0], "new parameters",
                        firstTwo.get(firstTwo.size() - 1)[1]);
            }
            load = loadTest(imported);
            timed = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                Probe p = probes.get(i);
                Call cold = firstTwo.get(i)[0];
                Call fresh = firstTwo.get(i)[1];
                Call warm = p.warm().send();
                print(p.name(), "warm", warm, null, null);
                timed.add(new Timed(p.name(), cold.ms, fresh.ms, Math.max(Math.max(cold.status, fresh.status),
                        warm.status), p.algorithm(), cold.cpuMs, fresh.cpuMs, warm.ms, warm.cpuMs));
            }
            storeBytes = postgis.isPresent() ? postgisBytes(schema) : directoryBytes(dataDir);
        }
        long peakRss = rssKb("VmHWM");
        List<HotspotBenchmark.Row> algorithms = HotspotBenchmark.withoutPeers(rows, workDir, out).run();
        report(copy, imported, importSeconds, timed, load, storeBytes, startedRss, peakRss, algorithms);
    }

    /** The requests timed, each with three parameter sets no earlier request (or the load test) used. */
    private List<Probe> probes(long imported) {
        int[] tile = WebMercator.tileContaining(-0.8870, 52.7656, 14);
        String tilePath = "/tiles/density/14/" + tile[0] + "/" + tile[1] + ".png";
        long deep = Math.max(0, imported - 2_000);
        String clusters = "/api/hotspots/clusters?eps=%d&minPts=%d";
        String shift = "{\"start\":\"%s\",\"end\":\"%s\",\"units\":3}";
        return List.of(
                new Probe("clusters", "DBSCAN", () -> get(clusters.formatted(50, 20)),
                        () -> get(clusters.formatted(55, 25)), () -> get(clusters.formatted(60, 30))),
                new Probe("Gi*", "Gi*", () -> get("/api/hotspots/gistar?cell=100&band=300"),
                        () -> get("/api/hotspots/gistar?cell=110&band=330"),
                        () -> get("/api/hotspots/gistar?cell=120&band=360")),
                new Probe("emerging", "Emerging", () -> get("/api/hotspots/emerging?cell=200&band=400&step=month"),
                        () -> get("/api/hotspots/emerging?cell=250&band=500&step=month"),
                        () -> get("/api/hotspots/emerging?cell=300&band=600&step=month")),
                new Probe("density tile, new surface", "KDE", () -> get(tilePath + "?bandwidth=200"),
                        () -> get(tilePath + "?bandwidth=260"), () -> get(tilePath + "?bandwidth=320")),
                new Probe("ward choropleth", null, () -> get("/api/wards/choropleth?metric=count"),
                        () -> get("/api/wards/choropleth?metric=count&types=burglary,shoplifting"),
                        () -> get("/api/wards/choropleth?metric=count&types=vehicle-crime")),
                new Probe("CCTV k=10", null, () -> post("/api/placement/cctv", "{\"k\":10,\"existing\":[]}"),
                        () -> post("/api/placement/cctv", "{\"k\":10,\"radius\":60,\"existing\":[]}"),
                        () -> post("/api/placement/cctv", "{\"k\":10,\"radius\":80,\"existing\":[]}")),
                new Probe("patrol plan", null,
                        () -> post("/api/patrols/plan", shift.formatted("2026-06-12T14:00", "2026-06-12T22:00")),
                        () -> post("/api/patrols/plan", shift.formatted("2026-06-13T06:00", "2026-06-13T14:00")),
                        () -> post("/api/patrols/plan", shift.formatted("2026-06-14T22:00", "2026-06-15T06:00"))),
                new Probe("items, limit 1000, deep page", null,
                        () -> get("/collections/incidents/items?limit=1000&offset=" + deep),
                        () -> get("/collections/incidents/items?limit=1000&offset=" + deep / 2),
                        () -> get("/collections/incidents/items?limit=1000&offset=" + deep / 3)));
    }

    /** One line per timed call (or pair of calls), with the clock window that cuts a profile per request. */
    private void print(String name, String first, Call a, String second, Call b) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-32s %s %8.0f ms", name, first, a.ms));
        if (b != null) {
            line.append(String.format(Locale.ROOT, ", %s %8.0f ms", second, b.ms));
        }
        line.append(String.format(Locale.ROOT, " (HTTP %d; CPU %.0f ms; at %s-%s", a.status, a.cpuMs,
                CLOCK.format(a.started), CLOCK.format(a.ended)));
        if (b != null) {
            line.append(String.format(Locale.ROOT, "; HTTP %d; CPU %.0f ms; at %s-%s", b.status, b.cpuMs,
                    CLOCK.format(b.started), CLOCK.format(b.ended)));
        }
        out.println(line.append(')'));
    }

    /**
     * A call's time, status, the CPU time this process spent meanwhile (service, client, JIT and
     * GC: steadier than wall-clock time when other work shares the cores) and its wall-clock
     * window, which lets a profile taken during the run (JFR, see README "Benchmarks") be cut
     * into one slice per request.
     */
    private record Call(double ms, int status, double cpuMs, LocalTime started, LocalTime ended) {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Call get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Call post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Call send(HttpRequest.Builder request) throws IOException, InterruptedException {
        LocalTime started = LocalTime.now(ZoneOffset.UTC);
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        HttpResponse<byte[]> r = http.send(request.header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - start) / 1e6;
        return new Call(ms, r.statusCode(), (OS.getProcessCpuTime() - cpu) / 1e6, started,
                LocalTime.now(ZoneOffset.UTC));
    }

    /** The load test's figures: requests done, by status, the time taken and latency quantiles. */
    record LoadResult(int done, Map<Integer, Integer> byStatus, double seconds, double p50Ms, double p95Ms) {
    }

    /**
     * {@value #LOAD_CLIENTS} clients at once, {@value #LOAD_REQUESTS} requests in all or
     * {@link #LOAD_TIME_LIMIT} at most: pages of incidents at spread offsets and cluster maps
     * with a few parameter sets (so both the store and the cached analyses are exercised).
     */
    private LoadResult loadTest(long imported) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + LOAD_TIME_LIMIT.toNanos();
        double[] latencies = new double[LOAD_REQUESTS];
        int[] statuses = new int[LOAD_REQUESTS];
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < LOAD_CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < LOAD_REQUESTS && System.nanoTime() < deadline;
                         i = next.getAndIncrement()) {
                        String path = i % 2 == 0
                                ? "/collections/incidents/items?limit=100&offset=" + (imported * (i % 97) / 97)
                                : "/api/hotspots/clusters?eps=" + (40 + 5 * (i % 4)) + "&minPts=20";
                        Call call = get(path);
                        latencies[i] = call.ms;
                        statuses[i] = call.status;
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int done = (int) Arrays.stream(statuses).filter(s -> s != 0).count();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Arrays.stream(statuses).filter(s -> s != 0).forEach(s -> byStatus.merge(s, 1, Integer::sum));
        double[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return new LoadResult(done, byStatus, seconds, quantile(sorted, 0.5), quantile(sorted, 0.95));
    }

    private static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
    }

    private void report(ImportBenchmark.Result copy, long imported, double importSeconds, List<Timed> timed,
                        LoadResult load, long storeBytes, long startedRssKb, long peakRssKb,
                        List<HotspotBenchmark.Row> algorithms) {
        out.println();
        out.printf("end to end, %,d incidents, store %s%n", imported, postgis.isPresent() ? "PostGIS" : "H2GIS");
        out.printf("%-32s %10s %16s %10s %14s %24s %12s %18s %12s%n", "request", "cold ms", "new params ms",
                "warm ms", "algorithm ms", "new params / algorithm", "cold CPU ms", "new params CPU ms", "warm CPU ms");
        for (Timed t : timed) {
            Optional<Double> alg = Optional.ofNullable(t.algorithm()).flatMap(a -> algorithms.stream()
                    .filter(r -> r.method().startsWith(a)).findFirst().map(r -> r.seconds() * 1000));
            out.printf(Locale.ROOT, "%-32s %10.0f %16.0f %10.0f %14s %24s %12.0f %18.0f %12.0f%s%n", t.name(),
                    t.coldMs(), t.newParamsMs(), t.warmMs(), alg.map(a -> String.format(Locale.ROOT, "%.0f", a)).orElse("-"),
                    alg.map(a -> String.format(Locale.ROOT, "%.1fx", t.newParamsMs() / a)).orElse("-"),
                    t.coldCpuMs(), t.newParamsCpuMs(), t.warmCpuMs(), t.status() >= 300 ? "  (HTTP " + t.status() + ")" : "");
        }
        out.printf(Locale.ROOT, "import over HTTP: %,.0f rows/s (%.1f s); PostgreSQL COPY of the same file: %,.0f rows/s"
                + " (import = %.2fx COPY)%n", imported / importSeconds, importSeconds, copy.rowsPerSecond(),
                imported / importSeconds / copy.rowsPerSecond());
        out.printf(Locale.ROOT, "store size: %.0f MB (%.0f bytes per incident)%n", storeBytes / 1e6,
                (double) storeBytes / Math.max(1, imported));
        out.printf(Locale.ROOT, "RSS: %.0f MB after start, peak %.0f MB (service and client in one process)%n",
                startedRssKb / 1e3, peakRssKb / 1e3);
        out.printf(Locale.ROOT, "load: %d clients, %d requests in %.1f s = %.1f requests/s, p50 %.0f ms, p95 %.0f ms, "
                        + "by status %s%n", LOAD_CLIENTS, load.done(), load.seconds(), load.done() / load.seconds(),
                load.p50Ms(), load.p95Ms(), load.byStatus());
    }

    private Path usersFile() throws IOException {
        Path file = workDir.resolve("e2e-users.csv");
        Files.writeString(file, "name,role,token_sha256,password_bcrypt\nbench,analyst," + Secrets.sha256(TOKEN) + ",\n");
        return file;
    }

    private static long rssKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    private static long directoryBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private long postgisBytes(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgis.get().url(), postgis.get().user(),
                postgis.get().password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('" + schema + ".incident')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String schemaUrl(ImportBenchmark.Postgis pg, String schema) {
        return pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(copyPeer.url(), copyPeer.user(), copyPeer.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
