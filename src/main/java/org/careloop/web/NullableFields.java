package org.careloop.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The API writes every field of its answers, an absent value as {@code null} ({@code "ticketId": null},
 * {@code "incidentId": null}); the OpenAPI document generated from the REST DSL says so: a record
 * component that is not a Java primitive is {@code nullable}. Without it, a client generated from the
 * document would reject real answers. A request record's {@link JsonBody.Example} is its schema's example.
 */
final class NullableFields implements ModelConverter {

    private static volatile boolean registered;

    /** Before the document is first generated (it is built on the first request to /api/openapi.json). */
    static void register() {
        if (!registered) {
            synchronized (NullableFields.class) {
                if (!registered) {
                    // Camel puts its own resolver first when its converters load: load them, then go in front of it.
                    try {
                        Class.forName("org.apache.camel.openapi.RestModelConverters", true, NullableFields.class.getClassLoader());
                    } catch (ClassNotFoundException e) {
                        return;
                    }
                    ModelConverters.getInstance().addConverter(new NullableFields());
                    registered = true;
                }
            }
        }
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = rawClass(type);
        if (schema == null || raw == null || !raw.isRecord()) {
            return schema;
        }
        Schema model = schema.get$ref() != null && context.getDefinedModels() != null
                ? context.getDefinedModels().get(raw.getSimpleName()) : schema;
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        JsonBody.Example example = raw.getAnnotation(JsonBody.Example.class);
        if (example != null) {
            try {
                model.setExample(org.careloop.config.Json.mapper().readTree(example.value()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("The example of " + raw.getName() + " is not JSON: " + example.value(), e);
            }
        }
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent c : raw.getRecordComponents()) {
            Schema p = properties.get(c.getName());
            // A request's flag is never null (JsonBody refuses a null for true or false).
            if (p != null && !c.getType().isPrimitive() && !(example != null && c.getType() == Boolean.class)) {
                // A $ref takes no siblings in OpenAPI 3.0: a nullable reference is an allOf of one.
                properties.put(c.getName(), p.get$ref() != null ? new Schema<>().allOf(List.of(p)).nullable(true) : p.nullable(true));
            }
        }
        return schema;
    }

    private static Class<?> rawClass(AnnotatedType type) {
        if (type.getType() instanceof Class<?> c) {
            return c;
        }
        if (type.getType() instanceof JavaType j) {
            return j.getRawClass();
        }
        try {
            return Json.mapper().constructType(type.getType()).getRawClass();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
