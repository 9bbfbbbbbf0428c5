package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.areas.Gazetteer;

import java.util.List;

/**
 * {@code GET /api/search?q=}: places, wards, LSOAs, streets and OS grid references, for the
 * viewer's search box. Roles that see aggregates only find the streets the disclosure policy allows.
 */
final class SearchHandler {

    static final int LIMIT = 10;
    static final int MAX_QUERY = 100;

    record Results(String query, List<Gazetteer.Match> matches) {
    }

    private final Gazetteer gazetteer;

    SearchHandler(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q is required: a place, ward, LSOA, street or OS grid reference such as"
                    + " SK 751 191");
        }
        if (q.length() > MAX_QUERY) {
            throw ApiException.badRequest("q is at most " + MAX_QUERY + " characters");
        }
        boolean aggregateOnly = !AccessControl.principal(ctx).role().seesPoints();
        ctx.json(new Results(q, gazetteer.search(q, LIMIT, aggregateOnly)));
    }
}
