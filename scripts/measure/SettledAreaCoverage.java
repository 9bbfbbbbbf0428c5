import org.apache.commons.csv.*;
import org.locationtech.jts.geom.*;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.analysis.grid.*;
import uk.safermap.geo.*;
import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.zip.GZIPInputStream;

/**
 * The share of service-area incidents (Melton wards plus 2 km) of real police.uk months that lie in
 * a 100 m cell whose centre is in the settled area: what the Gi* study area analysed before issue 11.
 * Run by scripts/measure/settled-area-coverage MONTH...
 */
public class SettledAreaCoverage {
    public static void main(String[] a) throws Exception {
        BritishNationalGrid g = new BritishNationalGrid();
        BoundaryFiles b = new BoundaryFiles();
        List<Geometry> small = b.read(BoundaryFiles.Layer.OA).stream().map(o -> g.toGrid(o.geometry()))
                .filter(x -> x.getArea() < 0.5e6).toList();
        Geometry settled = new GeometryFactory(new PrecisionModel(), 27700).createGeometry(UnaryUnionOp.union(small));
        ServiceArea area = ServiceArea.around(b.read(BoundaryFiles.Layer.WARDS).stream().map(w -> g.toGrid(w.geometry())).toList(), 2000, "m");
        SquareGrid grid = SquareGrid.covering(settled.getEnvelopeInternal(), 100);
        StudyMask mask = StudyMask.of(grid, settled);
        int total = 0, inMask = 0;
        for (String month : a) {
            Path f = Path.of(System.getProperty("police.dir"), month + "-leicestershire-street.csv.gz");
            try (CSVParser p = CSVParser.parse(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f))),
                    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
                for (CSVRecord r : p) {
                    if (r.get("Longitude").isEmpty()) continue;
                    double[] en = g.toGrid(Double.parseDouble(r.get("Longitude")), Double.parseDouble(r.get("Latitude")));
                    if (!area.contains(en[0], en[1])) continue;
                    total++;
                    int c = grid.cellOf(en[0], en[1]);
                    if (c >= 0 && mask.contains(c)) inMask++;
                }
            }
        }
        System.out.printf("%d months: %d of %d incidents in the settled-area study cells (%.1f %%)%n", a.length, inMask, total, 100.0 * inMask / total);
    }
}
