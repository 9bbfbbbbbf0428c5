package uk.safermap.web;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless Chromium for the browser tests: start it, check its console, save screenshots. */
final class Browser {

    private Browser() {
    }

    static ChromeDriver chromium(Path profile) {
        String binary = required("SAFERMAP_CHROMIUM");
        String driver = required("SAFERMAP_CHROMEDRIVER");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Asserts that the side panel needs no scrolling at a 1366 x 768 laptop window, then restores the
     * usual window size. A failure lists the panel's visible parts with their heights.
     */
    static void assertPanelFitsALaptopScreen(ChromeDriver browser) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
        try {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> panel = (java.util.Map<String, Object>) browser.executeScript(
                    "const p = document.querySelector('.panel');"
                    + "return {scroll: p.scrollHeight, client: p.clientHeight, window: window.innerHeight,"
                    + " scrollWidth: p.scrollWidth, clientWidth: p.clientWidth,"
                    + " parts: Array.from(p.children).filter(c => c.offsetHeight > 0)"
                    + "   .map(c => (c.id || c.className || c.tagName) + ' ' + c.offsetHeight).join(', ')};");
            assertThat(((Number) panel.get("client")).longValue()).as("panel height within the window")
                    .isLessThanOrEqualTo(((Number) panel.get("window")).longValue());
            assertThat(((Number) panel.get("scroll")).longValue())
                    .as("panel scrollHeight at 1366x768 (clientHeight %s, window %s px; parts: %s)",
                            panel.get("client"), panel.get("window"), panel.get("parts"))
                    .isLessThanOrEqualTo(((Number) panel.get("client")).longValue());
            assertThat(((Number) panel.get("scrollWidth")).longValue()).as("panel scrollWidth (no sideways scrolling)")
                    .isLessThanOrEqualTo(((Number) panel.get("clientWidth")).longValue());
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    /** Whether two on-screen boxes share any pixels (for names that must not overprint). */
    static boolean overlaps(org.openqa.selenium.Rectangle a, org.openqa.selenium.Rectangle b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }

    private static String required(String var) {
        String v = System.getenv(var);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(var + " is not set: run the browser tests through ./scripts/test, "
                    + "which installs Chromium and ChromeDriver and sets it");
        }
        return v;
    }

    /** Fails on any console message at SEVERE (script errors and CSP violations among them). */
    static void assertNoConsoleErrors(ChromeDriver browser) {
        assertThat(consoleErrors(browser)).as("browser console errors").isEmpty();
    }

    /**
     * The console errors since the last read. The tests run offline, so the default OpenStreetMap
     * tiles fail to load: that is expected (the viewer says so on the map), and only those
     * failures are left out.
     */
    static List<LogEntry> consoleErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("https://tile.openstreetmap.org/")).toList();
    }

    /**
     * The page printed as Chromium prints it (DevTools Page.printToPDF), with the page's own
     * {@code @page} size and its backgrounds, as a person printing it would set them.
     */
    static byte[] printToPdf(ChromeDriver browser) {
        Map<String, Object> answer = browser.executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true));
        return Base64.getDecoder().decode((String) answer.get("data"));
    }

    /** Saves a screenshot to target/screenshots/{name}. */
    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path shot = Path.of("target", "screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
