package uk.safermap.store;

import uk.safermap.domain.Incident;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where incidents live. Implementations must make an {@link ImportSession} all-or-nothing. */
public interface IncidentStore {

    /** Opens one import as one transaction; nothing it adds is visible until it commits. */
    ImportSession beginImport(String format, String sourceName);

    Page<Incident> find(IncidentQuery query);

    Optional<Incident> findById(long id);

    /** The incidents with these ids, in the same order (ids not stored are left out). */
    List<Incident> findByIds(long[] ids);

    long count();

    /** The matching incidents as primitive arrays for analysis, in ascending id order. */
    PointSet points(PointQuery query);

    /**
     * The incidents one committed import added, with their locations, in ascending id order:
     * how an in-memory copy of the incidents is kept current without reading them all again.
     */
    PointSet importedPoints(long importId);

    /**
     * A value that changes whenever incidents are added (the latest import and the count), so
     * cached analyses can tell when they are stale.
     */
    String dataVersion();

    /** Lon/lat bounds and time range of everything stored, empty when the store is empty. */
    Optional<Extent> extent();

    /**
     * The extent once a committed import is added to what had {@code before} as its extent.
     * A store that recorded the import's own bounds as it wrote it (a bulk COPY) answers without
     * reading the table, and before {@link #importedPoints} for that import; any other reads it.
     */
    default Optional<Extent> extentAfter(long importId, Optional<Extent> before) {
        return extent();
    }

    /** The imports done so far, newest first. */
    List<ImportRecord> imports(int limit);

    /** Bounds of the stored incidents: lon/lat box and the first and last instants covered. */
    record Extent(double minLon, double minLat, double maxLon, double maxLat, LocalDateTime start, LocalDateTime end) {

        /** The bounds of both. */
        public Extent including(Extent o) {
            return new Extent(Math.min(minLon, o.minLon), Math.min(minLat, o.minLat), Math.max(maxLon, o.maxLon),
                    Math.max(maxLat, o.maxLat), start.isBefore(o.start) ? start : o.start,
                    end.isAfter(o.end) ? end : o.end);
        }
    }

    /** What an import added, as recorded when it committed. */
    record ImportRecord(long id, String format, String sourceName, LocalDateTime finishedAt, int imported,
                        int duplicates, int rejected) {
    }

    /** A running import. Closing without {@link #commit} rolls everything back. */
    interface ImportSession extends AutoCloseable {

        /**
         * Adds incidents whose source keys are not stored yet (including by this session);
         * returns how many were new, as far as the store can tell before {@link #commit}: a bulk
         * import may learn of repeats only then, so the final count is the record's. Incidents
         * in one batch must have distinct keys.
         */
        int add(List<Incident> batch);

        /**
         * Sets the outcome of stored incidents (including those added by this session), by source
         * key; keys not stored are ignored. Returns how many incidents were updated.
         */
        int updateOutcomes(Map<String, String> outcomeBySourceKey);

        /**
         * Makes the import visible, recording its totals.
         *
         * @param accepted the valid rows the caller read, including repeats it dropped itself;
         *                 those not imported are recorded as duplicates
         * @param rejected the rows the caller rejected
         */
        ImportRecord commit(int accepted, int rejected);

        @Override
        void close();
    }
}
