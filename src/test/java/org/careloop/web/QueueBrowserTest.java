package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Sentiment;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.platform.Author;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The queue in a real browser (Debian's Chromium) with more drafts than a page holds: the badge counts
 * every waiting draft, the page shows one page of cards and Show more the next, and a wall of breaches is
 * one summed line. The screenshot goes to target/screenshots.
 */
class QueueBrowserTest {

    @TempDir
    static Path dir;
    static Database db;
    static TestWeb.Server served;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumePresent("QueueBrowserTest");
        db = Database.open("jdbc:h2:mem:queuebrowser;DB_CLOSE_DELAY=-1", "sa", "");
        db.users().save(new UserStore.User("agent", Sessions.hash("agent-password"), UserStore.Role.AGENT));
        Clock clock = Clock.systemUTC();
        WebEndpoints web = TestWeb.endpoints(db, new Connections(), clock, db::ping, Optional.empty());
        served = TestWeb.serve(db, web, TestWeb.praise(db, web, clock, Optional.empty()), TestWeb.moderation(db, web, new Connections()));
        browser = Chromium.start(dir.resolve("chromium"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (served != null) {
            served.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theBadgeCountsEveryWaitingDraftWhileThePageShowsAPageAtATimeAndBreachesAreOneLine() throws Exception {
        Instant now = Instant.now();
        List<Long> queue = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            queue.add(draft(i, now.plusSeconds(600 + i)));
        }
        db.alerts().raise("sla-breach", null, "36 replies passed the 10-minute target while CareLoop was stopped", 36);
        for (long id : queue.subList(0, 30)) {
            db.alerts().raise("sla-breach", id, "No public reply to @traveller within the 10-minute target (draft " + id + ")");
        }

        browser.get(served.base() + "/login");
        browser.findElement(By.name("username")).sendKeys("agent");
        browser.findElement(By.name("password")).sendKeys("agent-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // The badge and the cards come from one answer: the count of all, one page of cards.
        wait.until(d -> d.findElement(By.id("pending-count")).getText().equals("120"));
        assertThat(cards()).hasSize(50);
        assertThat(cards().get(0).getAttribute("data-id")).isEqualTo(String.valueOf(queue.get(0)));
        assertThat(browser.findElement(By.id("more-text")).getText()).isEqualTo("Showing the 50 most urgent of 120 waiting.");
        WebElement more = browser.findElement(By.id("show-more"));
        assertThat(more.getText()).isEqualTo("Show 50 more");

        List<WebElement> breaches = browser.findElements(By.cssSelector("#alerts .alert.sla-breach"));
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).getText()).contains("66 replies past the 10-minute target", "(draft " + queue.get(29) + ")", "Dismiss all");
        Chromium.screenshot(browser, Path.of("target", "screenshots"), "queue-120-drafts");

        more.click();
        wait.until(d -> cards().size() == 100);
        assertThat(cards().get(99).getAttribute("data-id")).isEqualTo(String.valueOf(queue.get(99)));
        wait.until(d -> d.findElement(By.id("show-more")).getText().equals("Show 20 more"));
        browser.findElement(By.id("show-more")).click();
        wait.until(d -> cards().size() == 120);
        wait.until(d -> !d.findElement(By.id("more")).isDisplayed());
        assertThat(cards()).extracting(c -> Long.parseLong(c.getAttribute("data-id"))).containsExactlyElementsOf(queue);

        // Back up to the alert bar, as the agent scrolls; it is drawn anew at each refresh: found again if redrawn under the click.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#alerts .alert.sla-breach")).findElement(By.xpath(".//button[text()='Dismiss all']")).click();
            return true;
        });
        wait.until(d -> d.findElements(By.cssSelector("#alerts .alert.sla-breach")).isEmpty());
        assertThat(db.alerts().openByKind()).doesNotContainKey("sla-breach");
    }

    static List<WebElement> cards() {
        return browser.findElements(By.cssSelector("#pending article.card"));
    }

    static long draft(int n, Instant deadline) {
        String id = String.valueOf(5000 + n);
        Mention m = new Mention(Platform.X, "brand", id, new Author("a" + n, "traveller" + n, "Traveller " + n),
                "@acmeair my bag did not arrive in Boston, who can help?", "en", Instant.now(), id, null, null, false, false);
        db.mentions().insertIfNew(m);
        return db.drafts().create(new Draft(0, m, new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.5, 0.7), List.of("bag")),
                "lost-bag", "problem", "Sorry @traveller" + n + ", let us find your bag", DraftStatus.PENDING, Instant.now(), deadline,
                null, null, null, null)).id();
    }
}
