package uk.safermap.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The placement planning page in headless Chromium: cameras are placed and drawn with a
 * coverage curve, dragging one re-scores the layout, and doorbells are allocated as a
 * choropleth with ward totals. Screenshots go to target/screenshots/planning-*.png.
 */
class PlanningViewerIT extends BrowserTest {

    private WebElement map() {
        return browser.findElement(By.id("plan-map"));
    }

    private void waitFor(String attribute) {
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(b -> {
            String state = map().getDomAttribute(attribute);
            return "ready".equals(state) || "error".equals(state);
        });
        assertThat(map().getDomAttribute(attribute)).as(browser.findElement(By.id("status")).getText())
                .isEqualTo("ready");
    }

    @Test
    void cameras_are_placed_dragged_and_rescored_and_doorbells_shaded_by_area() throws Exception {
        browser.get(session.url("/viewer/planning.html"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "ready".equals(map().getDomAttribute("data-state")));
        // The map's default period: the last 12 months of the data (the sample has 12).
        assertThat(browser.findElement(By.id("plan-from")).getDomProperty("value")).matches("\\d{4}-\\d{2}");
        assertThat(browser.findElement(By.id("plan-to")).getDomProperty("value")).matches("\\d{4}-\\d{2}");

        WebElement k = browser.findElement(By.id("cctv-k"));
        k.clear();
        k.sendKeys("3");
        browser.findElement(By.id("cctv-run")).click();
        waitFor("data-cctv-state");
        assertThat(map().getDomAttribute("data-site-count")).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector(".site-marker"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#cctv-curve circle"))).hasSizeGreaterThanOrEqualTo(12);
        assertThat(browser.findElements(By.cssSelector("#cctv-sites tbody tr"))).hasSize(3);
        // Each site is named on the ground in the table: street, place, ward, OS grid reference.
        assertThat(browser.findElements(By.cssSelector("#cctv-sites td.planning__where")))
                .allSatisfy(td -> assertThat(td.getText()).containsPattern(", .* · SK \\d{3} \\d{3}$"));
        double placed = Double.parseDouble(map().getDomAttribute("data-coverage-percent"));
        assertThat(placed).isPositive();
        Browser.screenshot(browser, "planning-cctv.png");

        // One click logs the placed cameras as an intervention, for evaluation later.
        browser.findElement(By.id("cctv-log")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> map().getDomAttribute("data-intervention-id") != null);
        assertThat(map().getDomAttribute("data-intervention-id")).startsWith("iv-");

        // Drag the top site well away from its hot spot: the layout is re-scored and covers less.
        WebElement top = browser.findElements(By.cssSelector(".site-marker")).get(0);
        new Actions(browser).dragAndDropBy(top, 250, 200).perform();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b ->
                !String.valueOf(placed).equals(map().getDomAttribute("data-coverage-percent"))
                        && "ready".equals(map().getDomAttribute("data-cctv-state")));
        assertThat(Double.parseDouble(map().getDomAttribute("data-coverage-percent"))).isLessThan(placed);

        new Select(browser.findElement(By.id("doorbell-phase-area"))).selectByValue("neighbourhood:town-centre");
        browser.findElement(By.id("doorbell-run")).click();
        waitFor("data-doorbell-state");
        assertThat(map().getDomAttribute("data-doorbell-total")).isEqualTo("400");
        assertThat(browser.findElement(By.id("doorbell-legend")).getText()).contains("Doorbells per output area",
                "1 to 4", "50 or more");
        assertThat(Integer.parseInt(map().getDomAttribute("data-doorbell-areas"))).isPositive();
        assertThat(browser.findElements(By.cssSelector("#doorbell-wards tbody tr"))).hasSize(16);
        assertThat(browser.findElement(By.id("doorbell-csv")).isEnabled()).isTrue();
        assertThat(browser.findElement(By.id("plan-print")).isEnabled()).isTrue();
        Browser.screenshot(browser, "planning-doorbells.png");
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void an_impossible_request_shows_the_server_reason() {
        browser.get(session.url("/viewer/planning.html"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "ready".equals(map().getDomAttribute("data-state")));
        WebElement units = browser.findElement(By.id("doorbell-units"));
        units.clear();
        units.sendKeys("50");
        WebElement phase = browser.findElement(By.id("doorbell-phase-units"));
        phase.clear();
        phase.sendKeys("100");
        browser.findElement(By.id("doorbell-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "error".equals(map().getDomAttribute("data-doorbell-state")));
        assertThat(browser.findElement(By.id("status")).getText()).contains("the phases ask for 100");
    }
}
