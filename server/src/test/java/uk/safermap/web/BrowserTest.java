package uk.safermap.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;

/**
 * A browser test class: one service on the 12-month sample and one headless Chromium for all its
 * tests, signed in as the analyst unless {@link #signedIn()} says otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    protected BrowserSession session;
    protected ChromeDriver browser;

    /** Whether the browser signs in as the analyst before the tests. */
    protected boolean signedIn() {
        return true;
    }

    @BeforeAll
    void startBrowser(@TempDir Path dir) {
        session = signedIn() ? BrowserSession.start(dir, 12) : BrowserSession.startSignedOut(dir, 12);
        browser = session.browser();
    }

    @AfterAll
    void stopBrowser() {
        session.close();
    }
}
