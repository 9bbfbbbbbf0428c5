package uk.safermap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/**
 * Uploads files to a running service ({@code POST /api/imports}), one import per file, with a
 * progress line on the terminal. The format is taken from {@code --format} or guessed: .geojson
 * and .json are GeoJSON; a .zip is a police.uk archive; a CSV (or .csv.gz) whose header has
 * collision_index or accident_index is a DfT STATS19 collision file; one with "Crime ID" is
 * police.uk, otherwise council.
 */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Import incident files into a running SaferMap.")
final class LoadCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to import")
    List<Path> files;

    @Option(names = "--url", description = "service URL (default: $SAFERMAP_URL or http://127.0.0.1:$SAFERMAP_PORT, port 7070)")
    String url;

    @Option(names = "--format", description = "police-csv, council-csv, geojson, stats19 or council-cases (default: guessed per file)")
    String format;

    @Option(names = "--token", description = "API token of an analyst or admin (default: $SAFERMAP_TOKEN); "
            + "an admin creates one with POST /api/admin/users/{name}/tokens")
    String token;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String base = url != null ? url : defaultUrl();
        String apiToken = token != null ? token : System.getenv("SAFERMAP_TOKEN");
        if (apiToken == null || apiToken.isBlank()) {
            System.err.println("an API token is needed: --token TOKEN or SAFERMAP_TOKEN (imports need the analyst role)");
            return 2;
        }
        HttpClient http = HttpClient.newHttpClient();
        int failures = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                System.err.println(file + ": not a readable file");
                failures++;
                continue;
            }
            String fmt = format != null ? format : guessFormat(file);
            URI uri = URI.create(base.replaceAll("/$", "") + "/api/imports?format=" + fmt + "&name="
                    + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8));
            long size = Files.size(file);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + apiToken)
                    .header("Content-Type", contentType(file, fmt))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> progress(file, size)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            System.err.println();
            System.out.println(file + " (" + fmt + "): HTTP " + response.statusCode() + " " + response.body());
            if (response.statusCode() >= 300) {
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static String defaultUrl() {
        String env = System.getenv("SAFERMAP_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String port = System.getenv().getOrDefault("SAFERMAP_PORT", "7070");
        return "http://127.0.0.1:" + port;
    }

    static String guessFormat(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return "geojson";
        }
        if (name.endsWith(".zip")) {
            return "police-csv";
        }
        InputStream raw = Files.newInputStream(file);
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header != null && header.toLowerCase(Locale.ROOT).matches("(?s).*\\b(collision|accident)_index\\b.*")) {
                return "stats19";
            }
            return header != null && header.contains("Crime ID") ? "police-csv" : "council-csv";
        }
    }

    private static String contentType(Path file, String format) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return "application/zip";
        }
        if (name.endsWith(".gz")) {
            return "application/gzip";
        }
        return format.equals("geojson") ? "application/geo+json" : "text/csv";
    }

    private static InputStream progress(Path file, long size) {
        try {
            return new Progress(Files.newInputStream(file), file.getFileName().toString(), size, System.err);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Prints "name: 42% of 12.3 MB" as the upload (and so the server-side import) advances. */
    private static final class Progress extends FilterInputStream {
        private final String name;
        private final long size;
        private final PrintStream out;
        private long sent;
        private int lastPercent = -1;

        Progress(InputStream in, String name, long size, PrintStream out) {
            super(in);
            this.name = name;
            this.size = Math.max(size, 1);
            this.out = out;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sent += n;
                int percent = (int) (100 * sent / size);
                if (percent != lastPercent) {
                    lastPercent = percent;
                    out.printf(Locale.ROOT, "\r%s: %d%% of %.1f MB", name, percent, size / 1e6);
                }
            }
            return n;
        }
    }
}
