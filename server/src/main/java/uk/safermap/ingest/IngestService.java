package uk.safermap.ingest;

import uk.safermap.domain.Incident;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.store.IncidentStore;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Imports one file (or one police.uk archive): reads it as the declared format, normalises every
 * row, keeps the good ones, counts apart the rows outside the service area or without a location,
 * and reports the malformed ones. The whole import is one store transaction, so a format error
 * or a crash part-way leaves the store as it was. Rows stream through in batches, so memory
 * does not grow with file size (beyond the id-less row keys, see {@link SourceKeys}).
 *
 * <p>Thread-safe: each call has its own reader, normaliser and store session.
 */
public final class IngestService {

    static final int MAX_REPORTED_REJECTIONS = 1000;
    // Large enough that a store's per-batch work (a PostGIS COPY and one set-based INSERT, an H2GIS key
    // lookup) is spread over many rows; small enough to stay a few MB.
    private static final int BATCH_SIZE = 10_000;
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
     * Imports one file, or a police.uk archive: the input may be plain, gzip-compressed, or (for
     * {@code police-csv}) a zip as data.police.uk downloads it, recognised by its first bytes.
     * A single police.uk outcomes file (header with "Outcome type") updates outcomes only.
     * In a zip, {@code *-street.csv} files are imported, {@code *-outcomes.csv} files set each
     * crime's last outcome by Crime ID (the latest month wins), {@code *-stop-and-search.csv} rows
     * are counted and skipped; all in the one transaction.
     *
     * @throws FormatException when the input is not the declared format; nothing is stored then
     */
    public ImportReport importStream(IncidentFormat format, InputStream in, String sourceName, Progress progress) {
        try (IncidentStore.ImportSession session = store.beginImport(format.key(), sourceName);
             BatchHandoff handoff = new BatchHandoff(session::add)) {
            Run run = new Run(handoff, progress);
            BufferedInputStream buffered = new BufferedInputStream(in);
            switch (Packaging.sniff(buffered)) {
                case ZIP -> readArchive(format, buffered, run);
                case GZIP -> readSingle(format, new BufferedInputStream(gunzip(buffered)), run);
                case PLAIN -> readSingle(format, buffered, run);
            }
            run.finish();
            int outcomesUpdated = run.outcomes.isEmpty() ? 0 : session.updateOutcomes(outcomeKeys(run.outcomes));
            IncidentStore.ImportRecord record = session.commit(run.valid, run.rejectedCount);
            return new ImportReport(record.id(), record.imported(), record.duplicates(), run.outsideArea,
                    run.noLocation, outcomesUpdated, run.stopAndSearch, List.copyOf(run.files),
                    List.copyOf(run.rejections), run.rejectedCount, run.rejectedCount > run.rejections.size());
        }
    }

    /** How the bytes are wrapped, from the magic numbers of zip (PK\3\4) and gzip (1f 8b). */
    private enum Packaging {
        ZIP, GZIP, PLAIN;

