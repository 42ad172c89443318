package org.careloop.web;

import java.util.OptionalInt;

/** A whole-number request parameter within bounds; absent means its default. */
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

    static ApiResponse outOfRange(String name, int min, int max) {
        return ApiResponse.error(400, name + " must be a number from " + min + " to " + max);
    }
}
