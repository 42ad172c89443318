package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.careloop.analysis.SocialAnalyzer;
import org.careloop.rules.RuleBook;
import org.junit.jupiter.api.Test;

class DryRunCommandTest {

    /** A dry run of many posts reads like the pipeline: each post its own id, so its own phrasing, not one text for all. */
    @Test
    void eachPostGetsItsOwnPhrasingAsOnAPlatform() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        Set<String> shapes = new HashSet<>();
        for (String who : List.of("ana", "ben", "cleo", "dev", "eli", "fay", "gus", "hal")) {
            DryRunCommand.Post post = new DryRunCommand.Post("@acmeair you are the best airline, thank you!", "en", "x", null, who, who, null, null);
            String text = dry.run(post).draft().text();
            shapes.add(text.replace(who, "NAME"));
            assertThat(dry.run(post).draft().text()).as("the same post drafts the same way again").isEqualTo(text);
        }
        assertThat(shapes).hasSizeGreaterThan(2);
    }

    /** A customer who points to the DM they sent hears we will pick it up there, never a new case asking again. */
    @Test
    void aPointerToADmIsPickedUpInTheDm() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        for (String text : List.of("@acmeair need to change a few more flights, can you please check DM",
                "@acmeair just DMed you my confirmation number",
                "\u201c@acmeair: @Addair  We hope you dont miss your connection. Please Follow us &amp; DM your confirmation. ^CP\u201ddone thx")) {
            DryRunCommand.Outcome o = dry.run(new DryRunCommand.Post(text, "en", "x", null, "ana", "Ana", null, null));
            assertThat(o.explanation().decision().ruleId()).as(text).isEqualTo("dm-sent");
            assertThat(o.draft().text()).as(text).containsIgnoringCase("DM").doesNotContain("booking reference").doesNotContain("case #");
        }
    }

    /** An idea is thanked and passed on; help declined is not pushed to a case; a disruption is named before the phones. */
    @Test
    void ideasDeclinedHelpAndDisruptionsAreHeardForWhatTheyAre() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        String idea = dry.run(new DryRunCommand.Post("@acmeair an idea: monitor mileage members travel patterns enough to know when they change "
                + "jobs/lose status...and make the transition easier.", "en", "x", null, "ana", "Ana", null, null)).draft().text();
        assertThat(idea).doesNotContainIgnoringCase("sorry").doesNotContain("frequent flyer number").containsAnyOf("reaches the team", "pass it");
        DryRunCommand.Outcome declined = dry.run(new DryRunCommand.Post("@acmeair u dont talk like any humans i know. And again i dont want "
                + "customer relations", "en", "x", null, "ben", "Ben", null, null));
        assertThat(declined.explanation().decision().ruleId()).isEqualTo("declined");
        assertThat(declined.draft().text()).doesNotContain("case #").doesNotContain("booking reference");
        String cancelled = dry.run(new DryRunCommand.Post("@acmeair my flight is cancelled and you guys aren't answering the phones what do I do ?",
                "en", "x", null, "cleo", "Cleo", null, null)).draft().text();
        assertThat(cancelled).contains("cancel");
    }
}
