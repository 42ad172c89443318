package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    static final String SCRAPE = "# TYPE careloop_test gauge\ncareloop_test 1.0\n";
    static final String TOKEN = "metrics-scraper-token-0123456789";

    @Test
    void openWithoutATokenSet() {
        Exchange ex = scrape(new MetricsEndpoint(() -> SCRAPE, Optional.empty()), null);
        assertThat(ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(new String(ex.getMessage().getBody(byte[].class), StandardCharsets.UTF_8)).isEqualTo(SCRAPE);
    }

    @Test
    void withATokenSetOnlyItsBearerIsAnswered() {
        MetricsEndpoint endpoint = new MetricsEndpoint(() -> SCRAPE, Optional.of(TOKEN));
        for (String auth : new String[] {null, "Bearer wrong-token-0123456789", "Basic " + TOKEN}) {
            Exchange refused = scrape(endpoint, auth);
            assertThat(refused.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).as(String.valueOf(auth)).isEqualTo(401);
            assertThat(refused.getMessage().getHeader("WWW-Authenticate", String.class)).startsWith("Bearer");
            assertThat(refused.getMessage().getBody(String.class)).doesNotContain("careloop_test");
        }
        Exchange answered = scrape(endpoint, "Bearer " + TOKEN);
        assertThat(answered.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(new String(answered.getMessage().getBody(byte[].class), StandardCharsets.UTF_8)).isEqualTo(SCRAPE);
    }

    private static Exchange scrape(MetricsEndpoint endpoint, String authorization) {
        Exchange ex = new DefaultExchange(new DefaultCamelContext());
        if (authorization != null) {
            ex.getIn().setHeader("Authorization", authorization);
        }
        endpoint.scrape(ex);
        return ex;
    }
}
