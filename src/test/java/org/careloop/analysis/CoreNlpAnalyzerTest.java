package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.careloop.config.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CoreNLP is slow to load: one instance for the class. */
class CoreNlpAnalyzerTest {

    static Analyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = new CoreNlpAnalyzer();
    }

    @Test
    void readsClearSentimentWithReasons() {
        Analysis happy = analyzer.analyze("I love this crew, they were wonderful and kind. Thank you!", null);
        assertThat(happy.sentiment().label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(happy.sentiment().score()).isPositive();
        assertThat(happy.reasons()).anyMatch(r -> r.startsWith("CoreNLP:"));

        Analysis angry = analyzer.analyze("@acmeair This is the worst airline. My bag is lost and nobody helps. Terrible, awful service.", "en");
        assertThat(angry.sentiment().label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(angry.sentiment().score()).isNegative();
        assertThat(angry.lang()).isEqualTo("en");
    }

    @Test
    void nonEnglishIsNeutralAndSaysWhy() {
        Analysis ru = analyzer.analyze("мой багаж не прилетел в Мюнхен", null);
        assertThat(ru.lang()).isEqualTo("ru");
        assertThat(ru.sentiment().label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(ru.reasons()).anyMatch(r -> r.contains("English only"));
        assertThat(analyzer.analyze("سلام، برای پرواز چند کیلو بار مجاز است؟", null).lang()).isEqualTo("fa");
        assertThat(analyzer.analyze("تأخرت رحلتي ثلاث ساعات", null).lang()).isEqualTo("ar");
    }

    @Test
    void oddInputNeverThrows() {
        String huge = "bad service ".repeat(90_000);
        String binary = new String(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10, 13}, StandardCharsets.ISO_8859_1);
        for (String text : List.of("", "   ", huge, binary, "\u200b\u200c\u200d\u2060", "hello \u202eevil\u202c world", "مرحبا hello привет 👋", "@acmeair https://x.co/a")) {
            Analysis a = analyzer.analyze(text, null);
            assertThat(a.sentiment()).isNotNull();
            assertThat(a.lang()).isNotBlank();
        }
    }

    @Test
    void analyzeCommandWritesOneLinePerInputInOrderWithErrorsInline() throws Exception {
        String input = String.join("\n",
                "{\"id\":\"1\",\"text\":\"I love it\"}",
                "not json",
                "{\"id\":\"3\"}",
                "{\"id\":4,\"text\":\"мой багаж\",\"lang\":\"ru\"}",
                "[1,2]");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnalyzeCommand.run(new BufferedReader(new StringReader(input)), new PrintStream(bytes, true, StandardCharsets.UTF_8), analyzer);
        List<JsonNode> lines = bytes.toString(StandardCharsets.UTF_8).lines().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("1");
        assertThat(lines.get(0).at("/sentiment/label").asText()).isEqualTo("positive");
        assertThat(lines.get(1).get("id").isNull()).isTrue();
        assertThat(lines.get(1).get("error").asText()).startsWith("not JSON");
        assertThat(lines.get(2).get("id").asText()).isEqualTo("3");
        assertThat(lines.get(2).get("error").asText()).startsWith("no text");
        assertThat(lines.get(3).get("id").asInt()).isEqualTo(4);
        assertThat(lines.get(3).get("lang").asText()).isEqualTo("ru");
        assertThat(lines.get(4).get("error").asText()).isEqualTo("not a JSON object");
    }
}
