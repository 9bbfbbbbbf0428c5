package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.store.IncidentStore;

/** {@code GET /health}: the store kind and the incident count, which also proves the store answers. */
final class HealthHandler {

    record Health(String status, String store, long incidents) {
    }

    private final IncidentStore incidents;
    private final String storeName;

    HealthHandler(IncidentStore incidents, String storeName) {
        this.incidents = incidents;
        this.storeName = storeName;
    }

    void health(Context ctx) {
        ctx.json(new Health("ok", storeName, incidents.count()));
    }
}
