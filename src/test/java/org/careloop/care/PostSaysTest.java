package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostSaysTest {

    /** A reference the customer gave is not asked for again; a flight number in its airline's code is no booking reference. */
    @Test
    void aReferenceGivenIsRecognisedAndAFlightNumberIsNot() {
        assertThat(PostSays.hasReference("@acmeair booking ABC123 still shows the old seat")).isTrue();
        assertThat(PostSays.hasReference("@acmeair here is the ticket # 0162424965446 please refund my fee")).isTrue();
        assertThat(PostSays.hasReference("@acmeair my code is QX7P2L")).isTrue();
        assertThat(PostSays.hasReference("@acmeair three hours on hold then disconnected. Conf EBHSET. Need to be home Sunday")).isTrue();
        assertThat(PostSays.hasReference("@acmeair see you at the conference TOMORROW folks")).as("a word in capitals after another word").isFalse();
        assertThat(PostSays.hasReference("@acmeair Sitting at IAD for UA3728 for 3.5hrs")).isFalse();
        assertThat(PostSays.hasReference("@acmeair my bag never arrived")).isFalse();
    }

    /** A request is helped with in the customer's words, turned to ours; a request with a slur or a pronoun only is left unsaid. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "@acmeair Have an existing confirmation #. Need to add child to reservation.|adding your child to your reservation",
            "@acmeair I need to change my flight to tomorrow morning, can you help?|changing your flight",
            "@acmeair we would like to upgrade our seats on the return flight|upgrading your seats on the return flight",
            "@acmeair I want to cancel this stupid booking|''",
            "@acmeair I need to fix it|''",
            "@acmeair my flight was changed|''"})
    void aRequestIsNamedFromOurSide(String post, String wants) {
        assertThat(PostSays.wants(post)).isEqualTo(wants);
    }

    /** A how-to question is named as asked, from our side; a plea to reach someone is no how-to. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "@acmeair How do I change default document (i.e. index.php) in WebApp?|''",
            "@acmeair How do I change the default document in WebApp?|how to change the default document in WebApp",
            "@acmeair how can I add my son to our booking?|how to add your son to your booking",
            "@acmeair how do I get through to anyone?|''",
            "@acmeair how do I do this without u?|''",
            // A number or a handle may be private; a first person left over is not the brand's to say.
            "@acmeair how do I change my recovery number to 07700-900-123?|''",
            "@acmeair how do I get a refund if I'm outside the US?|''"})
    void aHowToIsNamedAsAsked(String post, String asked) {
        assertThat(PostSays.howTo(post)).isEqualTo(asked);
    }

    /** A shrug or an eye-roll at a quoted post is a reaction to take in good humour; a cheer, a question or a comment is not. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "“@acmeair: Our fleet's on fleek. http://t.co/abc123” 😐😑|true",
            "Okay. RT @acmeair: Our fleet's on fleek. http://t.co/abc123|true",
            "yesss “@acmeair: Our new lounge is open. http://t.co/abc123”|false",
            "“@acmeair: Our fleet's on fleek. http://t.co/abc123” why would a company say this?|false",
            "@acmeair our fleet is on fleek|false",
            "“@acmeair: Our fleet's on fleek.” so this is what the marketing team does all day while my bag sits in Denver for a week|false"})
    void aReactionToAQuotedPost(String post, boolean reaction) {
        assertThat(PostSays.reactsToQuote(post)).isEqualTo(reaction);
    }

    @Test
    void anIdeaForTheBrandIsASuggestion() {
        assertThat(PostSays.suggests("you guys should consider making a lounge at Austin")).isTrue();
        assertThat(PostSays.suggests("a good start would be to warm the plane before departure")).isTrue();
        assertThat(PostSays.suggests("the lounge in Austin was great")).isFalse();
        // What we offer, questioned, is an opinion to pass on; a thing of theirs removed is not.
        assertThat(PostSays.suggests("@acmeair Why did you get rid of the feature to add a picture to your phone from the computer?")).isTrue();
        assertThat(PostSays.suggests("@acmeair sad to learn you no longer fly SFO > PHL. Hope it returns!")).isTrue();
        // Something taken off what we offer, told as news: heard and passed on, not "DM us and we'll put it right".
        assertThat(PostSays.suggests("I'm bummed, @acmeair is no longer serving chorizo.")).isTrue();
        assertThat(PostSays.suggests("was informed that #chorizo is no more.. my heart is broken")).isTrue();
        assertThat(PostSays.suggests("my bag is no more than 20 kg")).isFalse();
        assertThat(PostSays.suggests("@acmeair why did you remove me from my flight?")).isFalse();
    }

    /** What a customer thanks us for is what the reply is glad of; thanks for trouble are sarcasm and get nothing. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "@acmeair thanks for the free drinks!|So glad you enjoyed the free drinks!",
            "@acmeair Thanks a ton for the free drinks on my flight!|So glad you enjoyed the free drinks!",
            "@acmeair thank you yall for the quick reply|Glad the quick reply helped!",
            "@acmeair thank you for your quick reply|Glad our quick reply helped!",
            "@acmeair Thanks for a great flight today|So glad you enjoyed the great flight!",
            "@acmeair thanks for all the help with my bag|Glad we could help!",
            "@acmeair thanks for the peanut free flight for my son|So glad you enjoyed the peanut free flight!",
            "@acmeair thanks for the 3 hour delay|''",
            "@acmeair thanks for nothing|''",
            "@acmeair thanks for the way you handled it|''",
            "@acmeair got it taken care of! thank you|Glad that's sorted!",
            "@acmeair They were very understanding and helped me out. Thx!|So glad they could help!",
            "@acmeair flight 2416 on time and awesome flight. Great job!|So glad you got there on time!",
            "@acmeair flight was not on time but the crew was great, thanks|''",
            "@acmeair you are my go-to airline, thanks|Proud to be your go-to airline!",
            "@acmeair Had to take a few other airlines this week...makes me appreciate y'all more!|So glad to have you back with us!",
            // Their own thing is theirs, a name keeps its capitals, and "thanks for asking" thanks no thing.
            "Today I enjoyed my 1st pumpkin spice latte of the season. Thanks @acmeair!|So glad you enjoyed your 1st pumpkin spice latte!",
            "@acmeair I'm impressed with Moto G [3rd Gen] phone so far|So glad you like the Moto G!",
            "@acmeair I'm impressed with the new app|So glad you enjoyed the new app!",
            "@acmeair Thanks For The Great Flight|So glad you enjoyed the great flight!",
            "@acmeair But thanks for asking|''",
            // A choice is theirs, no thing enjoyed.
            "Finally switched to @acmeair after years with Delta. Best decision ever|''",
            // A thing come early, or on its way, is what they are glad of.
            "Ahhhhh I'm getting a turntable tomorrow! Shouts to @acmeair one day shipping!|Enjoy your new turntable!",
            "Wow, the calendar arrived early. Thank you @acmeair|So glad your calendar arrived early!",
            "Actually wasn\u2019t expecting the MB until next week. Thank you @acmeair|Sooner than expected is the best kind of delivery!",
            "@acmeair it was amazing, and arrived an hour early. You're too good to me.|Arriving early is the best kind of surprise!",
            // A price is part of the thing; an emoji or a trade mark ends it.
            "Thanks for the $3 Boorito\u2122 @acmeair|So glad you enjoyed the $3 Boorito!",
            "\uD83C\uDF83Thanks @acmeair for my $3 burrito bowl \uD83D\uDC7B tonight!|So glad you enjoyed your $3 burrito bowl!"})
    void thanksAreGladOfWhatWasThanked(String post, String glad) {
        org.assertj.core.api.Assertions.assertThat(PostSays.goodNews(post)).isEqualTo(glad);
    }

    /** What a customer on hold was calling about is named, never asked for again. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "@acmeair trying to change flight due to the storm, 50 min on hold|trying to change your flight",
            "@acmeair been on hold an hour trying to rebook my trip to Denver|trying to rebook your trip",
            "@acmeair I need to cancel because of the advisory and nobody answers|trying to cancel",
            "@acmeair 5 hours on the phone waiting for a call back to find my luggage #shameonyou|trying to find your luggage",
            "@acmeair on hold for 2 hours, ridiculous|''"})
    void whatTheCallWasForIsNamed(String text, String purpose) {
        assertThat(PostSays.callPurpose(text).orElse("")).isEqualTo(purpose);
        assertThat(PostSays.callReason(text)).isEqualTo(!purpose.isEmpty());
    }

    /** Bags late at the carousel now have no file reference yet; bags lost for days, or reported, do. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "@acmeair we are past the 30 min mark and no luggage. No baggage agent either. Flight 670 Seattle to Austin|true",
            "@acmeair 45 minutes at the carousel and still no bags|true",
            "@acmeair my bag has been missing for 3 days|false",
            "@acmeair 40 minutes at baggage claim, filed a report, still no bag|false",
            "@acmeair waited 40 minutes at the carousel, filed a claim at the desk, still no bag|false",
            "@acmeair 45 minutes at the carousel, got a PIR from the agent|false"})
    void bagsLateAtTheCarouselHaveNoFileYet(String text, boolean now) {
        assertThat(PostSays.bagsAtClaimNow(text)).isEqualTo(now);
    }

    /** A flight named and asked after is a status question; a flight at a time is not a flight number. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "@acmeair what's going on with flight 301 DTW > DFW?|true",
            "@acmeair what is happening with flight UA 1517|true",
            "@acmeair whats up with my flight at 6 tomorrow, got an email saying schedule change|false"})
    void aFlightAskedAfterIsItsStatus(String text, boolean status) {
        assertThat(PostSays.asksStatus(text)).isEqualTo(status);
    }

    /** The desk they were holding for, or a visit that never came, says what the call was about: it is not asked again. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "@acmeair I've been on hold with international award reservations for almost 2 hours|true",
            "@acmeair after an install no-show & 25+ min of being on hold, I'm thinking the rumors were true|true",
            "@acmeair on hold with you for an hour now|false"})
    void theDeskOnHoldSaysWhatTheCallIsAbout(String text, boolean said) {
        assertThat(PostSays.callReason(text)).isEqualTo(said);
    }

    /** Bags are traced only when they are not with their owner. */
    @Test
    void aBagStillMissingIsToldFromABagMentioned() {
        assertThat(PostSays.bagMissing("@acmeair an hour at the carousel in DEN and still no bags")).isTrue();
        assertThat(PostSays.bagMissing("@acmeair you delayed our bags by 5 hours #stillbagless")).isTrue();
        assertThat(PostSays.bagMissing("@acmeair my suitcase arrived ripped open")).isFalse();
        assertThat(PostSays.bagMissing("@acmeair my bag was damaged on the way to Austin")).isFalse();
        assertThat(PostSays.bagMissing("@acmeair the agent refused to check my bags 40 minutes before departure")).isFalse();
        assertThat(PostSays.bagMissing("@acmeair an hour at the gate waiting for bags to be loaded")).isFalse();
        assertThat(PostSays.hasReference("@acmeair bag tag numbers 0016 551234 and 0016 551235, where are they?")).isTrue();
    }

    @Test
    void aCustomerWaitingOnUsIsSeen() {
        assertThat(PostSays.waitingOnUs("@acmeair answered your DM two days ago and no response since")).isTrue();
        assertThat(PostSays.waitingOnUs("@acmeair any luck finding my booking? I sent the details in DM")).isTrue();
        assertThat(PostSays.waitingOnUs("@acmeair DM sent, thanks")).isFalse();
        assertThat(PostSays.waitingOnUs("@acmeair how long does account recovery take? It’s been about a week now.")).isTrue();
        assertThat(PostSays.waitingOnUs("@acmeair it's been 3 hours on the tarmac")).isFalse();
        assertThat(PostSays.waitingOnUs("@acmeair It's been a week since our trip and we loved it. Can we book again?")).isFalse();
        assertThat(PostSays.waitingOnUs("@acmeair it's been 2 weeks since I filed the claim")).isTrue();
    }

    @Test
    void aPlaceNamedIsNotAskedForAgain() {
        assertThat(PostSays.namesPlace("@acmeair Gabriela in Miami is a very rude employee. Working the MIA-LGA check In")).isTrue();
        assertThat(PostSays.namesPlace("@acmeair the agent at gate C11 laughed at us")).isTrue();
        assertThat(PostSays.namesPlace("@acmeair you are doing a horrible job at JFK")).isTrue();
        assertThat(PostSays.namesPlace("@acmeair your staff were rude and unhelpful today. WTF")).isFalse();
        assertThat(PostSays.namesPlace("@acmeair the agent was rude. In my opinion you need training")).isFalse();
    }

    @Test
    void aPracticalQuestionIsNoGrievanceWhateverItsWordsRead() {
        assertThat(PostSays.plainAsk("Quick q @acmeair - what's the carry-on size limit on basic economy? is a backpack + small roller ok "
                + "or will they make me check one")).isTrue();
        assertThat(PostSays.plainAsk("@acmeair is wifi free on domestic flights now or still paid? need to work on the plane")).isTrue();
        assertThat(PostSays.plainAsk("@acmeair why does it take 3 weeks to get a refund?")).isFalse();
        assertThat(PostSays.plainAsk("@acmeair is my flight delayed AGAIN??")).isFalse();
        assertThat(PostSays.plainAsk("@acmeair the wifi is down")).as("no question").isFalse();
    }

    @Test
    void thanksAreForWhatThePostPraisesInSoManyWords() {
        assertThat(PostSays.praisedThing("@acmeair Thank you guys! Brilliant customer service")).isEqualTo("the brilliant customer service");
        assertThat(PostSays.praisedThing("@acmeair great smooth flight too!")).isEqualTo("the smooth flight");
        assertThat(PostSays.praisedThing("@acmeair thanks for a speedy flight time recovery.")).as("half a thing").isEmpty();
        assertThat(PostSays.praisedThing("@acmeair thank you so much")).isEmpty();
        assertThat(PostSays.praisedThing("@acmeair The service is great! The snacks are amazing!")).isEqualTo("the service");
        assertThat(PostSays.praisedThing("@acmeair Thanks for a safe flight to Boston! Pilots did a great job landing in the snow"))
                .isEqualTo("the pilots");
        assertThat(PostSays.praisedThing("@acmeair your gate agents were so kind to my mom")).isEqualTo("the gate agents");
        assertThat(PostSays.praisedThing("@acmeair has the most INCREDIBLE customer service I've ever experienced!"))
                .isEqualTo("the incredible customer service");
        assertThat(PostSays.praisedThing("@acmeair my flight was amazing")).as("the trip itself").isEmpty();
        assertThat(PostSays.praisedThing("@acmeair loved it, my seat was perfect")).as("their own seat, not one we made").isEmpty();
    }

    @Test
    void aComplaintNamingOnlyWhereIsSorryAboutThatPlace() {
        assertThat(PostSays.troubleAt("@acmeair you guys suck at JFK tonight -- oh this MORNING!!!")).isEqualTo("your time at JFK tonight");
        assertThat(PostSays.troubleAt("@acmeair have meetings to make tonight in ATX")).as("where they go").isEmpty();
        assertThat(PostSays.troubleAt("@acmeair at THE gate forever")).isEmpty();
    }

    /** Questions only the customer's record answers are taken to their booking, never promised an answer in public. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "@acmeair thanks. Delivery status??|true",
            "@acmeair ok should I start looking into other flights?|true",
            "@acmeair It's taken 3 weeks for Cust Care to respond to Case #8477733. Where can I get an update?|true",
            "@acmeair why was I not put on the standby list?|true",
            "@acmeair I have 2/25 RNO-DFW tomorrow, should I move it?|true",
            "@acmeair I would like to know what's going on before his current flight lands.|true",
            "@acmeair will you be adding flights to Fargo?|false",
            "@acmeair do you have wifi on board?|false"})
    void aQuestionAboutTheirOwnRecordIsTheirs(String post, boolean own) {
        assertThat(PostSays.ownTrip(post)).isEqualTo(own);
    }

    /** A fan post is answered about what it shows: a place they wish we flew, a graphic they like, a crew's joke, a new member. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "@acmeair really wish you'd fly out of #Fargo @fargoairport those fares are amazing|Fargo on our map",
            "@acmeair I love this graphic. http://t.co/x|you like the graphic",
            "@acmeair captain said welcome to the front office.... I laughed...hard. #funnycaptain|made us laugh",
            "@acmeair I am now a rapids rewards member #lovetotravel|welcome to the club",
            // A winner hears congratulations, not luck; a countdown to anything has no plane in it.
            "just found out that I won 3 tickets via the sweepstakes! Thanks @acmeair|congratulations on the win",
            "@acmeair I can't wait for Tuesday's PS4 release!|the countdown is on! \uD83C\uDF89"})
    void aFanMomentIsNamed(String post, String said) {
        assertThat(PostSays.moment(post, java.util.List.of("Acme Air"))).contains(said);
    }

    @Test
    void aCrewCalledFunnyIsThankedAsPeopleNotForAJoke() {
        assertThat(PostSays.moment("The flight attendant and pilot on @acmeair flight 4985 were nothing short of amazing. Super kind, helpful, and funny.",
                java.util.List.of("Acme Air"))).doesNotContain("laugh");
        assertThat(PostSays.moment("@acmeair the crew's funny safety briefing had the whole cabin in stitches", java.util.List.of("Acme Air")))
                .contains("made us laugh");
    }

    /** Two of our channels telling different stories are not sent back to either. */
    @Test
    void ourChannelsDisagreeing() {
        assertThat(PostSays.sourcesDisagree("@acmeair Is Flight 918 delayed? My app says on time and the website says it's not...")).isTrue();
        assertThat(PostSays.sourcesDisagree("@acmeair the app says my flight is on time, thanks")).isFalse();
    }

    /** A flight or an airport named makes a post about a trip: "aa223 being ignored", "EWR-PDX", "stuck at ORD"; not "ASAP" or "at NYC". */
    @Test
    void flightsAndAirportsAreNamedByTheirCodes() {
        assertThat(PostSays.namesFlight("@acmeair aa223 being ignored")).isTrue();
        assertThat(PostSays.namesFlight("@acmeair aaa2234 and @ua123")).isFalse();
        assertThat(PostSays.namesAirport("upgrade list for 2/23 EWR-PDX please")).isTrue();
        assertThat(PostSays.namesAirport("JFK to LAX on Friday")).isTrue();
        assertThat(PostSays.namesAirport("stuck at ORD again")).isTrue();
        assertThat(PostSays.namesAirport("need it ASAP, my store in NYC is out")).isFalse();
        assertThat(PostSays.namesAirport("@acmeair 6533 ORD to DCA")).isTrue();
        assertThat(PostSays.namesAirport("@acmeair WHY IS IT SO HARD TO GET A REFUND")).as("shouting").isFalse();
        assertThat(PostSays.namesAirport("my package went from DHL to UPS, now at CVS")).as("companies").isFalse();
    }

    /** A device named by make or model, and only that: no motor, no "iphone 5 times", no Guardians of the Galaxy. */
    @Test
    void devicesAreNamedAsTheyAre() {
        assertThat(PostSays.device("the game crashed my PS4 again")).isEqualTo("PS4");
        assertThat(PostSays.device("my MacBook Pro won't turn on")).isEqualTo("MacBook Pro");
        assertThat(PostSays.device("restarted my iphone 5 times today")).as("as its maker writes it").isEqualTo("iPhone");
        assertThat(PostSays.device("my xbox one s keeps freezing")).isEqualTo("Xbox One S");
        assertThat(PostSays.device("my ps4 died")).isEqualTo("PS4");
        assertThat(PostSays.device("the motor on my fan")).isEmpty();
        assertThat(PostSays.namesDevice("watching Guardians of the Galaxy")).isFalse();
        assertThat(PostSays.namesDevice("both our iPhones died")).isTrue();
    }

    /** What a customer left behind, named as a reply names it: never the reward they offer for it. */
    @Test
    void theThingsLostAreNamed() {
        assertThat(PostSays.lostThing("If you found a set of headphones & an iPod in Terminal C, please turn them in. Reward offered."))
                .isEqualTo("your headphones and iPod");
        assertThat(PostSays.lostThing("left my kindle on the plane")).isEqualTo("your Kindle");
        assertThat(PostSays.lostThing("left something in seat 12C")).isEmpty();
    }

    /** What a device does wrong, once told, is not asked for again. */
    @Test
    void aFaultToldIsNotAskedForAgain() {
        assertThat(PostSays.describesFault("my PS4 died. I press the power button, it beeps, nothing happens")).isTrue();
        assertThat(PostSays.describesFault("my laptop keeps restarting")).isTrue();
        assertThat(PostSays.describesFault("my PS4 is acting weird")).isFalse();
    }
}
