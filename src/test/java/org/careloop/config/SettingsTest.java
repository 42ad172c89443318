package org.careloop.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings env(String name, String value) {
        return Settings.load(Map.of(name, value), Map.of());
    }

    @Test
    void weakConsolePasswordsAreRefusedAtStartSayingWhatToSet() {
        for (String weak : new String[] {"a", "b", "password1", "aaaaaaaaaaaaaaaa", "abababababababab"}) {
            assertThatThrownBy(() -> env("CARELOOP_ADMIN_PASSWORD", weak).password("CARELOOP_ADMIN_PASSWORD"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CARELOOP_ADMIN_PASSWORD is too weak")
                    .hasMessageContaining("at least 12 characters");
        }
        assertThatThrownBy(() -> env("CARELOOP_MARKETING_PASSWORD", "b").password("CARELOOP_MARKETING_PASSWORD"))
                .hasMessageContaining("CARELOOP_MARKETING_PASSWORD is too weak");
        assertThatThrownBy(() -> env("CARELOOP_ADMIN_PASSWORD", "correct horse battery staple ".repeat(3)).password("CARELOOP_ADMIN_PASSWORD"))
                .hasMessageContaining("longer than 72 bytes");
        assertThat(env("CARELOOP_ADMIN_PASSWORD", "correct horse battery").password("CARELOOP_ADMIN_PASSWORD")).contains("correct horse battery");
        assertThat(Settings.load(Map.of(), Map.of()).password("CARELOOP_ADMIN_PASSWORD")).isEmpty();
    }

    @Test
    void shortTokensAreRefusedAtStart() {
        assertThatThrownBy(() -> env("CARELOOP_API_TOKEN", "x").token("CARELOOP_API_TOKEN"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CARELOOP_API_TOKEN is too weak");
        assertThat(env("CARELOOP_API_TOKEN", "3f9a1c77e2b04d6a9e10").token("CARELOOP_API_TOKEN")).contains("3f9a1c77e2b04d6a9e10");
    }

    @Test
    void anEmptyVariableClearsAValue() {
        assertThat(Settings.load(Map.of(), Map.of("careloop.x.brand.search-query", "acme")).get("careloop.x.brand.search-query", null))
                .isEqualTo("acme");
        assertThat(Settings.load(Map.of("CARELOOP_X_BRAND_SEARCH_QUERY", ""), Map.of("careloop.x.brand.search-query", "acme"))
                .get("careloop.x.brand.search-query", "the default")).isEmpty();
    }

    /** The demo (the simulator, its accounts and search query) runs until a real platform's credentials are given. */
    @Test
    void theDemoStopsWhereRealCredentialsStart() {
        assertThat(Settings.load(Map.of(), Map.of()).simulatorOn()).isTrue();
        assertThat(env("CARELOOP_X_BRAND_CONSUMER_KEY", "a-real-key").simulatorOn()).isFalse();
        assertThat(env("CARELOOP_X_SUPPORT_ACCESS_TOKEN", "a-real-token").simulatorOn()).isFalse();
        assertThat(env("CARELOOP_FACEBOOK_BRAND_PAGE_TOKEN", "EAAB...").simulatorOn()).isFalse();
        assertThat(Settings.load(Map.of(), Map.of("careloop.facebook.brand.page-token-file", "/run/secrets/page")).simulatorOn()).isFalse();
        assertThat(env("CARELOOP_X_BRAND_CONSUMER_KEY", " ").simulatorOn()).as("a blank secret is no credential").isTrue();
        assertThat(env("CARELOOP_API_TOKEN", "3f9a1c77e2b04d6a9e10").simulatorOn()).as("CareLoop's own token is no platform's").isTrue();
        // An explicit choice wins either way.
        assertThat(Settings.load(Map.of("CARELOOP_X_BRAND_CONSUMER_KEY", "k", "CARELOOP_SIMULATOR_ENABLED", "true"), Map.of()).simulatorOn()).isTrue();
        assertThat(env("CARELOOP_SIMULATOR_ENABLED", "false").simulatorOn()).isFalse();
        assertThatThrownBy(() -> env("CARELOOP_SIMULATOR_ENABLED", "maybe").simulatorOn()).hasMessageContaining("CARELOOP_SIMULATOR_ENABLED");
    }
}
