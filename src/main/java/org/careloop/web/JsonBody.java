package org.careloop.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.careloop.config.Json;

/**
 * How the API reads what a caller sends: the JSON body of a call, bound by the REST binding ({@link ApiJson}) to the
 * record its verb names as {@code type} in routes/api.yaml. A field of another JSON type ({@code {"note": "yes"}},
 * {@code {"text": 12345}}, {@code {"agent": {}}}) is refused, never coerced as Jackson would by default; an absent
 * field, or a JSON null, is null, except for a flag (a {@code Boolean}: true or false, absent its default, so a null
 * is a slip too). Unknown fields are ignored.
 *
 * <p>A body it cannot take is not an exception thrown while Camel binds it, before the route runs: it becomes a
 * {@link Refused}, which {@link Access#authorize} answers 400 after deciding who is asking, so a caller who may
 * not make the call learns nothing about its body.
 */
final class JsonBody {

    private JsonBody() {}

    /** A body or a field the call cannot take; the message says which and what it must be. */
    record Refused(String error) {}

    /**
     * A body a request record's call takes, as JSON: named in the 400 for a body that is not a JSON object, and the
     * record's example in /api/openapi.json ({@link NullableFields}).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Example {
        String value();
    }

    /**
     * The record the body binds to, or {@link Refused}.
     *
     * @param type a record of {@code String}, {@code Boolean}, {@code Long} and {@code List<String>} components; its
     *             {@link Example} is a body the call takes, named when this one is not a JSON object
     */
    static Object read(String body, Class<?> type) {
        JsonNode n;
        try {
            // Blank is no body: every field absent.
            n = body == null || body.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
        } catch (IOException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            Example example = type.getAnnotation(Example.class);
            return new Refused("The body must be a JSON object" + (example == null ? "" : ", e.g. " + example.value()));
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String refused = refused(c.getName(), n.get(c.getName()), c.getGenericType());
            if (refused != null) {
                return new Refused(refused);
            }
        }
        try {
            return Json.mapper().treeToValue(n, type);
        } catch (IOException e) {
            // Every field was checked above: a record that binds differently is a mistake here, not the caller's.
            throw new IllegalStateException("Cannot bind " + type.getSimpleName() + " from a checked body", e);
        }
    }

    /** Null when the field's JSON type fits the component's Java type, else why not. */
    private static String refused(String name, JsonNode n, Type type) {
        if (type == Boolean.class) {
            return n == null ? null : check(name, n, JsonNode::isBoolean, "true or false");
        }
        if (n == null || n.isNull()) {
            return null;
        }
        if (type == String.class) {
            return check(name, n, JsonNode::isTextual, "a string");
        }
        if (type == Long.class) {
            return check(name, n, v -> v.isIntegralNumber() && v.canConvertToLong(), "a whole number");
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class && p.getActualTypeArguments()[0] == String.class) {
            return check(name, n, v -> v.isArray() && StreamSupport.stream(v.spliterator(), false).allMatch(JsonNode::isTextual), "a list of strings");
        }
        throw new IllegalStateException("A request field of type " + type + " (" + name + ") is not read by JsonBody");
    }

    private static String check(String name, JsonNode n, Predicate<JsonNode> typed, String what) {
        if (typed.test(n)) {
            return null;
        }
        String type = n.getNodeType().name().toLowerCase(Locale.ROOT);
        return "\"" + name + "\" must be " + what + ", not " + (n.isNull() ? "null" : ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type);
    }
}
