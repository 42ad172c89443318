package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.careloop.config.Settings;
import org.careloop.platform.Connections;
import org.careloop.web.RequestLimits;
import org.junit.jupiter.api.Test;

class CamelSettingsTest {

    /** Defect 14: Camel reads every route's body before the route knows who is asking, so its limit is small (RequestLimits raises it for one route). */
    @Test
    void theHttpServerTakesSmallBodies() {
        Properties camel = CamelSettings.from(Settings.of(Map.of()), new Connections());
        assertThat(camel.getProperty("camel.server.maxBodySize")).isEqualTo(String.valueOf(RequestLimits.BODY)).isEqualTo("1048576");
    }
}
