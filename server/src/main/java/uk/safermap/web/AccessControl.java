package uk.safermap.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>
 * Reads of point-level data and every export are audited. Whether a request is audited is
 * decided here, before the handler, from the route Javalin matched and its decoded path
 * parameters, never from the raw path text (which may be percent-encoded, or carry a trailing
 * slash). The audit row is written before the first byte of the body: by {@link #audit} when a
 * handler streams, else after the handler but before Javalin writes its result. If the row
 * cannot be written the request is refused with 503 and nothing is sent.
 */
final class AccessControl {

    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

    static final String SESSION_COOKIE = "safermap_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "safermap.principal";
    private static final String SESSION = "safermap.session";
    /** The audit row this request owes, decided in before() from the matched route; absent when none. */
    private static final String PENDING_AUDIT = "safermap.audit";
    private static final String ITEMS_ROUTE = "/collections/{collectionId}/items";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Set<String> EXPORT_FORMATS = Set.of("csv", "wards-csv", "pdf");

    private final AuthService auth;
    private final AuditTrail audit;
    private final boolean publicAccess;
    private final Set<String> pointCollections;

    /**
     * @param pointCollections ids of the OGC collections whose items are individual incidents
     */
    AccessControl(AuthService auth, AuditTrail audit, boolean publicAccess, Set<String> pointCollections) {
        this.auth = auth;
        this.audit = audit;
        this.publicAccess = publicAccess;
        this.pointCollections = Set.copyOf(pointCollections);
    }

    /** An audit row owed by a request, written at most once. */
    private static final class PendingAudit {
        private final AuditTrail trail;
        private final Principal who;
        private final String action;
        private final String detail;
        private boolean written;

        PendingAudit(AuditTrail trail, Principal who, String action, String detail) {
            this.trail = trail;
            this.who = who;
            this.action = action;
            this.detail = detail;
        }
    }

    void before(Context ctx) {
        Access access = access(ctx);
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
        // What a signed-in caller reads is theirs: no shared or browser cache keeps a copy.
        ctx.header("Cache-Control", "no-store");
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
        String route = ctx.endpointHandlerPath();
        boolean pointRead = access == Access.POINTS || access == Access.PATROLS
                || (route.startsWith(ITEMS_ROUTE) && pointCollections.contains(ctx.pathParam("collectionId")));
        boolean export = EXPORT_FORMATS.contains(String.valueOf(ctx.queryParam("format"))) || route.endsWith("/print");
        if (pointRead || export) {
            ctx.attribute(PENDING_AUDIT, new PendingAudit(audit, p, ctx.method() + " " + canonicalPath(ctx, route),
                    Optional.ofNullable(ctx.queryString()).orElse("")));
        }
    }

    /**
     * Writes the audit row this request owes, if any and not yet written; handlers that stream
     * call it before their first byte. A row that cannot be written refuses the request.
     *
     * @param rows how many rows go out, or -1 when not known
     */
    static void audit(Context ctx, long rows) {
        PendingAudit pending = ctx.attribute(PENDING_AUDIT);
        if (pending == null || pending.written) {
            return;
        }
        try {
            pending.trail.record(pending.who, pending.action, pending.detail, rows);
        } catch (RuntimeException e) {
            LOG.error("audit row for {} by {} could not be written: request refused", pending.action,
                    pending.who.name(), e);
            throw new ApiException.Unavailable("the audit log cannot be written just now, and point-level data is "
                    + "only served with an audit row: try again shortly");
        }
        pending.written = true;
    }

    /** Handlers that did not stream have not sent a byte yet: Javalin writes their result after this. */
    void after(Context ctx) {
        if (ctx.statusCode() < 400) {
            audit(ctx, -1);
        }
    }

    /**
     * The matched route with its decoded parameters put back: what was read, whatever spelling
     * of the path the caller used.
     */
    private static String canonicalPath(Context ctx, String route) {
        String path = route;
        for (var p : ctx.pathParamMap().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        return path;
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
