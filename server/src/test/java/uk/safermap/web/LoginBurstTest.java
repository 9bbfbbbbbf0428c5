package uk.safermap.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle holds under a concurrent burst: 30 simultaneous guesses for one name get
 * at most 5 password checks, and after them even the right password is refused until the window
 * passes. Real HTTP, real bcrypt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginBurstTest {

    private static final int BURST = 30;
    private static final int PER_USER = 5;

    @TempDir
    static Path dir;

    private App app;
    private ApiClient anonymous;

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "off")).load());
        anonymous = new ApiClient(app.port());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private int login(String name, String password) {
        return anonymous.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}"))).status();
    }

    /** Sends the passwords at once, all threads released together; the statuses in the same order. */
    private List<Integer> burst(String name, List<String> passwords) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(passwords.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String p : passwords) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return login(name, p);
                }));
            }
            go.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> a : answers) {
                out.add(a.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_concurrent_burst_of_wrong_guesses_gets_at_most_five_checks_then_429() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            wrong.add("guess number " + i);
        }
        List<Integer> statuses = burst("ana", wrong);
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(PER_USER);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(BURST - PER_USER);
        // The right password, now: still refused, the window has not passed.
        assertThat(login("ana", TestUsers.PASSWORD)).isEqualTo(429);
        assertThat(login("ANA", TestUsers.PASSWORD)).isEqualTo(429);
    }

    @Test
    void the_right_password_inside_a_burst_signs_in_only_among_the_first_five_checks() throws Exception {
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < BURST - 1; i++) {
            passwords.add("guess number " + i);
        }
        passwords.add(TestUsers.PASSWORD);
        List<Integer> statuses = burst("pc", passwords);
        assertThat(statuses).isSubsetOf(200, 401, 429);
        long checked = statuses.stream().filter(s -> s != 429).count();
        if (statuses.get(BURST - 1) == 200) {
            // It was let through before the limit; its success gave the name a fresh count.
            assertThat(checked).isBetween(1L, 2L * PER_USER);
        } else {
            assertThat(statuses.get(BURST - 1)).isEqualTo(429);
            assertThat(checked).isEqualTo(PER_USER);
        }
    }

    @Test
    void an_unknown_name_is_counted_and_answered_like_a_wrong_password() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            wrong.add("guess number " + i);
        }
        List<Integer> statuses = burst("nobody-by-this-name", wrong);
        assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(PER_USER);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(10 - PER_USER);
    }
}
