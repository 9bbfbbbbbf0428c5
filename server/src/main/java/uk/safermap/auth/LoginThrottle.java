package uk.safermap.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows password guessing: after {@code perUser} failed sign-ins for one user name, or
 * {@code perClient} from one client address (higher: an office shares one address), within the
 * window, further attempts are refused until the window has passed since the first failure. A
 * success clears the user's count.
 */
public final class LoginThrottle {

    private final int perUser;
    private final int perClient;
    private final Duration window;
    private final Cache<String, AtomicInteger> failures;

    public LoginThrottle(int perUser, int perClient, Duration window) {
        this.perUser = perUser;
        this.perClient = perClient;
        this.window = window;
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    /** Whether another attempt for this user from this client is allowed now. */
    public boolean allows(String user, String client) {
        return count("user:" + user) < perUser && count("client:" + client) < perClient;
    }

    public void failed(String user, String client) {
        failures.get("user:" + user, k -> new AtomicInteger()).incrementAndGet();
        failures.get("client:" + client, k -> new AtomicInteger()).incrementAndGet();
    }

    public void succeeded(String user) {
        failures.invalidate("user:" + user);
    }

    public Duration window() {
        return window;
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }
}
