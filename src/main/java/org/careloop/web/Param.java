package org.careloop.web;

import java.util.Optional;
import java.util.OptionalInt;
import org.careloop.platform.Platform;

/** Request parameters: a whole number within bounds (absent means its default), a platform, free text within its limit. */
final class Param {

    /** A person's name, as the users table holds it. */
    static final int USERNAME = 64;
    /** A reason or comment: why a draft was rejected, why a comment was hidden. */
    static final int REASON = 2000;
    /** A message on a ticket, from the customer or the team. */
    static final int MESSAGE = org.careloop.tickets.UploadRules.MESSAGE_CHARS;

    private Param() {}

    /** Empty when the free text is within {@code max} characters (or absent), else the 400 naming the field and its limit. */
    static Optional<ApiResponse> tooLong(String name, String value, int max) {
        int characters = value == null ? 0 : value.codePointCount(0, value.length());
        return characters <= max ? Optional.empty()
                : Optional.of(ApiResponse.error(400, name + " is " + characters + " characters; the limit is " + max));
    }

    /** The value, the default when blank, or empty when it is not a number from min to max. */
    static OptionalInt number(String value, int otherwise, int min, int max) {
        int n;
        try {
            n = value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
        return n < min || n > max ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** The platform a path names ({@code x}, {@code facebook}, ...), or empty when it names none. */
    static Optional<Platform> platform(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Platform.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ApiResponse outOfRange(String name, int min, int max) {
        return ApiResponse.error(400, name + " must be a number from " + min + " to " + max);
    }
}
