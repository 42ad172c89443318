package org.careloop.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Emotion;
import org.careloop.analysis.Intent;
import org.careloop.analysis.Sentiment;
import org.careloop.analysis.Troll;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.platform.Author;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.careloop.store.Database;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console with a seeded queue, for working on its look without platforms or a pipeline:
 * {@code java -cp ... org.careloop.web.ConsolePreview [port] [screenshot-dir]}. Sign in as
 * agent / agent-password. With a screenshot directory it photographs the console at laptop and
 * tablet widths in Debian's Chromium and stops.
 */
public final class ConsolePreview {

    private ConsolePreview() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Database db = Database.open("jdbc:h2:mem:preview;DB_CLOSE_DELAY=-1", "sa", "");
        db.users().save(new UserStore.User("agent", Sessions.hash("agent-password"), UserStore.Role.AGENT));
        Connections connections = new Connections();
        connections.register(new Account("brand", Platform.X));
        connections.register(new Account("support", Platform.X));
        connections.identified("brand", new PlatformAdapter.Identity("100", "acmeair", "Acme Air"));
        connections.fetched("brand");
        connections.failed("support", new PlatformException(PlatformException.Kind.AUTH, "401 Unauthorized: credentials rejected", null));
        seed(db);

        Clock clock = Clock.systemUTC();
        WebEndpoints web = TestWeb.endpoints(db, connections, clock, db::ping, Optional.empty());
        TestWeb.Server served = TestWeb.serve(db, web, TestWeb.praise(db, web, clock, Optional.empty()),
                TestWeb.moderation(db, web, connections), port);
        String base = served.base();
        System.out.println("Console preview: " + base + "/  login: agent / agent-password");
        if (args.length > 1) {
            try {
                screenshots(base, Path.of(args[1]));
            } finally {
                served.close();
                db.close();
            }
            return;
        }
        Thread.currentThread().join();
    }

    static void seed(Database db) {
        Instant now = Instant.now();
        draft(db, "2001", new Author("11", "marta_v", "Marta Vega"),
                "@acmeair my flight AA118 was cancelled and nobody at the gate can tell me anything. Three hours here with two kids!",
                analysis(Sentiment.Label.NEGATIVE, -0.82, Emotion.Label.FRUSTRATION, Intent.Label.PROBLEM, false),
                "problem-ticket", "Hi @marta_v, I'm so sorry: three hours at the gate with children is exhausting. "
                        + "I've opened a case for you here: https://care.example.com/t/8f2k so we can rebook you right away.",
                now.minusSeconds(660), now.minusSeconds(60));
        draft(db, "2002", new Author("12", "li.chen", "Li Chen"), "@acmeair can I bring my cat in the cabin on a domestic flight?",
                analysis(Sentiment.Label.NEUTRAL, 0.02, Emotion.Label.NONE, Intent.Label.QUESTION, false),
                "faq-pets", "Hi @li.chen! Yes: cats up to 8 kg travel in the cabin in a soft carrier under the seat. Details: https://acme.example/pets",
                now.minusSeconds(400), now.plusSeconds(200));
        draft(db, "2003", new Author("13", "tom<script>", "Tom <b>Baker</b>"), "@acmeair <img src=x onerror=alert(1)> bag still missing after 4 days",
                analysis(Sentiment.Label.NEGATIVE, -0.55, Emotion.Label.ANGER, Intent.Label.COMPLAINT, false),
                "complaint-ack", "Hi @tom, four days without your bag is not acceptable and I understand your anger. We're on it.",
                now.minusSeconds(60), now.plusSeconds(540));
        long praised = draft(db, "1990", new Author("14", "sunny_flyer", "Sunny"), "@acmeair best crew ever on AA200 today, thank you!",
                analysis(Sentiment.Label.POSITIVE, 0.91, Emotion.Label.GRATITUDE, Intent.Label.PRAISE, false),
                "praise-thanks", "Thank you @sunny_flyer! We'll pass this on to the crew of AA200.", now.minusSeconds(1500), now.minusSeconds(900));
        db.drafts().approve(praised, "agent", null, now.minusSeconds(1200));
        db.outbox().due(now, 10).stream().filter(e -> e.draftId() == praised)
                .forEach(e -> db.outbox().published(e.id(), "1861234567890", now.minusSeconds(1190)));
        long failed = draft(db, "1991", new Author("15", "k_ito", "Kenji Ito"), "@acmeair is the lounge in T2 open?",
                analysis(Sentiment.Label.NEUTRAL, 0.0, Emotion.Label.CONFUSION, Intent.Label.QUESTION, false),
                "faq-lounge", "Hi @k_ito, the T2 lounge is open from 5:00 to 23:00.", now.minusSeconds(1400), now.minusSeconds(800));
        db.drafts().approve(failed, "agent", null, now.minusSeconds(1000));
        db.outbox().due(now, 10).stream().filter(e -> e.draftId() == failed)
                .forEach(e -> db.outbox().attemptFailed(e.id(), "rejected: 403 You are not allowed to reply to this post", null));
        long rejected = draft(db, "1992", new Author("16", "bait_bot", "Not A Troll"), "@acmeair your airline is a joke lol prove me wrong",
                analysis(Sentiment.Label.NEGATIVE, -0.6, Emotion.Label.NONE, Intent.Label.OTHER, true),
                "troll-ignore", "Hi @bait_bot, we're sorry to hear that.", now.minusSeconds(1300), now.minusSeconds(700));
        db.drafts().reject(rejected, "agent", "bait", now.minusSeconds(900));
        // Every triage thread held by a post that hangs: the console shows the stall with the breaches.
        db.alerts().raise(org.careloop.pipeline.TriageLedger.STALLED, null, "Triage stalled: x post 2005 waited 1m for a free triage thread, "
                + "every one busy (the longest: x post 1994 for 4m12s); posts wait with their feeds, none is lost");
        // A follow-up in a thread: the customer answers the question our published reply asked.
        long asked = draft(db, "1993", new Author("17", "ana_p", "Ana Pereira"), "@acmeair the app crashes every time I try to check in",
                analysis(Sentiment.Label.NEGATIVE, -0.5, Emotion.Label.FRUSTRATION, Intent.Label.PROBLEM, false),
                "ticket", "Sorry about the crash at check-in, Ana. Which phone are you using?", now.minusSeconds(900), now.minusSeconds(300));
        db.drafts().approve(asked, "agent", null, now.minusSeconds(840));
        draft(db, "2004", "1993", new Author("17", "ana_p", "Ana Pereira"), "@acmeair iPhone 12, on the latest update",
                analysis(Sentiment.Label.NEUTRAL, 0.0, Emotion.Label.NONE, Intent.Label.OTHER, false),
                "thread-answer", "Thanks for getting back to us, Ana. Send us a DM and we'll carry on from there.", now.minusSeconds(120), now.plusSeconds(480));
    }

    static Analysis analysis(Sentiment.Label label, double score, Emotion.Label emotion, Intent.Label intent, boolean troll) {
        return new Analysis("en", new Sentiment(label, score, 0.8), new Emotion(emotion, 0.7), new Troll(troll, troll ? 0.8 : 0.05, false,
                troll ? List.of("challenge to argue") : List.of()), new Intent(intent, 0.75),
                List.of("sentiment " + label.id() + " " + score, "intent " + intent.id()));
    }

    static long draft(Database db, String id, Author author, String text, Analysis analysis, String rule, String reply,
                      Instant posted, Instant deadline) {
        return draft(db, id, id, author, text, analysis, rule, reply, posted, deadline);
    }

    static long draft(Database db, String id, String conversation, Author author, String text, Analysis analysis, String rule, String reply,
                      Instant posted, Instant deadline) {
        Mention m = new Mention(Platform.X, "brand", id, author, text, "en", posted, conversation, conversation.equals(id) ? null : conversation,
                "https://x.com/" + author.handle() + "/status/" + id, false, false);
        db.mentions().insertIfNew(m);
        return db.drafts().create(new Draft(0, m, analysis, rule, rule, reply, DraftStatus.PENDING, posted.plusSeconds(20), deadline,
                null, null, null, null)).id();
    }

    static void screenshots(String base, Path dir) throws Exception {
        Files.createDirectories(dir);
        WebDriver browser = Chromium.start(Files.createTempDirectory("preview-chromium"));
        try {
            browser.get(base + "/");
            browser.findElement(By.name("username")).sendKeys("agent");
            browser.findElement(By.name("password")).sendKeys("agent-password");
            shot(browser, dir, "login");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.card")));
            Thread.sleep(1500);
            shot(browser, dir, "console-1280");
            browser.manage().window().setSize(new Dimension(820, 1180));
            Thread.sleep(800);
            shot(browser, dir, "console-820");
        } finally {
            browser.quit();
        }
    }

    static void shot(WebDriver browser, Path dir, String name) throws Exception {
        System.out.println("Screenshot " + Chromium.screenshot(browser, dir, name).toAbsolutePath());
    }

    /** An account that only has a health state. */
    record Account(String account, Platform platform) implements PlatformAdapter {
        public List<String> feeds() {
            return List.of();
        }

        public Batch fetch(String feed, String sinceCursor) {
            return new Batch(List.of(), sinceCursor);
        }

        public Published publish(Reply reply) {
            throw new UnsupportedOperationException("preview only");
        }

        public Identity identify() {
            return new Identity("1", account, account);
        }
    }
}
