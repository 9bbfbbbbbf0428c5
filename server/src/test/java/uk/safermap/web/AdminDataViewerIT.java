package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin and data pages in headless Chromium, used as an admin and an analyst would, with no
 * curl: users and tokens, an import with its progress and report, ward populations, and a
 * neighbourhood outline drawn on the map; and the roles that may not use them never see them.
 */
class AdminDataViewerIT extends BrowserTest {

    @TempDir
    Path files;

    @Override
    protected boolean signedIn() {
        return false;
    }

    private WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    /** Opens a page and waits until it says it is ready. */
    private void open(String path, String mainId) {
        browser.get(session.url(path));
        waiting(60).until(b -> "ready".equals(b.findElement(By.id(mainId)).getDomAttribute("data-state")));
    }

    private void waitForState(String elementId, String state) {
        waiting(60).until(b -> {
            String s = b.findElement(By.id(elementId)).getDomAttribute("data-state");
            return state.equals(s) || "error".equals(s);
        });
        assertThat(browser.findElement(By.id(elementId)).getDomAttribute("data-state"))
                .as("%s: %s", elementId, browser.findElement(By.id(elementId)).getText()).isEqualTo(state);
    }

    /**
     * No console errors but the one Chromium logs for the 400 the test asked for on purpose (it
     * logs every failed request, however the page handles it).
     */
    private void assertNoConsoleErrorsBut(String refusedPath) {
        assertThat(Browser.consoleErrors(browser)).as("browser console errors")
                .allSatisfy(e -> assertThat(e.getMessage()).contains(session.url(refusedPath) + " ")
                        .contains("status of 400"));
    }

