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
import org.careloop.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A cluster in the queue, in a real browser: one row with its size, what it is about, a few posts and
 * one draft, and Approve for all answering each post. Screenshots go to target/screenshots.
 */
class ClustersBrowserTest {

    @RegisterExtension
    static final ConsoleBrowser.Session console = new ConsoleBrowser.Session("ClustersBrowserTest", "clustersbrowser");

    @Test
    void aClusterIsOneRowApprovedForAllFromTheQueue() throws Exception {
        Clustering clustering = new Clustering(console.db().clusters(), new Grouping("Acme Air"), Duration.ofHours(6));
        String[][] posts = {
            {"x", "maria_g", "Maria Gomez", "@AcmeAir your app is down, I can't check in for my 7am flight!!"},
            {"facebook", "tom.b", "Tom Baker", "Acme Air app down? Check in keeps failing, flight in 2 hours"},
            {"x", "kenji", "Kenji Sato", "is the acme app down?? can't check in at all"},
            {"x", "ade_o", "Ade Okafor", "app down again, check in impossible. Great start to the trip"},
        };
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < posts.length; i++) {
            ids.add(clustering.place(draft(i, Platform.of(posts[i][0]), posts[i][1], posts[i][2], posts[i][3])).id());
        }
        clustering.place(draft(9, Platform.X, "pat", "Pat Lee", "my bag never arrived in Boston, who can help?"));

        // The surge these posts are: its minutes counted, and its alert, as the surge watch raises it.
        Instant minute = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        console.db().surges().countingSince(minute.minus(Duration.ofMinutes(41))); // counting began before these minutes
        for (int m = 40; m >= 0; m--) {
            for (int p = 0; p < (m <= 3 ? 30 + (3 - m) * 25 : m % 7 == 0 ? 2 : 1); p++) {
                console.db().surges().count(minute.minus(Duration.ofMinutes(m)), List.of("topic:app"));
            }
        }
        console.db().surges().start(new org.careloop.care.Surges.Surge(0, "topic:app", "posts about \u201capp\u201d", minute.minus(Duration.ofMinutes(3)),
                Instant.now(), null, 1.2, 25, 280, 105, null), "Posts about \u201capp\u201d: 280 posts since " + java.time.format.DateTimeFormatter
                .ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC).format(minute.minus(Duration.ofMinutes(3))) + " UTC (usually 1 a minute)");

        console.signIn();
        WebDriverWait wait = new WebDriverWait(console.browser(), Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        By cluster = By.cssSelector("#clusters article.cluster");
        wait.until(d -> !d.findElements(cluster).isEmpty());
        // The console re-renders the queue every few seconds: each read finds the row again, all of it at once.
        List<String> seen = wait.until(d -> {
            List<WebElement> rows = d.findElements(cluster);
            WebElement row = rows.get(0);
            return List.of(String.valueOf(rows.size()), row.findElement(By.className("size")).getText(), row.getText(),
                    row.findElement(By.tagName("textarea")).getAttribute("value"), row.findElement(By.className("cost")).getText());
        });
        assertThat(seen.get(0)).as("one cluster row").isEqualTo("1");
        assertThat(seen.get(1)).isEqualTo("4 posts");
        assertThat(seen.get(2)).contains("\u201capp down check", "Facebook, X", "apologize", "@maria_g", "Tom Baker", "@kenji", "and 1 more");
        assertThat(seen.get(3)).isEqualTo("So sorry Maria, the app is failing for many of you. We're on it.");
        assertThat(console.browser().findElement(By.id("pending-count")).getText()).as("the posts are still counted one by one").isEqualTo("5");
        assertThat(seen.get(4)).as("the price before the click")
                .isEqualTo("Cost: $0.60 for 3 replies on X @brand (with ticket links; link-free $0.05)");
        By surgeAlert = By.cssSelector("#alerts .alert.surge");
        String surgeText = wait.until(d -> d.findElements(surgeAlert).stream().findFirst().map(WebElement::getText).orElse(null));
        assertThat(surgeText).contains("Posts about \u201capp\u201d: 280 posts since").contains("Dismiss");
        int charts = wait.until(d -> d.findElement(surgeAlert).findElements(By.cssSelector("svg.spark")).size());
        assertThat(charts).as("its chart").isEqualTo(1);
        Chromium.screenshot(console.browser(), Path.of("target", "screenshots"), "queue-cluster");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "surge-banner.png"), Chromium.elementShot(wait, surgeAlert));
        Files.write(Path.of("target", "screenshots", "cluster-row.png"), Chromium.elementShot(wait, cluster));

        Chromium.click(wait, cluster, "Approve for all 4");
        wait.until(d -> d.findElements(By.cssSelector("#clusters article.cluster")).isEmpty());
        wait.until(d -> d.findElement(By.id("message")).getText().startsWith("4 posts approved"));
        List<String> texts = new ArrayList<>();
        for (long id : ids) {
            Draft d = console.db().drafts().find(id).orElseThrow();
            assertThat(d.status()).isEqualTo(DraftStatus.APPROVED);
            texts.add(d.text());
        }
        assertThat(texts).containsExactly("So sorry Maria, the app is failing for many of you. We're on it.",
                "So sorry Tom, the app is failing for many of you. We're on it.", "So sorry Kenji, the app is failing for many of you. We're on it.",
                "So sorry Ade, the app is failing for many of you. We're on it.");
        wait.until(d -> d.findElement(By.id("pending-count")).getText().equals("1"));
    }

    static Draft draft(int n, Platform platform, String handle, String name, String text) {
        String id = String.valueOf(8000 + n);
        Mention m = new Mention(platform, "brand", id, new Author("a" + n, handle, name), text, "en", Instant.now().minusSeconds(300 - n * 20L),
                id, null, null, false, false);
        console.db().mentions().insertIfNew(m);
        Analysis a = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), null, null, null,
                new CareAction(CareAction.Label.APOLOGIZE, true, 0.9), List.of());
        return console.db().drafts().create(new Draft(0, m, a, "outage", "apology", "So sorry " + name.split(" ")[0] + ", the app is failing for many of you. We're on it.",
                DraftStatus.PENDING, Instant.now(), Instant.now().plusSeconds(600), null, null, null, null));
    }
}
