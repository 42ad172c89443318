package org.careloop.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * CareLoop's configuration. Later sources win: {@code application.properties} on the class path,
 * then {@code careloop.properties} in the working directory (or the file named by
 * {@code CARELOOP_CONFIG}), then system properties ({@code -Dcareloop.x=...}), then environment
 * variables, named after the key in upper case with dots and dashes as underscores
 * ({@code careloop.http.port} is {@code CARELOOP_HTTP_PORT}).
 *
 * <p>Secrets are read only from the environment ({@link #secret}), never from files.
 */
public final class Settings {

    private final Map<String, String> values;
    private final Map<String, String> env;
    /** Told of each setting read that is not set, with the default the code took (see {@link #onDefault}). */
    private final java.util.function.BiConsumer<String, Object> defaults;

    private Settings(Map<String, String> values, Map<String, String> env) {
        this(values, env, (key, value) -> { });
    }

    private Settings(Map<String, String> values, Map<String, String> env, java.util.function.BiConsumer<String, Object> defaults) {
        this.values = values;
        this.env = env;
        this.defaults = defaults;
    }

    /**
     * The same settings, telling {@code listener} of every key read that has no value and the default the
     * code took for it: how the documented defaults are checked against the code's.
     */
    public Settings onDefault(java.util.function.BiConsumer<String, Object> listener) {
        return new Settings(values, env, listener);
    }

    /** Loads the standard sources with the real environment. */
    public static Settings load() {
        return load(System.getenv(), Map.of());
    }

    /**
     * Loads the standard sources.
     *
     * @param env       environment variables (the real ones, or a test's)
     * @param overrides values that win over everything but the environment (tests, command-line flags)
     */
    public static Settings load(Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                putAll(values, in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read application.properties from the class path", e);
        }
        Path file = Path.of(env.getOrDefault("CARELOOP_CONFIG", "careloop.properties"));
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                putAll(values, in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read configuration file " + file.toAbsolutePath(), e);
            }
        }
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("careloop.")) {
                values.put(k.toString(), v.toString());
            }
        });
        values.putAll(overrides);
        return new Settings(values, Map.copyOf(env));
    }

    /** Settings from explicit values only (tests). */
    public static Settings of(Map<String, String> values) {
        return new Settings(new TreeMap<>(values), Map.of());
    }

    private static void putAll(Map<String, String> values, InputStream in) throws IOException {
        Properties p = new Properties();
        try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.forEach((k, v) -> values.put(k.toString(), v.toString().trim()));
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String get(String key, String defaultValue) {
        String v = raw(key);
        if (v == null) {
            defaults.accept(key, defaultValue);
            return defaultValue;
        }
        return v;
    }

    /** The value set, null when none; an empty value is a deliberate "nothing" (e.g. no state file). */
    private String raw(String key) {
        // A variable set to nothing clears the value, as an empty value in a file does.
        String fromEnv = env.get(envName(key));
        if (fromEnv != null) {
            return fromEnv.trim();
        }
        String v = values.get(key);
        return v == null ? null : v.trim();
    }

    /** The value set, or null after reporting the typed default taken (unset or empty). */
    private String typed(String key, Object defaultValue) {
        String v = raw(key);
        if (v == null || v.isEmpty()) {
            defaults.accept(key, defaultValue);
            return null;
        }
        return v;
    }

    /** Environment variables that hold a real platform's credentials: X's OAuth values, a Page token. */
    private static final java.util.regex.Pattern PLATFORM_SECRET =
            java.util.regex.Pattern.compile("CARELOOP_(X_.+_(CONSUMER_KEY|ACCESS_TOKEN)|FACEBOOK_.+_PAGE_TOKEN)");

    /**
     * Whether {@code run} starts the embedded simulator, and the demo's values apply (its accounts,
     * credentials and search query): {@code careloop.simulator.enabled} true or false, or {@code auto}
     * (the default), on until a real platform's credentials are given, so that a production setup
     * never talks to a simulator or inherits the demo's settings by forgetting to switch it off.
     */
    public boolean simulatorOn() {
        String v = get("careloop.simulator.enabled", "auto");
        if (v.isEmpty() || v.equalsIgnoreCase("auto")) {
            boolean credentials = env.entrySet().stream()
                    .anyMatch(e -> PLATFORM_SECRET.matcher(e.getKey()).matches() && !e.getValue().isBlank())
                    || values.entrySet().stream().anyMatch(e -> e.getKey().matches("careloop\\.facebook\\..+\\.page-token-file")
                    && !e.getValue().isBlank());
            return !credentials;
        }
        return getBoolean("careloop.simulator.enabled", true);
    }

    public int getInt(String key, int defaultValue) {
        String v = typed(key, defaultValue);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " (" + envName(key) + ") must be a whole number, got: " + v);
        }
    }

    public double getDouble(String key, double defaultValue) {
        String v = typed(key, defaultValue);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " (" + envName(key) + ") must be a number, got: " + v);
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String v = typed(key, defaultValue);
        if (v == null) {
            return defaultValue;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(
                    "Setting " + key + " (" + envName(key) + ") must be true or false, got: " + v);
        };
    }

    /**
     * A switch per account: {@code key.apply(account)} for each account, {@code all} where it is not set
     * (e.g. {@code careloop.unattended.<account>} over {@code careloop.unattended}).
     */
    public java.util.Map<String, Boolean> perAccount(boolean all, java.util.function.Function<String, String> key, java.util.Collection<String> accounts) {
        java.util.Map<String, Boolean> out = new java.util.HashMap<>();
        for (String account : accounts) {
            out.put(account, getBoolean(key.apply(account), all));
        }
        return out;
    }

    /** A duration as ISO-8601 ({@code PT10M}) or a number with a unit: {@code 500ms}, {@code 15s}, {@code 10m}, {@code 2h}. */
    public Duration getDuration(String key, Duration defaultValue) {
        String v = typed(key, defaultValue);
        if (v == null) {
            return defaultValue;
        }
        try {
            return parseDuration(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Setting " + key + " (" + envName(key)
                    + ") must be a duration such as 15s, 10m or PT10M, got: " + v);
        }
    }

    /** A duration that must be more than zero (a wait, a lifetime, an interval): zero or less stops the start naming the key. */
    public Duration getPositiveDuration(String key, Duration defaultValue) {
        Duration d = getDuration(key, defaultValue);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("Setting " + key + " (" + envName(key) + ") must be more than zero, got " + d);
        }
        return d;
    }

    static Duration parseDuration(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("p")) {
            return Duration.parse(s.toUpperCase(Locale.ROOT));
        }
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
        }
        long n = Long.parseLong(s.substring(0, s.length() - 1).trim());
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException(v);
        };
    }

    /** A secret: only from the environment variable of {@code key}, never from a file. */
    public Optional<String> secret(String key) {
        String v = env.get(envName(key));
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** Fewer characters than this and a password falls to guessing (ASVS 2.1.1 asks for 12). */
    public static final int MIN_PASSWORD = 12;
    /** bcrypt hashes at most 72 bytes: a longer password would be cut without a word. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** A bearer token shorter than this is guessable. */
    public static final int MIN_TOKEN = 16;

    /**
     * A console password from the environment, refused at start when it is weak (shorter than
     * {@value #MIN_PASSWORD} characters, or fewer than 5 different characters) or longer than
     * bcrypt takes, with a message that says what to set instead.
     */
    public Optional<String> password(String key) {
        return secret(key).map(v -> {
            if (v.length() < MIN_PASSWORD || v.chars().distinct().count() < 5) {
                throw new IllegalArgumentException(envName(key) + " is too weak: use at least " + MIN_PASSWORD
                        + " characters with some variety (a few unrelated words make a good one)");
            }
            if (v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
                throw new IllegalArgumentException(envName(key) + " is longer than " + MAX_PASSWORD_BYTES
                        + " bytes, the most a password hash takes: use a shorter one");
            }
            return v;
        });
    }

    /** A bearer token from the environment, refused at start when it is shorter than {@value #MIN_TOKEN} characters. */
    public Optional<String> token(String key) {
        return secret(key).map(v -> {
            if (v.length() < MIN_TOKEN || v.chars().distinct().count() < 5) {
                throw new IllegalArgumentException(envName(key) + " is too weak: use at least " + MIN_TOKEN
                        + " random characters (for example the output of: openssl rand -hex 24)");
            }
            return v;
        });
    }

    /** Every non-secret value, for Camel's property placeholders ({@code {{careloop.http.port}}}). */
    public Properties asProperties() {
        Properties p = new Properties();
        values.keySet().forEach(k -> p.setProperty(k, get(k, "")));
        return p;
    }

    /** A copy with some values replaced (tests and command-line flags). */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.putAll(overrides);
        return new Settings(copy, env, defaults);
    }
}
