package uk.safermap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.sample.GenerationResult;
import uk.safermap.sample.HotspotsFile;
import uk.safermap.sample.SampleGenerator;
import uk.safermap.sample.SampleSpec;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * Writes a synthetic, seeded police.uk street-level CSV for Melton borough with planted hot spots, and
 * the side file that says where they are ({@link SampleGenerator}, {@link HotspotsFile}). Prints one
 * summary line. Returns an exit code; never calls {@code System.exit}.
 */
@Command(name = "generate-sample", mixinStandardHelpOptions = true,
        description = "Write a synthetic data.police.uk street-level CSV for Melton borough with planted hot spots, "
                + "plus a JSON side file giving each hot spot's centre, radius (Gaussian sigma, metres), share and "
                + "rows. The same options always give byte-identical files. The data are made up.")
public final class GenerateSampleCommand implements Callable<Integer> {

    /** police.uk publishes a month's data about two months after it ends. */
    static final int PUBLICATION_LAG_MONTHS = 2;

    @Spec
    CommandSpec commandSpec;

    @Option(names = "--months", defaultValue = "24", paramLabel = "N",
            description = "months to generate, ending with --end (default: ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "random seed; same seed, same files (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--end", paramLabel = "YYYY-MM", converter = YearMonthConverter.class,
            description = "last month generated (default: two months before the current month, as police.uk lags)")
    YearMonth end;

    @Option(names = "--rows-per-month", paramLabel = "N",
            description = "exact rows in every month (default: Melton's realistic volume, about "
                    + SampleSpec.MEAN_ROWS_PER_MONTH + " a month, higher in summer, with Poisson noise)")
    Integer rowsPerMonth;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV to write")
    Path out;

    @Option(names = "--hotspots", paramLabel = "FILE",
            description = "the hot spots side file (default: the CSV path with .csv replaced by .hotspots.json)")
    Path hotspots;

    private final Clock clock;

    public GenerateSampleCommand() {
        this(Clock.systemDefaultZone());
    }

    /** With a fixed clock, so the default --end is testable. */
    public GenerateSampleCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        SampleSpec spec = spec();
        Path sideFile = hotspots != null ? hotspots : defaultHotspotsPath(out);
        long started = System.nanoTime();
        BoundaryFiles boundaries = new BoundaryFiles();
        SampleGenerator generator = new SampleGenerator(boundaries.read(BoundaryFiles.Layer.WARDS),
                boundaries.read(BoundaryFiles.Layer.LSOA), new BritishNationalGrid(), spec);
        createParent(out);
        createParent(sideFile);
        GenerationResult result;
        try (Writer csv = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            result = generator.write(csv);
        }
        new HotspotsFile().write(result, sideFile);
        double seconds = (System.nanoTime() - started) / 1e9;
        commandSpec.commandLine().getOut().printf(Locale.ROOT,
                "Wrote %d rows (%s to %s, seed %d, %d planted hot spots) to %s and %s in %.1f s%n",
                result.rows(), spec.startMonth(), spec.endMonth(), spec.seed(), result.hotspots().size(),
                out, sideFile, seconds);
        commandSpec.commandLine().getOut().flush();
        return 0;
    }

    private SampleSpec spec() {
        YearMonth last = end != null ? end : YearMonth.now(clock).minusMonths(PUBLICATION_LAG_MONTHS);
        OptionalInt volume = rowsPerMonth != null ? OptionalInt.of(rowsPerMonth) : OptionalInt.empty();
        try {
            return new SampleSpec(seed, months, last, volume);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandSpec.commandLine(), e.getMessage(), e);
        }
    }

    /** {@code sample.csv} gives {@code sample.hotspots.json}; a name without .csv gets the suffix appended. */
    static Path defaultHotspotsPath(Path csv) {
        String name = csv.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(stem + ".hotspots.json");
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** Parses YYYY-MM with a message that names the expected form. */
    static final class YearMonthConverter implements CommandLine.ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String value) {
            try {
                return YearMonth.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a month in the form YYYY-MM");
            }
        }
    }
}
