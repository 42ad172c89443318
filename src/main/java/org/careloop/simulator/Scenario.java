package org.careloop.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A scripted conversation: who posts what, when (an offset from the start), in reply to what.
 * Loaded from YAML: a bundled name ({@code simulator/scenarios/<name>.yaml}) or a file.
 */
public record Scenario(Brand brand, List<Person> users, List<Step> posts) {

    public record Brand(String handle, String name) {}

    public record Person(String handle, String name) {}

    /**
     * One post. {@code key} names it for replies; {@code at} is an offset like {@code 3s} or {@code 1m};
     * {@code platform} is {@code x} (the default), {@code facebook} (a post on the brand's Page, or a
     * comment when it replies) or {@code instagram} (the brand's media when the brand posts it, else a
     * comment on a media or a reply to a comment). {@code answers} (X only) names an earlier post whose reply from
     * the brand this one answers: it waits, from its offset, until the brand has replied there.
     */
    public record Step(String key, String at, String author, String text, String lang,
                       @JsonProperty("reply_to") String replyTo, @JsonProperty("retweet_of") String retweetOf,
                       String platform, String answers) {

        public Step(String key, String at, String author, String text, String lang, String replyTo, String retweetOf) {
            this(key, at, author, text, lang, replyTo, retweetOf, null, null);
        }

        /** {@code x}, {@code facebook} or {@code instagram}. */
        String on() {
            return platform == null || platform.isBlank() ? "x" : platform.trim().toLowerCase(java.util.Locale.ROOT);
        }

        Duration offset() {
            String s = at == null ? "0s" : at.trim();
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> throw new IllegalArgumentException("Offset '" + at + "' must end in ms, s or m");
            };
        }
    }

    public static final Scenario NONE = new Scenario(new Brand("acmeair", "Acme Air"), List.of(), List.of());

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public static Scenario load(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank() || nameOrPath.equals("none")) {
            return NONE;
        }
        try {
            Path file = Path.of(nameOrPath);
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return validate(YAML.readValue(in, Scenario.class), file.toString());
                }
            }
            String resource = "/simulator/scenarios/" + nameOrPath + ".yaml";
            try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("No scenario named '" + nameOrPath + "' (neither a file nor a bundled scenario)");
                }
                return validate(YAML.readValue(in, Scenario.class), resource);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Scenario " + nameOrPath + " is not valid: " + e.getMessage(), e);
        }
    }

    private static Scenario validate(Scenario s, String source) {
        java.util.Map<String, String> keys = new java.util.HashMap<>();
        for (Step step : s.posts()) {
            if (!Set.of("x", "facebook", "instagram").contains(step.on())) {
                throw new IllegalArgumentException(source + ": post " + step.key() + " has platform '" + step.platform()
                        + "' (use x, facebook or instagram)");
            }
            if (step.on().equals("instagram") && step.replyTo() == null && !step.author().equalsIgnoreCase(s.brand().handle())) {
                throw new IllegalArgumentException(source + ": post " + step.key() + " is an Instagram comment: it needs reply_to "
                        + "(a media of the brand, or a comment)");
            }
            if (!step.on().equals("x") && step.retweetOf() != null) {
                throw new IllegalArgumentException(source + ": post " + step.key() + ": retweet_of is for X only");
            }
            if (step.author() == null || (step.text() == null && step.retweetOf() == null)) {
                throw new IllegalArgumentException(source + ": every post needs an author and a text (or retweet_of): " + step);
            }
            step.offset();
            if (step.answers() != null && (!step.on().equals("x") || step.replyTo() != null || step.retweetOf() != null)) {
                throw new IllegalArgumentException(source + ": post " + step.key() + ": answers is for X only, without reply_to or retweet_of");
            }
            for (String ref : new String[] {step.replyTo(), step.retweetOf(), step.answers()}) {
                if (ref != null && !keys.containsKey(ref)) {
                    throw new IllegalArgumentException(source + ": post " + step.key() + " refers to '" + ref + "', which is not an earlier post");
                }
                if (ref != null && !keys.get(ref).equals(step.on())) {
                    throw new IllegalArgumentException(source + ": post " + step.key() + " on " + step.on() + " refers to '" + ref
                            + "', which is on " + keys.get(ref));
                }
            }
            if (step.key() != null && keys.put(step.key(), step.on()) != null) {
                throw new IllegalArgumentException(source + ": post key '" + step.key() + "' is used twice");
            }
        }
        return s;
    }
}
