package org.careloop.web;

import java.util.Optional;
import java.util.OptionalInt;
import org.careloop.platform.Platform;

/** Request parameters: a whole number within bounds (absent means its default), a platform. */
final class Param {

    private Param() {}

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
