package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import uk.safermap.auth.UserAdmin;
import uk.safermap.domain.Role;
import uk.safermap.domain.User;

import java.util.Map;
import java.util.Set;

/** Users, tokens and the audit log, for admins. */
final class AdminHandler {

    private static final long MAX_BODY_BYTES = 16 * 1024;

    private final UserAdmin admin;
    private final ObjectMapper mapper;

    AdminHandler(UserAdmin admin, ObjectMapper mapper) {
        this.admin = admin;
        this.mapper = mapper;
    }

    void users(Context ctx) {
        ctx.json(admin.users().stream().map(AdminHandler::json).toList());
    }

    void putUser(Context ctx) {
        JsonBody body = JsonBody.read(ctx, mapper, MAX_BODY_BYTES, Set.of("role", "password"));
        String roleKey = body.string("role").orElseThrow(() -> ApiException.badRequest(
                "role is required: admin, analyst, police, councillor or public"));
        Role role = Role.fromKey(roleKey).orElseThrow(() -> ApiException.badRequest(
                "role must be admin, analyst, police, councillor or public, got '" + roleKey + "'"));
        ctx.json(json(admin.put(ctx.pathParam("name"), role, body.string("password"))));
    }

    /** A new token, shown once in the answer; only its hash is stored. */
    void newToken(Context ctx) {
        JsonBody body = JsonBody.read(ctx, mapper, MAX_BODY_BYTES, Set.of("label"));
        UserAdmin.NewToken token = admin.newToken(ctx.pathParam("name"), body.string("label", "api"));
        ctx.status(201).json(Map.of("user", ctx.pathParam("name"), "token", token.token(), "id", token.id(),
                "note", "store this token now: the service keeps only its hash"));
    }

    /** The user's tokens: id, label and when made, never the token. */
    void tokens(Context ctx) {
        ctx.json(admin.tokens(ctx.pathParam("name")).stream().map(t -> Map.of("id", t.id(), "label", t.label(),
                "created", t.createdAt().toString())).toList());
    }

    void revokeToken(Context ctx) {
        admin.revokeToken(ctx.pathParam("name"), ctx.pathParam("tokenId"));
        ctx.status(204);
    }

    void audit(Context ctx) {
        AnalysisParams params = new AnalysisParams(ctx, Set.of("limit", "offset"));
        ctx.json(admin.audit(params.integer("limit", 100, 1, 10_000), params.integer("offset", 0, 0, Integer.MAX_VALUE)));
    }

    private static Map<String, Object> json(User u) {
        return Map.of("name", u.name(), "role", u.role().key(), "password", u.passwordHash().isPresent());
    }
}
