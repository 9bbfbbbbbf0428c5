package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import uk.safermap.auth.AuthService;
import uk.safermap.auth.Principal;
import uk.safermap.auth.Session;

import java.util.Map;
import java.util.Set;

/** Sign-in for the viewer: a session cookie (HttpOnly, SameSite=Strict) and a CSRF token for the page. */
final class AuthHandler {

    private static final long MAX_BODY_BYTES = 16 * 1024;

    private final AuthService auth;
    private final ObjectMapper mapper;
    private final boolean alwaysSecure;

    AuthHandler(AuthService auth, ObjectMapper mapper, boolean alwaysSecure) {
        this.auth = auth;
        this.mapper = mapper;
        this.alwaysSecure = alwaysSecure;
    }

    void login(Context ctx) {
        JsonBody body = JsonBody.read(ctx, mapper, MAX_BODY_BYTES, Set.of("name", "password"));
        String name = body.string("name").orElseThrow(() -> ApiException.badRequest("name is required"));
        String password = body.string("password").orElseThrow(() -> ApiException.badRequest("password is required"));
        Session s;
        try {
            s = auth.login(name, password, ctx.ip()).orElseThrow(() -> new ApiException(401,
                    "wrong user name or password"));
        } catch (AuthService.Throttled e) {
            ctx.header("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            throw new ApiException(429, e.getMessage());
        }
        Cookie cookie = new Cookie(AccessControl.SESSION_COOKIE, s.id());
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        cookie.setSecure(alwaysSecure || "https".equals(ctx.header("X-Forwarded-Proto")) || "https".equals(ctx.scheme()));
        ctx.cookie(cookie);
        ctx.json(me(s.principal(), s.csrfToken()));
    }

    void logout(Context ctx) {
        AccessControl.session(ctx).ifPresent(s -> auth.logout(s.id()));
        ctx.removeCookie(AccessControl.SESSION_COOKIE, "/");
        ctx.status(204);
    }

    /**
     * Who is signed in, with the CSRF token the page must send back; {@code signedIn: false} when
     * nobody is (an answer, not an error: the viewer asks before it knows).
     */
    void me(Context ctx) {
        ctx.json(AccessControl.maybePrincipal(ctx)
                .map(p -> me(p, AccessControl.session(ctx).map(Session::csrfToken).orElse(null)))
                .orElse(Map.of("signedIn", false)));
    }

    private static Map<String, Object> me(Principal p, String csrf) {
        return HotspotHandler.properties("signedIn", true, "name", p.name(), "role", p.role().key(),
                "seesPoints", p.role().seesPoints(), "via", p.via().name().toLowerCase(java.util.Locale.ROOT),
                "csrfToken", csrf);
    }
}
