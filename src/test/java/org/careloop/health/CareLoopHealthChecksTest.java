package org.careloop.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.careloop.platform.Connections;
import org.careloop.platform.IdleAdapter;
import org.careloop.platform.Platform;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CareLoop's checks in Camel's health-check registry: an account whose connection breaks is DOWN, with its error. */
class CareLoopHealthChecksTest {

    final Connections connections = new Connections();
    final AtomicBoolean databaseUp = new AtomicBoolean(true);
    final AtomicReference<Instant> triageStalled = new AtomicReference<>();
    CamelContext camel;

    @BeforeEach
    void start() {
        connections.register(account("brand"));
        connections.register(account("support"));
        camel = new DefaultCamelContext();
        CareLoopHealthChecks.register(camel, connections, databaseUp::get, () -> Optional.ofNullable(triageStalled.get()));
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    Map<String, HealthCheck.Result> readiness() {
        return HealthCheckHelper.invokeReadiness(camel, "full").stream()
                .collect(Collectors.toMap(r -> r.getCheck().getId(), Function.identity()));
    }

    @Test
    void everyAccountAndTheDatabaseHaveAReadinessCheckUpWhileHealthy() {
        Map<String, HealthCheck.Result> results = readiness();
        assertThat(results).containsKeys("careloop-account-brand", "careloop-account-support", "careloop-database", "careloop-scheduler");
        assertThat(results.get("careloop-account-brand").getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(results.get("careloop-database").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void anAccountWhoseCredentialsAreRejectedIsDownWithItsErrorAndTheOthersStayUp() {
        connections.readFailed("brand", "mentions", new PlatformException(PlatformException.Kind.AUTH, "401 Unauthorized: token revoked", null));

        Map<String, HealthCheck.Result> results = readiness();
        HealthCheck.Result brand = results.get("careloop-account-brand");
        assertThat(brand.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(brand.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("token revoked"));
        assertThat(brand.getDetails()).containsEntry("last.error", "auth: 401 Unauthorized: token revoked");
        assertThat(results.get("careloop-account-support").getState()).isEqualTo(HealthCheck.State.UP);
        // A platform down is no reason to restart CareLoop: the account checks are readiness only.
        assertThat(HealthCheckHelper.invokeLiveness(camel, "full")).noneMatch(r -> r.getCheck().getId().startsWith("careloop-account-"));

        connections.read("brand", "mentions");
        assertThat(readiness().get("careloop-account-brand").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aStalledTriageIsDownForReadinessAndLivenessUntilAThreadIsFree() {
        assertThat(readiness().get("careloop-triage").getState()).isEqualTo(HealthCheck.State.UP);
        triageStalled.set(Instant.parse("2026-12-07T09:00:00Z"));
        HealthCheck.Result stalled = readiness().get("careloop-triage");
        assertThat(stalled.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(stalled.getMessage()).hasValue("Every triage thread has been busy since 2026-12-07T09:00:00Z: posts wait with their feeds "
                + "(the log names the posts that hold the threads)");
        // Only a restart frees a thread whose triage never returns.
        assertThat(HealthCheckHelper.invokeLiveness(camel, "full")).singleElement().satisfies(r -> {
            assertThat(r.getCheck().getId()).isEqualTo("careloop-triage");
            assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        });
        triageStalled.set(null);
        assertThat(readiness().get("careloop-triage").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void theDatabaseCheckIsDownWhenThePingFails() {
        databaseUp.set(false);
        assertThat(readiness().get("careloop-database").getState()).isEqualTo(HealthCheck.State.DOWN);
    }

    /** The scheduler fires every poll, the outbox and the sweeps: in standby it is DOWN, and /health with it. */
    @Test
    void theSchedulerCheckIsDownWhileTheSchedulerStands() throws Exception {
        org.quartz.Scheduler quartz = camel.getComponent("quartz", org.apache.camel.component.quartz.QuartzComponent.class).getScheduler();
        quartz.start();
        assertThat(readiness().get("careloop-scheduler").getState()).isEqualTo(HealthCheck.State.UP);
        org.careloop.web.HealthApi health = new org.careloop.web.HealthApi(connections, new RegistryJudge(() -> camel));
        assertThat(health.health().status()).isEqualTo(200);
        quartz.standby();
        HealthCheck.Result down = readiness().get("careloop-scheduler");
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("not running"));
        assertThat(health.health().status()).isEqualTo(503);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) health.health().body();
        assertThat(body).containsEntry("scheduler", "DOWN");
    }

    /** /health asks the registry: same JSON and status codes as before, judged by the checks above. */
    @Test
    void healthJudgedByTheRegistryAnswers503WhileAnAccountIsDown() throws Exception {
        camel.getComponent("quartz", org.apache.camel.component.quartz.QuartzComponent.class).getScheduler().start();
        org.careloop.web.HealthApi health = new org.careloop.web.HealthApi(connections, new RegistryJudge(() -> camel));
        assertThat(health.health().status()).isEqualTo(200);

        connections.readFailed("support", "mentions", new PlatformException(PlatformException.Kind.AUTH, "401 Unauthorized", null));
        var down = health.health();
        assertThat(down.status()).isEqualTo(503);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) down.body();
        assertThat(body).containsEntry("status", "DOWN").containsEntry("database", "UP");
        assertThat((List<org.careloop.web.HealthApi.AccountHealth>) body.get("accounts")).extracting(a -> a.account() + "=" + a.healthy())
                .containsExactly("brand=true", "support=false");

        connections.read("support", "mentions");
        databaseUp.set(false);
        var noDatabase = health.health();
        assertThat(noDatabase.status()).isEqualTo(503);
        assertThat((Map<String, Object>) noDatabase.body()).containsEntry("database", "DOWN");
    }

    private static PlatformAdapter account(String name) {
        return new IdleAdapter(Platform.X, name, List.of("mentions"));
    }
}
