package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careloop.config.Settings;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.XWorld;
import org.careloop.web.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent's path in a real browser (Debian's Chromium): sign in, see the customer's post in the
 * queue, edit the drafted reply, approve it, and find it threaded under the post on the
 * simulator's public timeline. Screenshots go to target/screenshots.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    @TempDir
    static Path dir;
    static Simulator simulator;
    static CareLoop app;
    static String console;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumePresent("ConsoleBrowserIT");
        simulator = SimulatedPlatforms.start();
        int port = SimulatedPlatforms.freePort();
        app = CareLoop.start(Settings.load(SimulatedPlatforms.xBrandAnd(Map.of("CARELOOP_ADMIN_PASSWORD", "browser-test-password")), Map.of(
                "careloop.http.port", String.valueOf(port), "careloop.http.host", "127.0.0.1",
                "careloop.simulator.enabled", "false", "careloop.x.api-url", simulator.baseUrl() + "/",
                "careloop.x.poll-cron", "0/1 * * * * ?", "careloop.outbox.interval", "500ms",
                "careloop.db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "careloop.rules.dir", dir.resolve("packaged-rules").toString())));
        console = "http://127.0.0.1:" + port;

        browser = Chromium.start(dir.resolve("chromium"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.stop();
        }
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void agentApprovesOneDraftEditsAndApprovesAnotherAndThePublicSeesBothInTheirThreads() throws Exception {
        String question = new Http().postTweet(simulator.baseUrl(), "sim:grace_n", "@acmeair can I bring my cat in the cabin?", null);
        String complaint = new Http().postTweet(simulator.baseUrl(), "sim:tom_r",
                "@acmeair 3 hours on the tarmac with no water, worst airline ever", null);
        new Http().postTweet(simulator.baseUrl(), "sim:hot_takes_99", "lol imagine flying @acmeair in 2026. your CEO is a clown", null);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        browser.get(console + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("browser-test-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(d -> d.findElements(By.cssSelector("#pending article.card")).size() == 2);
        WebElement faq = cardFor("@acmeair can I bring my cat in the cabin?");
        assertThat(faq.findElement(By.cssSelector(".handle")).getText()).isEqualTo("@grace_n");
        assertThat(faq.getText()).contains("rule answer");
        assertThat(faq.findElement(By.tagName("textarea")).getAttribute("value")).contains("@grace_n").contains("8 kg");
        WebElement moan = cardFor("@acmeair 3 hours on the tarmac with no water, worst airline ever");
        // Hours on the tarmac, told after: an apology (care leads' reading; a person only when someone is unwell).
        assertThat(moan.getText()).contains("rule apologize").contains("frustration");
        // The troll gets no draft: it is listed as not answered, with the rule and the signals that fired.
        wait.until(d -> d.findElement(By.id("ignored")).getText().contains("your CEO is a clown"));
        assertThat(browser.findElement(By.id("ignored")).getText()).contains("bait").contains("troll");
        screenshot("console-queue");

        // One approved as drafted, with the button.
        faq.findElement(By.cssSelector("[data-act=approve]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Approved"));

        // The other edited, then approved from the keyboard; editing claims it for this agent.
        WebElement reply = moan.findElement(By.tagName("textarea"));
        assertThat(reply.getAttribute("value")).startsWith("@tom_r, ");
        reply.click();
        // The agent rewrites it (the drafted apology is long already, so no appending).
        reply.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
        reply.sendKeys("@tom_r, I'm so sorry about those 3 hours. Please DM us your booking reference. Water is on every flight, always.");
        wait.until(ExpectedConditions.textToBePresentInElement(moan.findElement(By.cssSelector(".holder")), "You are handling this draft"));
        screenshot("console-editing");
        reply.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.ENTER));
        wait.until(d -> d.findElements(By.cssSelector("#pending article.card")).isEmpty());

        XWorld.Post toGrace = new Http().await(Duration.ofSeconds(30), "the FAQ reply on the simulator",
                () -> simulator.published().stream().filter(p -> question.equals(p.inReplyToId())).findFirst().orElse(null));
        XWorld.Post toTom = new Http().await(Duration.ofSeconds(30), "the edited reply on the simulator",
                () -> simulator.published().stream().filter(p -> complaint.equals(p.inReplyToId())).findFirst().orElse(null));
        assertThat(toGrace.text()).contains("8 kg");
        assertThat(toTom.text()).endsWith("Water is on every flight, always.");
        // The status label is upper-cased by the style sheet, and Selenium reads rendered text.
        wait.until(d -> d.findElement(By.id("recent")).getText().toLowerCase().split("published", -1).length > 2);
        screenshot("console-after-approval");

        browser.get(simulator.baseUrl() + "/");
        for (String[] expected : new String[][] {{question, "8 kg"}, {complaint, "Water is on every flight, always."}}) {
            WebElement thread = browser.findElement(By.xpath("//article[@id='p" + expected[0] + "']/parent::div[contains(@class,'thread')]"));
            List<WebElement> replies = thread.findElements(By.cssSelector(".replies article.brand"));
            assertThat(replies).hasSize(1);
            assertThat(replies.get(0).getText()).contains(expected[1]);
        }
        screenshot("timeline");
    }

    /**
     * A troubleshooting case the whole way: the post gets a draft with the ticket link, the agent
     * approves it, the customer opens the link, adds details and a photo, the agent answers and
     * resolves, the closing message goes out in the original thread, and the customer rates the help.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void aTroubleshootingCaseGoesFromThePostToTheClosingMessageAndTheRating() throws Exception {
        String post = new Http().postTweet(simulator.baseUrl(), "sim:nadia_k",
                "@acmeair my bag never arrived on flight AC431 from Lisbon, what do I do now?", null);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn();
        wait.until(d -> d.findElements(By.cssSelector("#pending article.card")).stream()
                .anyMatch(c -> c.getText().contains("flight AC431")));
        WebElement card = cardFor("@acmeair my bag never arrived on flight AC431 from Lisbon, what do I do now?");
        assertThat(card.findElement(By.cssSelector("a.badge.ticket")).getText()).startsWith("ticket #");
        assertThat(card.findElement(By.tagName("textarea")).getAttribute("value")).contains("/t/");
        screenshot("ticket-draft");
        card.findElement(By.cssSelector("[data-act=approve]")).click();

        XWorld.Post reply = new Http().await(Duration.ofSeconds(30), "the reply with the ticket link",
                () -> simulator.published().stream().filter(p -> post.equals(p.inReplyToId())).findFirst().orElse(null));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(http://\\S+/t/[A-Za-z0-9_-]+)").matcher(reply.text());
        assertThat(link.find()).as("the public reply carries the ticket link: " + reply.text()).isTrue();

        // The customer, signed in nowhere, opens the link from the public reply.
        browser.manage().deleteAllCookies();
        browser.get(link.group(1));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Case #").contains("your bag");
        assertThat(browser.getCurrentUrl()).contains("/c/").doesNotContain(link.group(1));
        String privatePage = browser.getCurrentUrl().replaceAll("\\?.*$", "");
        Path photo = dir.resolve("bag-tag.png");
        Files.write(photo, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=="));
        browser.findElement(By.id("body")).sendKeys("Booking ref QX7P2L, bag tag LIS 448812, a red hard-shell case.");
        browser.findElement(By.id("file1")).sendKeys(photo.toAbsolutePath().toString());
        screenshot("ticket-customer-page");
        browser.findElement(By.cssSelector("form.add button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "our team has your message"));
        assertThat(browser.findElement(By.cssSelector(".messages")).getText()).contains("QX7P2L").contains("bag-tag.png");

        // The agent reads it on the tickets page, answers privately and resolves.
        signIn();
        browser.get(console + "/tickets");
        wait.until(d -> d.findElement(By.id("ticket")).getText().contains("QX7P2L"));
        assertThat(browser.findElement(By.id("ticket")).getText()).contains("bag-tag.png").contains("@nadia_k");
        browser.findElement(By.id("answer")).sendKeys("Found it in Lisbon: it lands tomorrow at 10:00 and our courier brings it to you.");
        browser.findElement(By.id("send-answer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Sent"));
        browser.findElement(By.cssSelector(".styles-box summary")).click();
        wait.until(d -> d.findElement(By.id("styles")).getText().contains("X brand"));
        assertThat(browser.findElement(By.id("styles")).getText()).contains("link").contains("$20.00 / 100").contains("$1.50 / 100");
        screenshot("ticket-agent");
        browser.findElement(By.id("resolve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Resolved"));

        // The closing message waits in the queue like any reply, and goes out in the original thread.
        browser.get(console + "/");
        wait.until(d -> d.findElements(By.cssSelector("#pending article.card")).stream().anyMatch(c -> c.getText().contains("closing message")));
        WebElement closing = browser.findElements(By.cssSelector("#pending article.card")).stream()
                .filter(c -> c.getText().contains("closing message")).findFirst().orElseThrow();
        screenshot("ticket-closing-draft");
        closing.findElement(By.cssSelector("[data-act=approve]")).click();
        XWorld.Post closed = new Http().await(Duration.ofSeconds(30), "the closing message in the thread",
                () -> simulator.published().stream().filter(p -> post.equals(p.inReplyToId()) && !p.id().equals(reply.id()))
                        .findFirst().orElse(null));
        assertThat(closed.text()).contains("your bag").doesNotContain("QX7P2L", "448812", "courier", "10:00");
        java.util.regex.Matcher rate = java.util.regex.Pattern.compile("(http://\\S+/r/[A-Za-z0-9_-]+)").matcher(closed.text());
        assertThat(rate.find()).as("the closing message invites a rating: " + closed.text()).isTrue();

        // The customer rates the help from the public closing message.
        browser.manage().deleteAllCookies();
        browser.get(rate.group(1));
        browser.findElement(By.cssSelector("label[for=star5]")).click();
        browser.findElement(By.id("comment")).sendKeys("Quick and kind, thank you");
        screenshot("ticket-rating");
        browser.findElement(By.cssSelector("form.rate button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Thank you"));
        var ticket = app.database().tickets().list(java.util.Set.of(), 50).stream().filter(t -> t.mentionId().equals(post)).findFirst().orElseThrow();
        assertThat(ticket.rating()).isEqualTo(5);
        assertThat(ticket.ratingComment()).isEqualTo("Quick and kind, thank you");
        assertThat(ticket.resolvedBy()).isEqualTo("admin");
        // Nothing from the private page ever reached a public post, nor the page's own key.
        assertThat(simulator.published()).extracting(XWorld.Post::text)
                .noneMatch(t -> t.contains("QX7P2L") || t.contains("448812") || t.contains("courier") || t.contains(ticket.pageToken()));
        // The link in the public reply was used: it opens nothing private for anyone else.
        browser.manage().deleteAllCookies();
        browser.get(link.group(1));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link has been used");
        assertThat(browser.getPageSource()).doesNotContain("QX7P2L").doesNotContain(privatePage);
    }

    static void signIn() {
        browser.get(console + "/login");
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("browser-test-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("pending")));
    }

    static WebElement cardFor(String postText) {
        return browser.findElements(By.cssSelector("#pending article.card")).stream()
                .filter(c -> c.findElement(By.cssSelector(".post-text")).getText().equals(postText)).findFirst().orElseThrow();
    }

    static void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, Path.of("target", "screenshots"), name);
    }
}
