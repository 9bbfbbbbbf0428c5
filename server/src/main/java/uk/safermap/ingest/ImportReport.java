package uk.safermap.ingest;

import java.util.List;

/**
 * What an import did.
 *
 * @param importId          the store's record of this import
 * @param imported          rows added
 * @param duplicates        valid rows already stored (by an earlier import or earlier in this file)
 * @param rejected          the first {@value IngestService#MAX_REPORTED_REJECTIONS} rejected rows with reasons
 * @param rejectedCount     all rejected rows
 * @param rejectedTruncated true when {@code rejected} lists fewer rows than {@code rejectedCount}
 */
public record ImportReport(long importId, int imported, int duplicates, List<Rejection> rejected, int rejectedCount,
                           boolean rejectedTruncated) {
}