    @Test
    void an_admin_creates_a_user_and_a_token_in_the_page_and_the_new_user_can_sign_in() throws IOException {
        session.signIn("ada");
        open("/viewer/admin.html", "admin");
        assertThat(browser.findElements(By.cssSelector("#users-table tbody tr[data-user]"))).hasSize(4);

        browser.findElement(By.id("user-name")).sendKeys("new.analyst");
        new Select(browser.findElement(By.id("user-role"))).selectByValue("analyst");
        browser.findElement(By.id("user-password")).sendKeys("short");
        browser.findElement(By.id("user-save")).click();
        assertThat(browser.findElement(By.id("user-message")).getText()).contains("at least 12 characters");

        browser.findElement(By.id("user-password")).clear();
        browser.findElement(By.id("user-password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.id("user-save")).click();
        waiting(30).until(b -> !b.findElements(By.cssSelector("#users-table tr[data-user='new.analyst']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#users-table tr[data-user='new.analyst']")).getText())
                .contains("analyst").contains("yes");

        new Select(browser.findElement(By.id("token-user"))).selectByValue("new.analyst");
        browser.findElement(By.id("token-label")).sendKeys("QGIS");
        browser.findElement(By.id("token-create")).click();
        WebElement token = waiting(30).until(b -> {
            WebElement t = b.findElement(By.id("token-value"));
            return t.isDisplayed() && !t.getText().isBlank() ? t : null;
        });
        String tokenText = token.getText();
        JsonNode me = session.api(tokenText).get("/api/me").json();
        assertThat(me.get("name").asText()).isEqualTo("new.analyst");
        assertThat(me.get("role").asText()).isEqualTo("analyst");

        // The token is listed by label, never shown again, and revoked from the page.
        WebElement listed = waiting(30).until(b -> b.findElements(By.cssSelector("#tokens-table[data-user='new.analyst'] "
                + "tbody tr")).stream().findFirst().orElse(null));
        assertThat(listed.getText()).contains("QGIS").doesNotContain(tokenText);
        listed.findElement(By.tagName("button")).click();
        browser.switchTo().alert().accept();
        waiting(30).until(b -> b.findElement(By.id("token-message")).getText().contains("Revoked"));
        assertThat(session.api(tokenText).get("/collections/incidents/items?limit=1").status()).isEqualTo(401);

        // A bad name gets the service's own words, not a status code or JSON.
        browser.findElement(By.id("user-name")).clear();
        browser.findElement(By.id("user-name")).sendKeys("no spaces allowed");
        browser.findElement(By.id("user-password")).clear();
        browser.findElement(By.id("user-save")).click();
        waiting(30).until(b -> b.findElement(By.id("user-message")).getText().contains("user name is"));
        assertThat(browser.findElement(By.id("user-message")).getText()).doesNotContain("{").doesNotContain("400");
        Browser.screenshot(browser, "admin.png");
        assertNoConsoleErrorsBut("/api/admin/users/no%20spaces%20allowed");

        session.signIn("new.analyst");
        open("/viewer/data.html", "data");
    }

    @Test
    void an_analyst_imports_a_police_file_and_sees_the_upload_complete_and_the_rejected_row() throws IOException {
        session.signIn("ana");
        open("/viewer/data.html", "data");
        Path file = files.resolve("2024-05-leicestershire-street.csv");
        Files.writeString(file, """
                Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context
                it-crime-1,2024-05,Leicestershire Police,Leicestershire Police,-0.8868,52.7651,On or near Market Place,E01025916,Melton 004C,Burglary,Under investigation,
                it-crime-2,2024-05,Leicestershire Police,Leicestershire Police,-0.8850,52.7660,On or near Nottingham Street,E01025916,Melton 004C,Shoplifting,Under investigation,
                it-crime-3,2024-05,Leicestershire Police,Leicestershire Police,not-a-number,52.7660,On or near Nottingham Street,E01025916,Melton 004C,Shoplifting,Under investigation,
                """);
        new Select(browser.findElement(By.id("import-format"))).selectByValue("police-csv");
        browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("import-run")).click();
        waitForState("import-section", "done");

        WebElement progress = browser.findElement(By.id("import-progress"));
        assertThat(progress.isDisplayed()).isTrue();
        assertThat(progress.getDomProperty("value")).isEqualTo("100");
        assertThat(browser.findElement(By.cssSelector("#import-counts tr[data-count=imported] td")).getText())
                .isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector("#import-counts tr[data-count=rejectedCount] td")).getText())
                .isEqualTo("1");
        List<WebElement> rejected = browser.findElements(By.cssSelector("#import-rejected tbody tr"));
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).getText()).startsWith("4").contains("Longitude").contains("not-a-number");
        assertThat(browser.findElement(By.id("import-message")).getText()).contains("2 imported").contains("1 rejected");

        // A file that is not the declared format: the service's message, in words.
        Path geojson = files.resolve("not-csv.csv");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        browser.findElement(By.id("import-file")).sendKeys(geojson.toAbsolutePath().toString());
        browser.findElement(By.id("import-run")).click();
        waiting(60).until(b -> "error".equals(b.findElement(By.id("import-section")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("import-message")).getText()).startsWith("Error while importing not-csv.csv: ")
                .doesNotContain("\"message\"").doesNotContain("400");
        assertNoConsoleErrorsBut("/api/imports?format=police-csv&name=not-csv.csv");
    }

    @Test
    void a_populations_file_is_refused_with_the_reason_and_a_good_one_is_loaded() throws IOException {
        session.signIn("ana");
        open("/viewer/data.html", "data");
        Path bad = files.resolve("populations-bad.csv");
        Files.writeString(bad, "ward,people\nE05000001,4000\n");
        browser.findElement(By.id("population-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("population-upload")).click();
        waiting(30).until(b -> "error".equals(b.findElement(By.id("population-section")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("population-message")).getText())
                .contains("the CSV needs a header code,population").doesNotContain("{").doesNotContain("400");

        List<String> codes = new ArrayList<>();
        session.api(TestUsers.ANALYST).get("/collections/wards/items?limit=1000").json().get("features")
                .forEach(f -> codes.add(f.at("/properties/code").asText()));
        StringBuilder csv = new StringBuilder("code,population\n");
        codes.forEach(code -> csv.append(code).append(",4000\n"));
        Path good = files.resolve("populations.csv");
        Files.writeString(good, csv);
        browser.findElement(By.id("population-source")).sendKeys("test estimates");
        browser.findElement(By.id("population-file")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.id("population-upload")).click();
        waitForState("population-section", "done");
        waiting(30).until(b -> String.valueOf(codes.size()).equals(
                b.findElement(By.id("population-section")).getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.id("population-message")).getText())
                .contains("Loaded populations for " + codes.size() + " wards");
        assertThat(browser.findElement(By.id("population-current")).getText()).contains("test estimates");
        JsonNode loaded = session.api(TestUsers.ANALYST).get("/api/wards/populations").json();
        assertThat(loaded.get("populations").size()).isEqualTo(codes.size());
        assertNoConsoleErrorsBut("/api/wards/populations");
    }

    @Test
    void a_households_file_naming_a_ward_is_refused_and_a_good_one_is_loaded() throws IOException {
        session.signIn("ana");
        open("/viewer/data.html", "data");
        assertThat(browser.findElement(By.id("household-current")).getText()).contains("assume 125 households");
        List<String> codes = new ArrayList<>();
        session.api(TestUsers.ANALYST).get("/collections/oa/items?limit=10000").json().get("features")
                .forEach(f -> codes.add(f.at("/properties/code").asText()));
        Path bad = files.resolve("households-bad.csv");
        Files.writeString(bad, "code,households\n" + codes.get(0) + ",130\nE05005503,120\n");
        browser.findElement(By.id("household-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("household-upload")).click();
        waiting(30).until(b -> "error".equals(b.findElement(By.id("household-section")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("household-message")).getText())
                .contains("line 3, code: 'E05005503' is not an output area of the borough").doesNotContain("{");

        Path good = files.resolve("households.csv");
        Files.writeString(good, "code,households\n" + codes.get(0) + ",130\n" + codes.get(1) + ",95\n");
        browser.findElement(By.id("household-file")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.id("household-upload")).click();
        waitForState("household-section", "done");
        assertThat(browser.findElement(By.id("household-message")).getText())
                .contains("Loaded households for 2 output areas").contains("keep the estimate of 125");
        waiting(30).until(b -> b.findElement(By.id("household-current")).getText().contains("225 households"));
        assertNoConsoleErrorsBut("/api/households");
    }

    @Test
    void a_neighbourhood_drawn_on_the_map_and_saved_is_served_by_the_api() throws IOException {
        session.signIn("ana");
        open("/viewer/data.html", "data");
        WebElement map = browser.findElement(By.id("area-map"));
        browser.findElement(By.id("area-id")).sendKeys("station-quarter");
        browser.findElement(By.id("area-name")).sendKeys("Station quarter");
        browser.findElement(By.id("area-approximate")).click();

        browser.findElement(By.cssSelector("#area-map .leaflet-draw-draw-polygon")).click();
        int[][] corners = {{-60, -40}, {60, -40}, {60, 50}, {-60, 50}};
        for (int[] c : corners) {
            new Actions(browser).moveToElement(map, c[0], c[1]).click().perform();
        }
        // Clicking the first corner again closes the outline.
        new Actions(browser).moveToElement(map, corners[0][0], corners[0][1]).click().perform();
        waiting(10).until(b -> "1".equals(b.findElement(By.id("area-section")).getDomAttribute("data-parts")));

        browser.findElement(By.id("area-save")).click();
        waitForState("area-section", "saved");
        JsonNode areas = session.api(TestUsers.ANALYST).get("/api/areas").json();
        JsonNode saved = null;
        for (JsonNode f : areas.get("features")) {
            if (f.get("id").asText().equals("station-quarter")) {
                saved = f;
            }
        }
        assertThat(saved).as("GET /api/areas lists the drawn neighbourhood: %s", areas).isNotNull();
        assertThat(saved.at("/properties/name").asText()).isEqualTo("Station quarter");
        assertThat(saved.at("/properties/approximate").asBoolean()).isTrue();
        assertThat(saved.at("/geometry/type").asText()).isEqualTo("Polygon");
        assertThat(saved.at("/geometry/coordinates/0").size()).isEqualTo(corners.length + 1);
        assertThat(new Select(browser.findElement(By.id("area-select"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("station-quarter");
        assertThat(browser.findElement(By.cssSelector("#area-map .leaflet-control-attribution")).getText())
                .contains("OpenStreetMap");
        Browser.screenshot(browser, "data.png");

        // Deleting it takes it out of the API too.
        browser.findElement(By.id("area-delete")).click();
        browser.switchTo().alert().accept();
        waitForState("area-section", "deleted");
        assertThat(session.api(TestUsers.ANALYST).get("/api/areas").json().toString()).doesNotContain("station-quarter");
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void only_admins_see_the_admin_page_and_only_analysts_and_admins_the_data_page() {
        Map<String, Map<String, Boolean>> allowed = Map.of(
                "ada", Map.of("data", true, "admin", true),
                "ana", Map.of("data", true, "admin", false),
                "pc", Map.of("data", false, "admin", false),
                "cllr", Map.of("data", false, "admin", false));
        allowed.forEach((user, pages) -> {
            session.signIn(user);
            browser.get(session.url("/"));
            waiting(30).until(b -> b.findElement(By.id("map")).getDomAttribute("data-mode") != null);
            pages.forEach((page, may) -> {
                assertThat(browser.findElement(By.id(page + "-link")).isDisplayed())
                        .as("%s sees the link to %s", user, page).isEqualTo(may);
            });
            pages.forEach((page, may) -> {
                browser.get(session.url("/viewer/" + page + ".html"));
                if (may) {
                    waiting(60).until(b -> "ready".equals(b.findElement(By.id(page)).getDomAttribute("data-state")));
                } else {
                    WebElement refused = waiting(30).until(b -> b.findElement(By.id("page-refused")));
                    assertThat(refused.getText()).contains("not available to " + user).doesNotContain("403");
                }
            });
        });
        Browser.assertNoConsoleErrors(browser);
    }
}
