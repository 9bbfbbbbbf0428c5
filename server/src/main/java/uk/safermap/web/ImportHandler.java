package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.ingest.CollisionImportReport;
import uk.safermap.ingest.CollisionIngestService;
import uk.safermap.ingest.CouncilCaseIngestService;
import uk.safermap.ingest.ImportReport;
import uk.safermap.ingest.IncidentFormat;
import uk.safermap.ingest.IngestService;
import uk.safermap.ingest.SpeedConcernIngestService;


/**
 * {@code POST /api/imports?format=...}: the request body is the file, streamed into one import.
 * {@code format=stats19} is a DfT road collision file, which goes to the collision store;
 * {@code format=council-cases} a council case export classified by the council taxonomy;
 * {@code format=speed-concerns} a log of speeding complaints and Community Speedwatch sessions.
 */
final class ImportHandler {

    static final String STATS19 = "stats19";
    static final String COUNCIL_CASES = "council-cases";
    static final String SPEED_CONCERNS = "speed-concerns";
    private static final String OTHER_FORMATS = ", " + STATS19 + ", " + COUNCIL_CASES + ", " + SPEED_CONCERNS;

    /** The imports into stores other than incidents. */
    record Others(CollisionIngestService collisions, CouncilCaseIngestService councilCases,
                  SpeedConcernIngestService speedConcerns) {
    }

    private final IngestService ingest;
    private final Others others;
    private final long maxBytes;

    ImportHandler(IngestService ingest, Others others, long maxBytes) {
        this.ingest = ingest;
        this.others = others;
        this.maxBytes = maxBytes;
    }

    void importFile(Context ctx) {
        String formatKey = ctx.queryParam("format");
        if (formatKey == null) {
            throw ApiException.badRequest("format is required: one of " + IncidentFormat.keys() + OTHER_FORMATS);
        }
        String name = ctx.queryParam("name") != null ? ctx.queryParam("name") : "upload";
        if (formatKey.equals(STATS19)) {
            CollisionImportReport report = others.collisions().importStream(
                    LimitedInputStream.of(ctx, maxBytes), name);
            ctx.status(report.imported() > 0 ? 201 : 200).json(report);
            return;
        }
        if (formatKey.equals(COUNCIL_CASES) || formatKey.equals(SPEED_CONCERNS)) {
            LimitedInputStream body = LimitedInputStream.of(ctx, maxBytes);
            ImportReport report = formatKey.equals(COUNCIL_CASES) ? others.councilCases().importStream(body, name)
                    : others.speedConcerns().importStream(body, name);
            ctx.status(report.imported() > 0 ? 201 : 200).json(report);
            return;
        }
        IncidentFormat format = IncidentFormat.fromKey(formatKey).orElseThrow(() -> ApiException.badRequest(
                "unknown format '" + formatKey + "': use one of " + IncidentFormat.keys() + OTHER_FORMATS));
        ImportReport report = ingest.importStream(format, LimitedInputStream.of(ctx, maxBytes), name,
                IngestService.Progress.NONE);
        ctx.status(report.imported() > 0 ? 201 : 200).json(report);
    }
}
