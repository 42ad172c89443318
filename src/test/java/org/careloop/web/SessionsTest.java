package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionsTest {

    static final Map<String, UserStore.User> USERS = new ConcurrentHashMap<>();
    static final UserStore STORE = new UserStore() {
        public Optional<UserStore.User> find(String username) {
            return Optional.ofNullable(USERS.get(username));
        }

        public void save(UserStore.User user) {
            USERS.put(user.username(), user);
        }

        public int count() {
            return USERS.size();
        }
    };

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-05-01T10:00:00Z");

        public Instant instant() {
            return now;
        }

        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @BeforeAll
    static void users() {
        // bcrypt at cost 12 is slow on purpose; the test users use the cheapest allowed cost.
        STORE.save(new UserStore.User("ana", at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(4, "right".toCharArray()),
                UserStore.Role.AGENT));
    }

    static Sessions.LoginResult login(Sessions s, String user, String password, String address) {
        return s.login(user, password, address, new Sessions.Session[1]);
    }

    @Test
    void aSessionHasUnguessableIdsAndExpires() {
        Hand clock = new Hand();
        Sessions sessions = new Sessions(STORE, clock, Duration.ofHours(1));
        Sessions.Session[] out = new Sessions.Session[1];
        assertThat(sessions.login("ana", "right", "10.0.0.1", out)).isEqualTo(Sessions.LoginResult.OK);
        Sessions.Session s = out[0];
        assertThat(s.role()).isEqualTo(UserStore.Role.AGENT);
        // 32 random bytes, base64url without padding
        assertThat(s.id()).hasSize(43).isNotEqualTo(s.csrfToken());
        assertThat(sessions.find(s.id())).contains(s);
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    /** The store never holds a working cookie: sessions are kept under the SHA-256 of their id. */
    @Test
    void theStoreKeepsAHashOfTheSessionIdNeverTheId() {
        SessionStore store = SessionStore.inMemory();
        Sessions sessions = new Sessions(STORE, store, LoginBrake.inMemory(), new Hand(), Duration.ofHours(1));
        Sessions.Session[] out = new Sessions.Session[1];
        sessions.login("ana", "right", "10.0.0.1", out);
        String id = out[0].id();
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.find(id)).as("not under the id itself").isEmpty();
        assertThat(Sessions.key(id)).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(id);
        assertThat(store.find(Sessions.key(id))).hasValueSatisfying(s -> assertThat(s.csrfToken()).isEqualTo(out[0].csrfToken()));
        // A node that never saw the login finds it in the shared store, and its logout ends it for both.
        Sessions otherNode = new Sessions(STORE, store, LoginBrake.inMemory(), new Hand(), Duration.ofHours(1));
        assertThat(otherNode.find(id)).contains(out[0]);
        assertThat(otherNode.find(Sessions.key(id))).as("the stored key is no session id").isEmpty();
        otherNode.logout(id);
        assertThat(sessions.find(id)).isEmpty();
        assertThat(store.count()).isZero();
    }

    @Test
    void logoutEndsTheSession() {
        Sessions sessions = new Sessions(STORE, new Hand(), Duration.ofHours(1));
        Sessions.Session[] out = new Sessions.Session[1];
        sessions.login("ana", "right", "10.0.0.1", out);
        sessions.logout(out[0].id());
        assertThat(sessions.find(out[0].id())).isEmpty();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountFromThatAddressForAMinute() {
        Hand clock = new Hand();
        Sessions sessions = new Sessions(STORE, clock, Duration.ofHours(1));
        for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
            assertThat(login(sessions, "ana", "wrong", "10.0.0.1")).isEqualTo(Sessions.LoginResult.WRONG);
        }
        assertThat(login(sessions, "ana", "right", "10.0.0.1")).isEqualTo(Sessions.LoginResult.LOCKED);
        assertThat(login(sessions, "ana", "right", "10.0.0.2")).as("another office").isEqualTo(Sessions.LoginResult.OK);
        clock.now = clock.now.plus(Sessions.LOCKOUT).plusSeconds(1);
        assertThat(login(sessions, "ana", "right", "10.0.0.1")).isEqualTo(Sessions.LoginResult.OK);
    }

    @Test
    void oneAddressTryingEveryAccountIsStoppedToo() {
        Sessions sessions = new Sessions(STORE, new Hand(), Duration.ofHours(1));
        for (int i = 0; i < Sessions.MAX_ADDRESS_FAILURES; i++) {
            assertThat(login(sessions, "user" + i, "guess", "10.9.9.9")).isEqualTo(Sessions.LoginResult.WRONG);
        }
        assertThat(login(sessions, "ana", "right", "10.9.9.9")).isEqualTo(Sessions.LoginResult.LOCKED);
    }

    @Test
    void failuresSpreadOverTimeDoNotAddUp() {
        Hand clock = new Hand();
        Sessions sessions = new Sessions(STORE, clock, Duration.ofHours(1));
        for (int i = 0; i < 3 * Sessions.MAX_FAILURES; i++) {
            assertThat(login(sessions, "ana", "typo", "10.0.0.3")).isEqualTo(Sessions.LoginResult.WRONG);
            clock.now = clock.now.plus(Duration.ofSeconds(20));
        }
    }

    /** ASVS 2.2.1: however an attacker paces the guesses, one account from one address gets at most 100 an hour. */
    @Test
    void guessingAsFastAsTheBrakeAllowsGetsFewerThanAHundredTriesAnHour() {
        for (Duration pace : List.of(Duration.ofSeconds(1), Duration.ofSeconds(13), Duration.ofSeconds(20), Duration.ofSeconds(59))) {
            Hand clock = new Hand();
            Sessions sessions = new Sessions(STORE, clock, Duration.ofHours(1));
            Instant end = clock.now.plus(Duration.ofHours(1));
            int tried = 0;
            while (clock.now.isBefore(end)) {
                if (login(sessions, "ana", "guess" + tried, "10.6.6.6") == Sessions.LoginResult.WRONG) {
                    tried++;
                }
                clock.now = clock.now.plus(pace);
            }
            assertThat(tried).as("guesses checked in an hour, one every " + pace).isPositive().isLessThanOrEqualTo(100);
        }
        // The owner, from their own address, is not locked out by it.
        Hand clock = new Hand();
        Sessions sessions = new Sessions(STORE, clock, Duration.ofHours(1));
        for (int i = 0; i < Sessions.MAX_HOURLY_FAILURES; i++) {
            login(sessions, "ana", "guess", "10.6.6.6");
            clock.now = clock.now.plusSeconds(20);
        }
        assertThat(login(sessions, "ana", "right", "10.6.6.6")).isEqualTo(Sessions.LoginResult.LOCKED);
        assertThat(login(sessions, "ana", "right", "10.0.0.7")).isEqualTo(Sessions.LoginResult.OK);
    }

    @Test
    void expiredSessionsAreForgottenWithoutBeingLookedUp() {
        Hand clock = new Hand();
        Sessions sessions = new Sessions(STORE, clock, Duration.ofMinutes(5));
        for (int i = 0; i < 10; i++) {
            login(sessions, "ana", "right", "10.0.0.4");
        }
        assertThat(sessions.size()).isEqualTo(10);
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        sessions.sweep(clock.now);
        assertThat(sessions.size()).isZero();
    }

    @Test
    void unknownUsersAndMissingPasswordsAreRefused() {
        Sessions sessions = new Sessions(STORE, new Hand(), Duration.ofHours(1));
        assertThat(login(sessions, "nobody", "right", "10.0.0.5")).isEqualTo(Sessions.LoginResult.WRONG);
        assertThat(login(sessions, "ana", null, "10.0.0.5")).isEqualTo(Sessions.LoginResult.WRONG);
        assertThat(login(sessions, null, null, "10.0.0.5")).isEqualTo(Sessions.LoginResult.WRONG);
    }

    /** Defect 7: an unknown username is checked at the cost of a stored password, so the time a login takes cannot tell them apart. */
    @Test
    void anUnknownUserCostsTheSameBcryptWorkAsAKnownOne() {
        String stored = Sessions.hash("a stored password");
        assertThat(bcryptCost(Sessions.DUMMY_HASH)).isEqualTo(bcryptCost(stored));
        assertThat(Sessions.DUMMY_HASH).startsWith(stored.substring(0, 7)); // same version too: "$2a$12$"
    }

    /** The cost factor a bcrypt hash was made with: {@code $2a$12$...} is 12. */
    static int bcryptCost(String hash) {
        return Integer.parseInt(hash.split("\\$")[2]);
    }

    @Test
    void aPasswordLongerThanBcryptTakesIsAWrongOne() {
        String longest = "p".repeat(Sessions.MAX_PASSWORD_BYTES);
        STORE.save(new UserStore.User("lee", at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(4, longest.toCharArray()),
                UserStore.Role.AGENT));
        Sessions sessions = new Sessions(STORE, new Hand(), Duration.ofHours(1));
        assertThat(login(sessions, "lee", longest, "10.0.0.6")).isEqualTo(Sessions.LoginResult.OK);
        assertThat(login(sessions, "lee", longest + "p", "10.0.0.6")).isEqualTo(Sessions.LoginResult.WRONG);
        assertThat(login(sessions, "ana", "right" + "x".repeat(100), "10.0.0.6")).isEqualTo(Sessions.LoginResult.WRONG);
        assertThat(login(sessions, "nobody", "x".repeat(100), "10.0.0.6")).isEqualTo(Sessions.LoginResult.WRONG);
        // 37 characters, 74 bytes in UTF-8: bcrypt counts bytes
        assertThat(login(sessions, "ana", "ü".repeat(37), "10.0.0.6")).isEqualTo(Sessions.LoginResult.WRONG);
    }
}
