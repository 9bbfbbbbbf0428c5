package uk.safermap.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safermap.domain.ConflictException;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.NotFoundException;
import uk.safermap.store.StoreBusyException;
import uk.safermap.store.StoreRefusedTextException;

import java.util.UUID;

/**
 * Maps exceptions to JSON error responses {@code {"status":..,"message":..}}, once, by type.
 * The typed refusals of the services ({@link InvalidInputException} 400, {@link NotFoundException}
 * 404, {@link ConflictException} 409) and the handlers' own {@link ApiException}s carry their
 * message to the caller. Anything else, a plain {@link IllegalArgumentException} included, is a
 * bug: it is logged here with a fresh error id and answered 500 with that id and nothing else, so
 * the caller can quote it and the log line can be found, while no SQL or stack trace leaks.
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    static final String BUSY = "the service is busy: every store connection is in use or the query ran past the "
            + "statement timeout; try again shortly";

    /** The error body. */
    record ErrorBody(int status, String message) {
    }

    private ApiErrors() {
    }

    static void register(Javalin app) {
        app.exception(ApiException.Unavailable.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
        app.exception(ApiException.class, (e, ctx) -> send(ctx, e.status(), e.getMessage()));
        app.exception(InvalidInputException.class, (e, ctx) -> send(ctx, 400, e.getMessage()));
        app.exception(NotFoundException.class, (e, ctx) -> send(ctx, 404, e.getMessage()));
        app.exception(ConflictException.class, (e, ctx) -> send(ctx, 409, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), e.getMessage()));
        app.exception(StoreRefusedTextException.class, (e, ctx) -> send(ctx, 400, StoreRefusedTextException.MESSAGE));
        app.exception(StoreBusyException.class, (e, ctx) -> {
            LOG.warn("{} {} refused: {}", ctx.method(), ctx.path(), e.getMessage());
            unavailable(ctx, BUSY);
        });
        app.exception(Exception.class, (e, ctx) -> internal(ctx, e));
    }

    /** 500 for a bug or a failed store: the error id goes into the answer and the one log line with the trace. */
    private static void internal(Context ctx, Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.error("error id {}: {} {} failed", id, ctx.method(), ctx.path(), e);
        send(ctx, 500, internalMessage(id));
    }

    static String internalMessage(String id) {
        return "internal error, id " + id + "; see the server log";
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
