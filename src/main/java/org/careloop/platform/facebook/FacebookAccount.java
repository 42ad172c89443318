package org.careloop.platform.facebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.careloop.config.Settings;

/**
 * One Facebook Page CareLoop watches and answers as ({@code careloop.facebook.pages}).
 *
 * @param name       the configured name, e.g. {@code brand}; the CareLoop account is {@code facebook-<name>}
 * @param pageId     the Page's id, or null to take it from the token ({@code GET /me})
 * @param token      the Page access token in force: {@code CARELOOP_FACEBOOK_<NAME>_PAGE_TOKEN}, or the
 *                   file in {@code careloop.facebook.<name>.page-token-file}, read again whenever it
 *                   changes so a new token takes effect without a restart
 * @param tokenFrom  where the token comes from, in words, for error messages
 */
public record FacebookAccount(String name, String pageId, Supplier<String> token, String tokenFrom) {

    /** The simulator's Page token, used when the simulator runs and no token is given. */
    static final String SIMULATOR_TOKEN = "sim-page-acmeair";

    /** The CareLoop account name: unique across platforms. */
    public String account() {
        return "facebook-" + name;
    }

    @Override
    public String toString() {
        return "FacebookAccount[" + name + (pageId == null ? "" : " page " + pageId) + "]"; // never the token
    }

    /** The configured Pages; by default the simulator's Page when the simulator runs, else none. */
    public static List<FacebookAccount> allFromSettings(Settings settings) {
        List<FacebookAccount> out = new ArrayList<>();
        String dflt = settings.simulatorOn() ? "brand" : "";
        for (String raw : settings.get("careloop.facebook.pages", dflt).split(",")) {
            String name = raw.trim();
            if (!name.isEmpty()) {
                out.add(fromSettings(settings, name));
            }
        }
        return out;
    }

    static FacebookAccount fromSettings(Settings settings, String name) {
        String prefix = "careloop.facebook." + name + ".";
        String pageId = settings.get(prefix + "page-id", "");
        String secret = tokenSecret(name);
        String file = settings.get(prefix + "page-token-file", "");
        Optional<String> fromEnv = settings.secret(secret);
        boolean simulator = settings.simulatorOn();
        Supplier<String> token;
        String from;
        if (!file.isBlank()) {
            token = new TokenFile(Path.of(file));
            from = "the file " + file + " (" + prefix + "page-token-file)";
        } else {
            String value = fromEnv.orElse(simulator ? SIMULATOR_TOKEN : "");
            token = () -> value;
            from = secret;
        }
        return new FacebookAccount(name, pageId.isBlank() ? null : pageId, token, from);
    }

    static String tokenSecret(String name) {
        return "CARELOOP_FACEBOOK_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_PAGE_TOKEN";
    }

    /** A token kept in a file (written by an operator or a token-refresh job), read again when the file changes. */
    static final class TokenFile implements Supplier<String> {
        private final Path path;
        private long modified = Long.MIN_VALUE;
        private String value = "";

        TokenFile(Path path) {
            this.path = path;
        }

        @Override
        public synchronized String get() {
            try {
                long m = Files.isRegularFile(path) ? Files.getLastModifiedTime(path).toMillis() : -1;
                if (m != modified) {
                    value = m < 0 ? "" : Files.readString(path).trim();
                    modified = m;
                }
                return value;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Page token file " + path, e);
            }
        }
    }
}
