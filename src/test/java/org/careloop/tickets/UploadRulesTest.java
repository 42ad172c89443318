package org.careloop.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadRulesTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==");

    final UploadRules rules = new UploadRules(1024, 2, 5, 20, UploadRules.DEFAULT_TYPES);

    @Test
    void aMessageSaysOrSendsSomethingWithinItsLimits() {
        assertThat(rules.refusal("", 0, 0)).contains("Write a message or choose a file to send.");
        assertThat(rules.refusal("", 1, 0)).isEmpty();
        assertThat(rules.refusal("my bag", 0, 5)).as("no file, so a full ticket does not matter").isEmpty();
        assertThat(rules.refusal("x".repeat(21), 0, 0)).contains("Your message is longer than 20 characters; please shorten it.");
        assertThat(rules.refusal("x".repeat(20), 3, 0)).contains("Up to 2 files at a time, please.");
        assertThat(rules.refusal("x", 2, 4)).hasValueSatisfying(r -> assertThat(r).startsWith("This case already holds the most files it can take (5)"));
        assertThat(rules.refusal("x", 2, 3)).isEmpty();
    }

    @Test
    void aFileIsJudgedByItsBytesNotItsName() {
        UploadRules.FileCheck png = rules.check("bag tag.png", PNG);
        assertThat(png.accepted()).isTrue();
        assertThat(png.type()).isEqualTo("image/png");
        UploadRules.FileCheck html = rules.check("photo.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.accepted()).isFalse();
        assertThat(html.refusal()).startsWith("photo.png is not a kind of file we accept (text/html)");
        UploadRules.FileCheck big = rules.check("scan.png", new byte[1025]);
        assertThat(big.refusal()).isEqualTo("scan.png is 1 KB; files may be up to 1 KB.");
        assertThat(new UploadRules(1024, 2, 5, 20, Set.of("application/pdf")).check("bag tag.png", PNG).accepted()).isFalse();
    }

    @Test
    void sizesReadAsPeopleSayThem() {
        assertThat(UploadRules.size(900)).isEqualTo("900 B");
        assertThat(UploadRules.size(12 * 1024 + 5)).isEqualTo("12 KB");
        assertThat(UploadRules.size(5L * 1024 * 1024 + 1)).isEqualTo("5.0 MB");
        assertThat(UploadRules.defaults().maxMessageChars()).isEqualTo(UploadRules.MESSAGE_CHARS);
    }
}
