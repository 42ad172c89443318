package org.careloop.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The connections of Quartz's clustered JDBC job store: a small pool of its own on CareLoop's
 * PostgreSQL, so that a pipeline busy with every connection of the main pool never keeps the
 * scheduler from checking in (a node that misses its check-ins is taken for dead and its jobs run
 * elsewhere), registered with Quartz under a name of its own.
 */
final class QuartzConnections implements ConnectionProvider {

    /** Quartz's worker threads per node; its pool has three more for the scheduler's own work (Quartz's advice). */
    static final int THREADS = 10;

    private final HikariDataSource pool;
    private final String name;

    QuartzConnections(HikariDataSource main) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(main.getJdbcUrl());
        config.setUsername(main.getUsername());
        config.setPassword(main.getPassword());
        config.setMaximumPoolSize(THREADS + 3);
        config.setMinimumIdle(1);
        config.setPoolName("careloop-scheduler");
        this.pool = new HikariDataSource(config);
        this.name = "careloop-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(name, this);
    }

    /**
     * Quartz's properties for the job store in the {@code qrtz_} tables (db/postgresql): every node
     * with them is one scheduler, {@code careloop}, whose jobs each fire on one node at a time.
     */
    Properties schedulerProperties(Duration checkinInterval) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "careloop");
        // Each node names itself (host and start time): how the others tell a dead node's work from their own.
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", name);
        p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(checkinInterval.toMillis()));
        // Triggers are taken under the database lock: without it two nodes can take the same one.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // A node's scheduler with nothing to fire looks again after this long, or when its own node changes
        // the schedule; a trigger another node just released (its outbox run or poll done) waited for Quartz's
        // default of 30 s, so the outbox and the polls stalled for half a minute now and then. 5 s is
        // Quartz's advised least (a query per node and look).
        p.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
        return p;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void initialize() {
        // The pool is open from the start.
    }

    /** Quartz calls this when its scheduler shuts down; {@link Database#close} closes the pool too. */
    @Override
    public void shutdown() {
        pool.close();
    }
}
