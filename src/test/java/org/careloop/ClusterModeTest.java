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
            assertThat(CareLoop.clustered(Settings.of(Map.of()), h2)).as("auto").isFalse();
            assertThat(CareLoop.clustered(Settings.of(Map.of("careloop.cluster.enabled", "false")), h2)).isFalse();
            assertThatThrownBy(() -> CareLoop.clustered(Settings.of(Map.of("careloop.cluster.enabled", "true")), h2))
                    .hasMessageContaining("needs PostgreSQL");
            assertThatThrownBy(() -> CareLoop.clustered(Settings.of(Map.of("careloop.cluster.enabled", "yes")), h2))
                    .hasMessageContaining("must be auto, true or false");
        }
    }
}
