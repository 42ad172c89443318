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
        // Chasing an unanswered DM is waiting on us: sorry for the wait, never "thanks for the mention".
        DryRunCommand.Outcome chasing = dry.run(new DryRunCommand.Post("Bruh can someone at @acmeair get back to me on my Dms \uD83D\uDE12",
                "en", "x", null, "ana", "Ana", null, null));
        assertThat(chasing.explanation().decision().ruleId()).isEqualTo("dm-sent");
        assertThat(chasing.draft().text()).containsAnyOf("DM", "message").containsAnyOf("sorry", "Sorry").doesNotContain("mention");
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

    /**
     * What a ticket asks fits the case: an error buying online asks for the browser or device, not a booking the buyer
     * has not got; a post that never speaks of a trip is not asked for a booking reference, nor told of a cancelled
     * flight when an order was cancelled; a mishap told calmly hears sorry, not "happy to help".
     */
    @Test
    void ticketsAskWhatTheCaseNeedsAndMishapsHearSorry() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        String buying = dry.run(new DryRunCommand.Post("@acmeair I keep getting an error message when trying to purchase a flight on your "
                + "website. Have tried at least 4x.", "en", "x", null, "ana", "Ana", null, null)).draft().text();
        assertThat(buying).contains("browser or device").doesNotContain("booking reference");
        String crashed = dry.run(new DryRunCommand.Post("@acmeair crashed trying to check in.", "en", "x", null, "ben", "Ben", null, null)).draft().text();
        assertThat(crashed).contains("browser or device").doesNotContain("airport");

        DryRunCommand.Outcome phone = dry.run(new DryRunCommand.Post("@acmeair my new iPhone keeps shutting off at 15% since the update, "
                + "nothing I try works", "en", "x", null, "cleo", "Cleo", null, null));
        assertThat(phone.draft().text()).doesNotContain("booking reference").doesNotContain("flight");
        DryRunCommand.Outcome order = dry.run(new DryRunCommand.Post("@acmeair you cancelled my order from uber eats twice tonight and "
                + "nobody explains why", "en", "x", null, "dev", "Dev", null, null));
        assertThat(order.draft().text()).doesNotContain("cancelled flight").doesNotContain("booking reference");

        String missed = dry.run(new DryRunCommand.Post("@acmeair missed my flight. How does standby work?", "en", "x", null, "eli", "Eli", null, null))
                .draft().text();
        assertThat(missed).containsIgnoringCase("sorry").doesNotContainIgnoringCase("happy to");
        // Held up by a disruption, a question is asked from a bad spot too: no "good question" or "thanks for asking".
        String held = dry.run(new DryRunCommand.Post("@acmeair any idea whats going on with Preston trains? Will they be running?", "en", "x", null,
                "eli", "Eli", null, null)).draft().text();
        assertThat(held).containsIgnoringCase("sorry").doesNotContainIgnoringCase("good question").doesNotContainIgnoringCase("thanks for asking");
    }

    /**
     * A case asked as a how-to the knowledge answers surely gets the steps in public; not where something we did went wrong.
     * A charge named or a wifi failure told is not asked for again.
     */
    @Test
    void aHowToAboutTheirOwnCaseIsAnsweredAndWhatIsToldNotAskedAgain() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        DryRunCommand.Outcome miles = dry.run(new DryRunCommand.Post("@acmeair flew SEA-BOS in March and the miles never posted to my account. "
                + "still have my boarding pass. how do i get them credited?", "en", "x", null, "fay", "Fay", null, null));
        assertThat(miles.analysis().care().label().id()).isEqualTo("ticket");
        assertThat(miles.explanation().rule().id()).isEqualTo("how-to-own");
        assertThat(miles.draft().text()).contains("AcmeMiles account").doesNotContain("case #");
        DryRunCommand.Outcome changed = dry.run(new DryRunCommand.Post("@acmeair my flight was changed and now I miss my connection. How can I "
                + "change it without a fee?", "en", "x", null, "gus", "Gus", null, null));
        assertThat(changed.explanation().rule().id()).isNotEqualTo("how-to-own");

        String fee = dry.run(new DryRunCommand.Post("@acmeair why was I charged a $99 change fee when your site said no change fees??", "en", "x", null,
                "hal", "Hal", null, null)).draft().text();
        assertThat(fee).contains("$99").doesNotContain("charge in question");
        String wifi = dry.run(new DryRunCommand.Post("paid $19 for wifi on @acmeair and it worked for exactly 11 minutes. can i get that back or",
                "en", "x", null, "ivy", "Ivy", null, null)).draft().text();
        assertThat(wifi).contains("case #").doesNotContain("what the wifi did");
        // A refund still not come for a flight long cancelled: the refund is the case, not the cancellation.
        String refund = dry.run(new DryRunCommand.Post("@acmeair the refund for the flight you cancelled in March has still not arrived. 4 emails, "
                + "nothing", "en", "x", null, "jo", "Jo", null, null)).draft().text();
        assertThat(refund).contains("refund").doesNotContain("cancelled flight");
        // A seat pocket named is no thing left behind: dirt in it, or knees against it, are complaints about the seat.
        DryRunCommand.Outcome dirty = dry.run(new DryRunCommand.Post("@acmeair seat pocket on 23C had somebody's used tissues in it and the tray "
                + "table was sticky. do u guys clean between flights at all", "en", "x", null, "kit", "Kit", null, null));
        assertThat(dirty.analysis().care().label().id()).isEqualTo("apologize");
        assertThat(dirty.draft().text()).doesNotContain("lost and found").doesNotContain("left on board");
    }

    /** A ticket to a business that is no airline asks what finds its case: the account a code went to, the charge, the ride. */
    @Test
    void ticketsElsewhereAskWhatFindsTheCase() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        String code = dry.run(new DryRunCommand.Post("@acmeair I redeemed a gift card on my account yesterday and the balance still shows zero",
                "en", "x", null, "fay", "Fay", null, null)).draft().text();
        assertThat(code).contains("account you're using").doesNotContain("booking reference");
        String renewed = dry.run(new DryRunCommand.Post("@acmeair I cancelled before the free trial ended and you still charged me",
                "en", "x", null, "gus", "Gus", null, null)).draft().text();
        assertThat(renewed).contains("which charge it is").doesNotContain("booking reference");
        String ride = dry.run(new DryRunCommand.Post("@acmeair my driver took a 40 minute detour and I paid double, not happy",
                "en", "x", null, "hal", "Hal", null, null)).draft().text();
        assertThat(ride).contains("date and time of the ride").doesNotContain("booking reference");
    }

    /** What the dry run says a reply echoes is a phrase of the post that the reply's text holds, whichever part put it there. */
    @Test
    void theEchoReportedIsTheOneTheReplyHolds() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        for (String text : List.of("@acmeair do you still do the boorito deal on halloween?", "@acmeair my bag never showed up in Denver",
                "@acmeair the crew on my flight to Lisbon were wonderful, thank you")) {
            DryRunCommand.Outcome o = dry.run(new DryRunCommand.Post(text, "en", "x", null, "ida", "Ida", null, null));
            assertThat(o.detail()).as(text).isNotNull();
            assertThat(o.draft().text()).as(text).contains(o.detail());
        }
    }

    /** A fault on the site told in full is thanked and passed to the web team; one that blocks the customer is a case. */
    @Test
    void aBugReportIsThankedAndPassedOnNotMadeACase() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        DryRunCommand.Outcome report = dry.run(new DryRunCommand.Post("@acmeair there's a typo on your baggage page, it says 50 kg instead of 23",
                "en", "x", null, "gil", "Gil", null, null));
        assertThat(report.analysis().care().label()).isEqualTo(org.careloop.analysis.CareAction.Label.APOLOGIZE);
        assertThat(report.draft().text()).containsIgnoringCase("thank").containsIgnoringCase("fix").doesNotContain("case #").doesNotContain("DM");
        DryRunCommand.Outcome blocked = dry.run(new DryRunCommand.Post("@acmeair your app has a glitch and I can't check in, help!",
                "en", "x", null, "hal", "Hal", null, null));
        assertThat(blocked.analysis().care().label()).isEqualTo(org.careloop.analysis.CareAction.Label.TICKET);
    }

    /** Something lost to look for is a case whatever jokes come with it; complaint hashtags are no fan post. */
    @Test
    void aLostThingIsACaseAndComplaintTagsAreNoFanPost() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        DryRunCommand.Outcome earring = dry.run(new DryRunCommand.Post("@acmeair and btwn gate a8 &amp; a15 I lost a diamond earring #dayjustgotWORSE! "
                + "Pls have maintenance look for it!!", "en", "x", null, "ida", "Ida", null, null));
        assertThat(earring.analysis().care().label()).isNotIn(org.careloop.analysis.CareAction.Label.ENGAGE, org.careloop.analysis.CareAction.Label.THANK);
        assertThat(earring.draft().text()).contains("lost").doesNotContain("mechanical");
        DryRunCommand.Outcome tags = dry.run(new DryRunCommand.Post("@acmeair BTW, not a weather delay. We've had beautiful weather in Sunny "
                + "California. #nolove #noexcuses #cali", "en", "x", null, "jo", "Jo", null, null));
        assertThat(tags.analysis().care().label()).isNotIn(org.careloop.analysis.CareAction.Label.ENGAGE, org.careloop.analysis.CareAction.Label.THANK);
    }

    /** Days into a journey home, or a flight to hold now: a person at once, not a ticket link. */
    @Test
    void daysOnStandbyAndAFlightToHoldGoToAPerson() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        for (String text : List.of("@acmeair Day 2 trying to get home on standby after your cancellation.",
                "@acmeair no chance I wait in ORD all afternoon for another flight. Hold 5396")) {
            DryRunCommand.Outcome o = dry.run(new DryRunCommand.Post(text, "en", "x", null, "fay", "Fay", null, null));
            assertThat(o.explanation().decision().ruleId()).as(text).startsWith("escalate");
            assertThat(o.draft().text()).as(text).contains("person").doesNotContain("case #");
        }
        DryRunCommand.Outcome hold = dry.run(new DryRunCommand.Post("@acmeair on hold 120 minutes to change my seat", "en", "x", null, "gus", "Gus", null, null));
        assertThat(hold.explanation().decision().ruleId()).as("a wait on hold is no flight to hold").doesNotStartWith("escalate");
    }

    /**
     * Study 18's stitching faults: a corpus scar turned into "your flight us Cancelled", "you're talking to a real person,
     * and I'm sorry about not being able to reach a person", a lazy service in the jump seat cheered, a flight's delay asked
     * about sent to a DM, and a fare watched for a day taken for bait.
     */
    @Test
    void repliesReadAsOneAgentWroteThem() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        String scar = dry.run(new DryRunCommand.Post("@acmeair been on hold for 30 min trying to rebook my flight you Cancelled Flightled. Help?!",
                "en", "x", null, "ana", "Ana", null, null)).draft().text();
        assertThat(scar).doesNotContain("us Cancelled").doesNotContain("Cancelled").contains("30 minutes");
        String human = dry.run(new DryRunCommand.Post("@acmeair can I speak to a human with some compassion? I wrote an email to discuss my "
                + "experience and received a generic \"sorry\" email back", "en", "x", null, "ben", "Ben", null, null)).draft().text();
        assertThat(human).containsIgnoringCase("person").doesNotContain("reach a person");
        DryRunCommand.Outcome lazy = dry.run(new DryRunCommand.Post("@acmeair we got 1 drink then F/A sat in jump seat doing crosswords. Glasses "
                + "picked up at landing. Just a very lazy service 4 First class.", "en", "x", null, "cleo", "Cleo", null, null));
        assertThat(lazy.analysis().care().label()).isEqualTo(org.careloop.analysis.CareAction.Label.APOLOGIZE);
        assertThat(lazy.draft().text()).contains("service").doesNotContain("seat");
        String status = dry.run(new DryRunCommand.Post("@acmeair hey awesome peeps, what's up with flight 1159 from Boston? Delayed 3hrs?",
                "en", "x", null, "dev", "Dev", null, null)).draft().text();
        assertThat(status).contains("flight 1159").contains("status");
        DryRunCommand.Outcome fare = dry.run(new DryRunCommand.Post("@acmeair Guess I'll wait another 24 hrs in hopes rate goes down &amp; is more "
                + "reasonable. Fingers crossed.", "en", "x", null, "eli", "Eli", null, null));
        assertThat(fare.analysis().troll().label()).as("waiting a day is no dare").isFalse();
        assertThat(dry.run(new DryRunCommand.Post("@acmeair explain your fees to me. Go on. I'll wait.", "en", "x", null, "fay", "Fay", null, null))
                .analysis().troll().label()).as("'I'll wait.' at the end still dares").isTrue();
    }

    /** A knowledge answer that says sorry itself is not said sorry for twice; habits, rules and relative clauses are not retold. */
    @Test
    void sorryIsSaidOnceAndOnlyForWhatHappened() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        String site = dry.run(new DryRunCommand.Post("@acmeair Why is the site down?  When will it be back up?", "en", "x", null, "ana", "Ana", null, null))
                .draft().text();
        assertThat(site.toLowerCase(java.util.Locale.ROOT).split("sorry", -1)).as(site).hasSize(2);
        for (String text : List.of("@acmeair you guys should stop doing service in Denver it's horrible I get stuck here every time! I've been here almost 24hrs",
                "@acmeair I received my luggage that also looked to be left in the snow when I arrived.",
                "@acmeair since bulkhead seats cannot have bags on floor, why don't u reserve o/head space above those seats? not impressed")) {
            String reply = dry.run(new DryRunCommand.Post(text, "en", "x", null, "ben", "Ben", null, null)).draft().text();
            assertThat(reply).as(text).doesNotContain("every time").doesNotContain("that also looked").doesNotContain("can not have");
        }
    }

    /** A trouble they say is over is sorry for and passed on, never a new case nor "let's get you on your way"; money still owed is not over. */
    @Test
    void aTroubleThatIsOverIsNoCase() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        for (String text : List.of("@acmeair I'm rebooked now, but the line was 300 people deep.",
                "@acmeair Yeah, bag is on the way. As per usual.",
                "@acmeair 4 phone calls, 2 hrs of being sent back &amp; forth between two lines in the terminal and it's the skycap that finds a solution")) {
            DryRunCommand.Outcome o = dry.run(new DryRunCommand.Post(text, "en", "x", null, "ana", "Ana", null, null));
            assertThat(o.analysis().care().label()).as(text).isEqualTo(org.careloop.analysis.CareAction.Label.APOLOGIZE);
            assertThat(o.draft().text()).as(text).doesNotContain("case #").doesNotContain("on your way").doesNotContain("booking reference");
        }
        assertThat(org.careloop.analysis.TroubleOver.in("@acmeair gate agent charges me $100 on top of the $25 I already paid!!")).isFalse();
        assertThat(org.careloop.analysis.TroubleOver.in("@acmeair already done that. but who pays for my discomfort for 9 h?")).isFalse();
        // Never rebooked, or rebooked with a thing still needed, is not over.
        assertThat(org.careloop.analysis.TroubleOver.in("@acmeair Nope, I have not been rebooked.")).isFalse();
        assertThat(org.careloop.analysis.TroubleOver.in("@acmeair got rebooked on a new flight yesterday. I asked for a new confirmation email")).isFalse();
    }

    /** A person at once only where it is due: a gripe about a middle seat is no escalation; cancelled with nowhere to turn, or a family member in hospice, is. */
    @Test
    void aPersonAtOnceOnlyWhereItIsDue() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        for (String text : List.of("@acmeair had to be stuck in the middle seat :( http://t.co/dzeGAPfqw1", "@acmeair happens every time in and out of Newark.",
                "@acmeair outsourcing ticket and gate agents at MIA. Ill advised. You did it in ROC and service went downhill.",
                // Home again, whatever the trip cost: the model's escalate (0.63) gives way.
                "@acmeair After our unscheduled refueling stop and missing 2 connecting flights we r home n looking 4ward to our bed and a big PB&amp;J sandwich.")) {
            assertThat(dry.run(new DryRunCommand.Post(text, "en", "x", null, "ana", "Ana", null, null)).analysis().care().label()).as(text)
                    .isNotIn(org.careloop.analysis.CareAction.Label.ESCALATE, org.careloop.analysis.CareAction.Label.ENGAGE);
        }
        for (String text : List.of("@acmeair flight Cancelled Flighted! I'm trying to get to #chicago. What are me and @justynmoro gonna do.",
                "@acmeair I got up at 2 am for a 5 am flight which I found was Cancelled Flightled once I got to the gate",
                "@acmeair trying 2 fly frm DCA to SRQ to visit a family member in hospice but 4532 was Cancelled Flightled, can someone assist me?")) {
            assertThat(dry.run(new DryRunCommand.Post(text, "en", "x", null, "ben", "Ben", null, null)).analysis().care().label()).as(text)
                    .isEqualTo(org.careloop.analysis.CareAction.Label.ESCALATE);
        }
    }

    /** Praise taken back with a complaint hashtag is no thanks; another company's sign-up pitch is no fan post. */
    @Test
    void aComplaintTagTakesThePraiseBackAndAPitchIsLeftAlone() {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        assertThat(dry.run(new DryRunCommand.Post("@acmeair creates amazing technology..... but talk to text still messes up 90% of what I type..... "
                + "#fixyourcrap", "en", "x", null, "ana", "Ana", null, null)).analysis().care().label())
                .isNotIn(org.careloop.analysis.CareAction.Label.THANK, org.careloop.analysis.CareAction.Label.ENGAGE);
        assertThat(dry.run(new DryRunCommand.Post("@acmeair Be ready for your next phone. Join our upgrade program for free! https://t.co/x", "en", "x", null,
                "ben", "Ben", null, null)).analysis().care().label()).isEqualTo(org.careloop.analysis.CareAction.Label.IGNORE);
    }

    /**
     * A reply in a thread is read with the thread (JSON lines carry it as {@code thread}): an acknowledgement of our answer is left
     * alone, help that failed goes to a person, and an answer to our question is thanked without asking for what the thread gave.
     */
    @Test
    void aReplyInAThreadIsReadWithTheThread() throws Exception {
        DryRunCommand dry = new DryRunCommand(RuleBook.load(Path.of("rules")), new SocialAnalyzer(), new Drafter.Voice("Acme Air", "", "within the hour"));
        String asked = "{\"brand\": false, \"text\": \"@acmeair the app crashes when I check in for flight 2231, booking ABC123\"}, "
                + "{\"brand\": true, \"text\": \"@ana Sorry about that! Which phone are you using?\"}";
        String linked = "{\"brand\": false, \"text\": \"@acmeair how do I add my miles from last week?\"}, "
                + "{\"brand\": true, \"text\": \"@ana You can claim them here: https://t.co/abc\"}";
        String theirs = "{\"brand\": false, \"text\": \"My flight AA220 was cancelled two weeks ago and I still haven't received my refund.\"}";
        String lines = String.join("\n",
                "{\"text\": \"@acmeair ok cool\", \"handle\": \"ana\", \"thread\": [" + linked + "]}",
                "{\"text\": \"@acmeair nothing there helped, still no miles\", \"handle\": \"ana\", \"thread\": [" + linked + "]}",
                "{\"text\": \"@acmeair an iPhone 12\", \"handle\": \"ana\", \"thread\": [" + asked + "]}",
                "{\"text\": \"@acmeair an iPhone 12\", \"handle\": \"ana\"}",
                "{\"text\": \"@ana @acmeair if you called the 0844 number it is premium rate\", \"handle\": \"bo\", \"thread\": [" + linked + "]}",
                "{\"text\": \"@acmeair 0062395415777\", \"handle\": \"ana\", \"thread\": [" + asked + "]}",
                "{\"text\": \"@acmeair Thanks; just sent it.\", \"handle\": \"ana\", \"thread\": [" + asked + "]}",
                "{\"text\": \"@acmeair Full name: Ana Lima\", \"handle\": \"ana\", \"thread\": [" + asked + "]}",
                "{\"text\": \"@acmeair Ana Lima, ana.lima@example.com\", \"handle\": \"ana\", \"thread\": [" + asked + "]}",
                "{\"text\": \"@acmeair Great, I also have a question about my miles. Could I leave a DM?\", \"handle\": \"ana\", \"thread\": [" + linked + "]}",
                "{\"text\": \"@acmeair Sorry to bother you again. Can I claim miles for a flight with a partner airline?\", \"handle\": \"ana\", \"thread\": [" + linked + "]}",
                "{\"text\": \"@acmeair Responded 45 minutes ago and still nothing\", \"handle\": \"ana\", \"thread\": [" + asked + "]}",
                "{\"text\": \"@acmeair the iPhone 12 one works now, thank you so much Tom!\", \"handle\": \"ana\", \"thread\": [" + asked + "]}",
                "{\"text\": \"Still nothing. This is really frustrating.\", \"handle\": \"ana\", \"thread\": [" + theirs + "]}");
        var out = new java.io.ByteArrayOutputStream();
        dry.runLines(new java.io.BufferedReader(new java.io.StringReader(lines)), new java.io.PrintStream(out, true, "UTF-8"));
        List<com.fasterxml.jackson.databind.JsonNode> o = new java.util.ArrayList<>();
        for (String l : out.toString("UTF-8").split("\n")) {
            o.add(org.careloop.config.Json.mapper().readTree(l));
        }
        assertThat(o.get(0).get("rule").asText()).isEqualTo("thread-ack");
        assertThat(o.get(0).has("reply")).as("a like at most").isFalse();
        assertThat(o.get(1).get("rule").asText()).isEqualTo("thread-not-helped");
        assertThat(o.get(1).get("reply").asText()).contains("didn't").doesNotContain("claim them here");
        assertThat(o.get(2).get("rule").asText()).isEqualTo("thread-answer");
        assertThat(o.get(2).get("reply").asText()).as("the booking was given in the thread").doesNotContainIgnoringCase("booking reference");
        assertThat(o.get(3).get("rule").asText()).as("without its thread the same words are read alone").isNotEqualTo("thread-answer");
        assertThat(o.get(4).get("rule").asText()).as("a word to another customer").isEqualTo("thread-aside");
        assertThat(o.get(5).get("rule").asText()).as("the number we asked for").isEqualTo("thread-answer-number");
        assertThat(o.get(5).get("action").asText()).isEqualTo("ticket");
        assertThat(o.get(6).get("rule").asText()).as("sent in DM, not praise").isEqualTo("dm-sent");
        assertThat(o.get(7).get("rule").asText()).as("an answer to our ask, however flat").startsWith("thread-answer");
        assertThat(o.get(7).get("action").asText()).isEqualTo("ticket");
        assertThat(o.get(8).get("action").asText()).as("personal details posted in public go on with the case").isEqualTo("ticket");
        assertThat(o.get(8).get("reply").asText()).contains("delete that post");
        assertThat(o.get(9).get("rule").asText()).as("asking whether they may DM us").isEqualTo("dm-open");
        assertThat(o.get(10).get("careAction").asText()).as("a question asked politely").isEqualTo("answer");
        assertThat(o.get(10).get("reply").asText()).doesNotContainIgnoringCase("frustrat");
        assertThat(o.get(11).get("rule").asText()).as("waiting on us in DM").isEqualTo("dm-sent");
        assertThat(o.get(11).get("reply").asText()).containsIgnoringCase("sorry");
        assertThat(o.get(12).get("rule").asText()).as("thanks for our help within our thread").isIn("thread-thanks", "thread-solved", "welcome");
        assertThat(o.get(12).get("reply").asText()).doesNotContain("Sharing this");
        // Chased under their own case before we replied: the same case, its ticket, not "send us the details".
        assertThat(o.get(13).get("rule").asText()).isEqualTo("thread-chased");
        assertThat(o.get(13).get("action").asText()).isEqualTo("ticket");
        assertThat(o.get(13).get("reply").asText()).doesNotContain("details in a DM");
    }
}
