package org.careloop.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an API call answers: an HTTP status, a body to send as JSON, and headers about the body
 * (a list's {@code X-Total-Count} and {@code Link} to its next page) that leave the body's shape as it was.
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public ApiResponse(int status, Object body) {
        this(status, body, Map.of());
    }

    static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    /** The same answer with one more header; the name must be in {@link ResponseHeaders#SENT} to leave the server. */
    ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, body, more);
    }

    static ApiResponse error(int status, String message) {
        return new ApiResponse(status, new Error(message));
    }

    /** What a refused call answers: {@code {"error": "..."}}, naming the field or limit where there is one. */
    public record Error(String error) {}

    /** A body sent as it is rather than as JSON (Atom, CSV). @param fileName offered for saving, or null to show it */
    record Document(String contentType, String fileName, String content) {}

    static ApiResponse document(String contentType, String fileName, String content) {
        return new ApiResponse(200, new Document(contentType, fileName, content));
    }
}
