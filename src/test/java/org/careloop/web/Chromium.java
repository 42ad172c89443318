package org.careloop.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium and its ChromeDriver, headless, for the tests and tools that look at the console in a real browser. */
public final class Chromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    /**
     * Skips the calling test where Chromium is missing, with the reason printed; in CI, where {@code .ci/run}
     * installs it, its absence fails the test instead, so a browser test is never skipped unseen.
     */
    public static void assumePresent(String test) {
        boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run " + test + ": install Debian's chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(present, () -> {
            String reason = "SKIPPED " + test + ": " + BINARY + " or " + DRIVER + " missing (apt-get install chromium chromium-driver)";
            System.out.println(reason);
            return reason;
        });
    }

    /** A headless browser at a laptop's width, keeping its profile in {@code profile}. */
    public static WebDriver start(Path profile) {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
    }

    /** What the browser shows, as a PNG in {@code dir}; returns its path. */
    public static Path screenshot(WebDriver browser, Path dir, String name) throws java.io.IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".png");
        Files.write(out, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return out;
    }

    /** One element the console may be re-rendering, as a PNG: found again until a whole screenshot of it is taken. */
    public static byte[] elementShot(org.openqa.selenium.support.ui.WebDriverWait wait, org.openqa.selenium.By element) {
        return wait.until(d -> d.findElement(element).getScreenshotAs(OutputType.BYTES));
    }

    /** Clicks a button of an element the console may be re-rendering, finding both again until the click lands. */
    public static void click(org.openqa.selenium.support.ui.WebDriverWait wait, org.openqa.selenium.By element, String button) {
        wait.until(d -> {
            d.findElement(element).findElement(org.openqa.selenium.By.xpath(".//button[text()='" + button + "']")).click();
            return true;
        });
    }
}
