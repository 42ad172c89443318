package org.careloop.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.careloop.config.Json;

/**
 * The JSON of CareLoop's HTTP API, as the REST binding reads and writes it ({@code bindingMode: json} and
 * {@code jsonDataFormat} in routes/console.yaml): Camel's Jackson data format with CareLoop's one ObjectMapper
 * ({@link Json#mapper()}: ISO-8601 times, unknown fields tolerated), so an endpoint hands over records and the
 * binding writes them, and a verb's {@code type} is the record its body binds to.
 *
 * <p>Two differences from the plain data format, both so that answers stay as they were: a body the call cannot
 * take is a {@link JsonBody.Refused}, answered 400 after authorization, not an exception before it; and a body
 * without a declared type is left as the caller sent it (those calls read none).
 */
public final class ApiJson extends JacksonDataFormat {

    public ApiJson() {
        // Camel only reads this mapper: nothing in routes/console.yaml sets a data-format property that would change it.
        super(Json.mapper(), Object.class);
        // The answer's Content-Type is the endpoint's (application/json; charset=utf-8), not the data format's bare one.
        setContentTypeHeader(false);
    }

    @Override
    public Object unmarshal(Exchange exchange, Object body) throws Exception {
        // The binding hands over the body as text (it read it to see whether it is empty).
        String text = body instanceof String s ? s : exchange.getContext().getTypeConverter().mandatoryConvertTo(String.class, exchange, body);
        Class<?> type = getUnmarshalType();
        return type == null || type == Object.class ? text : JsonBody.read(text, type);
    }

    @Override
    public Object unmarshal(Exchange exchange, InputStream stream) throws Exception {
        return unmarshal(exchange, (Object) new String(stream.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Override
    public void marshal(Exchange exchange, Object graph, OutputStream stream) throws Exception {
        if (graph instanceof byte[] bytes) {
            // Already written (a download that happens to be JSON): sent as it is, never as a base64 string.
            stream.write(bytes);
            return;
        }
        super.marshal(exchange, graph, stream);
    }
}
