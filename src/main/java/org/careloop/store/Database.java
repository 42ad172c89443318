package org.careloop.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.careloop.care.Alerts;
import org.careloop.care.AuditLog;
import org.careloop.care.DraftStore;
import org.careloop.care.Outbox;
import org.careloop.care.RecentTexts;
import org.careloop.care.Switches;
import org.careloop.config.PrivateFiles;
import org.careloop.config.Settings;
import org.careloop.marketing.PraiseStore;
import org.careloop.pipeline.MentionStore;
import org.careloop.platform.camel.CursorStore;
import org.careloop.tickets.TicketStore;
import org.careloop.web.LoginBrake;
import org.careloop.web.SessionStore;
import org.careloop.web.UserStore;
import org.careloop.webhook.WebhookStore;
import org.flywaydb.core.Flyway;

/**
 * The database: a connection pool, the migrations applied at open, and the stores on top. The
 * embedded H2 (in PostgreSQL mode) is the default; a {@code jdbc:postgresql:} URL selects
 * PostgreSQL. Both run the same migrations in {@code db/migration}.
 */
public final class Database implements AutoCloseable {

    /** The advisory lock's key: any number other applications on the database do not use ("CareLoop" in ASCII). */
    private static final long START_LOCK = 0x436172654c6f6f70L;
    private final HikariDataSource dataSource;
    private final Jdbc jdbc;
    private final Clock clock;
    private volatile QuartzConnections scheduler;

    private Database(HikariDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /**
     * Where the database is and how many connections a node keeps ({@code careloop.db.*}); the password only
     * from the environment (CARELOOP_DB_PASSWORD).
     */
    public record Location(String url, String user, String password, int poolSize) {

        public static Location fromSettings(Settings settings) {
            String url = settings.get("careloop.db.url", "jdbc:h2:file:./data/careloop").strip();
            if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("Setting careloop.db.url (CARELOOP_DB_URL) must be jdbc:postgresql://host/db "
                        + "or an embedded jdbc:h2: URL, got: " + url);
            }
            int pool = settings.getInt("careloop.db.pool-size", 10);
            if (pool < 1) {
                throw new IllegalArgumentException("Setting careloop.db.pool-size must be 1 or more, got " + pool);
            }
            return new Location(url, settings.get("careloop.db.user", "careloop"), settings.secret("CARELOOP_DB_PASSWORD").orElse(""), pool);
        }

        @Override
        public String toString() {
            return "Location[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
        }
    }

    public static Database open(Settings settings) {
        return open(Location.fromSettings(settings));
    }

    public static Database open(Location at) {
        return open(at.url(), at.user(), at.password(), at.poolSize());
    }

    public static Database open(String url, String user, String password) {
        return open(url, user, password, 5);
    }

    static Database open(String url, String user, String password, int poolSize) {
        keepPrivate(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(embeddedDefaults(url));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("careloop-db");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            // PostgreSQL also gets Quartz's tables, for the clustered scheduler of several nodes.
            String[] locations = url.startsWith("jdbc:postgresql:") ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                    : new String[] {"classpath:db/migration"};
            Flyway.configure().dataSource(ds).locations(locations)
                    .javaMigrations(new V9_1__AnalysisLabels(), new V12_1__SafeAttachmentNames(), new V25_1__RecentTextsOfTheDay()).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, Clock.systemUTC());
    }

