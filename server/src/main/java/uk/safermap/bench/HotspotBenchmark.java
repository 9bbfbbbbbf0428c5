package uk.safermap.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.locationtech.jts.geom.Envelope;
import org.postgresql.PGConnection;
import uk.safermap.analysis.cluster.Clustering;
import uk.safermap.analysis.cluster.Dbscan;
import uk.safermap.analysis.density.DensityGrid;
import uk.safermap.analysis.density.KernelDensity;
import uk.safermap.analysis.density.KernelDensityParameters;
import uk.safermap.analysis.density.QuarticKernel;
import uk.safermap.analysis.grid.CellCounts;
import uk.safermap.analysis.grid.CountCube;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;
import uk.safermap.analysis.stats.EmergingHotSpots;
import uk.safermap.analysis.stats.GetisOrdGiStar;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.layers.tiles.ColourRamp;
import uk.safermap.layers.tiles.DensityTileRenderer;
import uk.safermap.layers.tiles.WebMercator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Hot spot methods on generated Melton data (dense hot spots over a sparse background, snapped
 * points) at each size, next to the peers measured in the same run: PostGIS
 * {@code ST_ClusterDBSCAN}, scikit-learn DBSCAN, numpy Gi* and scipy's FFT kernel density.
 * Times are warm medians; peak heap is the heap pools' peak over one more run.
 */
public final class HotspotBenchmark {

    static final double EPS = 50;
    static final int MIN_POINTS = 20;
    static final double GI_CELL = 100;
    static final double GI_BAND = 300;
    static final double KDE_CELL = 10;
    static final double KDE_BANDWIDTH = 200;
    static final int KDE_CELLS = 2000;
    static final int RUNS = 5;
    /**
     * PostGIS range-query DBSCAN does work in n x neighbours: 4 s at 100k snapped points, and at
     * 1M still running after 600 s here, deaf to statement_timeout (the window function does not
     * check for interrupts), so by default it runs only up to this size.
     */
    static final int POSTGIS_MAX_POINTS = 200_000;
    /**
     * scikit-learn materialises every point's neighbourhood: on snapped data (hundreds of identical
     * points per location) that grows with n x neighbours, about 1 GB at 100k and far past this
     * machine's 24 GB at 1M, so it runs only up to this size.
     */
    static final int SKLEARN_MAX_POINTS = 200_000;

    /** One line of the report. */
    record Row(String method, int points, double seconds, long peakHeapBytes, String peer, Double peerSeconds,
               String note) {
    }

    private final int[] sizes;
    private final Path workDir;
    private final ImportBenchmark.Postgis postgis;
    private final PythonPeer python;
    private final boolean slowPeersAtLargestSize;
    private final boolean peers;
    private final PrintStream out;
    private final HeapMeter heap = new HeapMeter();

    public HotspotBenchmark(int[] sizes, Path workDir, ImportBenchmark.Postgis postgis, Path peerScripts,
                            boolean slowPeersAtLargestSize, PrintStream out) {
        this.sizes = sizes.clone();
        this.workDir = workDir;
        this.postgis = postgis;
        this.python = new PythonPeer(peerScripts, 1800);
        this.slowPeersAtLargestSize = slowPeersAtLargestSize;
        this.peers = postgis != null;
        this.out = out;
    }

    /** Our algorithms only, no peers: the algorithm-only figures beside the end-to-end benchmark. */
    static HotspotBenchmark withoutPeers(int size, Path workDir, PrintStream out) {
        return new HotspotBenchmark(new int[] {size}, workDir, null, Path.of("."), false, out);
    }

