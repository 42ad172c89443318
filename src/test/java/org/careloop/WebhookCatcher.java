package org.careloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.careloop.config.Json;

/** A webhook receiver for the whole-application tests: every event POSTed to {@link #url()}, in the order it came. */
final class WebhookCatcher implements AutoCloseable {

    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private WebhookCatcher() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            events.add(Json.mapper().readTree(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
    }

    static WebhookCatcher start() throws IOException {
        return new WebhookCatcher();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
