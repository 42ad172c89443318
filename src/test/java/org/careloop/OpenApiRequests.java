package org.careloop;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A request as an OpenAPI validator reads it: its path apart from its decoded query parameters. */
public final class OpenApiRequests {

    private OpenApiRequests() {}

    public static SimpleRequest.Builder of(String method, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        SimpleRequest.Builder req = new SimpleRequest.Builder(Request.Method.valueOf(method), q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                req.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return req;
    }
}
