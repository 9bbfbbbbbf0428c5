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
        List<String> wards = browser.findElements(By.cssSelector(".map-label--ward")).stream()
                .map(e -> e.getDomProperty("textContent")).toList();
        assertThat(wards).hasSize(16).contains("Melton Egerton", "Asfordby");
        // The six town wards crowd together at borough zoom: names that would overprint are hidden.
        List<Rectangle> shownWards = browser.findElements(By.cssSelector(".map-label--ward span")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getRect).toList();
        assertThat(shownWards).as("ward names shown at borough zoom").hasSizeBetween(10, 15);
        for (int i = 0; i < shownWards.size(); i++) {
            for (int j = i + 1; j < shownWards.size(); j++) {
                assertThat(Browser.overlaps(shownWards.get(i), shownWards.get(j))).as("ward names %d and %d overlap", i, j).isFalse();
            }
        }
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
        assertThat(Browser.overlaps(browser.findElement(By.cssSelector(".leaflet-control-scale")).getRect(),
                browser.findElement(By.cssSelector(".leaflet-control-attribution")).getRect())).isFalse();
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void on_a_1366_by_768_laptop_screen_the_analysts_panel_fits_without_scrolling() {
        openReady();
        Browser.assertPanelFitsALaptopScreen(browser);
        // The method's settings are folded to one line that says what a run will use.
        assertThat(browser.findElement(By.id("analysis-settings")).getDomAttribute("open")).isNull();
        assertThat(browser.findElement(By.id("analysis-settings-summary")).getText())
                .isEqualTo("search distance 50 m, minimum incidents 20");
        browser.findElement(By.cssSelector("#analysis-settings summary")).click();
        WebElement eps = browser.findElement(By.id("analysis-clusters-eps"));
        eps.clear();
        eps.sendKeys("80");
        assertThat(browser.findElement(By.id("analysis-settings-summary")).getText())
                .isEqualTo("search distance 80 m, minimum incidents 20");
        new Select(browser.findElement(By.id("analysis-method"))).selectByValue("gistar");
        assertThat(browser.findElement(By.id("analysis-settings-summary")).getText()).startsWith("cell size 100 m, distance band auto");
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
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> "Asfordby ward".equals(map().getDomAttribute("data-search-result")));
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
                assertThat(Browser.overlaps(cluster.getRect(), legend.getRect()))
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

    @Test
    void print_map_gives_one_titled_page_with_legend_scale_north_arrow_attribution_and_dates() throws Exception {
        openReady();
        browser.findElement(By.id("print-map")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.findElement(By.id("north-arrow")).isDisplayed());
        assertThat(browser.findElement(By.id("print-title")).getText()).isEqualTo("Melton: recorded crime incidents");
        assertThat(browser.findElement(By.id("print-period")).getText()).matches("Period: \\w+ \\d{4} to \\w+ \\d{4}");
        assertThat(browser.findElement(By.id("print-date")).getText()).startsWith("Printed ");
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-scale")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("details.map-legend")).getDomProperty("open")).isEqualTo("true");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "ready".equals(map().getDomAttribute("data-state")));
        screenshot("viewer-print.png");

        PdfPages pdf = PdfPages.read(Browser.printToPdf(browser));
        assertThat(pdf.inkedShares()).as("one A4 landscape page").hasSize(1);
        assertThat(pdf.inkedShares()).allSatisfy(share -> assertThat(share).as("share of the page inked").isGreaterThan(0.05));
        assertThat(pdf.text()).contains("Melton: recorded crime incidents", "Period:", "Printed ", "Crime categories",
                "OpenStreetMap contributors", "Open Government Licence", "Ordnance Survey", "GeoNames");
        browser.findElement(By.id("print-close")).click();
        assertThat(browser.findElement(By.cssSelector(".panel")).isDisplayed()).isTrue();
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void zoomed_in_incidents_are_category_coloured_points_whose_popups_open() {
        openReady();
        browser.findElement(By.id("search-input")).sendKeys("SK 751 191");
        browser.findElement(By.id("search-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "SK 751 191".equals(map().getDomAttribute("data-search-result"))
                && "ready".equals(map().getDomAttribute("data-state")));
        List<WebElement> points = browser.findElements(By.cssSelector("path.incident-marker")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(points).as("single incidents drawn as points at street zoom").hasSizeGreaterThan(5);
        for (WebElement point : points) {
            String category = point.getDomAttribute("class").replaceAll(".*category--([a-z-]+).*", "$1");
            assertThat(point.getDomAttribute("fill")).as("colour of %s", category).isEqualTo(colour(category));
        }
        // Spread-out count bubbles belong to low zoom; here only stacks on one snap point remain.
        assertThat(browser.findElements(By.cssSelector(".marker-cluster"))).noneMatch(WebElement::isDisplayed);

        points.get(0).click();
        WebElement popup = new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> {
            List<WebElement> p = b.findElements(By.cssSelector(".leaflet-popup-content"));
            return p.isEmpty() || p.get(0).getText().isEmpty() ? null : p.get(0);
        });
        assertThat(popup.getText()).contains("When", "Location");
        Browser.assertNoConsoleErrors(browser);
    }

    /** The category colours of web/js/categories.js, read from the page's own module. */
    private String colour(String category) {
        return (String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/viewer/js/categories.js').then(m => done(m.getColor(arguments[0])));", category);
    }

    private void screenshot(String name) throws Exception {
        Browser.screenshot(browser, name);
    }

}
