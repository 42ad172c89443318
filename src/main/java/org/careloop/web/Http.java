package org.careloop.web;

import com.fasterxml.jackson.databind.node.NullNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * Reading a request and writing an answer on Camel's platform-http, the same way for every endpoint:
 * the request's headers never leak into the answer, query and form fields are read from where a
 * client really put them, and nothing is cached.
 */
final class Http {

    private Http() {}

    /** Never kept by a browser or a proxy (it gets through Camel's header filter by {@link ResponseHeaders}). */
    static void noStore(Exchange ex) {
        ex.getMessage().setHeader("Cache-Control", "no-store");
    }

    static void download(Exchange ex, TicketPage.File f) {
        clearHeaders(ex);
        Message m = ex.getMessage();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        m.setHeader(Exchange.CONTENT_TYPE, f.contentType());
        m.setHeader("Content-Disposition", "attachment; filename=\"" + f.filename().replaceAll("[^\\x20-\\x7e]", "_") + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(f.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        m.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        noStore(ex);
        m.setBody(f.content());
    }

    /**
     * An API answer: its status and headers on the message, and its body as the object it is; the REST binding
     * writes that as JSON after the route ({@link ApiJson}). A document (Atom, CSV) goes out as its own type.
     */
    static void answer(Exchange ex, ApiResponse r) {
        clearHeaders(ex);
        Message m = ex.getMessage();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, r.status());
        r.headers().forEach(m::setHeader);
        noStore(ex);
        if (r.body() instanceof ApiResponse.Document d) {
            m.setHeader(Exchange.CONTENT_TYPE, d.contentType());
            if (d.fileName() != null) {
                m.setHeader("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"");
            }
            m.setBody(d.content().getBytes(StandardCharsets.UTF_8));
            return;
        }
        // "json" in the type is what makes the binding write the body; a null body is written as null, not left empty.
        m.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        m.setBody(r.body() == null ? NullNode.getInstance() : r.body());
    }

    static void html(Exchange ex, int status, String page) {
        clearHeaders(ex);
        Message m = ex.getMessage();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        noStore(ex);
        m.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
        m.setBody(page);
    }

    static void redirect(Exchange ex, String location) {
        clearHeaders(ex);
        redirectKeepingHeaders(ex, location);
    }

    static void redirectKeepingHeaders(Exchange ex, String location) {
        Message m = ex.getMessage();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, 303);
        m.setHeader("Location", location);
        m.setBody("");
    }

    /**
     * The request's headers (and the query and form fields Camel copies among them) are not the
     * response's; {@link ResponseHeaders} would let none of them out in any case.
     */
    static void clearHeaders(Exchange ex) {
        ex.getMessage().removeHeaders("*");
    }

    static String header(Exchange ex, String name) {
        return ex.getMessage().getHeader(name, String.class);
    }

    /**
     * A parameter of the request's query string, never a request header of that name: platform-http
     * puts both among the message's headers, so {@code status: rejected} sent as a header would
     * otherwise act as {@code ?status=rejected}.
     */
    static String query(Exchange ex, String name) {
        String raw = ex.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        List<String> values = new QueryStringDecoder(raw, StandardCharsets.UTF_8, false).parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String body(Exchange ex) {
        return ex.getMessage().getBody(String.class);
    }

    /**
     * Form fields from the request body only: credentials and CSRF tokens in a URL would end up in
     * logs and browser history, and Camel also turns query parameters into headers.
     */
    static Map<String, String> form(Exchange ex) {
        Map<String, String> out = new HashMap<>();
        if (ex.getMessage() instanceof HttpMessage http && !http.getRequest().formAttributes().isEmpty()) {
            http.getRequest().formAttributes().forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
            return out;
        }
        String body = body(ex);
        if (body != null && !body.isBlank()) {
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                out.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return out;
    }

    /** A header the client really sent, not a query parameter Camel copied into the headers. */
    static String requestHeader(Exchange ex, String name) {
        if (ex.getMessage() instanceof HttpMessage http) {
            return http.getRequest().getHeader(name);
        }
        return header(ex, name);
    }

    /** The client's address, for slowing down password guessing. */
    static String address(Exchange ex) {
        if (ex.getMessage() instanceof HttpMessage http && http.getRequest().remoteAddress() != null) {
            return http.getRequest().remoteAddress().hostAddress();
        }
        return "unknown";
    }

    static String resource(String path) {
        try (InputStream in = Http.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("Missing resource " + path));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
