package org.careloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** X writes every time with milliseconds; twitter4j refuses one without, so a post made on the second must still carry them. */
class XApiTimeTest {

    @Test
    void timesAlwaysCarryMilliseconds() {
        assertThat(XApi.time(Instant.parse("2026-12-01T20:24:20Z"))).isEqualTo("2026-12-01T20:24:20.000Z");
        assertThat(XApi.time(Instant.parse("2026-12-01T20:24:20.123456789Z"))).isEqualTo("2026-12-01T20:24:20.123Z");
    }
}
