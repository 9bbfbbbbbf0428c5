package uk.safermap.store.jdbc;

import uk.safermap.domain.Incident;
import uk.safermap.store.IncidentStore;

import java.time.LocalDateTime;

/**
 * What a bulk COPY wrote, row by row: each row's point, under the id the writer gave it, and the
 * bounds of them all, so the snapshot needs to read neither the rows back nor the table's extent.
 */
final class WrittenRows {

    private final PointSetBuilder points = new PointSetBuilder(true);
    private double minLon = Double.POSITIVE_INFINITY;
    private double minLat = Double.POSITIVE_INFINITY;
    private double maxLon = Double.NEGATIVE_INFINITY;
    private double maxLat = Double.NEGATIVE_INFINITY;
    private LocalDateTime firstStart;
    private LocalDateTime lastEnd;

    /** One row as stored: its location text as written (cut to the column's width). */
    void add(long id, Incident inc, String storedLocation) {
        LocalDateTime start = inc.when().start();
        LocalDateTime end = inc.when().end();
        points.add(id, inc.easting(), inc.northing(), start, end, inc.category().ordinal(), inc.sensitive(),
                storedLocation);
        minLon = Math.min(minLon, inc.lon());
        minLat = Math.min(minLat, inc.lat());
        maxLon = Math.max(maxLon, inc.lon());
        maxLat = Math.max(maxLat, inc.lat());
        firstStart = firstStart == null || start.isBefore(firstStart) ? start : firstStart;
        lastEnd = lastEnd == null || end.isAfter(lastEnd) ? end : lastEnd;
    }

    /** The rows' points in id order and their bounds; null when no row was written. */
    BatchWriter.Written written() {
        return firstStart == null ? null : new BatchWriter.Written(points.build(),
                new IncidentStore.Extent(minLon, minLat, maxLon, maxLat, firstStart, lastEnd));
    }
}
