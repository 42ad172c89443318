package org.careloop.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.careloop.store.UserStore;

/**
 * Console logins: bcrypt-checked passwords, random session ids, a CSRF token per session, and
 * a brake on password guessing (a few failures per address and account, then a pause).
 */
public final class Sessions {

    /** A signed-in console user. */
    public record Session(String id, String username, UserStore.Role role, String csrfToken, Instant expires) {}

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(1);
    /** bcrypt of a random password: a login for an unknown user costs as much as for a known one. */
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(10, "no-such-user-password".toCharArray());

    private final UserStore users;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, int[]> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    public Sessions(UserStore users, Clock clock, Duration lifetime) {
        this.users = users;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public enum LoginResult { OK, WRONG, LOCKED }

    /** Checks a password; on success the new session is in {@code out[0]}. */
    public LoginResult login(String username, String password, String address, Session[] out) {
        Instant now = clock.instant();
        // Guessing is slowed per address and account, so one office's typo does not lock out its colleagues.
        String key = address + "|" + (username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT));
        Instant locked = lockedUntil.get(key);
        if (locked != null && locked.isAfter(now)) {
            return LoginResult.LOCKED;
        }
        Optional<UserStore.User> user = username == null ? Optional.empty() : users.find(username.trim());
        String hash = user.map(UserStore.User::passwordHash).orElse(DUMMY_HASH);
        boolean ok = password != null && BCrypt.verifyer().verify(password.toCharArray(), hash).verified && user.isPresent();
        if (!ok) {
            int[] count = failures.computeIfAbsent(key, a -> new int[1]);
            synchronized (count) {
                if (++count[0] >= MAX_FAILURES) {
                    lockedUntil.put(key, now.plus(LOCKOUT));
                    count[0] = 0;
                }
            }
            return LoginResult.WRONG;
        }
        failures.remove(key);
        Session s = new Session(token(), user.get().username(), user.get().role(), token(), now.plus(lifetime));
        sessions.put(s.id(), s);
        out[0] = s;
        return LoginResult.OK;
    }

    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.expires().isBefore(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void logout(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(12, password.toCharArray());
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
