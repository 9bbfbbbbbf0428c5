package uk.safermap.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patrol page in headless Chromium: a shift with three units is planned and drawn, one
 * coloured route per unit with numbered stops, a timeline and tables; the briefing opens and
 * draws its map. No console errors (CSP included). Screenshots: target/screenshots/patrol*.png.
 */
class PatrolViewerIT extends BrowserTest {

    private WebElement map() {
        return browser.findElement(By.id("patrol-map"));
    }

    private void waitForState() {
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(b -> {
            String state = map().getDomAttribute("data-state");
            return "ready".equals(state) || "error".equals(state);
        });
        assertThat(map().getDomAttribute("data-state")).as(browser.findElement(By.id("status")).getText())
                .isEqualTo("ready");
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void a_planned_shift_draws_a_coloured_route_per_unit_with_numbered_stops_and_a_timeline() throws Exception {
        browser.get(session.url("/"));
        browser.findElement(By.id("patrol-link")).click();
        waitForState();
        // datetime-local inputs take their value through script: typing depends on the browser locale.
        browser.executeScript("document.getElementById('patrol-start').value = '2026-06-12T18:00';"
                + "document.getElementById('patrol-end').value = '2026-06-13T02:00';");
        type("patrol-units", "3");
        new Select(browser.findElement(By.id("patrol-method"))).selectByValue("gistar");
        browser.findElement(By.id("patrol-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(b -> map().getDomAttribute("data-plan-id") != null);
        waitForState();

        int stops = Integer.parseInt(map().getDomAttribute("data-stop-count"));
        int routes = Integer.parseInt(map().getDomAttribute("data-route-count"));
        assertThat(stops).isPositive();
        assertThat(routes).isBetween(1, 3);
        assertThat(browser.findElements(By.cssSelector("path.patrol-stop"))).hasSize(stops);
        assertThat(browser.findElements(By.cssSelector(".leaflet-tooltip.patrol-stop-label"))).hasSize(stops);
        assertThat(browser.findElements(By.cssSelector("path.patrol-route--unit1"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#patrol-timeline-chart rect.timeline__visit"))).hasSize(stops);
        assertThat(browser.findElements(By.cssSelector("#patrol-tables tbody tr"))).hasSize(stops);
        assertThat(browser.getCurrentUrl()).contains("?plan=" + map().getDomAttribute("data-plan-id"));
        Browser.screenshot(browser, "patrol.png");

        String print = browser.findElement(By.id("patrol-print")).getDomProperty("href");
        browser.get(print);
        assertThat(browser.findElements(By.cssSelector("figure.briefing__map svg polyline"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("table.briefing__table tbody tr"))).hasSize(stops);
        Browser.screenshot(browser, "patrol-briefing.png");
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void a_bad_shift_is_reported_in_the_status_line() {
        browser.get(session.url("/viewer/patrol.html"));
        waitForState();
        browser.executeScript("document.getElementById('patrol-start').value = '2026-06-12T22:00';"
                + "document.getElementById('patrol-end').value = '2026-06-12T06:00';");
        browser.findElement(By.id("patrol-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "error".equals(map().getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("status")).getText()).contains("must be after its start");
        // The one console error is the browser's own report of the 400 response.
        assertThat(Browser.consoleErrors(browser)).allSatisfy(e -> assertThat(e.getMessage()).contains("400"));
    }
}
