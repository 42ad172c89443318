package org.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.careloop.platform.PlatformException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How reads decide a connection's health: refused at once, transient failures after some polls, healed by that read. */
class ConnectionsTest {

    final Connections connections = new Connections(Clock.systemUTC(), 2);
    final List<Connections.Status> alerts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void register() {
        connections.register(new IdleAdapter(Platform.X, "brand", List.of("mentions", "search")));
        connections.onUnhealthy(alerts::add);
    }

    Connections.Status status() {
        return connections.status("brand").orElseThrow();
    }

    static PlatformException failure(Kind kind, String message) {
        return new PlatformException(kind, message, null);
    }

    @Test
    void transientReadFailuresAreToleratedForTheConfiguredPollsInARow() {
        connections.readFailed("brand", "mentions", failure(Kind.TRANSIENT, "HTTP 503"));
        connections.readFailed("brand", "mentions", failure(Kind.TRANSIENT, "HTTP 503"));
        assertThat(status().healthy()).isTrue();
        assertThat(status().lastError()).isEqualTo("transient: HTTP 503");
        assertThat(alerts).isEmpty();

        connections.readFailed("brand", "mentions", failure(Kind.TRANSIENT, "HTTP 503"));
        assertThat(status().healthy()).isFalse();
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.lastError()).isEqualTo("transient: HTTP 503"));
    }

    @Test
    void aGoodReadBetweenFailuresStartsTheCountAgain() {
        connections.readFailed("brand", "mentions", failure(Kind.TRANSIENT, "timeout"));
        connections.readFailed("brand", "mentions", failure(Kind.TRANSIENT, "timeout"));
        connections.read("brand", "mentions");
        connections.readFailed("brand", "mentions", failure(Kind.TRANSIENT, "timeout"));
        connections.readFailed("brand", "mentions", failure(Kind.TRANSIENT, "timeout"));
        assertThat(status().healthy()).isTrue();
    }

    @Test
    void aRefusedReadBreaksAtOnceAndOnlyItsOwnReadHeals() {
        connections.readFailed("brand", "search", failure(Kind.REJECTED, "X API could not read search: HTTP 400 Invalid query"));
        assertThat(status().healthy()).isFalse();
        assertThat(status().lastError()).isEqualTo("rejected: X API could not read search: HTTP 400 Invalid query");

        connections.read("brand", "mentions");
        connections.succeeded("brand");
        connections.fetched("brand");
        assertThat(status().healthy()).as("other reads and a published reply do not heal it").isFalse();
        assertThat(status().lastError()).contains("HTTP 400");
        connections.readFailed("brand", "search", failure(Kind.REJECTED, "HTTP 400"));
        assertThat(alerts).as("one alert while it stays broken").hasSize(1);

        connections.read("brand", "search");
        assertThat(status().healthy()).isTrue();
        assertThat(status().lastError()).isNull();
    }

    @Test
    void rejectedCredentialsOnIdentifyBreakAtOnceAndIdentifyingHeals() {
        connections.readFailed("brand", Connections.IDENTITY, failure(Kind.AUTH, "HTTP 401"));
        assertThat(status().healthy()).isFalse();
        connections.identified("brand", new PlatformAdapter.Identity("1", "acmeair", "Acme Air"));
        assertThat(status().healthy()).isTrue();
        assertThat(status().handle()).isEqualTo("acmeair");
    }

    @Test
    void aRateLimitedReadNeverBreaksTheConnection() {
        for (int i = 0; i < 5; i++) {
            connections.readFailed("brand", "search", failure(Kind.RATE_LIMITED, "HTTP 429"));
        }
        assertThat(status().healthy()).isTrue();
        assertThat(status().lastError()).isEqualTo("rate_limited: HTTP 429");
    }

    @Test
    void aNegativeToleranceIsRefused() {
        assertThatThrownBy(() -> new Connections(Clock.systemUTC(), -1)).hasMessageContaining("careloop.feeds.failed-polls-tolerated");
    }
}
