package org.careloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same stores and migrations on a real PostgreSQL server, started by the test. */
class PostgresStoreTest extends StoreContract {

    static EmbeddedPostgres postgres;
    static Database db;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        db = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    Database db() {
        return db;
    }

    @Test
    void runsOnPostgres() {
        assertThat(db.kind()).isEqualTo("PostgreSQL");
    }
}
