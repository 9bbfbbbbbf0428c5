package uk.safermap.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import uk.safermap.domain.User;
import uk.safermap.store.UserStore;

import java.time.Duration;
import java.util.Optional;

/** Sign-in by password (browser sessions) and by API token (scripts, GIS clients). */
public final class AuthService {

    /** Thrown when sign-in is refused for too many failures; say when to try again. */
    public static final class Throttled extends RuntimeException {
        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("too many failed sign-ins: try again in " + retryAfter.toMinutes() + " minutes");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final UserStore users;
    private final Secrets secrets;
    private final LoginThrottle throttle;
    private final Cache<String, Session> sessions;

    /**
     * @param idle     a session ends after this long without use
     * @param lifetime and in any case after this long
     */
    public AuthService(UserStore users, Secrets secrets, LoginThrottle throttle, Duration idle, Duration lifetime) {
        this.users = users;
        this.secrets = secrets;
        this.throttle = throttle;
        this.sessions = Caffeine.newBuilder().expireAfterAccess(idle).expireAfterWrite(lifetime)
                .maximumSize(100_000).build();
    }

    /**
     * A new session for the user when the password is right, else empty (the same answer for an
     * unknown user and a wrong password, so names cannot be probed).
     *
     * @param client the caller's address, for throttling
     * @throws Throttled after too many failures for this user or client
     */
    public Optional<Session> login(String name, String password, String client) {
        if (!throttle.tryAttempt(name, client)) {
            throw new Throttled(throttle.window());
        }
        Optional<User> known = users.user(name);
        // An unknown name (or one without a password) is checked against a hash of the same cost,
        // so it takes as long as a wrong password and names cannot be told apart by timing.
        String hash = known.flatMap(User::passwordHash).orElse(Secrets.UNKNOWN_USER_HASH);
        boolean matches = secrets.passwordMatches(password, hash);
        Optional<User> user = known.filter(u -> matches && u.passwordHash().isPresent());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        throttle.succeeded(name, client);
        Session s = new Session(secrets.newToken(), secrets.newToken(),
                new Principal(user.get().name(), user.get().role(), Principal.Via.SESSION));
        sessions.put(s.id(), s);
        return Optional.of(s);
    }

    public Optional<Session> session(String id) {
        return Optional.ofNullable(sessions.getIfPresent(id));
    }

    public void logout(String id) {
        sessions.invalidate(id);
    }

    public Optional<Principal> byToken(String token) {
        return users.byTokenHash(Secrets.sha256(token))
                .map(u -> new Principal(u.name(), u.role(), Principal.Via.TOKEN));
    }
}
