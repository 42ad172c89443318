package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.careloop.analysis.CareAction;
import org.careloop.analysis.SocialAnalyzer;
import org.careloop.rules.RuleBook;
import org.junit.jupiter.api.Test;

/**
 * What CareLoop says to real posts (the labelled care-action posts, airline and Russian tweets from
 * ../shared/data): never a fix-time promise, never a reply in another language than the post's,
 * never a reply to a post it should ignore.
 */
class RealPostsDraftingTest {

    @Test
    void realPostsGetNoFixTimePromiseNoOtherLanguageAndIgnoredPostsNoReply() throws Exception {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(),
                new Drafter.Voice("Acme Air", "", "within the hour"));
        List<DryRunCommand.Post> posts = DraftingReport.posts(org.careloop.SharedData.dir(), 300, 150);
        assertThat(posts).hasSizeGreaterThan(800);
        List<String> problems = new ArrayList<>();
        int drafted = 0;
        for (DryRunCommand.Post post : posts) {
            DryRunCommand.Outcome o = dry.run(post);
            if (o.analysis().care().label() == CareAction.Label.IGNORE && o.draft() != null) {
                problems.add("a reply to a post to ignore: " + post.text());
            }
            if (o.draft() == null || o.draft().text().isBlank()) {
                continue;
            }
            drafted++;
            String text = o.draft().text();
            if (DraftingReport.promises(text)) {
                problems.add("a fix-time promise: " + text);
            }
            String postLang = org.careloop.knowledge.Knowledge.replyLanguage(o.analysis().lang());
            if (!postLang.equals("en") && DraftingReport.language(text).equals("en")) {
                problems.add("an English reply to a post in " + postLang + ": " + text);
            }
        }
        assertThat(drafted).isGreaterThan(600);
        assertThat(problems).isEmpty();
    }
}
