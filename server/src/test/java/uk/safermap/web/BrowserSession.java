package uk.safermap.web;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A running service seeded with the generated sample and a headless Chromium to look at it. */
final class BrowserSession implements AutoCloseable {

    private final App app;
    private final ChromeDriver browser;

    private BrowserSession(App app, ChromeDriver browser) {
        this.app = app;
        this.browser = browser;
    }

    /**
     * The service's data goes to {@code dir/data}, the browser profile to {@code dir/profile}; the
     * browser signs in as the analyst.
     */
    static BrowserSession start(Path dir, int sampleMonths) {
        BrowserSession session = startSignedOut(dir, sampleMonths);
        session.signIn("ana");
        return session;
    }

    /** A session whose browser has not signed in yet. */
    static BrowserSession startSignedOut(Path dir, int sampleMonths) {
        App app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR",
                dir.resolve("data").toString(), "SAFERMAP_SAMPLE", "generated", "SAFERMAP_SAMPLE_MONTHS", Integer.toString(sampleMonths))).load());
        try {
            return new BrowserSession(app, Browser.chromium(dir.resolve("profile")));
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** Signs in through the viewer's sign-in page with the test password, and waits for the map. */
    void signIn(String user) {
        browser.get(url("/viewer/login.html"));
        browser.findElement(By.id("login-name")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.getCurrentUrl().contains("/login.html"));
    }

    ChromeDriver browser() {
        return browser;
    }

    /** An API client of the service with the given token, to seed data the browser then looks at. */
    ApiClient api(String token) {
        return new ApiClient(app.port()).withToken(token);
    }

    /** The absolute URL of a path on the service. */
    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            app.close();
        }
    }
}
