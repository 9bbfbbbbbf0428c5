package uk.safermap.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Locale;

/**
 * Slows password guessing: at most {@code perUser} attempts for one user name, and
 * {@code perClient} from one client address (higher: an office shares one address), are let
 * through within the window; further attempts are refused until the window has passed since
 * the last one let through. An attempt is counted when it is let through, before its password is checked, and
 * the check-and-count is atomic: a burst of concurrent guesses gets no more tries than a
 * sequence. A success gives its attempt back and clears the user's count.
 * <p>Thread-safe.
 */
public final class LoginThrottle {

    private final int perUser;
    private final int perClient;
    private final Duration window;
    private final Cache<String, Integer> attempts;

    public LoginThrottle(int perUser, int perClient, Duration window) {
        this.perUser = perUser;
        this.perClient = perClient;
        this.window = window;
        this.attempts = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    /**
     * Lets one more attempt for this user from this client through and counts it, or refuses it.
     * Both counts are checked and raised together under one lock, so neither can be raced past.
     */
    public synchronized boolean tryAttempt(String user, String client) {
        String u = userKey(user);
        String c = "client:" + client;
        if (count(u) >= perUser || count(c) >= perClient) {
            return false;
        }
        attempts.asMap().merge(u, 1, Integer::sum);
        attempts.asMap().merge(c, 1, Integer::sum);
        return true;
    }

    /** The password was right: the user starts afresh and the client's attempt is given back. */
    public synchronized void succeeded(String user, String client) {
        attempts.invalidate(userKey(user));
        attempts.asMap().computeIfPresent("client:" + client, (k, n) -> n > 1 ? n - 1 : null);
    }

    public Duration window() {
        return window;
    }

    /** Case does not make a new name to guess against. */
    private static String userKey(String user) {
        return "user:" + user.toLowerCase(Locale.ROOT);
    }

    private int count(String key) {
        Integer n = attempts.getIfPresent(key);
        return n == null ? 0 : n;
    }
}
