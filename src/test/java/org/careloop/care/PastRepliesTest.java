package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.SocialAnalyzer;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.rules.RuleBook;
import org.junit.jupiter.api.Test;

class PastRepliesTest {

    static final RuleBook DEMO = RuleBook.load(Path.of("rules"));
    static final SocialAnalyzer ANALYZER = new SocialAnalyzer();
    final Drafter drafter = new Drafter(() -> DEMO, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "", "within the hour"));
    final Instant t = Instant.parse("2026-12-01T10:00:00Z");
    final List<Draft> decided = new ArrayList<>();
    final PastReplies past = new PastReplies(limit -> decided, drafter, Clock.fixed(t, java.time.ZoneOffset.UTC));

    Mention post(String id, String name, String text) {
        return new Mention(Platform.X, "brand", id, new Author("a" + id, name.toLowerCase().replace(' ', '_'), name), text, "en", t, id,
                null, null, false, false);
    }

    Draft sent(String id, String name, String post, String reply, String by, Long ticket) {
        Mention m = post(id, name, post);
        Analysis a = ANALYZER.analyze(post, null);
        Draft.Work w = Draft.Work.initial(Draft.Kind.REPLY, Decision.Action.REPLY, Decision.Priority.NORMAL, "drafted text", 1, true).withTicket(ticket);
        return new Draft(Long.parseLong(id), m, a, "r", "apology", reply, DraftStatus.PUBLISHED, t, t, by, t, "x" + id, null, w);
    }

    @Test
    void theTeamsReplyToASimilarPostIsOfferedWithTheNewCustomersNameAndDetail() {
        decided.add(sent("1", "Jana Kowalski", "@acmeair the wifi on my flight to Denver never worked, 4 hours without it",
                "Jana, sorry the wifi let you down for the whole flight. Our onboard team is replacing those units; a credit for the pass is on its way by email.",
                "alice", null));
        decided.add(sent("2", "Omar Haddad", "@acmeair thanks for the great crew today", "Omar, thank you!", "alice", null));
        Mention now = post("10", "Lena Brandt", "@acmeair wifi never worked on my flight to Boston, paid for it too");
        var s = past.closest(now, ANALYZER.analyze(now.text(), null)).orElseThrow();
        assertThat(s.entry()).isEqualTo("past:1");
        assertThat(s.text()).startsWith("Lena, sorry the wifi").doesNotContain("Jana");
        assertThat(s.topic()).contains("rewritten by alice");
    }

    @Test
    void onlyWhatAPersonApprovedAndNeverAnotherCustomersTicket() {
        decided.add(sent("1", "Jana Kowalski", "@acmeair the wifi on my flight never worked", "Jana, sorry about the wifi, that's on us.",
                Draft.AUTO, null));
        decided.add(sent("2", "Omar Haddad", "@acmeair the wifi on my flight never worked at all", "Omar, sorry, case #7: https://care.example/t/abcdefghij",
                "alice", 7L));
        Mention now = post("10", "Lena Brandt", "@acmeair wifi never worked on my flight");
        assertThat(past.closest(now, ANALYZER.analyze(now.text(), null))).isEmpty();
    }

    @Test
    void aPostAboutSomethingElseGetsNothing() {
        decided.add(sent("1", "Jana Kowalski", "@acmeair the wifi on my flight to Denver never worked", "Jana, sorry about the wifi.", "alice", null));
        Mention now = post("10", "Lena Brandt", "@acmeair can my cat come in the cabin?");
        assertThat(past.closest(now, ANALYZER.analyze(now.text(), null))).isEmpty();
    }
}
