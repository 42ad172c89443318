package org.careloop.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where console sessions are kept, under a key made from the session id ({@link Sessions} hashes it:
 * a store never holds a working cookie). The database's store lets every node see every login; the
 * in-memory one serves a single process.
 */
public interface SessionStore {

    /** What is kept of a session: who, with which role and CSRF token, until when. */
    record Stored(String username, UserStore.Role role, String csrfToken, Instant expires) {}

    void save(String key, Stored session);

    Optional<Stored> find(String key);

    void delete(String key);

    /** Drops the sessions that expired before {@code now}. */
    void deleteExpired(Instant now);

    /** Sessions kept, expired ones included until they are dropped. */
    int count();

    /** Sessions in this process's memory only: one node, and a restart signs everyone out. */
    static SessionStore inMemory() {
        Map<String, Stored> sessions = new ConcurrentHashMap<>();
        return new SessionStore() {
            public void save(String key, Stored session) {
                sessions.put(key, session);
            }

            public Optional<Stored> find(String key) {
                return Optional.ofNullable(sessions.get(key));
            }

            public void delete(String key) {
                sessions.remove(key);
            }

            public void deleteExpired(Instant now) {
                sessions.values().removeIf(s -> s.expires().isBefore(now));
            }

            public int count() {
                return sessions.size();
            }
        };
    }
}
