package uk.safermap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.safermap.App;
import uk.safermap.bench.EndToEndBenchmark;
import uk.safermap.bench.HotspotBenchmark;
import uk.safermap.bench.PatrolBenchmark;
import uk.safermap.bench.PlacementBenchmark;
import uk.safermap.bench.ImportBenchmark;
import uk.safermap.patrol.TravelMode;

import uk.safermap.config.ConfigLoader;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Benchmarks, each printing its figures next to a peer measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark.",
        subcommands = {BenchCommand.Import.class, BenchCommand.Hotspots.class, BenchCommand.Placement.class,
                BenchCommand.Patrols.class, BenchCommand.EndToEnd.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import throughput into H2GIS and PostGIS vs PostgreSQL COPY, with peak heap. "
                    + "PostGIS from SAFERMAP_BENCH_PG_URL, _USER, _PASSWORD.")
    static final class Import implements Callable<Integer> {

        @Option(names = "--rows", defaultValue = "1000000", description = "rows to generate and import (default ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--work-dir", defaultValue = "bench-out", description = "where the generated CSV and H2GIS files go")
        Path workDir;

        @Override
        public Integer call() throws Exception {
            String url = System.getenv("SAFERMAP_BENCH_PG_URL");
            if (url == null || url.isBlank()) {
                System.err.println("SAFERMAP_BENCH_PG_URL is not set (scripts/bench sets it up)");
                return 2;
            }
            new ImportBenchmark(rows, workDir, postgis(), System.out).run();
            return 0;
        }
    }

    @Command(name = "hotspots", mixinStandardHelpOptions = true,
            description = "DBSCAN, Gi*, kernel density and emerging hot spots at each size, next to PostGIS "
                    + "ST_ClusterDBSCAN, scikit-learn, numpy and scipy measured in the same run.")
    static final class Hotspots implements Callable<Integer> {

        @Option(names = "--sizes", split = ",", defaultValue = "100000,1000000",
                description = "point counts (default ${DEFAULT-VALUE})")
        int[] sizes;

        @Option(names = "--slow-peers", description = "also run PostGIS DBSCAN above 200,000 points (it may run for "
                + "tens of minutes and ignores statement_timeout); scikit-learn stays capped at 200,000 (memory)")
        boolean slowPeers;

        @Option(names = "--work-dir", defaultValue = "bench-out", description = "scratch directory")
        Path workDir;

        @Option(names = "--peers", defaultValue = "scripts/bench-peers", description = "the Python peer scripts")
        Path peers;

        @Override
        public Integer call() throws Exception {
            if (System.getenv("SAFERMAP_BENCH_PG_URL") == null) {
                System.err.println("SAFERMAP_BENCH_PG_URL is not set (scripts/bench sets it up)");
                return 2;
            }
            new HotspotBenchmark(sizes, workDir, postgis(), peers, slowPeers, System.out).run();
            return 0;
        }
    }

    @Command(name = "placement", mixinStandardHelpOptions = true,
            description = "CCTV placement: the greedy + interchange heuristic next to the exact SCIP optimum "
                    + "measured in the same run.")
    static final class Placement implements Callable<Integer> {

        @Option(names = "--incidents", defaultValue = "100000", description = "incidents (default ${DEFAULT-VALUE})")
        int incidents;

        @Option(names = "--candidates", defaultValue = "5000", description = "candidate sites (default ${DEFAULT-VALUE})")
        int candidates;

        @Option(names = "--k", split = ",", defaultValue = "4,10,25", description = "cameras (default ${DEFAULT-VALUE})")
        int[] ks;

        @Option(names = "--radius", defaultValue = "100", description = "camera range, metres (default ${DEFAULT-VALUE})")
        double radius;

        @Override
        public Integer call() throws Exception {
            new PlacementBenchmark(incidents, candidates, ks, radius, System.out).run();
            return 0;
        }
    }

    @Command(name = "patrols", mixinStandardHelpOptions = true,
            description = "Patrol planning for one shift: the OR-Tools plan timed, its route length against the "
                    + "nearest-neighbour baseline measured in the same run.")
    static final class Patrols implements Callable<Integer> {

        @Option(names = "--units", defaultValue = "4", description = "patrol units (default ${DEFAULT-VALUE})")
        int units;

        @Option(names = "--hotspots", defaultValue = "60", description = "hot spots (default ${DEFAULT-VALUE})")
        int hotspots;

        @Option(names = "--hours", defaultValue = "8", description = "shift length (default ${DEFAULT-VALUE})")
        int hours;

        @Option(names = "--mode", defaultValue = "foot", description = "foot or vehicle (default ${DEFAULT-VALUE})")
        String mode;

        @Override
        public Integer call() throws Exception {
            new PatrolBenchmark(units, hotspots, hours, TravelMode.of(mode), System.out).run();
            return 0;
        }
    }

    @Command(name = "e2e", mixinStandardHelpOptions = true,
            description = "Generate, import over HTTP, then time each request a user makes (cold and with new "
                    + "parameters), with peak RSS, the store size and a bounded load test, beside the "
                    + "algorithm-only figures and PostgreSQL COPY measured in the same run.")
    static final class EndToEnd implements Callable<Integer> {

        @Option(names = "--rows", defaultValue = "1000000", description = "rows to generate and import (default ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--store", defaultValue = "h2gis", description = "h2gis or postgis (default ${DEFAULT-VALUE})")
        String store;

        @Option(names = "--work-dir", defaultValue = "bench-out", description = "where the CSV and H2GIS files go")
        Path workDir;

        @Override
        public Integer call() throws Exception {
            if (System.getenv("SAFERMAP_BENCH_PG_URL") == null) {
                System.err.println("SAFERMAP_BENCH_PG_URL is not set (scripts/bench sets it up)");
                return 2;
            }
            if (!store.equals("h2gis") && !store.equals("postgis")) {
                System.err.println("--store must be h2gis or postgis, got " + store);
                return 2;
            }
            EndToEndBenchmark.Starter starter = settings -> {
                App app = App.start(ConfigLoader.ofValues(settings).load());
                return new EndToEndBenchmark.Service(app.port(), app);
            };
            new EndToEndBenchmark(rows, workDir, store.equals("postgis") ? Optional.of(postgis()) : Optional.empty(),
                    postgis(), starter, System.out).run();
            return 0;
        }
    }

    static ImportBenchmark.Postgis postgis() {
        return new ImportBenchmark.Postgis(System.getenv("SAFERMAP_BENCH_PG_URL"),
                System.getenv().getOrDefault("SAFERMAP_BENCH_PG_USER", "postgres"),
                System.getenv().getOrDefault("SAFERMAP_BENCH_PG_PASSWORD", ""));
    }
}
