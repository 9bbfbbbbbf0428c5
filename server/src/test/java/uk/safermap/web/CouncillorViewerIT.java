package uk.safermap.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Councillor mode in headless Chromium: a signed-out visitor is sent to sign in, a councillor
 * sees the ward map with its legend and never requests an incident, a ward's figures and report
 * open from the map. Screenshot: target/screenshots/councillor.png.
 */
class CouncillorViewerIT extends BrowserTest {

    @Override
    protected boolean signedIn() {
        return false;
    }

    private WebElement map() {
        return browser.findElement(By.id("map"));
    }

    @Test
    void a_councillor_sees_wards_and_reports_and_never_an_incident() throws Exception {
        browser.get(session.url("/"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getCurrentUrl().contains("/viewer/login.html"));
        browser.findElement(By.id("login-name")).sendKeys("cllr");
        browser.findElement(By.id("login-password")).sendKeys("wrong password");
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b ->
                "error".equals(b.findElement(By.id("login-form")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("login-status")).getText()).contains("Wrong user name or password");
        // The refused sign-in is logged by the browser as a failed request: expected, so cleared.
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
        session.signIn("cllr");

        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> "ready".equals(map().getDomAttribute("data-choropleth-state")));
        assertThat(map().getDomAttribute("data-mode")).isEqualTo("councillor");
        assertThat(map().getDomAttribute("data-choropleth-wards")).isEqualTo("16");
        assertThat(browser.findElements(By.cssSelector("path.ward-choropleth"))).hasSize(16);
        assertThat(browser.findElement(By.id("analysis-form")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("ward-legend")).getText()).contains("Incidents (rounded to 5)",
                "fewer than 5");
        Browser.assertPanelFitsALaptopScreen(browser);

        browser.findElements(By.cssSelector("path.ward-choropleth")).get(8).click();
        // The figures' popup, once it has faded in.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b ->
                "1".equals(b.findElement(By.cssSelector(".leaflet-popup")).getCssValue("opacity")));
        Browser.screenshot(browser, "councillor.png");

        new Select(browser.findElement(By.id("ward-metric"))).selectByValue("change");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> "ready".equals(map().getDomAttribute("data-choropleth-state"))
                && b.findElement(By.id("ward-legend")).getText().contains("% change"));
        // Change on a diverging ramp centred on 0: the legend names falls and rises, and every
        // ward is drawn in one of its five colours (or grey when suppressed).
        assertThat(browser.findElement(By.id("ward-legend")).getText()).contains("down 20 % or more",
                "within 5 % either way", "up 20 % or more");
        assertThat(browser.findElements(By.cssSelector("path.ward-choropleth"))).allSatisfy(path -> assertThat(
                path.getDomAttribute("fill")).isIn("#0571b0", "#92c5de", "#f7f7f7", "#f4a582", "#ca0020", "#dddddd"));
        // Ward names are on the map, and a ward's figures open in a popup where it is clicked.
        // (Drawn for all 16; at borough zoom the crowded town wards' names give way where they would overprint.)
        assertThat(browser.findElements(By.cssSelector(".map-label--ward"))).hasSize(16)
                .anySatisfy(label -> assertThat(label.getDomProperty("textContent")).isEqualTo("Melton Egerton"));
        assertThat(browser.findElements(By.cssSelector(".map-label--ward")).stream().filter(WebElement::isDisplayed))
                .hasSizeGreaterThanOrEqualTo(10);
        browser.findElements(By.cssSelector("path.ward-choropleth")).get(8).click();
        // The popup opens at once and fills when the ward's figures arrive: wait for the figures.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b ->
                b.findElement(By.cssSelector(".leaflet-popup-content")).getText().contains("A year earlier"));
        assertThat(browser.findElement(By.cssSelector(".leaflet-popup-content")).getText())
                .contains("ward", "A year earlier");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.findElement(By.id("ward-summary")).isDisplayed());
        assertThat(browser.findElement(By.id("ward-summary")).getText()).contains("ward", "A year earlier");
        String report = browser.findElement(By.id("ward-report-link")).getDomAttribute("href");
        assertThat(report).startsWith("/api/reports/ward/E0");

        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat(requested).noneMatch(u -> u.contains("/collections/incidents") || u.contains("/api/hotspots"));
        Browser.assertNoConsoleErrors(browser);

        // Zoomed to the town (as a search for a ward does), every town ward's name is shown, none
        // overprints another, and ward names win over place names.
        browser.findElement(By.id("search-input")).sendKeys("Melton Egerton");
        browser.findElement(By.id("search-run")).click();
        // The ward (and streets or LSOAs of that name) may be offered as a list: choose the ward.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> map().getDomAttribute("data-search-result") != null
                || !b.findElements(By.cssSelector(".search__result")).isEmpty());
        browser.findElements(By.cssSelector(".search__result")).stream()
                .filter(button -> button.getText().startsWith("Melton Egerton")).findFirst().ifPresent(WebElement::click);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> String.valueOf(map().getDomAttribute("data-search-result"))
                .startsWith("Melton Egerton"));
        List<WebElement> shownWards = browser.findElements(By.cssSelector(".map-label--ward span")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(shownWards.stream().map(WebElement::getText)).contains("Melton Egerton", "Melton Craven",
                "Melton Dorian", "Melton Newport", "Melton Sysonby", "Melton Warwick");
        List<WebElement> shownNames = browser.findElements(By.cssSelector(".map-label span")).stream()
                .filter(WebElement::isDisplayed).toList();
        for (int i = 0; i < shownNames.size(); i++) {
            for (int j = i + 1; j < shownNames.size(); j++) {
                assertThat(Browser.overlaps(shownNames.get(i).getRect(), shownNames.get(j).getRect()))
                        .as("%s overlaps %s", shownNames.get(i).getText(), shownNames.get(j).getText()).isFalse();
            }
        }

        browser.get(session.url(report));
        assertThat(browser.getPageSource()).contains("Crime and anti-social behaviour", "Month by month");
    }
}
