package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careloop.config.Settings;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.careloop.simulator.XWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent's path in a real browser (Debian's Chromium): sign in, see the customer's post in the
 * queue, edit the drafted reply, approve it, and find it threaded under the post on the
 * simulator's public timeline. Screenshots go to target/screenshots.
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static Simulator simulator;
    static CareLoop app;
    static String console;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run the browser test: install Debian's chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(present, () -> {
            String reason = "SKIPPED ConsoleBrowserTest: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " missing (apt-get install chromium chromium-driver)";
            System.out.println(reason);
            return reason;
        });
        simulator = Simulator.start(SimulatorConfig.fromSettings(Settings.of(Map.of(
                "careloop.simulator.port", "0", "careloop.simulator.scenario", "none", "careloop.simulator.state-file", ""))));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        app = CareLoop.start(Settings.load(Map.of(
                "CARELOOP_ADMIN_PASSWORD", "browser-test-password",
                "CARELOOP_X_BRAND_CONSUMER_KEY", "sim-consumer-key", "CARELOOP_X_BRAND_CONSUMER_SECRET", "sim-consumer-secret",
                "CARELOOP_X_BRAND_ACCESS_TOKEN", "sim-acmeair-token", "CARELOOP_X_BRAND_ACCESS_TOKEN_SECRET", "sim-acmeair-secret"), Map.of(
                "careloop.http.port", String.valueOf(port), "careloop.http.host", "127.0.0.1",
                "careloop.simulator.enabled", "false", "careloop.x.api-url", simulator.baseUrl() + "/",
                "careloop.x.poll-cron", "0/1 * * * * ?", "careloop.outbox.interval", "500ms",
                "careloop.db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "careloop.rules.dir", dir.resolve("packaged-rules").toString())));
        console = "http://127.0.0.1:" + port;

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1280,900", "--user-data-dir=" + dir.resolve("chromium").toAbsolutePath());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
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
        assertThat(faq.getText()).contains("rule faq");
        assertThat(faq.findElement(By.tagName("textarea")).getAttribute("value")).contains("@grace_n").contains("8 kg");
        WebElement moan = cardFor("@acmeair 3 hours on the tarmac with no water, worst airline ever");
        assertThat(moan.getText()).contains("rule complaint").contains("frustration");
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
        reply.sendKeys(" Water is on every flight, always.");
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

    static WebElement cardFor(String postText) {
        return browser.findElements(By.cssSelector("#pending article.card")).stream()
                .filter(c -> c.findElement(By.cssSelector(".post-text")).getText().equals(postText)).findFirst().orElseThrow();
    }

    static void screenshot(String name) throws Exception {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
