package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Sentiment;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The queue in a real browser (Debian's Chromium) with more drafts than a page holds: the badge counts
 * every waiting draft, the page shows one page of cards and Show more the next, and a wall of breaches is
 * one summed line. The screenshot goes to target/screenshots.
 */
class QueueBrowserTest {

    @RegisterExtension
    static final ConsoleBrowser.Session console = new ConsoleBrowser.Session("QueueBrowserTest", "queuebrowser");

    @Test
    void theBadgeCountsEveryWaitingDraftWhileThePageShowsAPageAtATimeAndBreachesAreOneLine() throws Exception {
        Instant now = Instant.now();
        List<Long> queue = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            queue.add(draft(i, now.plusSeconds(600 + i)));
        }
        console.db().alerts().raise("sla-breach", null, "36 replies passed the 10-minute target while CareLoop was stopped", 36);
        for (long id : queue.subList(0, 30)) {
            console.db().alerts().raise("sla-breach", id, "No public reply to @traveller within the 10-minute target (draft " + id + ")");
        }

        console.signIn();
        WebDriverWait wait = new WebDriverWait(console.browser(), Duration.ofSeconds(30));
        // The badge and the cards come from one answer: the count of all, one page of cards.
        wait.until(d -> d.findElement(By.id("pending-count")).getText().equals("120"));
        assertThat(cards()).hasSize(50);
        assertThat(cards().get(0).getAttribute("data-id")).isEqualTo(String.valueOf(queue.get(0)));
        assertThat(console.browser().findElement(By.id("more-text")).getText()).isEqualTo("Showing the 50 most urgent of 120 waiting.");
        WebElement more = console.browser().findElement(By.id("show-more"));
        assertThat(more.getText()).isEqualTo("Show 50 more");

        List<WebElement> breaches = console.browser().findElements(By.cssSelector("#alerts .alert.sla-breach"));
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).getText()).contains("66 replies past the 10-minute target", "(draft " + queue.get(29) + ")", "Dismiss all");
        Chromium.screenshot(console.browser(), Path.of("target", "screenshots"), "queue-120-drafts");

        more.click();
        wait.until(d -> cards().size() == 100);
        assertThat(cards().get(99).getAttribute("data-id")).isEqualTo(String.valueOf(queue.get(99)));
        wait.until(d -> d.findElement(By.id("show-more")).getText().equals("Show 20 more"));
        console.browser().findElement(By.id("show-more")).click();
        wait.until(d -> cards().size() == 120);
        wait.until(d -> !d.findElement(By.id("more")).isDisplayed());
        assertThat(cards()).extracting(c -> Long.parseLong(c.getAttribute("data-id"))).containsExactlyElementsOf(queue);

        // Back up to the alert bar, as the agent scrolls; it is drawn anew at each refresh: found again if redrawn under the click.
        ((org.openqa.selenium.JavascriptExecutor) console.browser()).executeScript("window.scrollTo(0, 0)");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#alerts .alert.sla-breach")).findElement(By.xpath(".//button[text()='Dismiss all']")).click();
            return true;
        });
        wait.until(d -> d.findElements(By.cssSelector("#alerts .alert.sla-breach")).isEmpty());
        assertThat(console.db().alerts().openByKind()).doesNotContainKey("sla-breach");
    }

    static List<WebElement> cards() {
        return console.browser().findElements(By.cssSelector("#pending article.card"));
    }

    static long draft(int n, Instant deadline) {
        String id = String.valueOf(5000 + n);
        Mention m = new Mention(Platform.X, "brand", id, new Author("a" + n, "traveller" + n, "Traveller " + n),
                "@acmeair my bag did not arrive in Boston, who can help?", "en", Instant.now(), id, null, null, false, false);
        console.db().mentions().insertIfNew(m);
        return console.db().drafts().create(new Draft(0, m, new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.5, 0.7), List.of("bag")),
                "lost-bag", "problem", "Sorry @traveller" + n + ", let us find your bag", DraftStatus.PENDING, Instant.now(), deadline,
                null, null, null, null)).id();
    }
}
