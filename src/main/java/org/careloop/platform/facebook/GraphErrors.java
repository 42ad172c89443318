package org.careloop.platform.facebook;

import com.restfb.exception.FacebookException;
import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookNetworkException;
import com.restfb.exception.FacebookResponseStatusException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.careloop.platform.PlatformException;
import org.careloop.platform.PlatformException.Kind;

/**
 * What a Graph API failure means for CareLoop (error codes from Meta's "Handling errors" and "Rate
 * limits" pages): 190 and 102 an expired, revoked or invalid token (the connection is unhealthy
 * until a new token is configured); 4 (app), 17 (user), 32 (Page), 613 and the 80001-80014
 * business-use-case codes, rate limits to wait out; 1, 2 and 5xx transient; the rest a refusal
 * of this request.
 */
final class GraphErrors {

    static final Set<Integer> TOKEN_CODES = Set.of(102, 190);
    static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613);
    static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2);
    /** Duplicate content. */
    static final int DUPLICATE = 506;

    private GraphErrors() {}

    static PlatformException map(String action, FacebookException e, GraphUsage usage, Instant now, Duration backOff) {
        if (e instanceof FacebookGraphException g) {
            int code = g.getErrorCode() == null ? 0 : g.getErrorCode();
            int sub = g.getErrorSubcode() == null ? 0 : g.getErrorSubcode();
            int status = g.getHttpStatusCode() == null ? 0 : g.getHttpStatusCode();
            String detail = "Graph API could not " + action + ": " + (status > 0 ? "HTTP " + status + " " : "") + "(code " + code
                    + (sub != 0 ? ", subcode " + sub : "") + ") " + clip(g.getErrorMessage())
                    + (g.getFbtraceId() != null ? " [fbtrace_id " + g.getFbtraceId() + "]" : "");
            if (TOKEN_CODES.contains(code)) {
                return new PlatformException(Kind.AUTH, detail + " (" + tokenProblem(sub) + ")", e);
            }
            if (RATE_LIMIT_CODES.contains(code) || (code >= 80001 && code <= 80014)) {
                Duration wait = usage != null && usage.regainAccess().compareTo(backOff) > 0 ? usage.regainAccess() : backOff;
                return new PlatformException(Kind.RATE_LIMITED, detail, now.plus(wait), e);
            }
            if (TRANSIENT_CODES.contains(code) || status >= 500 || Boolean.TRUE.equals(g.getIsTransient())) {
                return new PlatformException(Kind.TRANSIENT, detail, e);
            }
            if (code == DUPLICATE) {
                return new PlatformException(Kind.DUPLICATE, detail, e);
            }
            return new PlatformException(Kind.REJECTED, detail, e);
        }
        if (e instanceof FacebookNetworkException n) {
            if (n.getCause() instanceof SocketTimeoutException) {
                return new PlatformException(Kind.TRANSIENT, "Graph API could not " + action + ": no answer in time ("
                        + n.getCause().getMessage() + "); it may still have been carried out", e);
            }
            return new PlatformException(Kind.TRANSIENT, "Graph API could not " + action + ": " + clip(e.getMessage()), e);
        }
        if (e instanceof FacebookResponseStatusException s) {
            int code = s.getErrorCode() == null ? 0 : s.getErrorCode();
            return new PlatformException(code >= 500 || code == 0 ? Kind.TRANSIENT : Kind.REJECTED,
                    "Graph API could not " + action + ": " + clip(s.getErrorMessage()), e);
        }
        return new PlatformException(Kind.TRANSIENT, "Graph API could not " + action + ": unreadable answer: " + clip(e.getMessage()), e);
    }

    /** Subcodes of 190: what happened to the token, in words. */
    private static String tokenProblem(int subcode) {
        return switch (subcode) {
            case 458 -> "the app was removed from the Page";
            case 459 -> "the user must log in to Facebook to confirm their account";
            case 460 -> "the token was invalidated: the user changed their password";
            case 463 -> "the Page access token has expired";
            case 464 -> "the user is not confirmed";
            case 467 -> "the token is invalid (logged out or revoked)";
            case 492 -> "the user lost their role on the Page";
            default -> "the Page access token was rejected";
        } + "; configure a new Page access token";
    }

    private static String clip(String m) {
        if (m == null) {
            return "";
        }
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
