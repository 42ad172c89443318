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
            "@acmeair are the servers down right now?|whether the servers are down",
            "@acmeair is extra legroom included in the premium fare?|whether extra legroom is included in the premium fare",
            "@acmeair who can I complain to about the food on board?|who you can complain to about the food on board",
            "@acmeair how long does it take for a refund to reach my card?|how long it takes for a refund to reach your card",
            "@acmeair What's the best way to reach lost and found?|what the best way is to reach lost and found",
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

    @ParameterizedTest
    @ValueSource(strings = {"es", "fr"})
    void onlyEnglish(String lang) {
        assertThat(DETAILS.asked("@acmeair do you sell open tickets?", lang)).isEmpty();
    }
}
