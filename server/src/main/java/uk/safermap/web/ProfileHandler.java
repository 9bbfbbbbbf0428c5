package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.analysis.ProfileService;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/areas/{id}/profile} and {@code GET /api/areas/profile}: neighbourhood
 * profiles, with {@code from}/{@code to} (months), {@code baseline} (a year) and {@code target}
 * (percent change, e.g. -3).
 */
final class ProfileHandler {

    private static final Set<String> PARAMS = Set.of("from", "to", "baseline", "target");

    private final ProfileService profiles;

    ProfileHandler(ProfileService profiles) {
        this.profiles = profiles;
    }

    void one(Context ctx) {
        Query q = query(ctx);
        ctx.json(profiles.profile(ctx.pathParam("id"), q.params.month("from"), q.params.month("to"), q.baseline,
                q.target));
    }

    void all(Context ctx) {
        Query q = query(ctx);
        ctx.json(Map.of("areas", profiles.all(q.params.month("from"), q.params.month("to"), q.baseline, q.target)));
    }

    private record Query(AnalysisParams params, Optional<Integer> baseline, double target) {
    }

    private static Query query(Context ctx) {
        AnalysisParams params = new AnalysisParams(ctx, PARAMS);
        Optional<Integer> baseline = ctx.queryParam("baseline") == null ? Optional.empty()
                : Optional.of(params.integer("baseline", 0, 1990, 2100));
        return new Query(params, baseline, params.number("target", -3, -100, 1000));
    }
}
