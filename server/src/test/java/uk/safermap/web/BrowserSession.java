package uk.safermap.web;

import org.openqa.selenium.chrome.ChromeDriver;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.nio.file.Path;
import java.util.Map;

/** A running service seeded with the generated sample and a headless Chromium to look at it. */
final class BrowserSession implements AutoCloseable {

    private final App app;
    private final ChromeDriver browser;

    private BrowserSession(App app, ChromeDriver browser) {
        this.app = app;
        this.browser = browser;
    }

    /** The service's data goes to {@code dir/data}, the browser profile to {@code dir/profile}. */
    static BrowserSession start(Path dir, int sampleMonths) {
        App app = App.start(ConfigLoader.ofValues(Map.of("SAFERMAP_PORT", "0", "SAFERMAP_DATA_DIR",
                dir.resolve("data").toString(), "SAFERMAP_SAMPLE_MONTHS", Integer.toString(sampleMonths))).load());
        try {
            return new BrowserSession(app, Browser.chromium(dir.resolve("profile")));
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    ChromeDriver browser() {
        return browser;
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
