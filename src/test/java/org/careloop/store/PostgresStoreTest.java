package org.careloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.careloop.platform.Mention;
import org.careloop.web.UserStore.Role;
import org.careloop.web.UserStore.User;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same stores and migrations on a real PostgreSQL server, started by the test. */
class PostgresStoreTest extends StoreContract {

    static EmbeddedPostgres postgres;
    static Database db;
    static java.nio.file.Path serverLog;

    @BeforeAll
    static void start() throws Exception {
        serverLog = java.nio.file.Files.createTempFile("careloop-pg", ".log");
        postgres = EmbeddedPostgres.builder()
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
                .start();
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
        java.nio.file.Files.deleteIfExists(serverLog);
    }

    /** A post seen twice (two pollers, two nodes) is no database error: the server's log stays clean. */
    @Test
    void aPostSeenTwiceLeavesNoErrorInTheServersLog() throws Exception {
        Mention m = mention(newId(), null);
        assertThat(db.mentions().insertIfNew(m)).isTrue();
        assertThat(db.mentions().insertIfNew(m)).isFalse();
        assertThat(db.users().create(new User("twice", "hash", Role.AGENT))).isTrue();
        assertThat(db.users().create(new User("twice", "hash", Role.AGENT))).isFalse();
        String log = java.nio.file.Files.readString(serverLog);
        assertThat(log).as("the server's log").contains("database system is ready")
                .doesNotContain("\"mentions_pkey\"").doesNotContain("\"users_pkey\"").doesNotContain("surge").doesNotContain("qrtz_locks_pkey");
    }

    @Override
    Database db() {
        return db;
    }

    @Override
    Database anotherNode() {
        return Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    /**
     * A claim reads the partial index of the waiting posts (V25_2): through the index of all posts a
     * claim cost more with every post triaged before it (5 ms with 6,000, 19 ms with 12,000 on three nodes).
     */
    @Test
    void aClaimReadsOnlyTheWaitingPosts() throws Exception {
        try (java.sql.Connection admin = postgres.getPostgresDatabase().getConnection()) {
            admin.createStatement().execute("create database claims");
        }
        String url = postgres.getJdbcUrl("postgres", "claims");
        Database.open(url, "postgres", "postgres").close();
        StringBuilder plan = new StringBuilder();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres")) {
            c.createStatement().execute("insert into mentions (platform, id, account, text, retweet, from_brand, seen_at, triaged_at) "
                    + "select 'x', 'p' || g, 'brand', 'a post', false, false, now() - g * interval '1 second', "
                    + "case when g > 3 then now() end from generate_series(1, 20000) g");
            c.createStatement().execute("analyze mentions");
            try (java.sql.PreparedStatement ps = c.prepareStatement("explain " + JdbcMentionStore.CLAIM)) {
                ps.setObject(1, java.time.OffsetDateTime.now());
                ps.setInt(2, 3);
                ps.setInt(3, 9);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        assertThat(plan.toString()).as("the claim's plan").contains("mentions_waiting");
    }

    @Test
    void runsOnPostgres() {
        assertThat(db.kind()).isEqualTo("PostgreSQL");
    }

    /** Two nodes starting together on one database: the second starts its routes once the first has. */
    @Test
    void nodesStartOneAfterTheOther() throws Exception {
        try (Database other = anotherNode()) {
            CountDownLatch secondHasIt = new CountDownLatch(1);
            Thread second;
            try (AutoCloseable first = db.startingAlone()) {
                second = new Thread(() -> {
                    try (AutoCloseable mine = other.startingAlone()) {
                        secondHasIt.countDown();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                second.start();
                assertThat(secondHasIt.await(1, TimeUnit.SECONDS)).as("the second node waits while the first starts").isFalse();
            }
            assertThat(secondHasIt.await(30, TimeUnit.SECONDS)).as("the second node starts once the first has").isTrue();
            second.join(30_000);
        }
    }

    /**
     * Quartz's clustered job store runs on the tables the migration made: it checks in, stores a job and fires it, on the
     * lock rows the migration put there (V27), so its threads never race to insert them (a duplicate-key ERROR in the log).
     */
    @Test
    void quartzRunsClusteredOnTheMigratedTables() throws Exception {
        Properties p = db.clusteredScheduler(Duration.ofSeconds(5));
        assertThat(p).containsEntry("org.quartz.jobStore.isClustered", "true").containsEntry("org.quartz.scheduler.instanceId", "AUTO")
                .containsEntry("org.quartz.scheduler.instanceName", "careloop");
        try (var c = java.sql.DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
             var rs = c.createStatement().executeQuery("select lock_name from qrtz_locks where sched_name = 'careloop' order by lock_name")) {
            java.util.List<String> locks = new java.util.ArrayList<>();
            while (rs.next()) {
                locks.add(rs.getString(1));
            }
            assertThat(locks).as("the lock rows, there before any node starts").containsExactly("STATE_ACCESS", "TRIGGER_ACCESS");
        }
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        try {
            scheduler.getContext().put("fired", FIRED);
            scheduler.start();
            assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
            scheduler.scheduleJob(JobBuilder.newJob(Count.class).withIdentity("count", "test").build(),
                    TriggerBuilder.newTrigger().withIdentity("count", "test").startNow().build());
            assertThat(FIRED.await(30, TimeUnit.SECONDS)).as("the stored job fired").isTrue();
            try (var c = java.sql.DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                 var rs = c.createStatement().executeQuery("select count(*) from qrtz_scheduler_state where sched_name = 'careloop'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the node checked in").isEqualTo(1);
            }
            assertThat(java.nio.file.Files.readString(serverLog)).as("the server's log").doesNotContain("qrtz_locks_pkey");
        } finally {
            scheduler.shutdown(true);
        }
    }

    static final CountDownLatch FIRED = new CountDownLatch(1);

    /** A job that says it ran. */
    public static final class Count implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            FIRED.countDown();
        }
    }
}
