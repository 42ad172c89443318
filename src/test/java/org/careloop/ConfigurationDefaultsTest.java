package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.careloop.care.SurgeHolding;
import org.careloop.care.UnattendedGate;
import org.careloop.config.Settings;
import org.careloop.platform.Connections;
import org.careloop.platform.facebook.GraphSettings;
import org.careloop.platform.x.XAccount;
import org.careloop.simulator.SimulatorConfig;
import org.careloop.tickets.TicketSettings;
import org.junit.jupiter.api.Test;

/**
 * The defaults the code takes are the ones {@code application.properties} documents: every area's
 * settings are read from nothing at all, each default the code falls back to is recorded, and compared
 * with the file's value for that key (keys built from a platform or an account name included).
 */
class ConfigurationDefaultsTest {

    /** An account name no setting uses, so that its per-account keys are told from the others. */
    private static final String ACCOUNT = "acct7";

    /** Defaults worked out at start, documented in words beside an empty value. */
    private static final Map<String, String> COMPUTED = Map.of(
            "careloop.triage.threads", "the node's cores",
            "careloop.simulator.https-port", "careloop.simulator.port + 1");

    /** Every key read with no value, and the default the code took. */
    static Map<String, Object> defaultsTaken() {
        Map<String, Object> taken = new TreeMap<>();
        Settings none = Settings.of(Map.of()).onDefault(taken::put);
        Configuration.read(none);
        TicketSettings.fromSettings(none, List.of(new TicketSettings.Account("x", ACCOUNT),
                new TicketSettings.Account("facebook", ACCOUNT), new TicketSettings.Account("instagram", ACCOUNT)));
        UnattendedGate.Policy.fromSettings(none, List.of(ACCOUNT));
        SurgeHolding.Policy.fromSettings(none, List.of(ACCOUNT));
        CamelSettings.from(none, new Connections(), true);
        XAccount.allFromSettings(none, XAccount.REAL_API_URL);
        GraphSettings.fromSettings(none, "https://graph.facebook.com/");
        SimulatorConfig.fromSettings(none);
        return taken;
    }

    @Test
    void everyDefaultTheCodeTakesIsTheDocumentedOne() throws IOException {
        Map<String, Object> taken = defaultsTaken();
        assertThat(taken).as("the areas read their settings").hasSizeGreaterThan(60)
                .containsKeys("careloop.sla.first-response", "careloop.tickets.closing-within", "careloop.x.cost.reply",
                        "careloop.marketing.webhook-attempts", "careloop.cluster.enabled", "careloop.console.claim-for", "careloop.db.url");
        String text = Files.readString(Path.of("src/main/resources/application.properties"));
        Properties file = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            file.load(r);
        }
        Set<String> undocumented = new TreeSet<>();
        Map<String, String> differ = new TreeMap<>();
        taken.forEach((key, value) -> {
            if (key.contains("." + ACCOUNT + ".") || key.endsWith("." + ACCOUNT)) {
                // Per account: documented once, as careloop.tickets.<account>.link-free.
                String pattern = key.replace(ACCOUNT, "<account>");
                if (!text.contains(pattern) && !text.contains(key.replace(ACCOUNT, "<name>"))) {
                    undocumented.add(pattern);
                }
                return;
            }
            String documented = file.getProperty(key);
            if (documented == null) {
                // A commented example (#careloop.x.brand.search-query=...) documents a key that has no default;
                // an account's own key is documented once for every account (careloop.x.<name>.read-timeout).
                if (!Pattern.compile("(?m)^# ?" + Pattern.quote(key) + "=").matcher(text).find() && !documentedPerAccount(key, text)) {
                    undocumented.add(key);
                }
                return;
            }
            if (COMPUTED.containsKey(key) ? !documented.isBlank() : !same(documented.strip(), value)) {
                differ.put(key, "file: " + documented.strip() + ", code: " + value);
            }
        });
        assertThat(undocumented).as("read in code, not in application.properties").isEmpty();
        assertThat(differ).as("application.properties and the code's default disagree").isEmpty();
    }

    private static boolean documentedPerAccount(String key, String text) {
        String[] parts = key.split("\\.");
        for (int i = 2; i < parts.length - 1; i++) {
            for (String name : List.of("<name>", "<account>")) {
                String[] copy = parts.clone();
                copy[i] = name;
                if (text.contains(String.join(".", copy))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean same(String documented, Object value) {
        if (value == null) {
            return documented.isEmpty();
        }
        if (value instanceof Duration d) {
            return !documented.isEmpty() && parse(documented).equals(d);
        }
        if (value instanceof Number n) {
            return !documented.isEmpty() && Double.parseDouble(documented) == n.doubleValue();
        }
        return documented.equals(String.valueOf(value));
    }

    private static Duration parse(String documented) {
        return Settings.of(Map.of("d", documented)).getDuration("d", Duration.ZERO);
    }

    @Test
    void aBadValueStopsTheStartNamingItsKey() {
        assertThatThrownBy(() -> Configuration.read(Settings.of(Map.of("careloop.sla.webhook-url", "hooks.example.com/sla"))))
                .hasMessageContaining("careloop.sla.webhook-url").hasMessageContaining("http://");
        assertThatThrownBy(() -> Configuration.read(Settings.of(Map.of("careloop.public-url", "care.example.com"))))
                .hasMessageContaining("careloop.public-url");
        assertThatThrownBy(() -> Configuration.read(Settings.of(Map.of("careloop.marketing.webhook-attempts", "0"))))
                .hasMessageContaining("careloop.marketing.webhook-attempts");
        assertThatThrownBy(() -> Configuration.read(Settings.of(Map.of("careloop.console.claim-for", "0s"))))
                .hasMessageContaining("careloop.console.claim-for", "careloop.db.url");
        assertThatThrownBy(() -> Configuration.read(Settings.of(Map.of("careloop.db.url", "postgres://db/care"))))
                .hasMessageContaining("careloop.db.url");
        assertThatThrownBy(() -> Configuration.read(Settings.of(Map.of("careloop.cluster.enabled", "maybe"))))
                .hasMessageContaining("must be auto, true or false");
        assertThatThrownBy(() -> TicketSettings.fromSettings(Settings.of(Map.of("careloop.x.cost.reply", "-1")),
                List.of(new TicketSettings.Account("x", "brand")))).hasMessageContaining("careloop.x.cost.reply");
        assertThat(Configuration.read(Settings.of(Map.of("careloop.public-url", "https://care.example.com/"))).console())
                .satisfies(c -> assertThat(c.publicUrl()).isEqualTo("https://care.example.com"))
                .satisfies(c -> assertThat(c.secureCookies()).isTrue());
    }

    @Test
    void theShippedFileIsAValidConfiguration() {
        Configuration shipped = Configuration.read(Settings.load(Map.of(), Map.of()));
        assertThat(shipped.console().publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(shipped.slaHook().url()).isEmpty();
    }
}
