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
}
