package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsSplitTest {

    @Test
    void repostsLandOnTheSameSideAsTheirOriginal() {
        String original = "@acmeair my bag didn't arrive in Boston!! https://t.co/abc";
        for (String copy : List.of("RT @someone: @acmeair my bag didn't arrive in Boston!!", "@AcmeAir My bag didn't arrive in Boston",
                "my bag didn’t arrive in boston https://t.co/xyz")) {
            assertThat(ActionsSplit.heldBack(copy)).as(copy).isEqualTo(ActionsSplit.heldBack(original));
        }
    }

    @Test
    void aboutThreeInTenOfTheLabelledPostsAreHeldBack() throws Exception {
        Path file = org.careloop.SharedData.dir().resolve("conversations/actions-dev.jsonl");
        List<Corpus.Row> rows = Corpus.read(file, n -> n.path("action").asText(null)).rows();
        long held = rows.stream().filter(r -> ActionsSplit.heldBack(r.text())).count();
        assertThat(rows).hasSize(400);
        assertThat(held).isEqualTo(116);
    }
}