    /**
     * H2 speaks enough PostgreSQL for one set of migrations when in PostgreSQL mode. It keeps no trace
     * file beside the data (a second copy of failing statements and their values): CareLoop logs the
     * errors it gets. Every commit reaches the file before it returns ({@code WRITE_DELAY=0}): by default
     * H2 writes committed changes up to half a second later, so a killed process forgot the outbox's
     * "in flight" mark and sent a reply the platform already had.
     */
    static String embeddedDefaults(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String out = url;
        if (!url.toUpperCase().contains("MODE=")) {
            out += ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        if (!url.toUpperCase().contains("TRACE_LEVEL_FILE=")) {
            out += ";TRACE_LEVEL_FILE=0";
        }
        if (!url.toUpperCase().contains("WRITE_DELAY=")) {
            out += ";WRITE_DELAY=0";
        }
        return out;
    }

    /**
     * An embedded database in a file holds private ticket text, attachments and customer page tokens:
     * its directory is created owner-only, and its file too, before H2 opens it (H2 would create it
     * as the umask says); a file an earlier version left readable is made owner-only.
     */
    static void keepPrivate(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return;
        }
        String name = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("[A-Za-z][A-Za-z0-9]+:.*")) {
            return; // mem:, tcp:, ssl:, zip: and H2's other stores are not a file of ours (a drive letter is one letter)
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        Path file = Path.of(name + ".mv.db").toAbsolutePath();
        try {
            PrivateFiles.directories(file.getParent());
            PrivateFiles.file(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the database file " + file + " owner-only: " + e.getMessage(), e);
        }
    }

    public MentionStore mentions() {
        return new JdbcMentionStore(jdbc, clock);
    }

    public DraftStore drafts() {
        return new JdbcDraftStore(jdbc, clock);
    }

    /** The outbox of approved replies: the same tables as the drafts, written in the same transactions. */
    public Outbox outbox() {
        return new JdbcDraftStore(jdbc, clock);
    }

    public CursorStore cursors() {
        return new JdbcCursorStore(jdbc, clock);
    }

    public UserStore users() {
        return new JdbcUserStore(jdbc, clock);
    }

    /** Console sessions, shared by every node on this database. */
    public SessionStore sessions() {
        return new JdbcSessionStore(jdbc, clock);
    }

    /** The counts of the console's brake on password guessing, shared by every node on this database. */
    public LoginBrake loginBrake() {
        return new JdbcLoginBrake(jdbc);
    }

    public TicketStore tickets() {
        return new JdbcTicketStore(jdbc);
    }

    public WebhookStore webhooks() {
        return new JdbcWebhookStore(jdbc);
    }

    /** The reply texts taken on each account in the last minute, shared by every node on this database. */
    public RecentTexts recentTexts() {
        return new JdbcRecentTexts(jdbc);
    }

    public Alerts alerts() {
        return new JdbcAlerts(jdbc, clock);
    }

    /** Posts per minute per topic and care action, and the surges found in them. */
    public org.careloop.care.Surges surges() {
        return new JdbcSurges(jdbc);
    }

    /** Pending replies grouped by what they are about. */
    public org.careloop.care.Clusters clusters() {
        return new JdbcClusters(jdbc);
    }

    /** Clusters declared one problem, with their posts, tickets and the team's notes. */
    public org.careloop.tickets.IncidentStore incidents() {
        return new JdbcIncidentStore(jdbc);
    }

    public Switches switches() {
        return new JdbcSwitches(jdbc, clock);
    }

    public PraiseStore praise() {
        return new JdbcPraiseStore(jdbc, clock);
    }

    public AuditLog audit() {
        return new JdbcAuditLog(jdbc, clock);
    }

    /**
     * Quartz's properties for its clustered JDBC job store on this database, PostgreSQL only: the
     * nodes that schedule with them share their jobs, each job fires on one node at a time, and the
     * jobs of a node that stops checking in for {@code checkinInterval} (plus Quartz's 7.5 s) move to
     * the others. The scheduler gets a connection pool of its own, closed with the database.
     */
    public synchronized java.util.Properties clusteredScheduler(java.time.Duration checkinInterval) {
        if (!"PostgreSQL".equals(kind())) {
            throw new IllegalStateException("Quartz's clustered job store needs PostgreSQL; this database is " + kind());
        }
        if (scheduler == null) {
            scheduler = new QuartzConnections(dataSource);
        }
        return scheduler.schedulerProperties(checkinInterval);
    }

    /**
     * Held while a node starts its routes, released on close. Camel's Quartz consumers look for their
     * trigger and then store it; two nodes starting together on one PostgreSQL both find none and the
     * second fails to start ("Unable to store Trigger ... because one already exists"). PostgreSQL's
     * advisory lock makes the nodes start one after the other. On H2, which one process holds, a no-op.
     */
    public AutoCloseable startingAlone() {
        if (!"PostgreSQL".equals(kind())) {
            return () -> { };
        }
        try {
            Connection c = dataSource.getConnection();
            try (var s = c.prepareStatement("select pg_advisory_lock(?)")) {
                s.setLong(1, START_LOCK);
                s.execute();
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return () -> {
                try (c; var s = c.prepareStatement("select pg_advisory_unlock(?)")) {
                    s.setLong(1, START_LOCK);
                    s.execute();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock on the database: " + e.getMessage(), e);
        }
    }

    /** "H2" or "PostgreSQL". */
    public String kind() {
        return jdbc.run(c -> c.getMetaData().getDatabaseProductName());
    }

    /** True when the database answers a trivial query within two seconds: the health check. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
        dataSource.close();
    }
}
