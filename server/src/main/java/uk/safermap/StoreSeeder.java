package uk.safermap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safermap.areas.BoundaryFiles;
import uk.safermap.areas.PriorityNeighbourhoods;
import uk.safermap.config.AppConfig;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.ingest.ImportReport;
import uk.safermap.ingest.IncidentFormat;
import uk.safermap.ingest.IngestService;
import uk.safermap.sample.GenerationResult;
import uk.safermap.sample.HotspotsFile;
import uk.safermap.sample.SampleGenerator;
import uk.safermap.sample.SampleSpec;
import uk.safermap.store.AreaStore;
import uk.safermap.store.IncidentStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * First-start seeding: the Melton boundaries and default priority neighbourhoods into an empty
 * area table, and into an empty incident table either the real Melton months shipped in
 * {@code gis-data/melton/} (the default) or a generated police.uk-format sample with planted hot
 * spots. Either goes through the normal import path, so it is checked like any upload.
 */
final class StoreSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(StoreSeeder.class);
    static final String SAMPLE_SOURCE_PREFIX = "generated-sample";
    /** The import name of the shipped real months; the viewer names the data source from it. */
    static final String REAL_SOURCE_PREFIX = "police.uk Melton extract";
    private static final String REAL_EXTRACT = "/gis-data/melton/police-uk-melton-street.csv.gz";

    private final AreaStore areas;
    private final IngestService ingest;
    private final IncidentStore incidents;
    private final BoundaryFiles boundaries;
    private final BritishNationalGrid grid;
    private final Path dataDir;
    private final Clock clock;

    StoreSeeder(AreaStore areas, IngestService ingest, IncidentStore incidents, BoundaryFiles boundaries,
                BritishNationalGrid grid, Path dataDir, Clock clock) {
        this.clock = clock;
        this.areas = areas;
        this.ingest = ingest;
        this.incidents = incidents;
        this.boundaries = boundaries;
        this.grid = grid;
        this.dataDir = dataDir;
    }

    void seed(List<Area> wards, AppConfig.Sample sample) {
        if (areas.count(AreaKind.WARD) == 0) {
            List<Area> all = new ArrayList<>(wards);
            all.addAll(boundaries.read(BoundaryFiles.Layer.LSOA));
            all.addAll(boundaries.read(BoundaryFiles.Layer.OA));
            // Neighbourhoods are seeded with the boundaries, once: later deletions by users stick.
            all.addAll(PriorityNeighbourhoods.defaults(wards, grid));
            areas.putAll(all);
            LOG.info("Seeded {} boundary areas and the default priority neighbourhoods", all.size());
        }
        if (sample.enabled() && incidents.count() == 0) {
            if (sample.kind() == AppConfig.SampleKind.REAL) {
                seedReal();
            } else {
                seedSample(wards, sample);
            }
        }
    }

    private void seedReal() {
        try (InputStream in = StoreSeeder.class.getResourceAsStream(REAL_EXTRACT)) {
            if (in == null) {
                throw new IllegalStateException("the real-data extract " + REAL_EXTRACT + " is missing from the classpath");
            }
            ImportReport report = ingest.importStream(IncidentFormat.POLICE_CSV, in,
                    REAL_SOURCE_PREFIX + " (data.police.uk, Leicestershire Police, OGL v3.0)", IngestService.Progress.NONE);
            LOG.info("Seeded {} real police.uk incidents for Melton ({} outside the area, {} rejected)",
                    report.imported(), report.outsideArea(), report.rejectedCount());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the real-data extract " + REAL_EXTRACT, e);
        }
    }

    private void seedSample(List<Area> wards, AppConfig.Sample sample) {
        // police.uk publishes about two months behind, so the sample ends there too.
        SampleSpec spec = SampleSpec.realistic(sample.seed(), sample.months(), YearMonth.now(clock).minusMonths(2));
        Path dir = dataDir.resolve("sample");
        Path csv = dir.resolve("melton-sample.csv");
        try {
            Files.createDirectories(dir);
            GenerationResult result;
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                result = new SampleGenerator(wards, boundaries.read(BoundaryFiles.Layer.LSOA), grid, spec).write(out);
            }
            new HotspotsFile().write(result, dir.resolve("melton-sample.hotspots.json"));
            ImportReport report;
            try (InputStream in = Files.newInputStream(csv)) {
                report = ingest.importStream(IncidentFormat.POLICE_CSV, in,
                        SAMPLE_SOURCE_PREFIX + " seed " + spec.seed() + ", " + spec.months() + " months",
                        IngestService.Progress.NONE);
            }
            LOG.info("Seeded {} generated sample incidents ({} rejected) from {}", report.imported(),
                    report.rejectedCount(), csv);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the generated sample to " + dir, e);
        }
    }
}
