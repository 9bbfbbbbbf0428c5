package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.ingest.ImportReport;
import uk.safermap.ingest.IncidentFormat;
import uk.safermap.ingest.IngestService;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

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
        ImportReport report = ingest.importStream(format, new Limited(ctx.bodyInputStream(), maxBytes), name,
                IngestService.Progress.NONE);
        ctx.status(report.imported() > 0 ? 201 : 200).json(report);
    }

    /** Stops reading past the upload limit; the import then rolls back and the client gets 413. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new ApiException(413, "upload larger than the limit of " + max / (1024 * 1024)
                        + " MB (SAFERMAP_MAX_UPLOAD_MB); nothing was imported");
            }
        }
    }
}
