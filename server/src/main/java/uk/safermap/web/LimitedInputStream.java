package uk.safermap.web;

import io.javalin.http.Context;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading a request body past a limit: the request then fails with 413 and changes nothing. */
final class LimitedInputStream extends FilterInputStream {

    private final long max;
    private long read;

    private LimitedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    /**
     * The request's body, read up to {@code max} bytes. A body declared longer (Content-Length)
     * fails at once, before any of it is read: a 600 MB upload over a 512 MB limit was read for
     * half a minute before the answer. A chunked body is counted as it is read.
     */
    static LimitedInputStream of(Context ctx, long max) {
        if (ctx.req().getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        return new LimitedInputStream(ctx.bodyInputStream(), max);
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
            throw tooLarge(max);
        }
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(413, "request body larger than the limit of " + max / (1024 * 1024)
                + " MB (SAFERMAP_MAX_UPLOAD_MB); nothing was changed");
    }
}
