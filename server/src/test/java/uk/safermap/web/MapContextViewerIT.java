package uk.safermap.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an analyst sees to place results on the ground, in headless Chromium against the
 * seeded service. The machine is offline, so the default OpenStreetMap tiles fail: the map
 * must say so and still name the wards and places. Results must not sit under the legends, and
 * a cluster's popup names its place and OS grid reference.
 */
class MapContextViewerIT extends BrowserTest {

    private WebElement map() {
        return browser.findElement(By.id("map"));
    }

    private void openReady() {
        browser.get(session.url("/"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "ready".equals(map().getDomAttribute("data-state")));
    }

    @Test
    void without_tiles_the_map_says_the_basemap_is_offline_and_names_wards_and_places() {
        openReady();
        WebElement notice = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> b.findElement(By.id("basemap-notice")).isDisplayed() ? b.findElement(By.id("basemap-notice")) : null);
        assertThat(notice.getText()).contains("Basemap offline").contains("Ward and place names");
        List<String> wards = browser.findElements(By.cssSelector(".map-label--ward")).stream().map(WebElement::getText).toList();
        assertThat(wards).hasSize(16).contains("Melton Egerton", "Asfordby");
        // At borough zoom only ward names are shown; zoomed in, the place names too.
        assertThat(browser.findElements(By.cssSelector(".map-label--place"))).isNotEmpty()
                .noneMatch(WebElement::isDisplayed);
        browser.findElement(By.id("search-input")).sendKeys("Melton Mowbray");
        browser.findElement(By.id("search-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> "Melton Mowbray".equals(map().getDomAttribute("data-search-result"))
                && b.findElements(By.cssSelector(".map-label--place")).stream().anyMatch(WebElement::isDisplayed));
        // On screen: the town's own name; the villages are drawn too, off screen at this zoom.
        List<String> shown = browser.findElements(By.cssSelector(".map-label--place")).stream().map(WebElement::getText).toList();
        assertThat(shown).contains("Melton Mowbray");
        List<String> drawn = browser.findElements(By.cssSelector(".map-label--place")).stream()
                .map(e -> e.getDomProperty("textContent")).toList();
        assertThat(drawn).hasSize(33).contains("Melton Mowbray", "Asfordby", "Bottesford");
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
                .contains("OpenStreetMap contributors", "GeoNames");
        // The scale bar stands clear of the attribution line.
        assertThat(overlaps(browser.findElement(By.cssSelector(".leaflet-control-scale")).getRect(),
                browser.findElement(By.cssSelector(".leaflet-control-attribution")).getRect())).isFalse();
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void the_search_box_finds_a_grid_reference_and_a_place() {
        openReady();
        WebElement input = browser.findElement(By.id("search-input"));
        input.sendKeys("SK 751 191");
        browser.findElement(By.id("search-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> "SK 751 191".equals(map().getDomAttribute("data-search-result")));
        assertThat(browser.findElement(By.cssSelector(".search-label")).getText()).isEqualTo("SK 751 191");
        input.clear();
        input.sendKeys("asfordby");
        browser.findElement(By.id("search-run")).click();
        // A place and a ward both match: the choice is offered.
        WebElement ward = new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.findElement(
                By.xpath("//button[@class='search__result' and text()='Asfordby ward']")));
        ward.click();
        assertThat(map().getDomAttribute("data-search-result")).isEqualTo("Asfordby ward");
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void clusters_are_clear_of_the_legends_and_their_popup_names_the_place_and_grid_reference() throws Exception {
        openReady();
        new Select(browser.findElement(By.id("analysis-method"))).selectByValue("clusters");
        browser.findElement(By.id("analysis-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> "ready".equals(map().getDomAttribute("data-analysis-state")));
        List<WebElement> clusters = browser.findElements(By.cssSelector("path.analysis-cluster"));
        assertThat(clusters).isNotEmpty();
        List<WebElement> legends = browser.findElements(By.cssSelector(".leaflet-right .leaflet-control"))
                .stream().filter(WebElement::isDisplayed)
                .filter(e -> !e.getDomAttribute("class").contains("leaflet-control-attribution")).toList();
        assertThat(legends).as("the category and analysis legends").hasSizeGreaterThanOrEqualTo(2);
        for (WebElement cluster : clusters) {
            for (WebElement legend : legends) {
                assertThat(overlaps(cluster.getRect(), legend.getRect()))
                        .as("cluster %s under legend %s", cluster.getRect(), legend.getText()).isFalse();
            }
        }

        // A real click: with results above the incident markers, the cluster takes it.
        clusters.get(0).click();
        // Wait for the popup to be shown (it fades in: until then its text reads as empty).
        WebElement popup = new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> {
            WebElement p = b.findElement(By.cssSelector(".leaflet-popup-content .feature-popup"));
            return p.getText().isEmpty() ? null : p;
        });
        assertThat(popup.getText()).contains("Where", "OS grid ref").containsPattern("SK \\d{3} \\d{3}");
        screenshot("map-context.png");
        Browser.assertNoConsoleErrors(browser);
    }

    private void screenshot(String name) throws Exception {
        Browser.screenshot(browser, name);
    }

    private static boolean overlaps(Rectangle a, Rectangle b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }
}
