package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.careloop.config.Settings;
import org.junit.jupiter.api.Test;

/** The SLA and the brand's voice are read once at start, and a value that cannot work stops the start naming its key. */
class SlaPolicyTest {

    @Test
    void theDefaultsAreTheMissionsTenMinutes() {
        SlaPolicy sla = SlaPolicy.fromSettings(Settings.of(Map.of()));
        assertThat(sla).isEqualTo(new SlaPolicy(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(8), "holding"));
        assertThat(Drafter.Voice.fromSettings(Settings.of(Map.of("careloop.brand.signature", " ^JS "))))
                .isEqualTo(new Drafter.Voice("Acme Air", "^JS", "within the hour"));
    }

    @Test
    void milestonesOutsideTheTargetAreRefusedByName() {
        assertThatThrownBy(() -> SlaPolicy.fromSettings(Settings.of(Map.of("careloop.sla.first-response", "4m"))))
                .hasMessageContaining("careloop.sla.warn-before").hasMessageContaining("careloop.sla.first-response");
        assertThatThrownBy(() -> SlaPolicy.fromSettings(Settings.of(Map.of("careloop.sla.holding-after", "12m"))))
                .hasMessageContaining("careloop.sla.holding-after");
        assertThatThrownBy(() -> SlaPolicy.fromSettings(Settings.of(Map.of("careloop.sla.first-response", "0s"))))
                .hasMessageContaining("careloop.sla.first-response");
        assertThatThrownBy(() -> Drafter.Voice.fromSettings(Settings.of(Map.of("careloop.brand.name", " "))))
                .hasMessageContaining("careloop.brand.name");
    }
}
