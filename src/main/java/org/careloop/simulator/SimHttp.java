package org.careloop.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careloop.config.Json;

/** One request to the simulator, with the small helpers its handlers share. */
final class SimHttp {

    private static final int MAX_BODY = 1 << 20;

    final HttpExchange exchange;
    final String method;
    final String path;
    final List<String[]> queryParams;
    private byte[] body;
    private long holdMillis;

    SimHttp(HttpExchange exchange) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase();
        this.path = exchange.getRequestURI().getPath();
        this.queryParams = parseForm(exchange.getRequestURI().getRawQuery());
    }

    String query(String name) {
        for (String[] p : queryParams) {
            if (p[0].equals(name)) {
                return p[1];
            }
        }
        return null;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    byte[] body() throws IOException {
        if (body == null) {
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                throw new IllegalArgumentException("Request body too large");
            }
        }
        return body;
    }

    boolean isForm() {
        String type = header("Content-Type");
        return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    /** Form parameters of a urlencoded body (empty for other bodies). */
    List<String[]> formParams() throws IOException {
        return isForm() ? parseForm(new String(body(), StandardCharsets.UTF_8)) : List.of();
    }

    Map<String, String> form() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        formParams().forEach(p -> out.putIfAbsent(p[0], p[1]));
        return out;
    }

    /** The URL the client called, as OAuth 1.0a signs it. */
    String baseUrl() {
        String host = header("Host");
        String scheme = exchange instanceof com.sun.net.httpserver.HttpsExchange ? "https://" : "http://";
        return scheme + (host == null ? "localhost" : host.toLowerCase()) + path;
    }

    void json(int status, Object value) throws IOException {
        send(status, "application/json; charset=utf-8", Json.mapper().writeValueAsBytes(value));
    }

    void html(int status, String page) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'");
        send(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    void redirect(String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    /** Makes the answer wait this long after the work is done (fault injection: the client times out first). */
    void holdResponse(long millis) {
        this.holdMillis = millis;
    }

    void send(int status, String contentType, byte[] bytes) throws IOException {
        if (holdMillis > 0) {
            try {
                Thread.sleep(holdMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                write(status, contentType, bytes);
            } catch (IOException clientGaveUp) {
                // Expected: the client stopped waiting before the held answer was written.
                exchange.close();
            }
            return;
        }
        write(status, contentType, bytes);
    }

    private void write(int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    static List<String[]> parseForm(String raw) {
        List<String[]> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(new String[] {URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8)});
        }
        return out;
    }
}
