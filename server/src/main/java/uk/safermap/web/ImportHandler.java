package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.ingest.ImportReport;
import uk.safermap.ingest.IncidentFormat;
import uk.safermap.ingest.IngestService;


/** {@code POST /api/imports?format=...}: the request body is the file, streamed into one import. */
final class ImportHandler {

    private final IngestService ingest;
    private final long maxBytes;

    ImportHandler(IngestService ingest, long maxBytes) {
        this.ingest = ingest;
        this.maxBytes = maxBytes;
    }

    void importFile(Context ctx) {
        String formatKey = ctx.queryParam("format");
        if (formatKey == null) {
            throw ApiException.badRequest("format is required: one of " + IncidentFormat.keys());
        }
        IncidentFormat format = IncidentFormat.fromKey(formatKey).orElseThrow(() -> ApiException.badRequest(
                "unknown format '" + formatKey + "': use one of " + IncidentFormat.keys()));
        String name = ctx.queryParam("name") != null ? ctx.queryParam("name") : "upload";
        ImportReport report = ingest.importStream(format, new LimitedInputStream(ctx.bodyInputStream(), maxBytes), name,
                IngestService.Progress.NONE);
        ctx.status(report.imported() > 0 ? 201 : 200).json(report);
    }
}
