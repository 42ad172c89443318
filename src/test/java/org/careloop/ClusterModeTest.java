package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.careloop.config.Settings;
import org.careloop.store.Database;
import org.junit.jupiter.api.Test;

/** careloop.cluster.enabled on the embedded H2: one node, and a clear refusal when asked for more (PostgreSQL: ClusterIT). */
class ClusterModeTest {

    @Test
    void theEmbeddedDatabaseIsOneNode() {
        try (Database h2 = Database.open("jdbc:h2:mem:cluster-mode;DB_CLOSE_DELAY=-1", "sa", "")) {
            assertThat(Configuration.Cluster.fromSettings(Settings.of(Map.of())).on(h2.kind())).as("auto").isFalse();
            assertThat(Configuration.Cluster.fromSettings(Settings.of(Map.of("careloop.cluster.enabled", "false"))).on(h2.kind())).isFalse();
            assertThatThrownBy(() -> Configuration.Cluster.fromSettings(Settings.of(Map.of("careloop.cluster.enabled", "true"))).on(h2.kind()))
                    .hasMessageContaining("needs PostgreSQL");
            assertThatThrownBy(() -> Configuration.Cluster.fromSettings(Settings.of(Map.of("careloop.cluster.enabled", "yes"))))
                    .hasMessageContaining("must be auto, true or false");
        }
    }
}
