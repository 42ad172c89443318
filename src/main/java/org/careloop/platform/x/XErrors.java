package org.careloop.platform.x;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.careloop.config.Json;
import org.careloop.platform.PlatformException;
import org.careloop.platform.PlatformException.Kind;
import twitter4j.TwitterException;

/** What an X API failure means for CareLoop: fix the credentials, wait, retry, or give up. */
final class XErrors {

    private XErrors() {}

    static PlatformException map(String action, TwitterException e) {
        int status = e.getStatusCode();
        String detail = "X API could not " + action + ": " + (status > 0 ? "HTTP " + status + " " : "") + summary(e);
        if (status == 401) {
            return new PlatformException(Kind.AUTH, detail + " (the credentials were rejected)", e);
        }
        if (status == 403 && lacksAccess(e)) {
            return new PlatformException(Kind.AUTH, detail + " (the credentials lack the needed access)", e);
        }
        if (status == 429) {
            return new PlatformException(Kind.RATE_LIMITED, detail, resetOf(e), e);
        }
        if (e.getCause() instanceof java.net.SocketTimeoutException) {
            return new PlatformException(Kind.TRANSIENT, "X API could not " + action + ": no answer in time ("
                    + e.getCause().getMessage() + "); it may still have been carried out", e);
        }
        if (status >= 500 || status <= 0 || e.isCausedByNetworkIssue()) {
            return new PlatformException(Kind.TRANSIENT, detail, e);
        }
        if (status == 403 && isDuplicate(e)) {
            return new PlatformException(Kind.DUPLICATE, detail, e);
        }
        return new PlatformException(Kind.REJECTED, detail, e);
    }

    /**
     * Recent search refused the request's {@code since_id} as older than the 7 days it reaches: a
     * 400 whose errors name the parameter ({@code "parameters":{"since_id":[...]}}, "Invalid 'since_id'").
     */
    static boolean refusesSinceId(TwitterException e) {
        String body = e.getMessage() == null ? "" : e.getMessage();
        return e.getStatusCode() == 400 && (body.contains("\"since_id\"") || body.contains("'since_id'"));
    }

    /**
     * A 403 is about the credentials (read-only app, app outside a project, suspended account) or
     * about one post (duplicate text, replies restricted): only the first needs an operator.
     */
    private static boolean lacksAccess(TwitterException e) {
        if (ACCESS_CODES.contains(e.getErrorCode())) {
            return true;
        }
        String body = e.getMessage() == null ? "" : e.getMessage();
        return ACCESS_PROBLEMS.stream().anyMatch(body::contains);
    }

    /** X refuses a post whose text the account posted recently: code 187, or the v2 problem's wording. */
    private static boolean isDuplicate(TwitterException e) {
        String body = e.getMessage() == null ? "" : e.getMessage();
        return e.getErrorCode() == 187 || body.contains("duplicate content") || body.contains("\"code\":187");
    }

    /** v1.1-style codes: 64 suspended, 261 app write-restricted, 453 access level. */
    private static final Set<Integer> ACCESS_CODES = Set.of(64, 261, 453);
    /** v2 problem types (https://api.x.com/2/problems/...). */
    private static final List<String> ACCESS_PROBLEMS = List.of(
            "/2/problems/oauth1-permissions", "/2/problems/client-not-enrolled", "/2/problems/unsupported-authentication",
            "/2/problems/client-forbidden");

    /** When the rate-limit window resets: from the parsed status, else the raw header, else in a minute. */
    private static Instant resetOf(TwitterException e) {
        if (e.getRateLimitStatus() != null && e.getRateLimitStatus().getResetTimeInSeconds() > 0) {
            return Instant.ofEpochSecond(e.getRateLimitStatus().getResetTimeInSeconds());
        }
        for (String name : new String[] {"x-rate-limit-reset", "X-Rate-Limit-Reset", "X-rate-limit-reset"}) {
            try {
                String reset = e.getResponseHeader(name);
                if (reset != null) {
                    return Instant.ofEpochSecond(Long.parseLong(reset.trim()));
                }
            } catch (RuntimeException ignored) {
                // twitter4j throws when the response has no such header; try the next spelling
            }
        }
        return Instant.now().plusSeconds(60);
    }

    private static String summary(TwitterException e) {
        String m = e.getErrorMessage() != null ? e.getErrorMessage() : fromBody(e.getMessage());
        if (m == null) {
            m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    /**
     * twitter4j puts its own advice before the response body and reads only v1.1 error bodies:
     * the X v2 error ({@code errors[].message}, {@code detail}, {@code message}) says more.
     */
    private static String fromBody(String message) {
        int start = message == null ? -1 : message.indexOf('{');
        if (start < 0) {
            return null;
        }
        try (JsonParser parser = Json.mapper().createParser(message.substring(start))) {
            JsonNode body = Json.mapper().readTree(parser);
            for (String pointer : new String[] {"/errors/0/message", "/detail", "/message", "/title"}) {
                String v = body.at(pointer).asText("");
                if (!v.isBlank()) {
                    return v;
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // keep twitter4j's message
        }
        return null;
    }
}
