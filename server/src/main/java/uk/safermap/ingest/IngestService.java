package uk.safermap.ingest;

import uk.safermap.domain.Incident;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.store.IncidentStore;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports one file: reads it as the declared format, normalises every row, keeps the good
 * ones and reports the bad ones. The whole import is one store transaction, so a format error
 * or a crash part-way leaves the store as it was. Rows stream through in batches, so memory
 * does not grow with file size (beyond the id-less row keys, see {@link SourceKeys}).
 *
 * <p>Thread-safe: each call has its own reader, normaliser and store session.
 */
public final class IngestService {

    static final int MAX_REPORTED_REJECTIONS = 1000;
    private static final int BATCH_SIZE = 1000;
    private static final int PROGRESS_EVERY = 10_000;

    /** Told how far an import has got, every few thousand rows. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (read, imported) -> { };

        void rows(long read, long imported);
    }

    private final IncidentStore store;
    private final BritishNationalGrid grid;
    private final ServiceArea area;
    private final Clock clock;

    public IngestService(IncidentStore store, BritishNationalGrid grid, ServiceArea area, Clock clock) {
        this.store = store;
        this.grid = grid;
        this.area = area;
        this.clock = clock;
    }

    /**
     * @throws FormatException when the input is not the declared format; nothing is stored then
     */
    public ImportReport importStream(IncidentFormat format, InputStream in, String sourceName, Progress progress) {
        RowNormaliser normaliser = new RowNormaliser(format, grid, area, clock);
        try (IncidentStore.ImportSession session = store.beginImport(format.key(), sourceName)) {
            Run run = new Run(session, progress);
            reader(format).read(in, row -> run.accept(normaliser.normalise(row)), run::reject);
            run.flush();
            IncidentStore.ImportRecord record = session.commit(run.valid - run.imported, run.rejectedCount);
            return new ImportReport(record.id(), record.imported(), record.duplicates(), List.copyOf(run.rejections),
                    run.rejectedCount, run.rejectedCount > run.rejections.size());
        }
    }

    private static IncidentReader reader(IncidentFormat format) {
        return switch (format) {
            case POLICE_CSV -> new PoliceCsvReader();
            case COUNCIL_CSV -> new CouncilCsvReader();
            case GEOJSON -> new GeoJsonIncidentReader();
        };
    }

    /** The mutable state of one import: the current batch and the rejections so far. */
    private static final class Run {
        private final IncidentStore.ImportSession session;
        private final Progress progress;
        private final List<Incident> batch = new ArrayList<>(BATCH_SIZE);
        private final Set<String> batchKeys = new HashSet<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private int rejectedCount;
        private long read;
        private int valid;
        private int imported;

        Run(IncidentStore.ImportSession session, Progress progress) {
            this.session = session;
            this.progress = progress;
        }

        void accept(RowNormaliser.Result result) {
            if (result.rejection() != null) {
                reject(result.rejection());
                return;
            }
            countRead();
            valid++;
            // A key seen earlier in this batch is a duplicate the store cannot see yet.
            if (batchKeys.add(result.incident().sourceKey())) {
                batch.add(result.incident());
            }
            if (batch.size() == BATCH_SIZE) {
                flush();
            }
        }

        void reject(Rejection r) {
            countRead();
            rejectedCount++;
            if (rejections.size() < MAX_REPORTED_REJECTIONS) {
                rejections.add(r);
            }
        }

        private void countRead() {
            read++;
            if (read % PROGRESS_EVERY == 0) {
                progress.rows(read, imported);
            }
        }

        void flush() {
            imported += session.add(batch);
            batch.clear();
            batchKeys.clear();
        }
    }
}
