package uk.safermap.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.safermap.roads.Stats19Sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Road collisions and council cases in headless Chromium: a councillor switches the ward map to
 * road collisions and KSI (rounded, suppressed wards grey) and to a council case type, and never
 * asks for a collision point; an analyst's legend shows the severity symbols and the case types.
 * Collisions are the 26 real Melton 2023 STATS19 rows and 2024 generated ones (with planted KSI
 * clusters), imported over the API. Screenshot: target/screenshots/councillor-collisions.png.
 */
class RoadSafetyViewerIT extends BrowserTest {

    /** ColorBrewer YlOrRd as ward-view.js draws it, and the grey of suppressed wards. */
    private static final List<String> WARD_FILLS = List.of("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026");
    private static final String SUPPRESSED = "#dddddd";

    @Override
    protected boolean signedIn() {
        return false;
    }

    @BeforeAll
    void importCollisions() throws IOException {
        ApiClient analyst = session.api(TestUsers.ANALYST);
        List<Stats19Sample.Row> rows = Stats19Sample.rows(16, 2024, 300);
        ApiClient.Response generated = analyst.post("/api/imports?format=stats19&name=sample.csv",
                Stats19Sample.csv(Stats19Sample.Naming.CURRENT, rows).getBytes(StandardCharsets.UTF_8));
        assertThat(generated.json().get("imported").asInt()).as(generated.json().toString()).isEqualTo(rows.size());
        try (InputStream in = getClass().getResourceAsStream("/stats19/melton-2023-partial.csv")) {
            assertThat(analyst.post("/api/imports?format=stats19&name=melton-2023.csv", in.readAllBytes())
                    .json().get("imported").asInt()).isEqualTo(26);
        }
    }

    private WebElement map() {
        return browser.findElement(By.id("map"));
    }

    private void show(String figure, String legendTitle) {
        new Select(browser.findElement(By.id("ward-metric"))).selectByValue(figure);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> "ready".equals(map().getDomAttribute("data-choropleth-state"))
                && b.findElement(By.id("ward-legend")).getText().contains(legendTitle));
    }

    @Test
    void a_councillor_sees_collisions_by_ward_and_never_a_collision_point() throws IOException {
        session.signIn("cllr");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> "ready".equals(map().getDomAttribute("data-choropleth-state")));
        assertThat(map().getDomAttribute("data-mode")).isEqualTo("councillor");

        show("collisions", "Road collisions (rounded to 5)");
        assertThat(map().getDomAttribute("data-choropleth-wards")).isEqualTo("16");
        List<WebElement> wards = browser.findElements(By.cssSelector("path.ward-choropleth"));
        assertThat(wards).hasSize(16).allSatisfy(path -> assertThat(path.getDomAttribute("fill"))
                .isIn(WARD_FILLS.get(0), WARD_FILLS.get(1), WARD_FILLS.get(2), WARD_FILLS.get(3), WARD_FILLS.get(4), SUPPRESSED));
        // 324 collisions of 2024 over 16 wards: the planted clusters' wards are shaded, not grey.
        assertThat(wards).anySatisfy(path -> assertThat(WARD_FILLS).contains(path.getDomAttribute("fill")));
        assertThat(browser.findElement(By.id("ward-legend")).getText())
                .contains("2024-", "fewer than 5", "rounded", "date range applies to crime only");
        Browser.screenshot(browser, "councillor-collisions.png");

        show("ksi", "Killed or seriously injured collisions (rounded to 5)");
        assertThat(browser.findElements(By.cssSelector("path.ward-choropleth"))).hasSize(16);
        browser.findElements(By.cssSelector("path.ward-choropleth")).get(8).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b ->
                b.findElement(By.cssSelector(".leaflet-popup-content")).getText().contains("Fatal (counted, never mapped)"));

        // Council case types come from the taxonomy; no case is loaded, so every ward is grey.
        show("council-cases:fly-tipping", "Fly-tipping (rounded to 5)");
        assertThat(browser.findElements(By.cssSelector("path.ward-choropleth"))).hasSize(16)
                .allSatisfy(path -> assertThat(path.getDomAttribute("fill")).isEqualTo(SUPPRESSED));

        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat(requested).anyMatch(u -> u.contains("/api/wards/collisions"))
                .noneMatch(u -> u.contains("/collections/collisions") || u.contains("/collections/incidents")
                        || u.contains("/collections/council-cases"));
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void an_analyst_legend_shows_collision_severities_and_case_types() {
        session.signIn("ana");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> "full".equals(map().getDomAttribute("data-mode")));
        // The legend is drawn once the layers' types have loaded, after the mode is known.
        WebElement legend = new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.findElements(
                By.cssSelector(".map-legend:not(.analysis-legend)")).stream()
                .filter(l -> l.getText().contains("Dog fouling")).findFirst().orElse(null));
        assertThat(legend.getText()).contains("Road collisions", "Fatal", "Serious", "Slight",
                "Community Speedwatch", "Council cases", "Fly-tipping", "Dog fouling");
        assertThat(legend.findElements(By.cssSelector("circle"))).hasSizeGreaterThanOrEqualTo(3 + 2 + 8);
        Browser.assertNoConsoleErrors(browser);
    }
}
