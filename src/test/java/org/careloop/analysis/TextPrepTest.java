package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the analysis reads of a post before anything else. */
class TextPrepTest {

    /** iOS 11.1 wrote "I" as "I️" (I + U+FE0F): a letter stays a letter, an emoji keeps its presentation. */
    @Test
    void aPresentationSelectorAfterALetterIsDroppedAndAfterAnEmojiKept() {
        assertThat(TextPrep.clean("how do I\uFE0F stop it? love it \u2764\uFE0F", 280, false)).isEqualTo("how do I stop it? love it \u2764\uFE0F");
        assertThat(TextPrep.clean("@brand I\uFE0Ft's broken https://t.co/x", 280, true)).isEqualTo("It's broken");
    }
}
