package uk.safermap.web;

import io.javalin.http.Context;
import uk.safermap.analysis.ProfileParameters;
import uk.safermap.analysis.ProfileService;

import java.util.Map;

/**
 * {@code GET /api/areas/{id}/profile} and {@code GET /api/areas/profile}: neighbourhood
 * profiles, with {@code from}/{@code to} (months), {@code baseline} (a year) and {@code target}
 * (percent change, e.g. -3).
 */
final class ProfileHandler {

    private final ProfileService profiles;

    ProfileHandler(ProfileService profiles) {
        this.profiles = profiles;
    }

    void one(Context ctx) {
        ctx.json(profiles.profile(ctx.pathParam("id"), AnalysisParams.read(ctx, ProfileParameters::read)));
    }

    void all(Context ctx) {
        ctx.json(Map.of("areas", profiles.all(AnalysisParams.read(ctx, ProfileParameters::read))));
    }
}