        static Packaging sniff(BufferedInputStream in) {
            try {
                in.mark(4);
                byte[] head = in.readNBytes(4);
                in.reset();
                if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                    return ZIP;
                }
                return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b ? GZIP : PLAIN;
            } catch (IOException e) {
                throw new FormatException("could not read the upload: " + e.getMessage());
            }
        }
    }

    private static InputStream gunzip(InputStream in) {
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            throw new FormatException("not a gzip file: " + e.getMessage());
        }
    }

    /** A single file: a police.uk outcomes file (told by its header) updates outcomes, any other is read as rows. */
    private void readSingle(IncidentFormat format, BufferedInputStream in, Run run) {
        if (format == IncidentFormat.POLICE_CSV && firstLine(in).contains("Outcome type")) {
            new PoliceOutcomesReader().read(in, run.outcomes, run::reject);
        } else {
            readFile(format, in, run);
        }
    }

    private static String firstLine(BufferedInputStream in) {
        try {
            in.mark(4096);
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            in.reset();
            int end = head.indexOf('\n');
            return end < 0 ? head : head.substring(0, end);
        } catch (IOException e) {
            throw new FormatException("could not read the upload: " + e.getMessage());
        }
    }

    private void readFile(IncidentFormat format, InputStream in, Run run) {
        // A normaliser per file: identical id-less rows are numbered within their file (see SourceKeys).
        RowNormaliser normaliser = new RowNormaliser(format, grid, area, clock);
        // police.uk snap points: a location naming no street is labelled from the file's streets.
        run.labels = format == IncidentFormat.POLICE_CSV ? new LocationLabels() : null;
        reader(format).read(in, row -> run.accept(normaliser.normalise(row)), run::reject);
        run.labelStreetless();
    }

    private void readArchive(IncidentFormat format, InputStream in, Run run) {
        if (format != IncidentFormat.POLICE_CSV) {
            throw new FormatException("a zip archive is accepted as police-csv only (a data.police.uk download)");
        }
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        try {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (e.isDirectory() || !(lower.endsWith(".csv") || lower.endsWith(".csv.gz"))) {
                    continue;
                }
                InputStream entry = new FilterInputStream(zip) {
                    @Override
                    public void close() {
                        // the zip stream stays open for the next entry
                    }
                };
                InputStream body = lower.endsWith(".gz") ? gunzip(entry) : entry;
                String base = lower.replaceFirst("\\.gz$", "");
                run.file = name;
                run.files.add(name);
                if (base.endsWith("-street.csv")) {
                    readFile(format, body, run);
                } else if (base.endsWith("-outcomes.csv")) {
                    new PoliceOutcomesReader().read(body, run.outcomes, run::reject);
                } else if (base.endsWith("-stop-and-search.csv")) {
                    run.stopAndSearch += PoliceCsvReader.countRows(body);
                } else {
                    throw new FormatException("unexpected file in the police.uk archive: " + name
                            + "; expected YYYY-MM/YYYY-MM-<force>-street.csv, -outcomes.csv or -stop-and-search.csv");
                }
                run.file = null;
            }
        } catch (FormatException e) {
            throw run.file == null ? e : new FormatException(run.file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new FormatException("not a readable zip archive: " + e.getMessage());
        }
        if (run.files.isEmpty()) {
            throw new FormatException("the zip archive holds no police.uk CSV files");
        }
    }

    private static Map<String, String> outcomeKeys(Map<String, PoliceOutcomesReader.Outcome> outcomes) {
        SourceKeys keys = new SourceKeys();
        Map<String, String> out = new HashMap<>(outcomes.size() * 2);
        outcomes.forEach((id, o) -> out.put(keys.forId("crime", id), o.type()));
        return out;
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
        private final BatchHandoff handoff;
        private final Progress progress;
        private List<Incident> batch = new ArrayList<>(BATCH_SIZE);
        private final Set<String> batchKeys = new HashSet<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<String> files = new ArrayList<>();
        private final Map<String, PoliceOutcomesReader.Outcome> outcomes = new HashMap<>();
        private final List<Incident> streetless = new ArrayList<>();
        private LocationLabels labels;
        private String file;
        private int outsideArea;
        private int noLocation;
        private int stopAndSearch;
        private int rejectedCount;
        private long read;
        private int valid;
        private int imported;

        Run(BatchHandoff handoff, Progress progress) {
            this.handoff = handoff;
            this.progress = progress;
        }

        void accept(RowNormaliser.Result result) {
            if (result.rejection() != null) {
                reject(result.rejection());
                return;
            }
            if (result.skip() != null) {
                countRead();
                switch (result.skip()) {
                    case OUTSIDE_AREA -> outsideArea++;
                    case NO_LOCATION -> noLocation++;
                }
                return;
            }
            countRead();
            valid++;
            if (labels != null && !labels.observe(result.incident())) {
                streetless.add(result.incident());
                return;
            }
            add(result.incident());
        }

        private void add(Incident incident) {
            // A key seen earlier in this batch is a duplicate the store cannot see yet.
            if (batchKeys.add(incident.sourceKey())) {
                batch.add(incident);
            }
            if (batch.size() == BATCH_SIZE) {
                flush();
            }
        }

        /** Adds the incidents held back for a label, now that the file's street snap points are known. */
        void labelStreetless() {
            for (Incident i : streetless) {
                add(labels.label(i));
            }
            streetless.clear();
        }

        void reject(Rejection r) {
            countRead();
            rejectedCount++;
            if (rejections.size() < MAX_REPORTED_REJECTIONS) {
                rejections.add(file == null ? r : r.inFile(file));
            }
        }

        private void countRead() {
            read++;
            if (read % PROGRESS_EVERY == 0) {
                progress.rows(read, imported);
            }
        }

        /** Hands the full batch to the store's thread and starts a new one. */
        private void flush() {
            if (!batch.isEmpty()) {
                imported = handoff.submit(batch);
                batch = new ArrayList<>(BATCH_SIZE);
            }
            batchKeys.clear();
        }

        /** Writes the last batch and waits until every batch is in the store. */
        void finish() {
            flush();
            imported = handoff.await();
        }
    }
}
