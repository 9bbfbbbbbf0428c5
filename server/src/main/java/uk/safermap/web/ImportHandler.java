package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.ingest.CollisionImportReport;
import uk.safermap.ingest.CollisionIngestService;
import uk.safermap.ingest.CouncilCaseIngestService;
import uk.safermap.ingest.ImportReport;
import uk.safermap.ingest.IncidentFormat;
import uk.safermap.ingest.IngestService;


/**
 * {@code POST /api/imports?format=...}: the request body is the file, streamed into one import.
 * {@code format=stats19} is a DfT road collision file, which goes to the collision store;
 * {@code format=council-cases} a council case export classified by the council taxonomy.
 */
final class ImportHandler {

    static final String STATS19 = "stats19";
    static final String COUNCIL_CASES = "council-cases";
    private static final String OTHER_FORMATS = ", " + STATS19 + ", " + COUNCIL_CASES;

    private final IngestService ingest;
    private final CollisionIngestService collisions;
    private final CouncilCaseIngestService councilCases;
    private final long maxBytes;

    ImportHandler(IngestService ingest, CollisionIngestService collisions, CouncilCaseIngestService councilCases,
                  long maxBytes) {
        this.ingest = ingest;
        this.collisions = collisions;
        this.councilCases = councilCases;
        this.maxBytes = maxBytes;
    }

    void importFile(Context ctx) {
        String formatKey = ctx.queryParam("format");
        if (formatKey == null) {
            throw ApiException.badRequest("format is required: one of " + IncidentFormat.keys() + OTHER_FORMATS);
        }
        String name = ctx.queryParam("name") != null ? ctx.queryParam("name") : "upload";
        if (formatKey.equals(STATS19)) {
            CollisionImportReport report = collisions.importStream(
                    new LimitedInputStream(ctx.bodyInputStream(), maxBytes), name);
            ctx.status(report.imported() > 0 ? 201 : 200).json(report);
            return;
        }
        if (formatKey.equals(COUNCIL_CASES)) {
            ImportReport report = councilCases.importStream(new LimitedInputStream(ctx.bodyInputStream(), maxBytes), name);
            ctx.status(report.imported() > 0 ? 201 : 200).json(report);
            return;
        }
        IncidentFormat format = IncidentFormat.fromKey(formatKey).orElseThrow(() -> ApiException.badRequest(
                "unknown format '" + formatKey + "': use one of " + IncidentFormat.keys() + OTHER_FORMATS));
        ImportReport report = ingest.importStream(format, new LimitedInputStream(ctx.bodyInputStream(), maxBytes), name,
                IngestService.Progress.NONE);
        ctx.status(report.imported() > 0 ? 201 : 200).json(report);
    }
}
