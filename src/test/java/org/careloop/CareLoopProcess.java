package org.careloop;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A CareLoop process, started as a user starts it ({@code Main run}, settings in the environment),
 * that a test can stop, or kill like an operator's kill -9.
 */
record CareLoopProcess(Process process, Path log, int port) {

    static CareLoopProcess start(Map<String, String> env, Path workDir, Path log) throws IOException {
        // C1 only and the serial collector: a child starts in ~14 s instead of ~22 s on two busy cores (tests start
        // eight or more); what the tests check of it (the outbox, the schedule, its kills) does not depend on either.
        return start(env, workDir, log, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    /** With these options for the JVM: a benchmark runs the JVM as a user does, whose code the JIT compiles fully. */
    static CareLoopProcess start(Map<String, String> env, Path workDir, Path log, List<String> jvm) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.addAll(List.of("-cp", productClasspath(), "org.careloop.Main", "run"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("CARELOOP_"));
        pb.environment().putAll(env);
        pb.directory(workDir.toFile());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new CareLoopProcess(pb.start(), log, Integer.parseInt(env.get("CARELOOP_HTTP_PORT")));
    }

    /**
     * The classes and the compile and runtime dependencies, as the packaged jar has them, never the test jars:
     * a component the routes use but only a test dependency brings (camel-scheduler through camel-test) fails
     * here as it fails for a user. Written by the build (maven-dependency-plugin, target/runtime-classpath.txt).
     */
    static String productClasspath() throws IOException {
        Path listed = Path.of("target", "runtime-classpath.txt");
        if (!Files.exists(listed)) {
            throw new IllegalStateException(listed + " is missing: run the tests with Maven (mvn test), which writes it");
        }
        return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator + Files.readString(listed).strip();
    }

    /** Returns once the console answers (within 90 s), or fails with the end of the log. */
    void awaitReady() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).pollInSameThread().until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("CareLoop exited at start:\n" + tail());
                }
                try {
                    HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url("/health")))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    return r.statusCode() < 500 || r.statusCode() == 503;
                } catch (IOException notYet) {
                    return false; // still starting
                }
            });
        } catch (ConditionTimeoutException notInTime) {
            throw new AssertionError("CareLoop did not start within 90 s:\n" + tail());
        }
    }

    /** Waits until the log has a line containing {@code text}, or fails with the end of the log. */
    void awaitLog(String text, Duration within) throws Exception {
        try {
            // Stops early when the process has died: its log says no more.
            await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).pollInSameThread()
                    .until(() -> Files.readString(log).contains(text) || !process.isAlive());
        } catch (ConditionTimeoutException notInTime) {
            // the log as it stands decides below
        }
        if (!Files.readString(log).contains(text)) {
            throw new AssertionError("No \"" + text + "\" in the log within " + within + ":\n" + tail());
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Drafts approved and not yet recorded as published, as the API lists them. */
    long approvedDrafts(String apiToken) throws Exception {
        JsonNode drafts = new Http().getJson(url("/api/drafts?status=all"), apiToken, 200);
        long n = 0;
        for (JsonNode d : drafts) {
            n += "approved".equalsIgnoreCase(d.path("status").asText()) ? 1 : 0;
        }
        return n;
    }

    /** SIGKILL: no shutdown hook, no last flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
