package uk.safermap.ingest;

import java.util.List;

/**
 * What an import did.
 *
 * @param importId          the store's record of this import
 * @param imported          rows added
 * @param duplicates        valid rows already stored (by an earlier import or earlier in this file)
 * @param outsideArea       well-formed rows outside the service area (a police.uk file covers a whole force)
 * @param noLocation        police.uk rows published without a location
 * @param outcomesUpdated   incidents whose last outcome was set from police.uk outcomes files
 * @param stopAndSearch     police.uk stop-and-search rows, counted and not imported
 * @param files             the files read from an archive, in order; empty for a single file
 * @param rejected          the first {@value IngestService#MAX_REPORTED_REJECTIONS} rejected rows with reasons
 * @param rejectedCount     all rejected rows
 * @param rejectedTruncated true when {@code rejected} lists fewer rows than {@code rejectedCount}
 */
public record ImportReport(long importId, int imported, int duplicates, int outsideArea, int noLocation,
                           int outcomesUpdated, int stopAndSearch, List<String> files, List<Rejection> rejected,
                           int rejectedCount, boolean rejectedTruncated) {
}
