package uk.safermap.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import uk.safermap.auth.Access;
import uk.safermap.auth.AuditTrail;
import uk.safermap.auth.AuthService;
import uk.safermap.auth.Principal;
import uk.safermap.auth.Session;

import java.util.Optional;
import java.util.Set;

/**
 * Decides, before any handler runs, who is calling and whether they may: a bearer token (scripts,
 * GIS clients), else the session cookie (the viewer), else the public role when it is enabled.
 * No credentials on a protected route is 401; a role the route does not allow is 403; a
 * cookie-authenticated request that changes something without the session's CSRF token is 403.
 * After the handler, reads of point-level data and every export go to the audit trail.
 */
final class AccessControl {

    static final String SESSION_COOKIE = "safermap_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "safermap.principal";
    private static final String SESSION = "safermap.session";
    /** The matched route's access and path, kept for after(): there Javalin reports the after-handler's own. */
    private static final String ACCESS = "safermap.access";
    private static final String ROUTE = "safermap.route";
    static final String ROWS = "safermap.rows";
    /** The collections of individual records, whose reads are audited. */
    private static final Set<String> POINT_COLLECTIONS = Set.of("incidents", "collisions", "council-cases",
            "speed-concerns");
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Set<String> EXPORT_FORMATS = Set.of("csv", "wards-csv", "pdf");

    private final AuthService auth;
    private final AuditTrail audit;
    private final boolean publicAccess;

    AccessControl(AuthService auth, AuditTrail audit, boolean publicAccess) {
        this.auth = auth;
        this.audit = audit;
        this.publicAccess = publicAccess;
    }

    void before(Context ctx) {
        Access access = access(ctx);
        ctx.attribute(ACCESS, access);
        ctx.attribute(ROUTE, ctx.endpointHandlerPath());
        Optional<Principal> principal = identify(ctx, access);
        principal.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
        if (access == Access.OPEN) {
            return;
        }
        if (principal.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "sign in first: send Authorization: Bearer <token>, or sign in at "
                    + "/viewer/login.html");
        }
        Principal p = principal.get();
        if (!access.allows(p.role())) {
            throw new ApiException(403, "the " + p.role().key() + " role may not use " + ctx.method() + " "
                    + ctx.endpointHandlerPath());
        }
        if (p.via() == Principal.Via.SESSION && !SAFE.contains(ctx.method())) {
            Session s = ctx.attribute(SESSION);
            if (s == null || !s.csrfToken().equals(ctx.header(CSRF_HEADER))) {
                throw new ApiException(403, "missing or wrong " + CSRF_HEADER + " header: read it from GET /api/me");
            }
        }
    }

    void after(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null || ctx.statusCode() >= 400) {
            return;
        }
        Access access = ctx.attribute(ACCESS);
        String route = ctx.attribute(ROUTE);
        boolean pointRead = access == Access.POINTS || access == Access.PATROLS
                || (route.startsWith("/collections/{collectionId}/items")
                && POINT_COLLECTIONS.contains(ctx.pathParam("collectionId")));
        boolean export = EXPORT_FORMATS.contains(String.valueOf(ctx.queryParam("format"))) || route.endsWith("/print");
        if (pointRead || export) {
            Long rows = ctx.attribute(ROWS);
            audit.record(p, ctx.method() + " " + ctx.path(), Optional.ofNullable(ctx.queryString()).orElse(""),
                    rows == null ? -1 : rows);
        }
    }

    /** The caller, when known. A bad token is refused even on open routes, so it cannot go unnoticed. */
    private Optional<Principal> identify(Context ctx, Access access) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.startsWith("Bearer ")) {
                throw new ApiException(401, "Authorization must be 'Bearer <token>'");
            }
            return Optional.of(auth.byToken(authorization.substring(7).trim())
                    .orElseThrow(() -> new ApiException(401, "unknown or revoked API token")));
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie != null) {
            Optional<Session> s = auth.session(cookie);
            if (s.isPresent()) {
                ctx.attribute(SESSION, s.get());
                return Optional.of(s.get().principal());
            }
        }
        return publicAccess ? Optional.of(Principal.anonymous()) : Optional.empty();
    }

    /**
     * The route's access level. Every route of {@link Routes#table()} has one; what has none is
     * Javalin's own static file serving (the viewer's scripts and styles, the WebJars), which
     * holds no data.
     */
    private static Access access(Context ctx) {
        return ctx.routeRoles().stream().filter(AccessRole.class::isInstance).map(r -> ((AccessRole) r).access())
                .findFirst().orElse(Access.OPEN);
    }

    /** The caller of this request; routes below OPEN always have one. */
    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new ApiException(401, "sign in first");
        }
        return p;
    }

    static Optional<Principal> maybePrincipal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    static Optional<Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }
}
