package uk.safermap.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role, signed in through the sign-in page in headless Chromium, is shown links only to
 * the pages it may use, and a page it may not use says so plainly with a way back, instead of
 * failing later with a 403.
 */
class RoleNavigationViewerIT extends BrowserTest {

    @Override
    protected boolean signedIn() {
        return false;
    }

    /** Page link id -> page path. */
    private static final Map<String, String> PAGES = Map.of("profile-link", "/viewer/profile.html",
            "planning-link", "/viewer/planning.html", "patrol-link", "/viewer/patrol.html");

    private void expect(String user, Map<String, Boolean> allowed) {
        session.signIn(user);
        browser.get(session.url("/"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
            String state = b.findElement(By.id("map")).getDomAttribute("data-mode");
            return state != null;
        });
        for (Map.Entry<String, Boolean> page : allowed.entrySet()) {
            WebElement link = browser.findElement(By.id(page.getKey()));
            assertThat(link.isDisplayed()).as("%s sees the link %s", user, page.getKey()).isEqualTo(page.getValue());
            browser.get(session.url(PAGES.get(page.getKey())));
            if (page.getValue()) {
                // Each page marks itself ready once it has loaded what it needs.
                new WebDriverWait(browser, Duration.ofSeconds(60)).until(b ->
                        !b.findElements(By.cssSelector("[data-state=ready]")).isEmpty());
                assertThat(browser.findElements(By.id("page-refused"))).as("%s on %s", user, page.getKey()).isEmpty();
            } else {
                WebElement refused = new WebDriverWait(browser, Duration.ofSeconds(30))
                        .until(b -> b.findElement(By.id("page-refused")));
                assertThat(refused.getText()).contains("not available to " + user).doesNotContain("403");
                assertThat(refused.findElement(By.linkText("Back to the map")).getDomAttribute("href")).isEqualTo("/viewer/");
            }
            browser.get(session.url("/"));
        }
    }

    @Test
    void each_role_sees_only_the_pages_it_may_use() {
        expect("ana", Map.of("profile-link", true, "planning-link", true, "patrol-link", true));
        expect("pc", Map.of("profile-link", true, "planning-link", false, "patrol-link", true));
        expect("cllr", Map.of("profile-link", false, "planning-link", false, "patrol-link", false));
        Browser.assertNoConsoleErrors(browser);
    }
}
