package org.careloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.careloop.platform.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores on the embedded default: H2 in a file, as {@code run} uses it. */
class H2StoreTest extends StoreContract {

    @TempDir
    static Path dir;
    static Database db;

    @BeforeAll
    static void open() {
        db = Database.open(url(), "careloop", "");
    }

    static String url() {
        return "jdbc:h2:file:" + dir.resolve("careloop").toAbsolutePath();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    Database db() {
        return db;
    }

    @Override
    Database anotherNode() {
        return Database.open(url(), "careloop", "");
    }

    @Test
    void theClusteredSchedulerNeedsPostgres() {
        assertThatThrownBy(() -> db.clusteredScheduler(java.time.Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs PostgreSQL");
    }

    @Test
    void dataSurvivesReopening() {
        Path file = dir.resolve("reopen");
        String url = "jdbc:h2:file:" + file.toAbsolutePath();
        var m = mention(newId(), null);
        try (Database first = Database.open(url, "careloop", "")) {
            first.mentions().insertIfNew(m);
            first.cursors().put("brand", "mentions", "42");
        }
        try (Database second = Database.open(url, "careloop", "")) {
            assertThat(second.kind()).isEqualTo("H2");
            assertThat(second.mentions().insertIfNew(m)).isFalse();
            assertThat(second.mentions().find(Platform.X, m.id())).contains(m);
            assertThat(second.cursors().get("brand", "mentions")).contains("42");
        }
    }

    /**
     * A commit is on disk when it returns: a process killed right after it (kill -9, no shutdown
     * hook) loses nothing. H2's default wrote commits up to half a second late, and the publisher's
     * "in flight" mark was lost with them.
     */
    @Test
    void commitsSurviveAKilledProcess() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("killed").toAbsolutePath();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), KilledWriter.class.getName(), url)
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed-writer.log").toFile()).start();
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as("the writer halted itself after its commits").isEqualTo(KilledWriter.HALTED);
        try (Database reopened = Database.open(url, "careloop", "")) {
            for (int i = 0; i < KilledWriter.COMMITS; i++) {
                assertThat(reopened.cursors().get("brand", "feed-" + i)).as("commit %d", i).contains(String.valueOf(i));
            }
        }
    }

    /** Commits, then dies the way kill -9 kills: no shutdown hook, no close. */
    static final class KilledWriter {
        static final int COMMITS = 20;
        static final int HALTED = 137;

        public static void main(String[] args) {
            Database db = Database.open(args[0], "careloop", "");
            for (int i = 0; i < COMMITS; i++) {
                db.cursors().put("brand", "feed-" + i, String.valueOf(i));
            }
            Runtime.getRuntime().halt(HALTED);
        }
    }

