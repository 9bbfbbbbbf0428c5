package uk.safermap.ingest;

import uk.safermap.domain.Collision;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.ServiceArea;
import uk.safermap.store.CollisionStore;
import uk.safermap.store.KeyedImportSession;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports one STATS19 collision file in one store transaction: rows in the service area are
 * kept, rows outside it counted apart, bad rows reported by line. The collision index is the
 * key, so importing a file again adds nothing. Thread-safe: each call has its own state.
 */
public final class CollisionIngestService {

    private static final int BATCH_SIZE = 500;

    private final CollisionStore store;
    private final BritishNationalGrid grid;
    private final ServiceArea area;
    private final Clock clock;

    public CollisionIngestService(CollisionStore store, BritishNationalGrid grid, ServiceArea area, Clock clock) {
        this.store = store;
        this.grid = grid;
        this.area = area;
        this.clock = clock;
    }

    /** @throws FormatException when the input is not a STATS19 collision file; nothing is stored then */
    public CollisionImportReport importStream(InputStream in, String sourceName) {
        LocalDate today = LocalDate.now(clock.withZone(WhenParser.LONDON));
        try (KeyedImportSession<Collision> session = store.beginImport(sourceName)) {
            // Keyed by index, so a collision repeated within the file is one row and one duplicate.
            Map<String, Collision> batch = new LinkedHashMap<>();
            List<Rejection> rejections = new ArrayList<>();
            int[] counts = new int[4]; // valid, imported, outside, rejected
            Stats19CsvReader.Naming naming = new Stats19CsvReader(grid, today).read(in, row -> {
                Rejection r = row.rejection();
                Collision c = row.collision();
                if (r != null) {
                    counts[3]++;
                    if (rejections.size() < IngestService.MAX_REPORTED_REJECTIONS) {
                        rejections.add(r);
                    }
                } else if (!area.contains(c.easting(), c.northing())) {
                    counts[2]++;
                } else {
                    counts[0]++;
                    batch.put(c.collisionIndex(), c);
                    if (batch.size() == BATCH_SIZE) {
                        counts[1] += session.add(List.copyOf(batch.values()));
                        batch.clear();
                    }
                }
            });
            counts[1] += session.add(List.copyOf(batch.values()));
            long id = session.commit(counts[0] - counts[1], counts[3]);
            return new CollisionImportReport(id, naming.name().toLowerCase(Locale.ROOT), counts[1],
                    counts[0] - counts[1], counts[2], List.copyOf(rejections), counts[3],
                    counts[3] > rejections.size());
        }
    }
}
