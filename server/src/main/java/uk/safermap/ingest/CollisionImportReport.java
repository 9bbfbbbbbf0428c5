package uk.safermap.ingest;

import java.util.List;

/**
 * What a STATS19 import did.
 *
 * @param naming        the column naming recognised: current, intermediate or old
 * @param imported      collisions added
 * @param duplicates    valid collisions already stored (same collision index)
 * @param outsideArea   valid collisions outside the service area, left out and counted here
 *                      (a national file holds every collision in Great Britain)
 * @param rejected      the first {@value IngestService#MAX_REPORTED_REJECTIONS} bad rows with reasons
 */
public record CollisionImportReport(long importId, String naming, int imported, int duplicates, int outsideArea,
                                    List<Rejection> rejected, int rejectedCount, boolean rejectedTruncated) {
}
