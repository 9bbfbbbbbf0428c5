package uk.safermap.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import uk.safermap.geo.BritishNationalGrid;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Cuts force-wide data.police.uk street-level files down to the rows whose point lies in a
 * boundary (the borough), written unchanged in police.uk format, header once. Rows without a
 * location cannot be placed in the borough and are left out. Reads plain or gzip CSV files,
 * in the order given. Used to build the real-data extract shipped in {@code gis-data/melton/}.
 */
public final class PoliceExtract {

    /** What one run kept, of how many rows read. */
    public record Summary(int files, long read, long kept) {
    }

    private final IndexedPointInAreaLocator boundary;
    private final BritishNationalGrid grid;

    /** @param boundaryGrid the boundary in British National Grid metres */
    public PoliceExtract(Geometry boundaryGrid, BritishNationalGrid grid) {
        this.boundary = new IndexedPointInAreaLocator(boundaryGrid);
        this.grid = grid;
    }

    public Summary extract(List<Path> inputs, Writer out) {
        long read = 0;
        long kept = 0;
        try {
            CSVPrinter printer = null;
            for (Path input : inputs) {
                try (InputStream raw = new BufferedInputStream(Files.newInputStream(input));
                     CSVParser parser = CSVParser.parse(new InputStreamReader(
                             input.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8),
                             CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
                    if (!parser.getHeaderNames().containsAll(List.of("Longitude", "Latitude", "Crime type"))) {
                        throw new FormatException(input + " is not a data.police.uk street-level CSV");
                    }
                    if (printer == null) {
                        printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                                .setHeader(parser.getHeaderNames().toArray(String[]::new)).setRecordSeparator("\n").build());
                    }
                    for (CSVRecord r : parser) {
                        read++;
                        if (inside(r.get("Longitude"), r.get("Latitude"))) {
                            printer.printRecord(r.values());
                            kept++;
                        }
                    }
                }
            }
            if (printer != null) {
                printer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("extracting police.uk rows", e);
        }
        return new Summary(inputs.size(), read, kept);
    }

    private boolean inside(String lon, String lat) {
        if (lon.isBlank() || lat.isBlank()) {
            return false;
        }
        try {
            double[] en = grid.toGrid(Double.parseDouble(lon), Double.parseDouble(lat));
            return boundary.locate(new Coordinate(en[0], en[1])) != Location.EXTERIOR;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
