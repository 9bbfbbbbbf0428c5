package uk.safermap.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading a request body past a limit: the request then fails with 413 and changes nothing. */
final class LimitedInputStream extends FilterInputStream {

    private final long max;
    private long read;

    LimitedInputStream(InputStream in, long max) {
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
            throw new ApiException(413, "request body larger than the limit of " + max / (1024 * 1024)
                    + " MB (SAFERMAP_MAX_UPLOAD_MB); nothing was changed");
        }
    }
}
