package org.careloop.web;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.careloop.platform.Connections;
import org.careloop.store.Database;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The console served over a database of its own, and Chromium looking at it: what the browser tests share.
 * An agent ({@code agent} / {@code agent-password}) may sign in.
 */
record ConsoleBrowser(Database db, TestWeb.Server served, WebDriver browser) implements AutoCloseable {

    /** Skips the test where Chromium is missing (fails it in CI); {@code profile}: where Chromium keeps its profile. */
    static ConsoleBrowser start(String test, String database, Path profile) throws Exception {
        Chromium.assumePresent(test);
        Database db = Database.open("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "sa", "");
        db.users().save(new UserStore.User("agent", Sessions.hash("agent-password"), UserStore.Role.AGENT));
        Clock clock = Clock.systemUTC();
        WebEndpoints web = TestWeb.endpoints(db, new Connections(), clock, db::ping, Optional.empty());
        TestWeb.Server served = TestWeb.serve(db, web, TestWeb.praise(db, web, clock, Optional.empty()), TestWeb.moderation(db, web, new Connections()));
        return new ConsoleBrowser(db, served, Chromium.start(profile));
    }

    /** Signs the agent in through the login form; the queue page follows. */
    void signIn() {
        browser.get(served.base() + "/login");
        browser.findElement(By.name("username")).sendKeys("agent");
        browser.findElement(By.name("password")).sendKeys("agent-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Override
    public void close() {
        browser.quit();
        served.close();
        db.close();
    }

    /** A test class's console and browser, started before its tests and stopped after: {@code @RegisterExtension static Session}. */
    static final class Session implements org.junit.jupiter.api.extension.BeforeAllCallback, org.junit.jupiter.api.extension.AfterAllCallback {

        private final String test;
        private final String database;
        private ConsoleBrowser console;

        Session(String test, String database) {
            this.test = test;
            this.database = database;
        }

        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            console = start(test, database, java.nio.file.Files.createTempDirectory("chromium-"));
        }

        @Override
        public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            if (console != null) {
                console.close();
            }
        }

        Database db() {
            return console.db();
        }

        WebDriver browser() {
            return console.browser();
        }

        void signIn() {
            console.signIn();
        }
    }
}
