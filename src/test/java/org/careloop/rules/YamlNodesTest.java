package org.careloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlNodesTest {

    /** An emoji anywhere in a rule file is read, even where it straddles the YAML reader's 1024-character buffer. */
    @Test
    void anEmojiOnTheReadersBufferEdgeIsRead() {
        for (int pad = 960; pad < 1060; pad++) {
            String text = "rules:\n  - id: a\n    note: \"" + "x".repeat(pad) + "\uD83D\uDE14\"\n";
            assertThat(YamlNodes.root(text, "rules.yaml", "rules").getValue()).as("padding %d", pad).hasSize(1);
        }
    }
}
