package uk.safermap.placement;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.domain.Area;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.DistinctPoints;
import uk.safermap.geo.ServiceArea;
import uk.safermap.ingest.IncidentFormat;
import uk.safermap.ingest.IngestService;
import uk.safermap.placement.mclp.CandidateLattice;
import uk.safermap.placement.mclp.CoverageProblem;
import uk.safermap.placement.mclp.GreedyInterchange;
import uk.safermap.placement.mclp.Sites;
import uk.safermap.placement.mclp.Viewshed;
import uk.safermap.sample.SampleGenerator;
import uk.safermap.sample.SampleSpec;
import uk.safermap.store.PointQuery;
import uk.safermap.store.PointSet;
import uk.safermap.store.jdbc.Database;
import uk.safermap.store.jdbc.JdbcIncidentStore;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CCTV demand merged at distinct positions (what the placement service builds its problem from)
 * gives exactly the problem and the sites that demand incident by incident gives, on the real
 * Melton police.uk extract and on the generated sample, read back from a real H2GIS store.
 */
class DemandAtDistinctPointsTest {

    @TempDir
    Path dir;

    private final BritishNationalGrid grid = new BritishNationalGrid();

    @ParameterizedTest
    @ValueSource(strings = {"real", "generated"})
    void merged_demand_gives_the_lattice_problem_and_sites_of_incident_by_incident_demand(String data)
            throws Exception {
        PointSet points = incidents(data);
        double[] w = CctvPlacementService.weights(points, HarmWeights.harm());
        DistinctPoints at = DistinctPoints.of(points.easting(), points.northing());
        assertThat(at.size()).as("police.uk snap points are far fewer than incidents").isLessThan(points.size() / 2);
        for (Viewshed view : List.of(Viewshed.allRound(60), new Viewshed(80, 90))) {
            double[][] lattice = CandidateLattice.around(points.easting(), points.northing(), view.radius() / 2,
                    view.radius(), CctvPlacementService.MAX_LATTICE_SITES + 1);
            double[][] fromMerged = CandidateLattice.around(at.x(), at.y(), view.radius() / 2, view.radius(),
                    CctvPlacementService.MAX_LATTICE_SITES + 1);
            assertThat(fromMerged).isDeepEqualTo(lattice);
            Sites sites = view.isAllRound() ? Sites.omnidirectional(lattice[0], lattice[1])
                    : Sites.directional(lattice[0], lattice[1], new double[] {0, 90, 180, 270});
            CoverageProblem byIncident = CoverageProblem.build(points.easting(), points.northing(), w, sites, view, 30);
            CoverageProblem merged = CoverageProblem.build(at.x(), at.y(), at.sums(w), at.counts(), sites, view, 30);
            assertThat(merged.weight()).isEqualTo(byIncident.weight());
            assertThat(merged.count()).isEqualTo(byIncident.count());
            assertThat(merged.cover()).isDeepEqualTo(byIncident.cover());
            assertThat(merged.conflicts()).isDeepEqualTo(byIncident.conflicts());
            assertThat(merged.unreachableWeight()).isEqualTo(byIncident.unreachableWeight());
            GreedyInterchange.Solution expected = new GreedyInterchange().solve(byIncident, 10, 12);
            GreedyInterchange.Solution actual = new GreedyInterchange().solve(merged, 10, 12);
            assertThat(actual.sites()).isEqualTo(expected.sites());
            assertThat(actual.value()).isEqualTo(expected.value());
            assertThat(actual.greedyCurve()).isEqualTo(expected.greedyCurve());
        }
    }

    /** Every incident of the real extract or of a generated sample, imported into H2GIS and read back. */
    private PointSet incidents(String data) throws Exception {
        List<Area> wards = new BoundaryFiles().read(BoundaryFiles.Layer.WARDS);
        ServiceArea area = ServiceArea.around(wards.stream().map(w -> grid.toGrid(w.geometry())).toList(), 2000,
                "Melton borough");
        try (Database db = Database.openH2gis(Files.createDirectories(dir.resolve("h2gis")), 2);
             InputStream in = csv(data)) {
            JdbcIncidentStore store = new JdbcIncidentStore(db, grid, Clock.systemDefaultZone());
            new IngestService(store, grid, area, Clock.systemUTC()).importStream(IncidentFormat.POLICE_CSV, in,
                    data + ".csv", IngestService.Progress.NONE);
            return store.points(new PointQuery(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), false));
        }
    }

    private InputStream csv(String data) throws Exception {
        if (data.equals("real")) {
            return new GZIPInputStream(Files.newInputStream(Path.of("../gis-data/melton/police-uk-melton-street.csv.gz")));
        }
        BoundaryFiles boundaries = new BoundaryFiles();
        StringWriter out = new StringWriter();
        new SampleGenerator(boundaries.read(BoundaryFiles.Layer.WARDS), boundaries.read(BoundaryFiles.Layer.LSOA), grid,
                new SampleSpec(7, 24, YearMonth.of(2026, 9), OptionalInt.empty())).write(out);
        return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
