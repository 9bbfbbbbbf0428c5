package uk.safermap.analysis.stats;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import uk.safermap.analysis.grid.CellCounts;
import uk.safermap.analysis.grid.SquareGrid;
import uk.safermap.analysis.grid.StudyMask;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under the null of no hot spots (uniformly random incidents), Benjamini-Hochberg at 95 %
 * should report a discovery in about 5 % of maps or fewer, however many cells are tested;
 * without the correction nearly every map would show "hot spots".
 */
class GiStarNullTest {

    private static final int RUNS = 40;

    @Test
    void uniform_background_yields_no_more_significant_cells_than_the_false_discovery_rate_allows() {
        SquareGrid grid = SquareGrid.covering(new Envelope(470_000, 474_000, 316_000, 320_000), 100);
        StudyMask mask = StudyMask.all(grid);
        // Points over the grid's own envelope, so no edge row is empty by construction.
        Envelope box = grid.envelope();
        int mapsWithDiscoveries = 0;
        int significantCells = 0;
        int uncorrectedCells = 0;
        for (int run = 0; run < RUNS; run++) {
            SplittableRandom random = new SplittableRandom(1000 + run);
            double[] x = new double[20_000];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = box.getMinX() + random.nextDouble() * box.getWidth();
                y[i] = box.getMinY() + random.nextDouble() * box.getHeight();
            }
            GetisOrdGiStar.Result r = GetisOrdGiStar.run(CellCounts.of(grid, x, y), mask, 300);
            int found = 0;
            for (int i : mask.cells()) {
                HotSpotClass c = r.classOf(i);
                if (c.confidencePercent() >= 95) {
                    found++;
                }
                if (r.p()[i] <= 0.05) {
                    uncorrectedCells++;
                }
            }
            significantCells += found;
            mapsWithDiscoveries += found > 0 ? 1 : 0;
        }
        int tested = RUNS * mask.size();
        assertThat(mapsWithDiscoveries).as("maps with any cell at 95 %").isLessThanOrEqualTo(6);
        assertThat((double) significantCells / tested).isLessThanOrEqualTo(0.05);
        // The uncorrected test flags about 5 % of all cells: the problem FDR solves.
        assertThat((double) uncorrectedCells / tested).isGreaterThan(0.02);
    }
}
