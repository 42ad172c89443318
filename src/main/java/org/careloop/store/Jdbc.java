package org.careloop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The little JDBC the stores share: parameters, row mapping, transactions. */
final class Jdbc {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Thrown for database errors; the stores' callers cannot act on a checked SQLException. */
    static final class StoreException extends RuntimeException {
        StoreException(String message, SQLException cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }

    private final DataSource dataSource;

    /**
     * A display value cut to its column's width (as the migrations made it): a platform's or a
     * person's odd value (a handle of 300 characters, a long file name) must not refuse the row, which
     * would set aside the post or lose the upload. Identifiers (post, author and thread ids, tokens,
     * user names) are never cut: a cut one would name another post or person.
     */
    static String cut(String value, int width) {
        if (value == null || value.length() <= width) {
            return value;
        }
        // Never half of a pair of surrogates: the databases count whole characters.
        return value.substring(0, Character.isHighSurrogate(value.charAt(width - 1)) ? width - 1 : width);
    }

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> list(String sql, Row<T> row, Object... args) {
        return run(c -> list(c, sql, row, args));
    }

    <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        return list(sql, row, args).stream().findFirst();
    }

    int update(String sql, Object... args) {
        return run(c -> update(c, sql, args));
    }

    /**
     * Inserts a row unless one with the same key exists: the database's unique key decides, so of
     * two nodes (or two threads) racing on one row exactly one wins.
     *
     * @return true when this call inserted it
     */
    boolean insertIfAbsent(String sql, Object... args) {
        return run(c -> insertIfAbsent(c, sql, args));
    }

    static boolean insertIfAbsent(Connection c, String sql, Object... args) throws SQLException {
        if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            // PostgreSQL logs every refused insert as an ERROR (and ends the transaction): a lost race is no error.
            return update(c, sql + " on conflict do nothing", args) > 0;
        }
        try {
            update(c, sql, args);
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) {
        return run(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("Database error", e);
        }
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    /** Inserts one row and returns its generated {@code id}. */
    static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Unique or primary key violation, the same SQLState on PostgreSQL and H2. */
    private static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(ps, args);
        return ps;
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                ps.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
            } else if (a instanceof Timestamp) {
                throw new IllegalArgumentException("Use Instant");
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
