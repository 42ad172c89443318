package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WhatHappenedTest {

    static final Details DETAILS = DetailsTest.DETAILS;

    /** What went wrong, retold from the brand's side: the customer is "you", their things "your", the brand "we". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair I was charged twice for one seat|you were charged twice for one seat",
            // Food or goods not fit to use.
            "@acmeair the sandwich I bought at the gate was stale|the sandwich was stale",
            "@acmeair Already checked in so the page expired|the page expired",
            "@acmeair Been on hold for 2 hours and nobody answers|you've been on hold for 2 hours",
            "@acmeair my flight got cancelled and nobody told me|your flight got cancelled",
            "@acmeair my bag never arrived in Boston. #fail|your bag never arrived in Boston",
            "@acmeair I've been waiting for you to call me back since Monday|you've been waiting for us to call you back since Monday",
            "@acmeair Stuck in Denver, flight 123 delayed 3 hours|you're stuck in Denver",
            "@acmeair we missed our connection in ATL because the first leg sat on the ground|you missed your connection in ATL",
            "@acmeair still waiting for my refund from January|you're still waiting for your refund from January",
            "@acmeair the app keeps crashing at checkout|the app keeps crashing at checkout",
            // What the brand did, retold as what happened to the customer.
            "@acmeair you lost my father's wheelchair|your father's wheelchair was lost",
            "@acmeair you guys charged me twice for one seat!|you were charged twice for one seat",
            "@acmeair You cancelled my flight to Boston and nobody told me|your flight to Boston was cancelled",
            "@acmeair you left us on the tarmac for 3 hours|you were left on the tarmac for 3 hours",
            // Sarcastic thanks and the brand's doing said bare name what the brand did.
            "@acmeair thanks for losing my luggage|your luggage was lost",
            "@acmeair thank you for cancelling my flight to Boston|your flight to Boston was cancelled",
            "@acmeair Lost my bag again on the way to Denver.|your bag was lost again on the way to Denver",
            // "it" is the customer's thing named before it.
            "@acmeair please help my order was supposed to come today and it's not arrived!|your order's not arrived",
            "@acmeair I checked my bag in Denver and it never showed up in Boston|your bag never showed up in Boston",
            // A question at the end leaves the statement before it: only the last part asks.
            "@acmeair on hold- can't get through to a representative on the phone- Advice?|you can't get through to a representative on the phone",
            // The time is the trouble; what has not come is said as an agent would.
            "@acmeair we've been on the runway for over an hour. Now the water pressure is low|you've been on the runway for over an hour",
            "@acmeair landed 13 hours ago and still no bag|there's still no sign of your bag",
            "@acmeair DM'd you 4 hrs ago. No response to be found|you still haven't had a response",
            "@acmeair double booked seat - been waiting for over 1 hr|you've been waiting for over an hour",
            // "I" is a subject wherever it stands: a clause can start after a phrase it is no part of.
            "@acmeair due to gate agents I missed my connecting flight to Mexico City|you missed your connecting flight to Mexico City",
            "@acmeair well. As of yet, our checked bag has already vanished and we haven't left the airport yet|your checked bag has already vanished",
            // What they were told that went wrong, whoever told them.
            "@acmeair I've called that and they said they can't help me and it's out of their hands.|you were told they can't help you",
            "@acmeair 4 help desks told me the flight had already left|you were told the flight had already left",
            "@acmeair called customer care and they told me it isn't their problem|you were told it isn't their problem",
            "@acmeair customer service! 4 different people said they have no idea how to help|you were told they have no idea how to help",
            // What a person did to them; "assaulted" is no swear word.
            "@acmeair I was just assaulted by a delivery man|you were just assaulted",
            // Kept off a flight, or left unbooked after a cancellation: the grievance, whatever follows it.
            "@acmeair wouldn't let me on the 5:10pm flight with seats open. Now my 8:15 flight is delayed|you weren't allowed on the 5:10pm flight",
            "@acmeair they refused to let us board!|you weren't allowed to board",
            "@acmeair flight cancelled, the phone line hangs up on me, not auto-rebooked. Great.|your flight was cancelled and you weren't rebooked",
            // A thing that keeps them waiting, named with or without "my".
            "@acmeair Password reset email is really slow to arrive today|the password reset email is taking so long to arrive",
            "@acmeair my refund is painfully slow|your refund is taking so long",
            "@acmeair upgraded the return leg months ago, still no receipt!|there's still no sign of your receipt",
            // A "why" about the customer's trouble says it as plainly as a statement.
            "@acmeair why was my flight cancelled?|your flight was cancelled",
            "@acmeair why is the audio not syncing with the shows?|the audio is not syncing with the shows",
            "@acmeair why is the audio not syncing with the shows on my @116439|the audio is not syncing with the shows",
            "@acmeair why tf does my internet keep going down this is bullshit|your internet keeps going down",
            "@acmeair why won't my app load the boarding pass?|your app won't load the boarding pass",
            "@acmeair how come my bag didn't make the connection?|your bag didn't make the connection",
            // A thing that refuses to work is trouble; a person's "won't" is a threat (below).
            "@acmeair my printer won't print from the app|your printer won't print from the app",
            // How often it fails is the customer's to say; a part of an app or device fails on its own; a device's name in capitals is no shouting.
            "@acmeair my laptop shuts off at 15% battery every time|your laptop shuts off at 15% battery",
            "@acmeair the link always leads to a blank page|the link leads to a blank page",
            "My DVR is acting up and won't let me record hocus pocus, WTF @acmeair.|your DVR won't let you record hocus pocus",
            // The thing without what the customer adds about it; "the fact that ..." says it as plainly.
            "@acmeair the fact that my laptop that I haven't even had for two years keeps shutting off at 15% is kind of ridiculous.|your laptop keeps shutting off at 15%",
            "@acmeair my order which I placed on Monday still has not arrived|your order still has not arrived",
            "@acmeair the bag we checked in Denver never showed up|the bag never showed up",
            // The brand's own thing said to fail is retold as ours; what it won't let them do.
            "@acmeair your website is always down|our website is down",
            "@acmeair why does your app keep crashing on login?|our app keeps crashing on login",
            "@acmeair trying to redeem a free tuesday code and its not letting me telling me theres an error|it won't let you redeem a free tuesday code",
            "@acmeair trying to book a flight to Boston and it won't let me|it won't let you book a flight to Boston",
            // What came without the thing ordered.
            "@acmeair I ordered a burger and got no fries|you ordered a burger and got no fries",
            // The subject's later verb says what the first did not.
            "@acmeair I purchased and down loaded the Variety Map Pack but didn't get my 10 rare supply drops from Lion Strike. Help?|you didn't get your 10 rare supply drops from Lion Strike",
            // A name keeps its capitals where the tagger saw only its last word as one.
            "@acmeair Still waiting for my Iron Maiden cd. Out on the 4th.|you're still waiting for your Iron Maiden cd",
            // A thing that fails, named with its number; "why does it" said as what happens, its verb agreeing; emphasis left out.
            "@acmeair my PS4 stopped working after the update|your PS4 stopped working after the update",
            "@acmeair why does my phone keep freezing \uD83D\uDE43???|your phone keeps freezing",
            "@acmeair my airpods literally keep disconnecting|your airpods keep disconnecting",
            // A "not" on a thing that never came is trouble, whatever the thing.
            "@acmeair redeemed a VC code and it said it worked. I didn't get the VC|you didn't get the VC",
            // Apostrophes left out, a thing failing again (no threat to leave), a verb agreeing with things, the question after it cut off.
            "@acmeair my texts arent working again...for the 2nd day in a row|your texts aren't working again",
            "@acmeair 2nd day my products hasn't arrived how does your company resolve this|your products haven't arrived",
            "@acmeair I updated my phone and now it is even slower|your phone is even slower",
            // What went wrong weeks ago is past; what is still missing is the complaint now.
            "My flight AA220 was cancelled two weeks ago and I still haven't received my refund.|there's still no sign of your refund",
            // A name in title case keeps its "My": the customer's trip is not what they cannot find it in.
            "@acmeair I can't find my booking in Manage My Trip, it says the reference doesn't exist but I have the confirmation email??|you can't find your booking in Manage My Trip"})
    void retellsWhatWentWrong(String post, String retold) {
        assertThat(DETAILS.happened(post, "en")).contains(retold);
    }

    /** Views, wishes, threats, joy, questions and swearing are the customer's own: the brand does not repeat them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // What the brand did to the customer's thing is not conceded before it knows; a thought is not what happened; the brand as
            // the object of a try is no retelling; "the fact that" without its verdict is the customer's own argument.
            "@acmeair your system lost my booking",
            "@acmeair the bag I thought was lost turned up at my door",
            "@acmeair trying to call you and it won't let me",
            "@acmeair not trying to cancel it but it won't let me change it",
            "@acmeair the fact that my flight was delayed isn't the problem, the rude agent is",
            // The brand's people said to be at fault are not the brand's to concede before it knows.
            "@acmeair your agents were so rude to me at the gate",
            // What the customer adds about a thing that is fine is no trouble.
            "@acmeair my phone that I bought last week is great",
            "@acmeair I hate you, worst airline ever",
            "@acmeair I will never fly with you again",
            "@acmeair I'm never using Acme Air again!",
            "@acmeair can't wait to fly again!",
            // What they cannot do is theirs to say; told back it sounds like their fault. Text-speak and feelings acted out are parroting.
            "@acmeair I can't wait 2 hours for the next agent",
            "@acmeair I found my tkt on the floor, dropped by someone",
            "@acmeair I'm in the customer service line trying not to scream",
            // A problem denied, and the customer's curse, are theirs.
            "@acmeair thanks for the reply. The box is not mine and I'm not missing one.",
            "@acmeair no chance I sit in ORD all afternoon after you screwed me over",
            // A "why" the tagger cannot turn into a statement: a past tense it does not know.
            "@acmeair why did my flight get rebooked without asking?",
            "@acmeair my fucking flight was delayed",
            "@acmeair I think my seat is broken",
            "@acmeair I'm not a coffee drinker",
            "@acmeair awesome. I flew you Sat morning. Any way we can correct my bill?",
            // Who did it to them is for a person to establish; a person's "won't" is their choice.
            "@acmeair my wife won't fly with you again",
            // "doesn't always" said without "always" would say it never works.
            "@acmeair my router doesn't always connect to the laptop",
            "@acmeair I didn't make any changes to it",
            "@acmeair you lost my business",
            "@acmeair cancelled my flight, when do I get the refund?",
            "@acmeair thanks for getting me home",
            "@acmeair my bag and my seat were fine but it was late",
            "@acmeair After waiting in all day as the item was out for delivery, nothing",
            "@acmeair you are the worst airline",
            "@acmeair my car drives itself to @acmeair these days",
            // The customer's choice, and the brand's notice quoted, are not what went wrong.
            "@acmeair I have stopped ordering from your site, the couriers are very rude.",
            "@acmeair hi I got some odd text alert from you I don't have your service",
            "@acmeair got this through my door... sorry we don't deliver to your area! What!!!",
            // A later verb under a wish is no event; shouting run into it is no retelling.
            "@acmeair I wish I would've known so I could've slept 2 hours more and let my friend know not to wait for me after she lands...",
            "@acmeair I have been on three planes for flight 1907 and still haven't left the ground BAD SERVICE #sad",
            // A refund refused is no refund on its way.
            "@acmeair I will miss the meeting I took the train for. No refund because it \"doesn't qualify\". Next season = car.",
            // An offer and a wish are not what happened; a question puts "I" after its verb.
            "@acmeair I can send a screen shot of the systems error if an email address is provided",
            "@acmeair I want my payments account CLOSED. dm me please",
            "@acmeair is I can't make changes on the website am I still charged 25 dollars for using phone",
            // A promise they were given is not ours to repeat; what was said needs its own subject.
            "@acmeair the agent told me my bag would be delivered by 8pm",
            "@acmeair well they said Cancelled Flight on the PA system.",
            // Retold, these read wrong in the brand's mouth: "you can not provide you", "was been", words run together.
            "@acmeair cannot provide us another flight until 36 hours later ruining our trip!",
            "@acmeair my 2nd flight been cancelled I have to get home for a surgeryHELP",
            "@acmeair the agents announce can't help rebook anyone at the gate",
            "@acmeair Every crew member I dealt with in Orlando was incredibly rude",
            "@acmeair bumped your passenger and can't guarantee them another flight for three days!",
            // The customer's own cancelling is their choice, not what went wrong.
            "@acmeair I cancelled my membership in March and you still billed me",
            "@acmeair we cancelled our trip because of the storm"})
    void leavesTheCustomersOwnWordsAlone(String post) {
        assertThat(DETAILS.happened(post, "en")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"@acmeair mi vuelo fue cancelado|es", "@acmeair my flight got cancelled|und"})
    void onlyEnglishIsRetold(String post, String lang) {
        assertThat(DETAILS.happened(post, lang)).isEmpty();
    }
}
