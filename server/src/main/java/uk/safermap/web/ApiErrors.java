package uk.safermap.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safermap.ingest.FormatException;
import uk.safermap.store.StoreBusyException;
import uk.safermap.store.StoreException;

/**
 * Maps exceptions to JSON error responses {@code {"status":..,"message":..}}, once, by type.
 * Client mistakes get a 4xx with the message; anything else is logged here and answered with a
 * generic 500 that leaks no SQL or stack trace.
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    static final String BUSY = "the service is busy: every store connection is in use or the query ran past the "
            + "statement timeout; try again shortly";
    static final String INTERNAL = "internal error: the request could not be completed (see the server log)";

    /** The error body. */
    record ErrorBody(int status, String message) {
    }

    private ApiErrors() {
    }

    static void register(Javalin app) {
        app.exception(ApiException.Unavailable.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
        app.exception(ApiException.class, (e, ctx) -> send(ctx, e.status(), e.getMessage()));
        app.exception(FormatException.class, (e, ctx) -> send(ctx, 400, e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> send(ctx, 400, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), e.getMessage()));
        app.exception(StoreBusyException.class, (e, ctx) -> {
            LOG.warn("{} {} refused: {}", ctx.method(), ctx.path(), e.getMessage());
            unavailable(ctx, BUSY);
        });
        app.exception(StoreException.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, INTERNAL);
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, INTERNAL);
        });
    }

    /** 503 with Retry-After: the request was fine and may succeed if repeated shortly. */
    private static void unavailable(Context ctx, String message) {
        ctx.header("Retry-After", Integer.toString(ApiException.Unavailable.RETRY_AFTER_SECONDS));
        send(ctx, 503, message);
    }

    static void send(Context ctx, int status, String message) {
        ctx.status(status).json(new ErrorBody(status, message));
    }
}
