package uk.safermap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.safermap.sample.HotspotsFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateSampleCommandTest {

    private static final Clock JULY_2025 = Clock.fixed(Instant.parse("2025-07-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writes_the_csv_and_a_side_file_next_to_it_ending_two_months_back() throws IOException {
        Path csv = dir.resolve("sample.csv");

        int code = run("--months", "2", "--seed", "5", "--out", csv.toString());

        assertThat(code).isZero();
        assertThat(Files.readAllLines(csv).get(0)).startsWith("Crime ID,Month,");
        HotspotsFile.Contents side = new HotspotsFile().read(dir.resolve("sample.hotspots.json"));
        assertThat(side.end()).isEqualTo(YearMonth.of(2025, 5));
        assertThat(side.seed()).isEqualTo(5);
        assertThat(Files.readAllLines(csv)).hasSize((int) side.rows() + 1);
        assertThat(out.toString()).startsWith("Wrote " + side.rows() + " rows (2025-04 to 2025-05");
    }

    @Test
    void rows_per_month_and_an_explicit_hotspots_path_are_honoured() throws IOException {
        Path csv = dir.resolve("out/big.csv");
        Path side = dir.resolve("spots.json");

        int code = run("--months", "1", "--end", "2024-02", "--rows-per-month", "500", "--out", csv.toString(),
                "--hotspots", side.toString());

        assertThat(code).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(501);
        assertThat(new HotspotsFile().read(side).endMonth()).isEqualTo("2024-02");
    }

    @Test
    void bad_options_are_usage_errors_not_stack_traces() {
        assertThat(run("--months", "0", "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("months must be at least 1");
        assertThat(run("--end", "May 2025", "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("YYYY-MM");
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
    }

    @Test
    void default_side_file_replaces_the_csv_extension() {
        assertThat(GenerateSampleCommand.defaultHotspotsPath(Path.of("data/melton.csv")))
                .isEqualTo(Path.of("data/melton.hotspots.json"));
        assertThat(GenerateSampleCommand.defaultHotspotsPath(Path.of("melton")))
                .isEqualTo(Path.of("melton.hotspots.json"));
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new GenerateSampleCommand(JULY_2025));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
