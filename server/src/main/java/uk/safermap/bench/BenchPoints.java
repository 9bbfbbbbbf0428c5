package uk.safermap.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.domain.MonthIndex;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.sample.SampleGenerator;
import uk.safermap.sample.SampleSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.OptionalInt;

/**
 * Benchmark input: the generated Melton sample at a chosen size (dense planted hot spots over
 * a sparse background, many identical snapped points, like real police.uk data) as BNG
 * coordinates and month indexes.
 */
record BenchPoints(double[] x, double[] y, int[] month) {

    static BenchPoints generate(int rows, long seed) throws IOException {
        BoundaryFiles boundaries = new BoundaryFiles();
        BritishNationalGrid grid = new BritishNationalGrid();
        SampleSpec spec = new SampleSpec(seed, 24, YearMonth.of(2026, 9), OptionalInt.of(Math.max(1, rows / 24)));
        Path csv = Files.createTempFile("safermap-bench-", ".csv");
        try (Writer w = Files.newBufferedWriter(csv)) {
            new SampleGenerator(boundaries.read(BoundaryFiles.Layer.WARDS), boundaries.read(BoundaryFiles.Layer.LSOA),
                    grid, spec).write(w);
        }
        int n = spec.rowsPerMonth().getAsInt() * 24;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] month = new int[n];
        int first = MonthIndex.of(spec.startMonth());
        int i = 0;
        try (Reader r = Files.newBufferedReader(csv)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                double[] en = grid.toGrid(Double.parseDouble(rec.get("Longitude")), Double.parseDouble(rec.get("Latitude")));
                YearMonth m = YearMonth.parse(rec.get("Month"));
                x[i] = en[0];
                y[i] = en[1];
                month[i++] = MonthIndex.of(m) - first;
            }
        } finally {
            Files.delete(csv);
        }
        return new BenchPoints(x, y, month);
    }

    int size() {
        return x.length;
    }

    /** Little-endian float64 x, y pairs: the format the Python peers read. */
    void writeBinary(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(16 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < x.length; i++) {
                buf.putDouble(x[i]).putDouble(y[i]);
                if (!buf.hasRemaining()) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }
}
