package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer in a real headless Chromium against a real service seeded with the generated
 * sample: layers draw, filters change what is drawn, the page raises no console errors (CSP
 * violations included), and a screenshot is saved to target/screenshots/viewer.png.
 */
class ViewerIT extends BrowserTest {

    private WebElement map() {
        return browser.findElement(By.id("map"));
    }

    private int waitUntilReady() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "ready".equals(map().getDomAttribute("data-state")));
        return Integer.parseInt(map().getDomAttribute("data-incident-count"));
    }

    @Test
    void the_map_draws_boundaries_and_incidents_and_the_filters_change_them() throws Exception {
        browser.get(session.url("/"));
        int all = waitUntilReady();
        assertThat(all).isGreaterThan(100);
        assertThat(map().getDomAttribute("data-ward-count")).isEqualTo("16");
        assertThat(map().getDomAttribute("data-lsoa-count")).isEqualTo("30");
        assertThat(map().getDomAttribute("data-neighbourhood-count")).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector("path.boundary--wards"))).hasSize(16);
        assertThat(browser.findElements(By.cssSelector("path.boundary--approximate"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
                .contains("Crown copyright");

        // The categories are folded to one line until opened.
        assertThat(browser.findElement(By.id("category-count")).getText()).isEqualTo("all");
        browser.findElement(By.cssSelector("#categories-group summary")).click();
        browser.findElement(By.id("categories-none")).click();
        assertThat(waitUntilReady()).isZero();

        browser.findElement(By.cssSelector("input[name=category][value=shoplifting]")).click();
        int shoplifting = waitUntilReady();
        assertThat(shoplifting).isPositive().isLessThan(all);

        assertThat(browser.findElement(By.id("category-count")).getText()).isEqualTo("1 of 14");

        browser.findElement(By.id("categories-all")).click();
        assertThat(waitUntilReady()).isEqualTo(all);

        screenshot("viewer.png");
        assertNoConsoleErrors();
    }

    private void assertNoConsoleErrors() {
        Browser.assertNoConsoleErrors(browser);
    }

    private int runAnalysis(String method) {
        new Select(browser.findElement(By.id("analysis-method"))).selectByValue(method);
        browser.findElement(By.id("analysis-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> {
            String state = map().getDomAttribute("data-analysis-state");
            return "ready".equals(state) || "error".equals(state);
        });
        assertThat(map().getDomAttribute("data-analysis-state")).as(method + ": "
                + browser.findElement(By.id("analysis-status")).getText()).isEqualTo("ready");
        assertThat(map().getDomAttribute("data-analysis-method")).isEqualTo(method);
        return Integer.parseInt(map().getDomAttribute("data-analysis-feature-count"));
    }

    @Test
    void the_analysis_panel_draws_clusters_gi_star_and_emerging_hot_spots() throws Exception {
        browser.get(session.url("/"));
        waitUntilReady();
        assertThat(runAnalysis("clusters")).isPositive();
        assertThat(browser.findElements(By.cssSelector("path.analysis-cluster"))).isNotEmpty();
        assertThat(runAnalysis("emerging")).isPositive();
        runAnalysis("density");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b ->
                !b.findElements(By.cssSelector(".leaflet-analysis-pane img.leaflet-tile-loaded")).isEmpty());
        assertThat(browser.findElement(By.id("analysis-legend")).getText()).doesNotContain("?");
        screenshot("viewer-density.png");
        assertThat(runAnalysis("gistar")).isPositive();
        assertThat(browser.findElements(By.cssSelector("path.gistar--hot-99"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#analysis-summary li"))).isNotEmpty();
        JsonNode saved = new ObjectMapper().readTree(downloadedAnalysis());
        assertThat(saved.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(saved.get("features")).isNotEmpty();
        assertThat(saved.at("/features/0/geometry/type").asText()).isEqualTo("Polygon");
        screenshot("viewer-gistar.png");
        assertNoConsoleErrors();
    }

    @Test
    void the_profile_page_lists_the_priority_neighbourhoods_with_charts() throws Exception {
        browser.get(session.url("/viewer/profile.html"));
        WebElement main = browser.findElement(By.id("profile"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "ready".equals(main.getDomAttribute("data-state")));
        assertThat(main.getDomAttribute("data-area-count")).isEqualTo("3");
        browser.findElement(By.cssSelector("#profile-table a[data-area-id=town-centre]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "town-centre".equals(main.getDomAttribute("data-selected-area"))
                && "ready".equals(main.getDomAttribute("data-state")));
        assertThat(browser.findElements(By.cssSelector("#profile-detail svg.chart__svg"))).isNotEmpty();
        screenshot("profile.png");
        assertNoConsoleErrors();
    }

    /** What Download GeoJSON saves: the blob handed to the browser, read back as text. */
    private String downloadedAnalysis() {
        WebElement button = browser.findElement(By.id("analysis-download"));
        assertThat(button.isEnabled()).isTrue();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.savedBlob = null; URL.createObjectURL = (blob) => { window.savedBlob = blob; "
                + "return 'data:,'; };");
        button.click();
        return (String) js.executeAsyncScript("const done = arguments[arguments.length - 1]; "
                + "window.savedBlob.text().then(done);");
    }

    private void screenshot(String name) throws Exception {
        Browser.screenshot(browser, name);
    }
}
