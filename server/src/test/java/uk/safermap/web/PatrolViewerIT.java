package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patrol page in headless Chromium: a shift with three units is planned and drawn, one
 * coloured route per unit with numbered stops, a timeline and tables with the dose per place and
 * the units' time shares; GPS tracks uploaded from the page show the dose delivered; a week's
 * schedule shows as a calendar; the briefing
 * opens and draws its map. No console errors (CSP included). Screenshots: target/screenshots/patrol*.png.
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
        // Whole values in the date fields: nothing cut off ("...02:0").
        for (String id : List.of("patrol-start", "patrol-end")) {
            WebElement field = browser.findElement(By.id(id));
            assertThat(Long.parseLong(field.getDomProperty("scrollWidth")))
                    .as("%s shows its whole value", id).isLessThanOrEqualTo(Long.parseLong(field.getDomProperty("clientWidth")));
        }
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
        assertThat(browser.findElements(By.cssSelector("#patrol-tables table:not([id]) tbody tr"))).hasSize(stops);
        // The dose: the riskiest place comes round again (the timeline shows each visit), and the
        // units' time shares are listed.
        List<WebElement> topPlace = browser.findElements(By.cssSelector("#patrol-dose tbody tr:first-child td"));
        assertThat(topPlace.get(0).getText()).isEqualTo("1");
        assertThat(Integer.parseInt(topPlace.get(2).getText())).isGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("#patrol-shares tbody tr"))).hasSize(3);

        // GPS tracks that keep every visit, uploaded from the page, show the whole dose delivered.
        String planJson = (String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/patrols/plan/' + arguments[0]).then(r => r.text()).then(done);",
                map().getDomAttribute("data-plan-id"));
        JsonNode plan = new ObjectMapper().readTree(planJson);
        StringBuilder csv = new StringBuilder("unit,time,lon,lat\n");
        for (JsonNode unit : plan.get("units")) {
            for (JsonNode v : unit.get("visits")) {
                OffsetDateTime end = OffsetDateTime.parse(v.get("departure").asText());
                for (OffsetDateTime t = OffsetDateTime.parse(v.get("arrival").asText()); !t.isAfter(end);
                     t = t.plusMinutes(1)) {
                    csv.append(unit.get("name").asText()).append(',').append(t).append(',')
                            .append(v.at("/position/0").asText()).append(',').append(v.at("/position/1").asText())
                            .append('\n');
                }
            }
        }
        Path tracks = Files.createTempFile("tracks", ".csv");
        Files.writeString(tracks, csv);
        browser.findElement(By.id("patrol-tracks-file")).sendKeys(tracks.toAbsolutePath().toString());
        browser.findElement(By.id("patrol-tracks-upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b ->
                !b.findElements(By.cssSelector("#patrol-compliance-places tbody tr")).isEmpty());
        assertThat(browser.findElement(By.id("patrol-compliance-total")).getText()).startsWith("100 % of the planned dose");
        assertThat(browser.findElements(By.cssSelector("#patrol-compliance-units tbody tr"))).hasSize(3);
        Browser.screenshot(browser, "patrol-compliance.png");

        // A week's schedule from the same shift hours and units: a calendar of seven days, each
        // with every place once (ten by default, fewer if fewer hot spots).
        browser.executeScript("document.getElementById('patrol-week-start').value = '2026-06-15';");
        browser.findElement(By.id("patrol-week-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b ->
                !b.findElements(By.cssSelector("#patrol-week-table td")).isEmpty());
        List<WebElement> days = browser.findElements(By.cssSelector("#patrol-week-table td"));
        assertThat(days).hasSize(7);
        int perDay = days.get(0).findElements(By.tagName("li")).size();
        assertThat(perDay).isBetween(1, 10);
        days.forEach(d -> assertThat(d.findElements(By.tagName("li"))).hasSize(perDay));
        assertThat(browser.findElement(By.id("patrol-week-ics")).isDisplayed()).isTrue();
        assertThat(browser.getCurrentUrl()).contains("?plan=" + map().getDomAttribute("data-plan-id"));
        Browser.screenshot(browser, "patrol.png");

        String print = browser.findElement(By.id("patrol-print")).getDomProperty("href");
        browser.get(print);
        assertThat(browser.findElements(By.cssSelector("figure.briefing__map svg polyline"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("table.briefing__table tbody tr"))).hasSize(stops);
        // Where to go without coordinates: stops named on the map, among ward outlines and names.
        assertThat(browser.findElements(By.cssSelector("figure.briefing__map text.map__stop-name"))).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getText()).isNotBlank().doesNotStartWith("On or near"));
        assertThat(browser.findElements(By.cssSelector("figure.briefing__map text.map__ward-name"))).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getText()).endsWith(" ward"));
        assertThat(browser.findElements(By.cssSelector("figure.briefing__map polyline.map__ward"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("figure.briefing__map image.map__tile"))).as("basemap tiles").isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("figure.briefing__map .map__north")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "patrol-briefing.png");
        PdfPages briefing = PdfPages.read(Browser.printToPdf(browser));
        assertThat(briefing.inkedShares()).as("printed pages").isNotEmpty()
                .allSatisfy(share -> assertThat(share).as("share of a page inked").isGreaterThan(0.01));
        assertThat(briefing.text()).contains("Hot spot patrol briefing", " ward", "OpenStreetMap contributors",
                "Open Government Licence", "GeoNames");
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
