package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterRepliesTest {

    /** An edited text without the first post's name gets the author's name before it: only a sentence's usual first word loses its capital. */
    @Test
    void onlyAUsualFirstWordIsLowerCasedAfterTheName() {
        assertThat(ClusterReplies.lowerFirst("We're sorry, the app is failing for many of you.")).isEqualTo("we're sorry, the app is failing for many of you.");
        assertThat(ClusterReplies.lowerFirst("Sorry about the wait.")).isEqualTo("sorry about the wait.");
        assertThat(ClusterReplies.lowerFirst("Denver flights are back on schedule.")).isEqualTo("Denver flights are back on schedule.");
        assertThat(ClusterReplies.lowerFirst("I'm sorry.")).isEqualTo("I'm sorry.");
        assertThat(ClusterReplies.lowerFirst("JFK is reopening now.")).isEqualTo("JFK is reopening now.");
    }
}
