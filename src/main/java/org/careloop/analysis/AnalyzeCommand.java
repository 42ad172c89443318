package org.careloop.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import org.careloop.config.Json;

/**
 * {@code careloop analyze}: JSON lines in ({@code id}, {@code text}, optional {@code lang}), one
 * JSON line out per input, in order. A bad line gets an error line and the run goes on.
 */
public final class AnalyzeCommand {

    private AnalyzeCommand() {}

    public static int run(BufferedReader in, PrintStream out, Analyzer analyzer) throws IOException {
        ObjectMapper mapper = Json.mapper();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            out.println(mapper.writeValueAsString(analyse(line, analyzer)));
        }
        out.flush();
        return 0;
    }

    static ObjectNode analyse(String line, Analyzer analyzer) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode result = mapper.createObjectNode();
        JsonNode input;
        try {
            input = mapper.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            result.putNull("id");
            return result.put("error", "not JSON: " + e.getOriginalMessage());
        }
        if (input == null || !input.isObject()) {
            result.putNull("id");
            return result.put("error", "not a JSON object");
        }
        JsonNode id = input.get("id");
        if (id == null || id.isNull()) {
            result.putNull("id");
        } else {
            result.set("id", id);
        }
        JsonNode text = input.get("text");
        if (text == null || !text.isTextual()) {
            return result.put("error", "no text: each line needs a string field \"text\"");
        }
        try {
            Analysis a = analyzer.analyze(text.asText(), input.path("lang").asText(null));
            result.put("lang", a.lang());
            result.putObject("sentiment").put("label", a.sentiment().label().id()).put("score", a.sentiment().score())
                    .put("confidence", a.sentiment().confidence());
            result.putObject("emotion").put("label", a.emotion().label().id()).put("confidence", a.emotion().confidence());
            ObjectNode troll = result.putObject("troll").put("label", a.troll().label()).put("score", a.troll().score());
            troll.set("reasons", mapper.valueToTree(a.troll().reasons()));
            result.putObject("offensive").put("label", a.offensive().label()).put("score", a.offensive().score());
            result.putObject("intent").put("label", a.intent().label().id()).put("confidence", a.intent().confidence());
            result.putObject("careAction").put("label", a.care().label().id()).put("urgent", a.care().urgent())
                    .put("confidence", a.care().confidence());
            result.set("reasons", mapper.valueToTree(a.reasons()));
            return result;
        } catch (RuntimeException e) {
            return result.put("error", "analysis failed: " + e);
        }
    }
}
