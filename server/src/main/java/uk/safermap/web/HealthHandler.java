package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.store.IncidentStore;

/**
 * {@code GET /health}: {@code ok} and the store kind, once the store has answered a query. It is
 * open to anyone, so it says nothing about the data (not even how many incidents there are).
 */
final class HealthHandler {

    record Health(String status, String store) {
    }

    private final IncidentStore incidents;
    private final Health ok;

    HealthHandler(IncidentStore incidents, String storeName) {
        this.incidents = incidents;
        this.ok = new Health("ok", storeName);
    }

    void health(Context ctx) {
        // A store that fails throws, and the error handler answers 5xx: a monitor sees it.
        incidents.count();
        ctx.json(ok);
    }
}
