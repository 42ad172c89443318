package org.careloop.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.careloop.config.Json;

/**
 * The JSON body of an API call, read field by field by its type: the one way the API reads what a
 * caller sends. A field of another type ({@code {"note": "yes"}}, {@code {"text": 12345}},
 * {@code {"agent": {}}}) is refused, never coerced: {@link WebEndpoints} answers it 400 naming the
 * field. An absent field reads as null, and so does a JSON null, except for a flag.
 */
final class JsonBody {

    /** A body or a field the call cannot take; the message says which and what it must be. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonNode fields;

    private JsonBody(JsonNode fields) {
        this.fields = fields;
    }

    /**
     * The body's fields; an empty body has none.
     *
     * @param example a body the call takes, for the answer when this one is not a JSON object
     */
    static JsonBody of(String body, String example) {
        if (body == null || body.isBlank()) {
            return new JsonBody(Json.mapper().createObjectNode());
        }
        JsonNode n;
        try {
            n = Json.mapper().readTree(body);
        } catch (IOException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            throw new Invalid("The body must be a JSON object, e.g. " + example);
        }
        return new JsonBody(n);
    }

    String text(String name) {
        return field(name, true, JsonNode::isTextual, "a string", JsonNode::textValue);
    }

    /** A flag is true or false, absent its default: it has no third value, so a JSON null is a slip too. */
    Boolean bool(String name) {
        return field(name, false, JsonNode::isBoolean, "true or false", JsonNode::booleanValue);
    }

    Long whole(String name) {
        return field(name, true, n -> n.isIntegralNumber() && n.canConvertToLong(), "a whole number", JsonNode::longValue);
    }

    /** A list of strings, such as post ids; null when absent. */
    java.util.List<String> texts(String name) {
        return field(name, true, n -> n.isArray() && java.util.stream.StreamSupport.stream(n.spliterator(), false).allMatch(JsonNode::isTextual),
                "a list of strings", n -> java.util.stream.StreamSupport.stream(n.spliterator(), false).map(JsonNode::textValue).toList());
    }

    private <T> T field(String name, boolean nullable, Predicate<JsonNode> typed, String what, Function<JsonNode, T> value) {
        JsonNode n = fields.get(name);
        if (n == null || nullable && n.isNull()) {
            return null;
        }
        if (!typed.test(n)) {
            String type = n.getNodeType().name().toLowerCase(Locale.ROOT);
            throw new Invalid("\"" + name + "\" must be " + what + ", not "
                    + (n.isNull() ? "null" : ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type));
        }
        return value.apply(n);
    }
}
