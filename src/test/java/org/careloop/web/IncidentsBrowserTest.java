package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.CareAction;
import org.careloop.analysis.Sentiment;
import org.careloop.care.Clustering;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.care.Grouping;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.tickets.Ticket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An incident in a real browser: a cluster of ticket posts made an incident from its row, the incident's
 * panel with its tickets and the team's notes, and Resolve closing every post's loop. Screenshots go to
 * target/screenshots and /tmp/incidents-*.png.
 */
class IncidentsBrowserTest {

    @RegisterExtension
    static final ConsoleBrowser.Session console = new ConsoleBrowser.Session("IncidentsBrowserTest", "incidentsbrowser");

    @Test
    void aClusterIsMadeAnIncidentNotedAndResolvedFromTheQueue() throws Exception {
        Clustering clustering = new Clustering(console.db().clusters(), new Grouping("Acme Air"), Duration.ofHours(6));
        String[][] posts = {
            {"x", "maria_g", "Maria Gomez", "@AcmeAir the app crashes every time I check in, no boarding pass"},
            {"facebook", "tom.b", "Tom Baker", "Acme Air app crashes at check in, can't get my boarding pass"},
            {"x", "kenji", "Kenji Sato", "app keeps crashing when I check in for my boarding pass"},
        };
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < posts.length; i++) {
            drafts.add(clustering.place(ticketDraft(i, Platform.of(posts[i][0]), posts[i][1], posts[i][2], posts[i][3])));
        }

        console.signIn();
        // The console re-renders a panel when its data changes: a wait reads through a panel replaced mid-read.
        WebDriverWait wait = new WebDriverWait(console.browser(), Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> !d.findElements(By.cssSelector("#clusters article.cluster")).isEmpty());
        assertThat(console.browser().findElement(By.id("incidents-box")).isDisplayed()).as("no incident yet").isFalse();
        shoot(wait, "#clusters article.cluster", "cluster-row-before");
        Chromium.click(wait, By.cssSelector("#clusters article.cluster"), "Make incident");

        wait.until(d -> !d.findElements(By.cssSelector("#incidents article.incident")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector("#clusters article.cluster a.incident-link")).isEmpty());
        long incident = wait.until(d -> Long.parseLong(d.findElement(By.cssSelector("#incidents article.incident")).getAttribute("data-id")));
        wait.until(d -> d.findElement(By.cssSelector("#incidents article.incident")).getText().contains("3 tickets"));
        assertThat(text(wait, "#incidents article.incident")).contains("INC-" + incident, "3 tickets", "3 posts", "No notes yet", "@maria_g", "@kenji", "Resolve");
        assertThat(console.db().incidents().ticketIds(incident)).as("the cluster's tickets joined it")
                .containsExactlyInAnyOrderElementsOf(drafts.stream().map(d -> d.work().ticketId()).toList());
        assertThat(text(wait, "#clusters article.cluster")).contains("Incident INC-" + incident).doesNotContain("Make incident");
        shoot(wait, "#clusters article.cluster", "cluster-row");

        wait.until(d -> {
            WebElement panel = d.findElement(By.cssSelector("#incidents article.incident"));
            panel.findElement(By.tagName("textarea")).sendKeys("Fix deployed at 14:20; the app team is watching check-in.");
            panel.findElement(By.xpath(".//button[text()='Add note']")).click();
            return true;
        });
        wait.until(d -> d.findElement(By.cssSelector("#incidents article.incident")).getText().contains("Fix deployed at 14:20"));
        assertThat(text(wait, "#incidents article.incident")).contains("agent \u00b7").doesNotContain("No notes yet");
        Chromium.screenshot(console.browser(), Path.of("target", "screenshots"), "queue-incident");
        shoot(wait, "#incidents article.incident", "panel");
        Chromium.click(wait, By.cssSelector("#incidents article.incident"), "Resolve");
        console.browser().switchTo().alert().accept();
        wait.until(d -> !d.findElements(By.cssSelector("#incidents article.incident.resolved")).isEmpty());
        wait.until(d -> d.findElement(By.id("message")).getText().contains("3 closing messages being published"));
        for (Draft d : drafts) {
            assertThat(console.db().tickets().find(d.work().ticketId()).orElseThrow().status()).isEqualTo(Ticket.Status.RESOLVED);
        }
        assertThat(console.db().incidents().posts(incident, 10)).allSatisfy(p -> {
            assertThat(p.closingStatus()).isEqualTo("approved");
            assertThat(console.db().outbox().outboxOf(p.closingDraftId())).hasValueSatisfying(o -> assertThat(o.inReplyToId()).isEqualTo(p.postId()));
        });
        assertThat(text(wait, "#incidents article.incident")).contains("resolved", "3 closing messages").doesNotContain("Resolving sends");
        assertThat(console.browser().findElements(By.xpath("//*[@id='incidents']//button[text()='Resolve']"))).isEmpty();
        shoot(wait, "#incidents article.incident", "resolved");
    }

    /** The text of an element the console may be re-rendering. */
    private static String text(WebDriverWait wait, String css) {
        return wait.until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** A screenshot of one element the console may be re-rendering, in target/screenshots and as /tmp/incidents-{name}.png for a person to look at. */
    private static void shoot(WebDriverWait wait, String css, String name) throws Exception {
        byte[] png = Chromium.elementShot(wait, By.cssSelector(css));
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "incident-" + name + ".png"), png);
        Files.write(Path.of("/tmp", "incidents-" + name + ".png"), png);
    }

    /** A post whose rule opened a ticket, with its reply drafted as the ticket desk's would be. */
    static Draft ticketDraft(int n, Platform platform, String handle, String name, String text) {
        String id = String.valueOf(8100 + n);
        Instant at = Instant.now().minusSeconds(300 - n * 20L);
        Mention m = new Mention(platform, "brand", id, new Author("i" + n, handle, name), text, "en", at, id, null, null, false, false);
        console.db().mentions().insertIfNew(m);
        Ticket t = console.db().tickets().open(m, "incident-browser-token-" + n + "-AAAAAAAAAAAA", "incident-browser-rating-" + n + "-AAAAAAAAAAAA",
                "the app", "normal", null, at);
        Analysis a = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), null, null, null,
                new CareAction(CareAction.Label.TICKET, false, 0.9), List.of());
        Draft d = new Draft(0, m, a, "ticket", "ticket", name.split(" ")[0] + ", sorry the app is failing. We've opened case " + t.reference()
                + " for you.", DraftStatus.PENDING, Instant.now(), Instant.now().plusSeconds(600), null, null, null, null);
        return console.db().drafts().create(d.withWork(d.work().withTicket(t.id())));
    }
}
