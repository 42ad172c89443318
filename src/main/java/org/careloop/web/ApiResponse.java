package org.careloop.web;

import java.util.Map;

/** What an API call answers: an HTTP status and a body to send as JSON. */
public record ApiResponse(int status, Object body) {

    static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    static ApiResponse error(int status, String message) {
        return new ApiResponse(status, Map.of("error", message));
    }

    /** A body sent as it is rather than as JSON (Atom, CSV). @param fileName offered for saving, or null to show it */
    record Document(String contentType, String fileName, String content) {}

    static ApiResponse document(String contentType, String fileName, String content) {
        return new ApiResponse(200, new Document(contentType, fileName, content));
    }
}
