package uk.safermap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the Python peers in {@code scripts/bench-peers} (numpy / scipy / scikit-learn from
 * Debian's packages) and reads its JSON report; empty when Python or the library is missing.
 */
final class PythonPeer {

    /** A peer's timing of its core computation, and its whole-process peak memory. */
    record Timing(double seconds, double peakRssMb) {
    }

    private final Path scripts;
    private final long timeoutSeconds;

    PythonPeer(Path scripts, long timeoutSeconds) {
        this.scripts = scripts;
        this.timeoutSeconds = timeoutSeconds;
    }

    Optional<Timing> run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", scripts.resolve(script).toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("safermap-peer-", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            JsonNode json = new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
            return Optional.of(new Timing(json.get("seconds").asDouble(), json.get("peak_rss_mb").asDouble()));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
