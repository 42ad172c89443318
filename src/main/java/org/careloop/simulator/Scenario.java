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
import java.util.HashSet;
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
     * One post. {@code key} names it for replies; {@code at} is an offset like {@code 3s} or {@code 1m}.
     */
    public record Step(String key, String at, String author, String text, String lang,
                       @JsonProperty("reply_to") String replyTo, @JsonProperty("retweet_of") String retweetOf) {

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
        Set<String> keys = new HashSet<>();
        for (Step step : s.posts()) {
            if (step.author() == null || (step.text() == null && step.retweetOf() == null)) {
                throw new IllegalArgumentException(source + ": every post needs an author and a text (or retweet_of): " + step);
            }
            step.offset();
            for (String ref : new String[] {step.replyTo(), step.retweetOf()}) {
                if (ref != null && !keys.contains(ref)) {
                    throw new IllegalArgumentException(source + ": post " + step.key() + " refers to '" + ref + "', which is not an earlier post");
                }
            }
            if (step.key() != null && !keys.add(step.key())) {
                throw new IllegalArgumentException(source + ": post key '" + step.key() + "' is used twice");
            }
        }
        return s;
    }
}
