package uk.safermap.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.geo.BritishNationalGrid;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real force-wide police.uk files in {@code ../shared/police-uk/leicestershire} (relative to
 * the repository root), and an independent count of what an import of one should keep: rows
 * whose point a plain JTS point-in-polygon test puts in the Melton wards buffered by the margin.
 */
public final class RealPoliceFiles {

    /** Tests run in {@code server/}; the shared data sits beside the repository. */
    public static final Path DIR = Path.of("..").toAbsolutePath().normalize()
            .resolve("../shared/police-uk/leicestershire").normalize();

    private RealPoliceFiles() {
    }

    /** The month's force-wide street-level file; fails the test with the expected path when it is missing. */
    public static Path street(String month) {
        Path file = DIR.resolve(month + "-leicestershire-street.csv.gz");
        if (!Files.isRegularFile(file)) {
            fail("the real police.uk file " + file + " is missing: the tests need ../shared/police-uk/leicestershire "
                    + "beside the repository (24 monthly Leicestershire street-level files, see the README)");
        }
        return file;
    }

    /** Row counts of one file, computed without SaferMap's ingest code. */
    public record Counts(int rows, int noLocation, int inside, int outside) {
    }

    public static Counts count(Path file, double marginMetres) {
        BritishNationalGrid grid = new BritishNationalGrid();
        GeometryFactory f = new GeometryFactory(new PrecisionModel(), BritishNationalGrid.SRID);
        Geometry borough = f.buildGeometry(new BoundaryFiles().read(BoundaryFiles.Layer.WARDS).stream()
                .map(w -> grid.toGrid(w.geometry())).toList()).union().buffer(marginMetres, 4);
        int rows = 0;
        int noLocation = 0;
        int inside = 0;
        int outside = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             CSVParser csv = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8),
                     CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            for (CSVRecord r : csv) {
                rows++;
                if (r.get("Longitude").isEmpty() && r.get("Latitude").isEmpty()) {
                    noLocation++;
                    continue;
                }
                double[] en = grid.toGrid(Double.parseDouble(r.get("Longitude")), Double.parseDouble(r.get("Latitude")));
                if (borough.covers(f.createPoint(new Coordinate(en[0], en[1])))) {
                    inside++;
                } else {
                    outside++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Counts(rows, noLocation, inside, outside);
    }
}
