package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.careloop.platform.Platform;
import org.junit.jupiter.api.Test;

class ReplyLengthTest {

    @Test
    void facebookAndInstagramRepliesAreCutToTheirPlatformsLimitAtAWord() {
        String words = "Thanks for your patience while we look into this. ".repeat(200);
        String instagram = ReplyLength.fit(Platform.INSTAGRAM, words);
        assertThat(instagram.codePointCount(0, instagram.length())).isLessThanOrEqualTo(2200);
        assertThat(instagram).endsWith("…");
        assertThat(words).as("cut where a word ends").startsWith(instagram.substring(0, instagram.length() - 1) + " ");
        assertThat(ReplyLength.fits(Platform.INSTAGRAM, instagram)).isTrue();
        assertThat(ReplyLength.fits(Platform.INSTAGRAM, words)).isFalse();
        String facebook = ReplyLength.fit(Platform.FACEBOOK, words);
        assertThat(facebook.length()).isLessThanOrEqualTo(8000).isGreaterThan(7900);
        // Characters, not UTF-16 units: 2200 emoji fit Instagram.
        assertThat(ReplyLength.fits(Platform.INSTAGRAM, "🙂".repeat(2200))).isTrue();
        assertThat(ReplyLength.fit(Platform.INSTAGRAM, "short")).isEqualTo("short");
        assertThat(ReplyLength.fit(Platform.X, words)).isEqualTo(XText.fit(words, XText.LIMIT));
    }
}