    public List<Row> run() throws Exception {
        Files.createDirectories(workDir);
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            out.printf("generating %,d points%n", size);
            BenchPoints p = BenchPoints.generate(size, 11);
            Path bin = workDir.resolve("points-" + size + ".bin");
            p.writeBinary(bin);
            boolean slowPeers = peers && (size <= POSTGIS_MAX_POINTS || slowPeersAtLargestSize);
            rows.add(dbscan(p, bin, slowPeers));
            rows.add(giStar(p, bin));
            DensityGrid surface = kdeSurface(p);
            rows.add(kde(p, bin));
            rows.addAll(tiles(p, surface));
            rows.add(emerging(p));
            Files.delete(bin);
        }
        report(rows);
        return rows;
    }

    private Row dbscan(BenchPoints p, Path bin, boolean slowPeers) throws Exception {
        Dbscan dbscan = new Dbscan(EPS, MIN_POINTS);
        Measured<Clustering> ours = measure(() -> dbscan.run(p.x(), p.y()));
        String note = ours.value().clusterCount() + " clusters, " + ours.value().noiseCount() + " noise";
        Optional<Double> postgisSeconds = slowPeers ? Optional.of(postgisDbscan(p)) : Optional.empty();
        Optional<PythonPeer.Timing> sklearn = slowPeers && p.size() <= SKLEARN_MAX_POINTS
                ? python.run("dbscan_sklearn.py", bin.toString(), Double.toString(EPS), Integer.toString(MIN_POINTS))
                : Optional.empty();
        if (peers && !slowPeers) {
            note += "; PostGIS and scikit-learn not run above " + SKLEARN_MAX_POINTS + " points (see source)";
        } else if (slowPeers && p.size() > SKLEARN_MAX_POINTS) {
            note += "; scikit-learn not run above " + SKLEARN_MAX_POINTS + " points (memory, see source)";
        }
        sklearn.ifPresent(t -> out.printf("  scikit-learn DBSCAN: %.2f s, peak RSS %.0f MB%n", t.seconds(), t.peakRssMb()));
        return new Row("DBSCAN eps 50 m, minPts 20 (exact, grid)", p.size(), ours.seconds(), ours.peakHeap(),
                "PostGIS ST_ClusterDBSCAN" + sklearn.map(t -> String.format(Locale.ROOT,
                        "; scikit-learn %.2f s, %.0f MB RSS", t.seconds(), t.peakRssMb())).orElse(""),
                postgisSeconds.orElse(null), note);
    }

    private Row giStar(BenchPoints p, Path bin) throws Exception {
        SquareGrid grid = SquareGrid.covering(envelope(p), GI_CELL);
        StudyMask mask = StudyMask.all(grid);
        Measured<GetisOrdGiStar.Result> ours = measure(() ->
                GetisOrdGiStar.run(CellCounts.of(grid, p.x(), p.y()), mask, GI_BAND));
        Optional<PythonPeer.Timing> numpy = !peers ? Optional.empty() : python.run("gistar_numpy.py", bin.toString(), Double.toString(GI_CELL),
                Double.toString(GI_BAND));
        return new Row("Gi* 100 m cells, 300 m band, binning + FDR", p.size(), ours.seconds(), ours.peakHeap(),
                "numpy + scipy.ndimage (no FDR)", numpy.map(PythonPeer.Timing::seconds).orElse(null),
                grid.cellCount() + " cells");
    }

    /** The 2000 x 2000 grid of 10 m cells centred on the points. */
    private static KernelDensityParameters kdeParameters(BenchPoints p) {
        Envelope env = envelope(p);
        double x0 = Math.floor(env.centre().x / KDE_CELL) * KDE_CELL - KDE_CELLS * KDE_CELL / 2;
        double y0 = Math.floor(env.centre().y / KDE_CELL) * KDE_CELL - KDE_CELLS * KDE_CELL / 2;
        Envelope box = new Envelope(x0, x0 + KDE_CELLS * KDE_CELL, y0, y0 + KDE_CELLS * KDE_CELL);
        return KernelDensityParameters.defaults().withBandwidth(KDE_BANDWIDTH).withCell(KDE_CELL).withExtent(box);
    }

    private static DensityGrid kdeSurface(BenchPoints p) {
        return KernelDensity.estimate(p.x(), p.y(), kdeParameters(p));
    }

    /** One z14 tile over the densest cell: rendered cold each time, then served from a tile cache. */
    private List<Row> tiles(BenchPoints p, DensityGrid surface) {
        BritishNationalGrid bng = new BritishNationalGrid();
        DensityTileRenderer renderer = new DensityTileRenderer(bng);
        int densest = 0;
        for (int i = 1; i < surface.perKm2().length; i++) {
            densest = surface.perKm2()[i] > surface.perKm2()[densest] ? i : densest;
        }
        double[] lonLat = bng.toWgs84(surface.centreX(densest % surface.nx()), surface.centreY(densest / surface.nx()));
        int[] xy = WebMercator.tileContaining(lonLat[0], lonLat[1], 14);
        ColourRamp ramp = ColourRamp.forDensity(surface);
        Measured<byte[]> cold = measure(() -> renderer.render(surface, ramp, 14, xy[0], xy[1]));
        Cache<String, byte[]> cache = Caffeine.newBuilder().maximumSize(100).build();
        cache.put("14/" + xy[0] + "/" + xy[1], cold.value());
        Measured<byte[]> hot = measure(() -> cache.getIfPresent("14/" + xy[0] + "/" + xy[1]));
        return List.of(new Row("Density tile z14, 256 px PNG, rendered cold", p.size(), cold.seconds(),
                        cold.peakHeap(), "-", null, cold.value().length + " bytes"),
                new Row("Density tile z14, from the tile cache", p.size(), hot.seconds(), hot.peakHeap(), "-", null,
                        "plus HTTP on loopback"));
    }

    private Row kde(BenchPoints p, Path bin) throws Exception {
        KernelDensityParameters params = kdeParameters(p);
        Envelope box = params.extent();
        double x0 = box.getMinX();
        double y0 = box.getMinY();
        Measured<DensityGrid> ours = measure(() -> KernelDensity.estimate(p.x(), p.y(), params));
        Optional<PythonPeer.Timing> scipy = !peers ? Optional.empty() : python.run("kde_scipy.py", bin.toString(), Double.toString(KDE_CELL),
                Double.toString(KDE_BANDWIDTH), Integer.toString(KDE_CELLS), Integer.toString(KDE_CELLS),
                Double.toString(x0), Double.toString(y0));
        return new Row("KDE quartic, 2000 x 2000 cells of 10 m, h 200 m", p.size(), ours.seconds(), ours.peakHeap(),
                "numpy binning + scipy fftconvolve", scipy.map(PythonPeer.Timing::seconds).orElse(null),
                String.format(Locale.ROOT, "max error %.4f %% of the peak vs the exact sum at 200 cells",
                        100 * maxRelativeError(p, ours.value())));
    }

    private Row emerging(BenchPoints p) {
        SquareGrid grid = SquareGrid.covering(envelope(p), 200);
        StudyMask mask = StudyMask.all(grid);
        int steps = Arrays.stream(p.month()).max().orElse(0) + 1;
        Measured<EmergingHotSpots.Result> ours = measure(() ->
                EmergingHotSpots.run(CountCube.of(grid, p.x(), p.y(), p.month(), steps), mask, 400));
        return new Row("Emerging hot spots, 200 m cells x " + steps + " months", p.size(), ours.seconds(),
                ours.peakHeap(), "-", null, grid.cellCount() + " cells");
    }

    /** Largest |approximate - exact| at 200 random cells with incidents near, relative to the surface's peak. */
    private static double maxRelativeError(BenchPoints p, DensityGrid g) {
        SplittableRandom random = new SplittableRandom(3);
        double worst = 0;
        double peak = g.max();
        for (int k = 0; k < 200; k++) {
            int source = random.nextInt(p.size());
            int i = (int) Math.floor((p.x()[source] + random.nextDouble(-300, 300) - g.originX()) / g.cellMetres());
            int j = (int) Math.floor((p.y()[source] + random.nextDouble(-300, 300) - g.originY()) / g.cellMetres());
            if (i < 0 || j < 0 || i >= g.nx() || j >= g.ny()) {
                continue;
            }
            double cx = g.centreX(i);
            double cy = g.centreY(j);
            double exact = 0;
            for (int n = 0; n < p.size(); n++) {
                exact += QuarticKernel.perSquareMetre(Math.hypot(p.x()[n] - cx, p.y()[n] - cy), KDE_BANDWIDTH);
            }
            exact *= QuarticKernel.SQUARE_METRES_PER_KM2;
            worst = Math.max(worst, Math.abs(g.value(i, j) - exact) / peak);
        }
        return worst;
    }

    private double postgisDbscan(BenchPoints p) throws SQLException, IOException {
        String table = "bench_points_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(postgis.url(), postgis.user(), postgis.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE UNLOGGED TABLE " + table + " (x double precision, y double precision)");
            try {
                StringBuilder csv = new StringBuilder(p.size() * 40);
                for (int i = 0; i < p.size(); i++) {
                    csv.append(p.x()[i]).append(',').append(p.y()[i]).append('\n');
                }
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
                s.execute("ALTER TABLE " + table + " ADD COLUMN geom geometry(Point, 27700)");
                s.execute("UPDATE " + table + " SET geom = ST_SetSRID(ST_MakePoint(x, y), 27700)");
                s.execute("CREATE INDEX ON " + table + " USING GIST (geom)");
                s.execute("ANALYZE " + table);
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT cid) FROM (SELECT ST_ClusterDBSCAN(geom, "
                        + EPS + ", " + MIN_POINTS + ") OVER () AS cid FROM " + table + ") t")) {
                    rs.next();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    out.printf("  PostGIS ST_ClusterDBSCAN: %.2f s, %d clusters%n", seconds, rs.getLong(1));
                    return seconds;
                }
            } finally {
                s.execute("DROP TABLE " + table);
            }
        }
    }

    private static Envelope envelope(BenchPoints p) {
        Envelope e = new Envelope();
        for (int i = 0; i < p.size(); i++) {
            e.expandToInclude(p.x()[i], p.y()[i]);
        }
        return e;
    }

    /** A timed result: median seconds over warm runs, and the peak heap of one more run. */
    private record Measured<T>(T value, double seconds, long peakHeap) {
    }

    private <T> Measured<T> measure(Supplier<T> work) {
        T value = work.get();
        double[] times = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            value = work.get();
            times[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(times);
        heap.reset();
        work.get();
        return new Measured<>(value, times[RUNS / 2], heap.peakBytes());
    }

    private void report(List<Row> rows) {
        out.println();
        out.printf("%-50s %9s %10s %9s  %-45s %10s %8s  %s%n", "method", "points", "ms", "heap MB", "peer",
                "peer ms", "ratio", "note");
        for (Row r : rows) {
            String ratio = r.peerSeconds() == null ? "" : String.format(Locale.ROOT, "%.1fx", r.peerSeconds() / r.seconds());
            out.printf(Locale.ROOT, "%-50s %,9d %10.3f %9.0f  %-45s %10s %8s  %s%n", r.method(), r.points(),
                    r.seconds() * 1000, r.peakHeapBytes() / 1e6, r.peer(), r.peerSeconds() == null ? "-"
                            : String.format(Locale.ROOT, "%.1f", r.peerSeconds() * 1000),
                    ratio, r.note());
        }
        out.printf("ratio = peer time / our time (above 1: we are faster). Max heap %.0f MB, %d cores.%n",
                Runtime.getRuntime().maxMemory() / 1e6, Runtime.getRuntime().availableProcessors());
    }
}