    @Test
    void theDatabasesDirectoryAndFilesAreOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path data = dir.resolve("private").resolve("data");
        String url = "jdbc:h2:file:" + data.resolve("careloop").toAbsolutePath();
        try (Database db = Database.open(url, "careloop", "")) {
            db.audit().record("api", "test", "private", "ticket text");
            // A failing statement: H2 would trace it to a file beside the data.
            try (var c = java.sql.DriverManager.getConnection(Database.embeddedDefaults(url), "careloop", ""); var st = c.createStatement()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("select nothing from nowhere")).isInstanceOf(java.sql.SQLException.class);
            }
        }
        assertThat(permissions(dir.resolve("private"))).isEqualTo("rwx------");
        assertThat(permissions(data)).isEqualTo("rwx------");
        try (var files = java.nio.file.Files.list(data)) {
            assertThat(files.toList()).extracting(f -> f.getFileName() + " " + permissions(f)).containsExactly("careloop.mv.db rw-------");
        }
        // A file an earlier version left readable is made owner-only.
        java.nio.file.Files.setPosixFilePermissions(data.resolve("careloop.mv.db"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        try (Database again = Database.open(url, "careloop", "")) {
            assertThat(again.audit().latest(1).get(0).detail()).isEqualTo("ticket text");
        }
        assertThat(permissions(data.resolve("careloop.mv.db"))).isEqualTo("rw-------");
    }

    static String permissions(Path p) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void upgradingGivesFilesAttachedEarlierSafeNames() throws Exception {
        String url = Database.embeddedDefaults("jdbc:h2:file:" + dir.resolve("names").toAbsolutePath());
        try (var ds = new com.zaxxer.hikari.HikariDataSource()) {
            ds.setJdbcUrl(url);
            ds.setUsername("careloop");
            ds.setPassword("");
            // A database as version 12 left it, with a file named to pass for a picture.
            org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new V9_1__AnalysisLabels())
                    .target("12").load().migrate();
            try (var c = ds.getConnection(); var st = c.createStatement()) {
                st.execute("insert into mentions (platform, id, account, text, retweet, from_brand, seen_at) values "
                        + "('x', '78', 'brand', 'my bag', false, false, current_timestamp)");
                st.execute("insert into tickets (id, token, rating_token, status, platform, account, mention_id, subject, priority, created_at, "
                        + "updated_at) values (1, 'tok', 'rate', 'OPEN', 'x', 'brand', '78', 'your bag', 'normal', current_timestamp, current_timestamp)");
                st.execute("insert into ticket_messages (id, ticket_id, at, kind, author, body) values (1, 1, current_timestamp, 'CUSTOMER', "
                        + "'customer', 'see the files')");
                st.execute("insert into ticket_attachments (ticket_id, message_id, filename, content_type, size_bytes, content, created_at) values "
                        + "(1, 1, U&'invoice\\202Egnp.exe', 'image/png', 1, X'00', current_timestamp), "
                        + "(1, 1, 'bag tag.png', 'image/png', 1, X'00', current_timestamp)");
            }
        }
        try (Database upgraded = Database.open(url, "careloop", "")) {
            assertThat(upgraded.tickets().attachments(1)).extracting(org.careloop.tickets.Ticket.Attachment::filename)
                    .containsExactly("invoicegnp.exe", "bag tag.png");
        }
    }

    @Test
    void upgradingFillsTheVolumeLabelsOfEarlierPosts() throws Exception {
        String url = Database.embeddedDefaults("jdbc:h2:file:" + dir.resolve("upgrade").toAbsolutePath());
        try (var ds = new com.zaxxer.hikari.HikariDataSource()) {
            ds.setJdbcUrl(url);
            ds.setUsername("careloop");
            ds.setPassword("");
            // A database as version 8 left it, with one analysed post.
            org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("8").load().migrate();
            try (var c = ds.getConnection(); var st = c.createStatement()) {
                st.execute("insert into mentions (platform, id, account, text, retweet, from_brand, seen_at, analysis) values "
                        + "('x', '77', 'brand', 'lol', false, false, current_timestamp, "
                        + "'{\"lang\":\"en\",\"sentiment\":{\"label\":\"NEGATIVE\",\"score\":-0.9,\"confidence\":0.9},"
                        + "\"troll\":{\"label\":true,\"score\":0.8},\"intent\":{\"label\":\"OTHER\",\"confidence\":0.8},\"reasons\":[]}')");
            }
        }
        try (Database upgraded = Database.open(url, "careloop", "")) {
            var v = upgraded.mentions().volume(java.time.Instant.now().minusSeconds(3600));
            assertThat(v).singleElement().satisfies(row -> {
                assertThat(row.sentiment()).isEqualTo("negative");
                assertThat(row.intent()).isEqualTo("other");
                assertThat(row.troll()).isTrue();
            });
        }
    }
    @Test
    void upgradingTakesTheLastDaysTextsInTheLedger() throws Exception {
        String url = Database.embeddedDefaults("jdbc:h2:file:" + dir.resolve("upgrade-texts").toAbsolutePath());
        try (var ds = new com.zaxxer.hikari.HikariDataSource()) {
            ds.setJdbcUrl(url);
            ds.setUsername("careloop");
            ds.setPassword("");
            // A database as version 24 left it: a reply of an hour ago, one of two days ago, and a minute's reservation.
            org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    .javaMigrations(new V9_1__AnalysisLabels(), new V12_1__SafeAttachmentNames()).target("24").load().migrate();
            try (var c = ds.getConnection(); var st = c.createStatement()) {
                st.execute("insert into mentions (platform, id, account, text, retweet, from_brand, seen_at) values "
                        + "('x', '79', 'brand', 'my bag', false, false, current_timestamp)");
                for (String[] draft : new String[][] {{"Sorry about your bag, Sam", "1"}, {"Sorry about your bag, Kim", "48"}}) {
                    st.execute("insert into drafts (platform, mention_id, rule_id, template_id, text, status, created_at, deadline) values "
                            + "('x', '79', 'r', 't', '" + draft[0] + "', 'PUBLISHED', dateadd('HOUR', -" + draft[1] + ", current_timestamp), "
                            + "current_timestamp)");
                }
                st.execute("insert into recent_texts (platform, account, text_hash, taken_at) values ('x', 'brand', '"
                        + JdbcRecentTexts.sha256("Sorry about your bag, Sam") + "', current_timestamp)");
            }
        }
        try (Database upgraded = Database.open(url, "careloop", "")) {
            assertThat(upgraded.recentTexts().takenAmong("x", "brand", List.of("Sorry about your bag, Sam", "Sorry about your bag, Kim"),
                    java.time.Instant.now())).containsExactly("Sorry about your bag, Sam");
        }
    }
}
