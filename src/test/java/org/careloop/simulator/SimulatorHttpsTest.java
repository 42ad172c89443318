package org.careloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator on HTTPS: a client that trusts the certificate it printed reaches the same API as over
 * HTTP (by IP address and by name), a client that does not is refused, and the certificate made at the
 * first start is the one used at the next.
 */
class SimulatorHttpsTest {

    @TempDir
    Path dir;

    @Test
    void aClientTrustingThePrintedCertificateReachesTheApiOverHttps() throws Exception {
        Path state = dir.resolve("simulator-state.json");
        byte[] first;
        try (Simulator sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", state, 1, 0))) {
            Path pem = sim.certificate().orElseThrow();
            assertThat(pem).isEqualTo(dir.resolve("simulator-cert.pem")).isRegularFile();
            first = Files.readAllBytes(pem);
            String https = sim.httpsUrl().orElseThrow();
            assertThat(https).startsWith("https://127.0.0.1:");
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(pem)).build();

            HttpResponse<String> accounts = trusting.send(HttpRequest.newBuilder(URI.create(https + "/api/accounts")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accounts.statusCode()).isEqualTo(200);
            assertThat(accounts.body()).contains("acmeair");
            // X's API, refusing a bad token just as over HTTP.
            HttpResponse<String> me = trusting.send(HttpRequest.newBuilder(URI.create(https + "/2/users/me"))
                    .header("Authorization", "Bearer wrong").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(401);
            // OAuth 1.0a signs the URL called: a signature over the https URL is accepted, one over the http URL is not.
            String host = URI.create(https).getAuthority();
            assertThat(trusting.send(signed("https://" + host + "/2/users/me", https + "/2/users/me"), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            assertThat(trusting.send(signed("http://" + host + "/2/users/me", https + "/2/users/me"), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);
            // By name too: the certificate names localhost.
            String byName = https.replace("127.0.0.1", "localhost");
            assertThat(trusting.send(HttpRequest.newBuilder(URI.create(byName + "/api/accounts")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(https + "/api/accounts")).build(),
                    HttpResponse.BodyHandlers.ofString())).as("a client that does not trust it").isInstanceOf(SSLHandshakeException.class);
        }
        try (Simulator again = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", state, 1, 0))) {
            assertThat(Files.readAllBytes(again.certificate().orElseThrow())).as("made once, kept").isEqualTo(first);
        }
    }

    @Test
    void aSimulatorWithoutStateRemovesTheCertificateItMadeWhenItStops() throws Exception {
        Path pem;
        try (Simulator sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1, 0))) {
            pem = sim.certificate().orElseThrow();
            assertThat(pem).isRegularFile();
            assertThat(pem.getParent().getFileName().toString()).startsWith("careloop-simulator-tls");
        }
        // Each test run starts a few; they piled up in /tmp by the hundred.
        assertThat(pem.getParent()).doesNotExist();
    }

    @Test
    void minusOneMeansNoHttps() throws Exception {
        try (Simulator sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1, -1))) {
            assertThat(sim.httpsUrl()).isEmpty();
            assertThat(sim.certificate()).isEmpty();
        }
    }

    /** A GET of {@code url} as the brand, its OAuth 1.0a signature made over {@code signedUrl}. */
    private static HttpRequest signed(String signedUrl, String url) {
        java.util.Map<String, String> oauth = new java.util.TreeMap<>(java.util.Map.of("oauth_consumer_key", "sim-consumer-key",
                "oauth_token", "sim-acmeair-token", "oauth_signature_method", "HMAC-SHA1",
                "oauth_timestamp", String.valueOf(java.time.Instant.now().getEpochSecond()),
                "oauth_nonce", java.util.UUID.randomUUID().toString().replace("-", ""), "oauth_version", "1.0"));
        oauth.put("oauth_signature", OAuth1.sign("GET", signedUrl, java.util.List.of(), oauth, "sim-consumer-secret", "sim-acmeair-secret"));
        StringBuilder header = new StringBuilder("OAuth ");
        oauth.forEach((k, v) -> header.append(k).append("=\"").append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20")).append("\", "));
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", header.substring(0, header.length() - 2)).build();
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trust.setCertificateEntry("simulator", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }
}
