package org.careloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
        db = Database.open("jdbc:h2:file:" + dir.resolve("careloop").toAbsolutePath(), "careloop", "");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    Database db() {
        return db;
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
}
