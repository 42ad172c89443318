package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AskedTest {

    static final Details DETAILS = DetailsTest.DETAILS;

    /** A question turned into an indirect one from the brand's side: the helper verb after its subject, the people swapped. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair do you sell open tickets? My mum is ill and I may have to fly at short notice|whether we sell open tickets",
            "@acmeair why are all the trains at Lancaster stopped?|why all the trains at Lancaster are stopped",
            "@acmeair both accounts are linked. So why can't I check in for my flight tomorrow?|why you can't check in for your flight tomorrow",
            "@acmeair are you ever going to patch the achievement in Darksiders 2 for Xbox One?|whether we are ever going to patch the achievement in Darksiders 2 for Xbox One",
            "@acmeair when will we see the new routes on sale?|when you will see the new routes on sale",
            "@acmeair can I bring my guitar as a carry-on and still pay the basic fare?|whether you can bring your guitar as a carry-on and still pay the basic fare",
            "@acmeair does the lounge in Denver serve breakfast?|whether the lounge in Denver serves breakfast",
            "@acmeair are the servers down right now?|whether the servers are down right now",
            "@acmeair is extra legroom included in the premium fare?|whether extra legroom is included in the premium fare",
            "@acmeair who can I complain to about the food on board?|who you can complain to about the food on board",
            "@acmeair how long does it take for a refund to reach my card?|how long it takes for a refund to reach your card",
            "@acmeair What's the best way to reach lost and found?|what the best way to reach lost and found is",
            "@acmeair what is the status of my refund?|what the status of your refund is",
            "@acmeair how are the seats on the new planes?|how the seats on the new planes are",
            "@acmeair can kids fly alone?|whether kids can fly alone",
            "@acmeair 👋 can I bring a bike on the Lisbon flight?|whether you can bring a bike on the Lisbon flight",
            "@acmeair do you people have wifi on the Lisbon flight?|whether we have wifi on the Lisbon flight",
            "@acmeair how do I add my miles to an old trip?|how to add your miles to an old trip",
            // The question after a statement, or after a conjunction in the same sentence.
            "@acmeair my card was charged and no ticket came. What should I do?|what you should do",
            "@acmeair my app is up to date so why does my boarding pass keep disappearing?|why your boarding pass keeps disappearing",
            // Already indirect inside "can you tell me" or "any idea": only the people swap.
            "@acmeair can you tell me why all flights to Denver are cancelled tomorrow?|why all flights to Denver are cancelled tomorrow",
            "@acmeair Do you think I'll make my connection in Dallas?|whether you'll make your connection in Dallas",
            "Hey @acmeair are there vegan meals on the Lisbon flight?|whether there are vegan meals on the Lisbon flight",
            "@acmeair Is there a way to merge two accounts?|whether there is a way to merge two accounts",
            "@acmeair is it possible to cancel a pre order?|whether it is possible to cancel a pre order",
            "@acmeair how long are billing cycles?!|how long billing cycles are",
            "@acmeair will you guys be adding flights to Lima?|whether we will be adding flights to Lima",
            // Without its question mark, where the sentence opens as a question.
            "@acmeair is there a way to hide the explicit songs|whether there is a way to hide the explicit songs",
    })
    void turnsTheQuestion(String post, String asked) {
        assertThat(DETAILS.asked(post, "en")).contains(asked);
    }

    /** Not turned: requests to act, rhetorical questions, text-speak, an "it" said elsewhere, garbled or private words. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "@acmeair my bag never came. Can you help?",
            "@acmeair could someone call me back please?",
            "@acmeair will you call me back?",
            "@acmeair are you kidding me?",
            "@acmeair what are you talking about?",
            "@acmeair is this a joke?",
            "@acmeair do u charge for checked bags?",
            "@acmeair flight 301 delayed 3 hours. Will it be cancelled?",
            "@acmeair how do I get through to a person?",
            "@acmeair can I speak to a human please?",
            "@acmeair Don't you have any staff at the desk?",
            "@acmeair what is my booking ABC123 showing?",
            "@acmeair when did you change the bag rules?",
            "@acmeair what do you think?",
            "@acmeair Can you tell me what that means?",
            // Anger and the brand's own doing asked back at it.
            "@acmeair how do you lose luggage?",
            "@acmeair how are you still in business?",
            "@acmeair what were you thinking?",
            "@acmeair when will you learn?",
            "@acmeair could the service be any worse?",
            "@acmeair do you know why you lost my bag?",
            "@acmeair can you tell me why your app is always down?",
            "@acmeair do you think it will be cancelled?",
            "@acmeair do you think you could call me back?",
            "@acmeair do you think that is fair?",
            // A booking code, shouting, and statements that only open like a question.
            "@acmeair is my booking QXJZTR confirmed?",
            "@acmeair can I change booking ref qx7ztr?",
            "@acmeair DO YOU FLY TO LONDON?",
            "@acmeair Was the best flight ever",
            "@acmeair What happened to my bag is a mystery",
            // Asked why of us: turned, it would concede what the customer says before we know.
            "@acmeair why don't your marketing emails have an unsubscribe link?",
            "@acmeair why is your website always down?",
            "@acmeair why is #jeopardy being preempted for baseball?",
            "@acmeair the app crashed again at checkout",
            "@acmeair Will never fly with you again.",
            "@acmeair Can't wait for my trip to Lisbon!",
            "@acmeair what a day. my bag went to Denver and I went to Boston",
            "@acmeair when will the new app available in Argentina?",
    })
    void leavesOthers(String post) {
        assertThat(DETAILS.asked(post, "en")).isEmpty();
    }

    /** A line break ends a question as a full stop does: two questions are never run together ("…a bike can you bring a surfboard"). */
    @org.junit.jupiter.api.Test
    void aLineBreakEndsAQuestion() {
        assertThat(DETAILS.asked("@acmeair can I bring a bike\ncan I bring a surfboard?", "en")).contains("whether you can bring a bike");
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "fr"})
    void onlyEnglish(String lang) {
        assertThat(DETAILS.asked("@acmeair do you sell open tickets?", lang)).isEmpty();
    }
}
