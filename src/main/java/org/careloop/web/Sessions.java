package org.careloop.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Console logins: bcrypt-checked passwords, random session ids, a CSRF token per session, and
 * a brake on password guessing (a few failures per address and account, or somewhat more per
 * address across accounts, then a pause; and a budget per hour that slow guessing cannot outrun). The
 * sessions are kept in a {@link SessionStore}: the database's, so that every node knows every login
 * and a load balancer needs no sticky sessions; it holds a SHA-256 of each session id, never the id.
 * The brake's counts are kept in a {@link LoginBrake}, the database's too, so guesses spread over
 * several nodes add up.
 */
public final class Sessions {

    /** A signed-in console user. */
    public record Session(String id, String username, UserStore.Role role, String csrfToken, Instant expires) {}

    static final int MAX_FAILURES = 5;
    /** Failures from one address over all accounts (password spraying) before it must wait. */
    static final int MAX_ADDRESS_FAILURES = 4 * MAX_FAILURES;
    static final Duration LOCKOUT = Duration.ofMinutes(1);
    /**
     * Failures per account and address in an hour, however slowly they come (ASVS 2.2.1: at most
     * 100 guesses an hour); then it waits until the hour since the first of them has passed.
     */
    static final int MAX_HOURLY_FAILURES = 4 * MAX_FAILURES;
    /** The same from one address over all accounts. */
    static final int MAX_ADDRESS_HOURLY_FAILURES = 4 * MAX_HOURLY_FAILURES;
    static final Duration HOUR = Duration.ofHours(1);
    /** Expired sessions and old failure counts are dropped every so many logins, so memory stays bounded. */
    private static final int SWEEP_EVERY = 64;
    /** bcrypt ($2a$, as {@link #hash} makes) reads this many bytes of a password at most and refuses longer ones. */
    static final int MAX_PASSWORD_BYTES = BCrypt.Version.VERSION_2A.allowedMaxPwLength;
    /** bcrypt's cost for every stored password ({@link #hash}); the dummy below must use the same, or timing tells users apart. */
    static final int COST = 12;
    /** What an unknown user's password is checked against, so that a login for one costs as much bcrypt work as for a known one. */
    static final String DUMMY_HASH = hash("no-such-user-password");

    private final UserStore users;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final SessionStore sessions;
    private final LoginBrake brake;
    private final AtomicInteger attempts = new AtomicInteger();

    /** The brake's two windows: failures within a minute, and within an hour. */
    static final String MINUTE = "minute";
    static final String HOURLY = "hour";

    /** Sessions and the brake's counts in this process's memory only (one node; a restart signs everyone out). */
    public Sessions(UserStore users, Clock clock, Duration lifetime) {
        this(users, SessionStore.inMemory(), LoginBrake.inMemory(), clock, lifetime);
    }

    /** Sessions and the brake's counts in these stores: the database's make them the same on every node. */
    public Sessions(UserStore users, SessionStore sessions, LoginBrake brake, Clock clock, Duration lifetime) {
        this.users = users;
        this.sessions = sessions;
        this.brake = brake;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public enum LoginResult { OK, WRONG, LOCKED }

    /** Checks a password; on success the new session is in {@code out[0]}. */
    public LoginResult login(String username, String password, String address, Session[] out) {
        Instant now = clock.instant();
        if (attempts.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        // Guessing is slowed per address and account, so one office's typo does not lock out its colleagues;
        // the looser per-address count stops one address from trying a password on every account.
        // Counted under a SHA-256 of what they count: a bounded key, whatever a client sends as a username.
        String account = key(address + "|" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)));
        address = key(address);
        if (locked(account, now) || locked(address, now)) {
            return LoginResult.LOCKED;
        }
        Optional<UserStore.User> user = username == null ? Optional.empty() : users.find(username.trim());
        String hash = user.map(UserStore.User::passwordHash).orElse(DUMMY_HASH);
        // No stored password is longer than bcrypt takes (hash refuses them), so a longer one is simply wrong.
        boolean ok = password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES
                && BCrypt.verifyer().verify(password.toCharArray(), hash).verified && user.isPresent();
        if (!ok) {
            failed(account, MAX_FAILURES, now);
            failed(address, MAX_ADDRESS_FAILURES, now);
            failedThisHour(account, MAX_HOURLY_FAILURES, now);
            failedThisHour(address, MAX_ADDRESS_HOURLY_FAILURES, now);
            return LoginResult.WRONG;
        }
        brake.forget(account, MINUTE);
        brake.forget(account, HOURLY);
        Session s = new Session(token(), user.get().username(), user.get().role(), token(), now.plus(lifetime));
        sessions.save(key(s.id()), new SessionStore.Stored(s.username(), s.role(), s.csrfToken(), s.expires()));
        out[0] = s;
        return LoginResult.OK;
    }

    private boolean locked(String key, Instant now) {
        return brake.lockedUntil(key).filter(until -> until.isAfter(now)).isPresent();
    }

    private void failed(String key, int max, Instant now) {
        if (brake.failed(key, MINUTE, LOCKOUT, now).failures() >= max) {
            brake.lock(key, now.plus(LOCKOUT));
            brake.forget(key, MINUTE);
        }
    }

    private void failedThisHour(String key, int max, Instant now) {
        LoginBrake.Count f = brake.failed(key, HOURLY, HOUR, now);
        if (f.failures() >= max) {
            brake.lock(key, f.since().plus(HOUR));
            brake.forget(key, HOURLY);
        }
    }

    /** Forgets what can no longer matter: expired sessions, ended lockouts, stale failure counts. */
    void sweep(Instant now) {
        sessions.deleteExpired(now);
        brake.sweep(MINUTE, now.minus(LOCKOUT), now);
        brake.sweep(HOURLY, now.minus(HOUR), now);
    }

    /** Signed-in sessions, expired ones included until the next sweep. */
    int size() {
        return sessions.count();
    }

    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String key = key(id);
        Optional<SessionStore.Stored> stored = sessions.find(key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        SessionStore.Stored s = stored.get();
        if (s.expires().isBefore(clock.instant())) {
            sessions.delete(key);
            return Optional.empty();
        }
        return Optional.of(new Session(id, s.username(), s.role(), s.csrfToken(), s.expires()));
    }

    public void logout(String id) {
        if (id != null) {
            sessions.delete(key(id));
        }
    }

    /** What a session is stored under: the SHA-256 of its id, in hex, so the store never holds a working cookie. */
    static String key(String id) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(id);
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    /** A random token for the login form (login CSRF), as unguessable as a session id. */
    public String loginToken() {
        return token();
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
