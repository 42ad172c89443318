package org.careloop.web;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The first console user. CARELOOP_ADMIN_PASSWORD sets (and at every start resets) the admin's
 * password; without it the first start generates one, which is shown once.
 */
public final class AdminBootstrap {

    public static final String ADMIN = "admin";

    /**
     * What the start-up banner should say about the login.
     *
     * @param password the password to print when it was generated now, else null
     */
    public record Login(String username, String password, boolean fromEnvironment) {}

    private AdminBootstrap() {}

    public static Login ensureAdmin(UserStore users, Optional<String> configuredPassword) {
        if (configuredPassword.isPresent() && !configuredPassword.get().isBlank()) {
            users.save(new UserStore.User(ADMIN, Sessions.hash(configuredPassword.get()), UserStore.Role.ADMIN));
            return new Login(ADMIN, null, true);
        }
        if (users.find(ADMIN).isPresent()) {
            return new Login(ADMIN, null, false);
        }
        String generated = generate();
        // Another node starting against the same database may have created it meanwhile: its password stands, and it shows it.
        boolean created = users.create(new UserStore.User(ADMIN, Sessions.hash(generated), UserStore.Role.ADMIN));
        return new Login(ADMIN, created ? generated : null, false);
    }

    public static final String MARKETING = "marketing";

    /**
     * The marketing team's console user: CARELOOP_MARKETING_PASSWORD creates (and at every start
     * resets) user {@value #MARKETING} with the marketing role, who sees only the praise feed.
     * Unset: nothing changes (no such user, or the one created before keeps its password).
     *
     * @return whether the user was set up now
     */
    public static boolean ensureMarketing(UserStore users, Optional<String> password) {
        if (password.isEmpty() || password.get().isBlank()) {
            return false;
        }
        users.save(new UserStore.User(MARKETING, Sessions.hash(password.get()), UserStore.Role.MARKETING));
        return true;
    }

    static String generate() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
