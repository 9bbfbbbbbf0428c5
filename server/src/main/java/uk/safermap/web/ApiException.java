package uk.safermap.web;

/** An error with the HTTP status and message to send; thrown by handlers, mapped in {@link ApiErrors}. */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public int status() {
        return status;
    }

    /** The service cannot answer just now (store busy, audit log not writable): 503 with Retry-After. */
    public static final class Unavailable extends ApiException {
        /** Seconds a client should wait before trying again. */
        static final int RETRY_AFTER_SECONDS = 5;

        public Unavailable(String message) {
            super(503, message);
        }
    }
}
