package uk.safermap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.domain.Area;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.ingest.PoliceExtract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the real-data extract shipped in {@code gis-data/melton/}: the rows of force-wide
 * police.uk street-level files that lie in Melton borough (the union of its wards, no margin),
 * unchanged, as one gzip CSV. Reproducible: the same files give the same rows in the same order.
 */
@Command(name = "extract-police", mixinStandardHelpOptions = true,
        description = "Cut force-wide data.police.uk street-level files (.csv or .csv.gz, or a directory of them) "
                + "down to the rows inside Melton borough, written as one gzip CSV in police.uk format.")
final class ExtractPoliceCommand implements Callable<Integer> {

    @Spec
    CommandSpec commandSpec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "street-level files, or directories of them")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv.gz", description = "the extract to write")
    Path out;

    @Override
    public Integer call() throws IOException {
        BritishNationalGrid grid = new BritishNationalGrid();
        List<Area> wards = new BoundaryFiles().read(BoundaryFiles.Layer.WARDS);
        ServiceArea borough = ServiceArea.around(wards.stream().map(w -> grid.toGrid(w.geometry())).toList(), 0,
                "Melton borough");
        List<Path> files = files();
        if (files.isEmpty()) {
            commandSpec.commandLine().getErr().println("no *-street.csv(.gz) files found in " + inputs);
            return 2;
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        PoliceExtract.Summary s;
        try (OutputStream raw = Files.newOutputStream(out);
             Writer w = new OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8)) {
            s = new PoliceExtract(borough.gridPolygon(), grid).extract(files, w);
        }
        commandSpec.commandLine().getOut().printf(Locale.ROOT, "Kept %d of %d rows from %d files in %s%n",
                s.kept(), s.read(), s.files(), out);
        commandSpec.commandLine().getOut().flush();
        return 0;
    }

    /** The street-level files named or found in the directories named, sorted by name (so by month). */
    private List<Path> files() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().matches(".*-street\\.csv(\\.gz)?")).forEach(found::add);
                }
            } else {
                found.add(p);
            }
        }
        return found.stream().sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
    }
}
