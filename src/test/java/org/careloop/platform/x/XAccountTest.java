package org.careloop.platform.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careloop.config.Settings;
import org.careloop.platform.PlatformException;
import org.junit.jupiter.api.Test;

/** X accounts from settings: names, URLs, queries, and where credentials come from. */
class XAccountTest {

    static Settings settings(Map<String, String> env, Map<String, String> values) {
        return Settings.load(env, values);
    }

    static final String SIM = "http://127.0.0.1:18090/";

    static List<XAccount> accounts(Settings settings) {
        return XAccount.allFromSettings(settings, SIM);
    }

    @Test
    void theSimulatorDemoNeedsNoConfiguration() {
        List<XAccount> accounts = accounts(Settings.of(Map.of()));
        assertThat(accounts).hasSize(1);
        XAccount brand = accounts.get(0);
        assertThat(brand.name()).isEqualTo("brand");
        assertThat(brand.apiUrl()).as("the embedded simulator, on whatever port it listens").isEqualTo(SIM);
        assertThat(List.of(brand.consumerKey(), brand.consumerSecret(), brand.accessToken(), brand.accessTokenSecret()))
                .containsExactly("sim-consumer-key", "sim-consumer-secret", "sim-acmeair-token", "sim-acmeair-secret");
        assertThat(brand.searchQuery()).isEqualTo("\"Acme Air\" -is:retweet");
        assertThat(brand.pageSize()).isEqualTo(100);
        assertThat(brand.hasCredentials()).isTrue();
    }

    @Test
    void realAccountsTakeTheirSecretsFromTheEnvironmentOnly() {
        Settings s = settings(Map.of(
                        "CARELOOP_X_BRAND_CONSUMER_KEY", "ck", "CARELOOP_X_BRAND_CONSUMER_SECRET", "cs",
                        "CARELOOP_X_BRAND_ACCESS_TOKEN", "at", "CARELOOP_X_BRAND_ACCESS_TOKEN_SECRET", "as"),
                Map.of("careloop.simulator.enabled", "false", "careloop.x.accounts", "brand, care-es",
                        "careloop.x.api-url", "https://api.twitter.com",
                        "careloop.x.care-es.api-url", "http://127.0.0.1:9999/",
                        "careloop.x.care-es.search-query", "", "careloop.x.care-es.page-size", "20"));
        List<XAccount> accounts = accounts(s);
        assertThat(accounts).extracting(XAccount::name).containsExactly("brand", "care-es");

        XAccount brand = accounts.get(0);
        assertThat(brand.apiUrl()).isEqualTo("https://api.twitter.com/");
        assertThat(List.of(brand.consumerKey(), brand.consumerSecret(), brand.accessToken(), brand.accessTokenSecret()))
                .containsExactly("ck", "cs", "at", "as");
        assertThat(brand.toString()).doesNotContain("cs", "as").contains("brand");

        XAccount es = accounts.get(1);
        assertThat(es.apiUrl()).isEqualTo("http://127.0.0.1:9999/");
        assertThat(es.searchQuery()).as("an empty query disables the search feed").isNull();
        assertThat(es.pageSize()).isEqualTo(20);
        assertThat(es.hasCredentials()).isFalse();
        assertThat(es.secretNames()).containsExactly("CARELOOP_X_CARE_ES_CONSUMER_KEY", "CARELOOP_X_CARE_ES_CONSUMER_SECRET",
                "CARELOOP_X_CARE_ES_ACCESS_TOKEN", "CARELOOP_X_CARE_ES_ACCESS_TOKEN_SECRET");
    }

    @Test
    void aConfiguredApiUrlWinsOverTheEmbeddedSimulatorAndABlankOneCountsAsUnset() {
        assertThat(accounts(Settings.of(Map.of("careloop.x.api-url", "http://localhost:8090"))).get(0).apiUrl())
                .as("an explicit URL, even the old default").isEqualTo("http://localhost:8090/");
        assertThat(accounts(Settings.of(Map.of("careloop.x.accounts", "brand,care-es", "careloop.x.api-url", "http://127.0.0.1:7000/",
                "careloop.x.care-es.api-url", "http://127.0.0.1:7001/")))).extracting(XAccount::apiUrl)
                .containsExactly("http://127.0.0.1:7000/", "http://127.0.0.1:7001/");
        assertThat(accounts(Settings.of(Map.of("careloop.x.api-url", " "))).get(0).apiUrl()).isEqualTo(SIM);
        assertThat(accounts(Settings.load(Map.of("CARELOOP_X_API_URL", "http://127.0.0.1:7002/"), Map.of())).get(0).apiUrl())
                .as("from the environment").isEqualTo("http://127.0.0.1:7002/");
        assertThat(accounts(Settings.load(Map.of(), Map.of("careloop.simulator.port", "18091"))).get(0).apiUrl())
                .as("application.properties sets no fixed X URL").isEqualTo(SIM);
        assertThat(XAccount.allFromSettings(Settings.of(Map.of("careloop.simulator.enabled", "false")), XAccount.REAL_API_URL).get(0).apiUrl())
                .isEqualTo("https://api.twitter.com/");
    }

    @Test
    void missingCredentialsAreAnAuthErrorNamingTheVariables() {
        XAccount es = accounts(Settings.of(Map.of("careloop.simulator.enabled", "false",
                "careloop.x.accounts", "care-es"))).get(0);
        assertThatThrownBy(() -> new XAdapter(es).identify()).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTH);
            assertThat(e.getMessage()).contains("CARELOOP_X_CARE_ES_CONSUMER_KEY");
        });
    }

    @Test
    void aPageSizeOutsideWhatXAllowsIsRefused() {
        assertThatThrownBy(() -> accounts(Settings.of(Map.of("careloop.x.brand.page-size", "500"))))
                .hasMessageContaining("careloop.x.brand.page-size");
    }

    @Test
    void theReadTimeoutIsSetForAllAccountsOrForOne() {
        List<XAccount> accounts = accounts(Settings.of(Map.of("careloop.x.accounts", "brand,care-es",
                "careloop.x.read-timeout", "12s", "careloop.x.care-es.read-timeout", "1500ms")));
        assertThat(accounts).extracting(XAccount::readTimeout).containsExactly(Duration.ofSeconds(12), Duration.ofMillis(1500));
        assertThat(accounts(Settings.of(Map.of())).get(0).readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> accounts(Settings.of(Map.of("careloop.x.read-timeout", "0s"))))
                .hasMessageContaining("read-timeout");
    }
}
