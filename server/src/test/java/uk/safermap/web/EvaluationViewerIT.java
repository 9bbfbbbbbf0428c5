package uk.safermap.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation page in headless Chromium on the 12-month sample: an analyst logs a week of
 * action in the town centre with the form, evaluates it against a suggested comparison, and
 * sees the three areas on the map, the table, the series and the summary links. Screenshot:
 * target/screenshots/evaluation.png.
 */
class EvaluationViewerIT extends BrowserTest {

    private WebElement map() {
        return browser.findElement(By.id("eval-map"));
    }

    @Test
    void an_analyst_logs_an_intervention_and_sees_it_evaluated_on_the_map() throws Exception {
        browser.get(session.url("/viewer/evaluation.html"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "ready".equals(map().getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("log-form")).isDisplayed()).isTrue();

        browser.findElement(By.id("log-name")).sendKeys("Town centre week of action");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("log-kind"))).selectByValue("week-of-action");
        browser.findElement(By.id("log-area")).sendKeys("neighbourhood:town-centre");
        browser.executeScript("document.getElementById('log-start').value = arguments[0];",
                LocalDate.now().minusMonths(8).withDayOfMonth(10).toString());
        browser.findElement(By.id("log-cost")).sendKeys("3000");
        browser.findElement(By.id("log-save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b ->
                b.findElement(By.id("status")).getText().startsWith("Logged"));

        browser.findElement(By.id("iv-evaluate")).click();
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(b -> {
            String s = map().getDomAttribute("data-evaluation-state");
            return "done".equals(s) || "error".equals(s);
        });
        assertThat(map().getDomAttribute("data-evaluation-state")).as(browser.findElement(By.id("status")).getText())
                .isEqualTo("done");
        assertThat(browser.findElements(By.cssSelector("#eval-map path.leaflet-interactive, #eval-map path")))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("#iv-table tbody tr"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#iv-chart polyline"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("iv-summary")).getText()).contains("target area");
        assertThat(browser.findElement(By.id("iv-figures")).getText()).contains("Estimate (DiD)");
        assertThat(browser.findElement(By.id("iv-print")).getDomAttribute("href"))
                .contains("/evaluation/print?");
        Browser.screenshot(browser, "evaluation.png");
        Browser.assertNoConsoleErrors(browser);
    }
}
