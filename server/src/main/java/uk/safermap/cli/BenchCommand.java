package uk.safermap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.safermap.bench.ImportBenchmark;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Benchmarks, each printing its figures next to a peer measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark.",
        subcommands = {BenchCommand.Import.class})
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
            new ImportBenchmark(rows, workDir, new ImportBenchmark.Postgis(url,
                    System.getenv().getOrDefault("SAFERMAP_BENCH_PG_USER", "postgres"),
                    System.getenv().getOrDefault("SAFERMAP_BENCH_PG_PASSWORD", "")), System.out).run();
            return 0;
        }
    }
}
