package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetailsTest {

    static final Details DETAILS = new Details();

    /** The time a customer lost is the detail a reply names first: it is what they are upset about. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair been on hold for 2 hours now, is anyone there?|the 2 hours on hold",
            "@acmeair 3 hours on the tarmac with no water, worst airline ever|the 3 hours on the tarmac",
            "@acmeair an hour sitting at the gate and still no crew|the hour at the gate",
            "@acmeair another 4 hour delay in Denver. Again.|the 4-hour delay",
            "@acmeair on hold over 45 mins with your call centre|the 45 minutes on hold",
            "@acmeair 1 hr 32 mins on hold and counting|the hour and 32 minutes on hold",
            "@acmeair on hold for 1 hour and 14 min trying to find the luggage|the hour and 14 minutes on hold",
            "@acmeair my boarding pass won't load in the app|your boarding pass",
            "@acmeair a plane ticket from Idaho to California that works would be wonderful|the ticket from Idaho to California",
            "@acmeair 2 hours 15 minutes at the gate now|the 2 hours and 15 minutes at the gate",
            "@acmeair 2 hours late on flight 880 again|the 2-hour delay on flight 880",
            "@acmeair flight 880 was late again|flight 880",
            // The place first, then the time; a place named by its airport code.
            "@acmeair Yo stuck on the tarmac for over 2 hours at O'Hare, going to miss my ride|the 2 hours on the tarmac",
            "@acmeair how about after 2.5 hrs at ORD another .5 on the tarmac|the 2.5 hours at ORD",
            "@acmeair sitting at the gate for 3 hrs and no word|the 3 hours at the gate",
            "@acmeair I've been in line for over half hour trying to see a representative|the 30 minutes in line",
            "@acmeair I get extended hold times...but 2-1/2 hours on hold (and counting)|the 2.5 hours on hold",
            // Time named as lost, a wait for the bags.
            "@acmeair I'm trying to get to my final destination, we need compensation. Just about 2hrs of personal time wasted.|the 2 hours you lost",
            "@acmeair I have been on hold with your Gold reservations line for OVER 3 HOURS now. Flight Cancelled Flightled.|the 3 hours on hold",
            "@acmeair wasted 3 hours at the counter today|the 3 hours you lost",
            "@acmeair flight arrives 30 minutes early, but then have we to wait for an hour for our bags.|the hour-long wait for your bags",
            "@acmeair 45 min wait for luggage at JFK, really?|the 45-minute wait for your bags",
            "@acmeair why are we waiting 40 min so far for our luggage???|the 40-minute wait for your bags",
            "@acmeair so I have to wait more than 2 hours before I can speak to someone on the phone?|the 2-hour wait to reach someone",
            "@acmeair some people in line have been waiting 55 minutes for a customer service representative|the 55-minute wait",
            "@acmeair 9 hours at this airport and you can't move a bag from one plane to another! #furious|the 9 hours at the airport",
            "@acmeair  Not one to complain much but really 1 hour 15minutes and still nothing. Agents or Agent|the hour and 15 minutes you've been waiting",
            "@acmeair 4 different planes of mechanical issues and 12 hours and counting|the 12 hours you've been waiting",
            "@acmeair tried calling too, but w/25 min phn wait means we'd miss options anyway|the 25-minute wait on the phone",
            "@acmeair i need to change my flight and 120 min wait time on phone. Help!!|the 120-minute wait on the phone",
            "@acmeair I have been on phone with rep for over 30 min and was transferred|the 30 minutes on the phone",
            // A wait named by its length is no phone call unless the post says so.
            "@acmeair how do you compensate for passengers missing engagements due to a two hour wait on the tar-mat to get to a gate|the two-hour wait on the tarmac",
            "@acmeair 3 hr wait at the gate and still no plane|the 3-hour wait at the gate",
            "@acmeair Flight 2 is 2:30 hrs delayed so far b/c of Late Flight crew.|the 2.5-hour delay",
            "@acmeair overloads small plane with extra baggage and then has to take them off... Poor execution, 75 minute delay...|the 75-minute delay",
            "@acmeair I rang, but there is a wait for 35 minutes!! I can book the same ticket through a vendor|the 35-minute wait",
            "@acmeair every time something happens. I sat waiting for a re-scheduled flight for 10 hours then|the 10 hours you waited",
            // A post that is the time it cost, and the larger of a delay and the lateness it caused.
            "@acmeair 3 hours and 40 minutes. Is anyone even there?|the 3 hours and 40 minutes you've been waiting",
            "@acmeair my first leg was delayed an hour and now I get home 6 hrs late|the 6-hour delay",
            // What took too long, and a wait "here".
            "@acmeair There is no reason it should take 45 mins to board a plane!|the 45 minutes it took to board",
            "@acmeair it took 2 hours to get our bags at JFK|the 2 hours it took to get your bags",
            "@acmeair I get stuck in Denver every time! I've been here almost 24hrs|the 24 hours you've been waiting",
            "@acmeair my UA3426 was delayed by 2 hours, way past midnight|the 2-hour delay on flight UA3426",
            // The road instead of the flight, and a wait they had to sit through.
            "@acmeair No flight until Monday, have to take a 7 hour drive now to get to my flight!|the 7-hour drive",
            "@acmeair had to wait 2 hours for my food|the 2-hour wait",
            "@acmeair went in at 3pm and was told we had to wait another hour for our order|the extra hour's wait"})
    void namesTheTimeLost(String post, String detail) {
        assertThat(DETAILS.find(post, "en", List.of("acme air"))).contains(detail);
    }

    /** Somebody the customer names is who the reply names: the crew member praised, the agent they dealt with. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair huge thanks to Kate Appleton at the Denver desk, she fixed everything|Kate Appleton",
            "@acmeair Yes cheers Joel, thanks for your help. Tickets ordered!|Joel",
            "@acmeair FA Marcus on the Boston flight was the best|flight attendant Marcus",
            "@acmeair gate agent named Luis was so rude to my mother|gate agent Luis",
            "@acmeair Give Cyndi &amp; Troy each a gold star.|Cyndi and Troy",
            "@acmeair Painless flight from Indy to PHL. Our flight attendant, Tory, was fantastic|flight attendant Tory"})
    void namesThePersonThePostNames(String post, String detail) {
        assertThat(DETAILS.find(post, "en", List.of("acme air", "acmeair", "acme"))).contains(detail);
    }

    /** Thanks said twice and a family member are nobody on the team to pass thanks to. */
    @org.junit.jupiter.api.Test
    void thanksAndFamilyAreNoPersonToThank() {
        List<String> brand = List.of("acme air", "acmeair", "acme");
        assertThat(DETAILS.person("@acmeair Thank you Thank you Thank you!!! My last attempt to win tickets was a success!", "en", brand)).isEmpty();
        assertThat(DETAILS.person("@acmeair Dad on Segway is the best part of this whole infographic!", "en", brand)).isEmpty();
        assertThat(DETAILS.person("@acmeair Saw Ant-Man at AMC Eastchase 9 in Fort Worth. Great experience for my wife and me!", "en", brand))
                .as("the end of a film's name, not somebody at an airport").isEmpty();
        assertThat(DETAILS.person("@acmeair Longmire premieres tomorrow! Thank you Netflix for picking up season 4!", "en", brand))
                .as("a company thanked").isEmpty();
        // A pronoun opens a sentence as a name would: "we'll pass your note on to She" and "the Your crew" were drafted.
        assertThat(DETAILS.person("@acmeair She went above and beyond for us, she made us her number one priority!", "en", brand)).isEmpty();
        assertThat(DETAILS.person("@acmeair Your crew on the late flight was outstanding tonight.", "en", brand)).contains("the crew");
    }

    /** Somebody praised for staying on or for recognition is thanked by name, with where they work. */
    @org.junit.jupiter.api.Test
    void aNameThatStayedOnIsThePersonToThank() {
        List<String> brand = List.of("acme air", "acmeair", "acme");
        assertThat(DETAILS.person("@acmeair Rosa at gate B4 stayed past her shift to find my grandmother a seat. She deserves recognition", "en", brand))
                .contains("Rosa at gate B4");
        assertThat(DETAILS.person("@acmeair Devon in Tampa deserves recognition, he got us on the last flight", "en", brand)).contains("Devon in Tampa");
    }

    /** A flight named by its airline's code is the flight: "UA 791", "#UA1516". */
    @org.junit.jupiter.api.Test
    void aFlightNamedByItsCodeIsTheFlight() {
        assertThat(DETAILS.find("@acmeair please provide update on UA 791. No information from the crew", "en", List.of("acme air")))
                .contains("flight UA 791");
        assertThat(DETAILS.find("@acmeair left a kindle onboard UA1037 today", "en", List.of("acme air"))).contains("flight UA1037");
        assertThat(DETAILS.find("@acmeair - delayed 1851. Need an extra 5 min to make 1769.", "en", List.of("acme air"))).contains("flight 1851");
        assertThat(DETAILS.find("@acmeair delayed 45 min again", "en", List.of("acme air")).orElse("")).doesNotContain("flight 45");
    }

    /** A delay named verb first is the delay: "Delayed over 2 hours at MCO". */
    @org.junit.jupiter.api.Test
    void aDelayNamedVerbFirstIsTheDelay() {
        assertThat(DETAILS.find("@acmeair what gives? Delayed over 2 hours at MCO to JFK. Every time!", "en", List.of("acme air")))
                .contains("the 2-hour delay");
        assertThat(DETAILS.find("@acmeair flight 1159 delayed by 45 mins again", "en", List.of("acme air")))
                .hasValueSatisfying(d -> assertThat(d).contains("45-minute delay").contains("1159"));
    }

    /** A public corpus scarred some words ("Cancelled Flightled"); a reply never repeats the scar. */
    @org.junit.jupiter.api.Test
    void corpusScarsAreNeverEchoed() {
        assertThat(DETAILS.find("@acmeair my Cancelled Flightled flight to Denver, nobody will help", "en", List.of("acme air")))
                .contains("your cancelled flight to Denver");
        assertThat(DETAILS.find("@acmeair make Cancelled Flighted flight baggage and upgrade fees a labyrinth", "en", List.of("acme air")).orElse(""))
                .doesNotContainIgnoringCase("flighted");
        assertThat(DETAILS.find("@acmeair my flight to Atlanta got Cancelled Flightled today", "en", List.of("acme air")).orElse(""))
                .doesNotContainIgnoringCase("flightled");
        assertThat(DETAILS.find("@acmeair had to take a Late Flightr flight out of Boston", "en", List.of("acme air")).orElse(""))
                .doesNotContainIgnoringCase("flightr");
    }

    /** A route is the trip when no flight number is given. */
    @org.junit.jupiter.api.Test
    void aRouteWithoutAFlightNumberIsTheTrip() {
        assertThat(DETAILS.find("@acmeair last week I flew from DAL to LAX. You got us in almost an hour early. Thank You.", "en",
                List.of("acme air"))).contains("your flight from DAL to LAX");
        assertThat(DETAILS.find("@acmeair why is ORD to BOS cancelled again tonight", "en", List.of("acme air"))).contains("your flight from ORD to BOS");
        assertThat(DETAILS.find("@acmeair you cancelled my flight Nashville to Dallas again, explain!", "en", List.of("acme air")))
                .contains("your flight from Nashville to Dallas");
        // The trip home named by its airports counts more than "the reservation" it changes.
        assertThat(DETAILS.find("@acmeair Need flight home from ADD to GRR 2/27 or very early 2/28 (need to change existing reservation)", "en",
                List.of("acme air"))).contains("your flight from ADD to GRR");
        assertThat(DETAILS.find("@acmeair WHY-NOT to anyone? answer me", "en", List.of("acme air")).orElse("")).doesNotContain("from WHY");
    }

    /**
     * Where they are stuck and the day they lost are what they are upset about; a seat by its number is the thing a
     * cramped or broken seat is about, not what the customer could not do in it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@acmeair I am in seat 4C and I cannot even open my laptop; and I paid extra for this seat!!|seat 4C",
            "@acmeair no recline in row 12, eight hours like this|row 12",
            "@acmeair In 1B and the screen is dead, not impressed|seat 1B",
            "@acmeair now I'm stuck in Newark with no sleep in 30 hours|being stuck in Newark",
            "@acmeair stranded at ORD, nobody at the desk|being stranded at ORD",
            "@acmeair yes but we lost a whole day. Frustrating!!|losing a whole day",
            "@acmeair no help at all and we're missing a day of vacation|missing a day of vacation"})
    void whereTheyAreStuckAndTheDayLostAreNamed(String post, String detail) {
        assertThat(DETAILS.find(post, "en", List.of("acme air"))).contains(detail);
    }

    /** A team thanked by its place goes to that team; a place is nobody's name. */
    @org.junit.jupiter.api.Test
    void aTeamIsThankedByItsPlaceAndAPlaceIsNoName() {
        List<String> brand = List.of("acme air", "acmeair", "acme");
        assertThat(DETAILS.person("@acmeair props to your LAS employees working C11 gate. Made my day", "en", brand)).contains("the LAS team at gate C11");
        assertThat(DETAILS.person("@acmeair big love to the crew running gate B12 at DEN tonight, so patient", "en", brand)).contains("the crew running Gate B12 at DEN");
        assertThat(DETAILS.person("@acmeair the attendants on AA1032 were a delight", "en", brand)).contains("the attendants on AA1032");
        assertThat(DETAILS.person("@acmeair Your crew on 2210 this morning was outstanding", "en", brand)).contains("the crew on flight 2210");
        assertThat(DETAILS.person("@acmeair your crew made the whole trip, thank you", "en", brand)).contains("the crew");
        assertThat(DETAILS.person("@acmeair the crew on 2 flights were great", "en", brand)).contains("the crew");
        assertThat(DETAILS.person("@acmeair you guys continue to impress me in Houston. http://t.co/cIh1qNllcM", "en", brand)).contains("the team in Houston");
        assertThat(DETAILS.person("@acmeair great flight, landed in January snow like a feather", "en", brand)).as("a month is no place").isEmpty();
        assertThat(DETAILS.person("@acmeair on rebooking, Lisa (Liza?) in Raleigh was very helpful", "en", brand).orElse("")).doesNotContain("Raleigh");
        // Where a person named works goes with the name, so the team knows whom to tell.
        assertThat(DETAILS.person("@acmeair hey, Dre at Seatac check in needs a raise, stat", "en", brand)).contains("Dre at Seatac check in");
        assertThat(DETAILS.person("@acmeair owes Tammy from the Winston-Salem call center for keeping me as a customer!", "en", brand))
                .contains("Tammy at the Winston-Salem call center");
        assertThat(DETAILS.person("@acmeair - amazing customer service, again! RaeAnn in SF - she's the best! #customerservice", "en", brand))
                .contains("RaeAnn in SF");
        assertThat(DETAILS.person("@acmeair Maria deserves a medal for getting us all rebooked", "en", brand)).contains("Maria");
        assertThat(DETAILS.person("@acmeair Anna Palm Springs gate 19 deserves a medal! Handled 30 ppl missing flights like a pro!", "en", brand))
                .contains("Anna at Palm Springs gate 19");
        assertThat(DETAILS.person("@acmeair Rachel Smith was great with my kids", "en", brand)).contains("Rachel Smith");
        assertThat(DETAILS.person("@acmeair Thx to VERY helpful customer service rep N. Dorns.. I thanked her", "en", brand))
                .contains("rep N. Dorns");
        assertThat(DETAILS.person("@acmeair Mess ensued. Please thank the awesome Marcos (Concierge Key @ GRU) for sorting it out!", "en", brand))
                .contains("Marcos");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@acmeair very frustrated. Open seats on earlier flight, $154 to change. What a rip off!!|the $154 change fee",
            "@acmeair paid a $25 bag fee and the bag went to Denver|the $25 bag fee",
            "@acmeair you charged me $75.50 for nothing|the $75.50 charge",
            // Other currencies, money given back, and a charge for a product by its name.
            "@acmeair a £30 fee just to print a boarding pass?|the £30 fee",
            "Erm @acmeair I bought this item for £5.99... why am I only getting £1.67 back?!|the £1.67 refund",
            "@acmeair they charged me for Xbox Live Gold twice this month|the charge for Xbox Live Gold",
            "@acmeair left without luggage for 7 days, submit expenses and they offer a refund of $297? #badservice|the $297 refund",
            "@acmeair most frustrating travel day I've experienced. 5 delays and 4 gate changes?!|the 5 delays and 4 gate changes",
            "@acmeair three cancellations this month, I'm done|the three cancellations"})
    void moneyAndCountedTroublesAreNamed(String post, String detail) {
        assertThat(DETAILS.find(post, "en", List.of("acme air"))).contains(detail);
    }

    /** The things other businesses' customers own are theirs to echo; the same words not said as theirs are not. */
    @org.junit.jupiter.api.Test
    void theCustomersOwnThingsAreNamedAsTheirs() {
        assertThat(DETAILS.find("@acmeair put a piece of chicken in my burrito, i'm a vegetarian smh", "en", List.of("acme air"))).contains("your burrito");
        assertThat(DETAILS.find("@acmeair I got all of my stats reset on MWR and I don't know why. please help!!!", "en", List.of("acme air")))
                .contains("your stats");
        assertThat(DETAILS.find("@acmeair Why did you get rid of the feature to add a picture to your phone from the computer? That is extremely annoying!!!",
                "en", List.of("acme air"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aRefundRefusedIsNoRefundOnItsWay() {
        assertThat(Details.refused("@acmeair No refund because it \"doesn't qualify\". Next season = car.")).isTrue();
        assertThat(Details.refused("@acmeair still no refund after 6 weeks")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aHashtagIsNoPersonToThank() {
        assertThat(DETAILS.person("@acmeair flt 3867 crew #OrangeCounty to #Denver is The #BEST! pilots invited the kids to the cockpit", "en",
                List.of("acme air"))).isEmpty();
        assertThat(DETAILS.person("@acmeair Naelah at LAX was amazing, thank you", "en", List.of("acme air"))).contains("Naelah at LAX");
    }

    @org.junit.jupiter.api.Test
    void aNameThatRunsOnIsNotCutInHalf() {
        assertThat(DETAILS.find("@acmeair I can't find my booking in Manage My Trip, it says the reference doesn't exist", "en",
                List.of("acme air")).orElse("")).doesNotEndWith("in Manage");
    }

    @org.junit.jupiter.api.Test
    void theBrandThankedIsNoPerson() {
        assertThat(DETAILS.find("Thank you Acme Air for a lovely flight!", "en", List.of("acme air", "acmeair", "acme")).orElse(""))
                .doesNotContainIgnoringCase("acme");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair I will be there in 2 hours, can I still check my bag?",
            "@acmeair 5 minutes of fame for our crew lol"})
    void aTimeThatWasNotLostIsNoDetail(String post) {
        assertThat(DETAILS.find(post, "en", List.of("acme air")).orElse("")).doesNotContain("hours").doesNotContain("minutes");
    }

    /** "Wait in 2h" is no seat, nor "in 5 hours". */
    @org.junit.jupiter.api.Test
    void aTimeIsNoSeat() {
        assertThat(DETAILS.find("@acmeair my connection leaves in 2h and the line has not moved", "en", List.of("acme air")).orElse(""))
                .doesNotStartWith("seat");
    }

    /** A thing is named whole or not at: "the safety card" is no "card", "the earphone jack" is. */
    @org.junit.jupiter.api.Test
    void aCompoundIsNeverCutToItsLastWord() {
        assertThat(DETAILS.find("@acmeair don't just cling on to the safety card. If safety was really an issue, the flight would have landed", "en",
                List.of("acme air")).orElse("")).isNotEqualTo("the card");
        assertThat(DETAILS.find("@acmeair kinda sucked my earphone jack didn't work on my flight", "en", List.of("acme air")))
                .contains("your earphone jack");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "мой багаж не прилетел, рейс SU 2310|SU 2310",
            "mi vuelo IB3456 fue cancelado|IB3456",
            "Flug Nr. 123 hat drei Stunden Verspätung|123",
            "پرواز ۴۵۶ به مشهد تاخیر داشت|۴۵۶",
            "AF1234 est annulé ce soir|AF1234",
            // A time, a year or a word is no flight.
            "рейс в 10:30 задержали|",
            "desde 2010 vuelo con ustedes|",
            "el vuelo de ayer fue un desastre|"})
    void aFlightCodeInTheOtherLanguages(String text, String flight) {
        assertThat(Details.flightElsewhere(text).orElse(null)).isEqualTo(flight);
    }

    /** What the customer grants before a "but" is never the detail echoed: the complaint comes after it. */
    @Test
    void aConcessionIsNoDetail() {
        assertThat(Details.unconceded("I understand weather is not your fault, but I expected better")).isEqualTo(" .  I expected better");
        assertThat(Details.unconceded("I didn't know the bag would cost $50 but they charged me")).as("not granted: not known")
                .isEqualTo("I didn't know the bag would cost $50 but they charged me");
        String post = "@acmeair I understand weather is not your fault, but as a frequent flyer I expected better customer service.";
        assertThat(DETAILS.find(post, "en", List.of()).orElse("") + DETAILS.thing(post, "en", List.of(), true).orElse("")).doesNotContain("weather");
        assertThat(DETAILS.find("@acmeair I know you can't control the weather but my bag has been missing for 3 days", "en", List.of()))
                .hasValueSatisfying(d -> assertThat(d).doesNotContain("weather"));
    }

    /** "The worlds dumbest driver" is the driver: never "sorry about the worlds". */
    @Test
    void theWorldIsNoThing() {
        String post = "Hey @acmeair I'm currently in a car with the worlds dumbest driver. Y'all need to start checking these fools";
        assertThat(DETAILS.find(post, "en", List.of()).orElse("") + DETAILS.thing(post, "en", List.of(), false).orElse("")).doesNotContain("world");
    }

    /** An idiom or a tag question is no thing asked about: "who's in charge of your Twitter", "you still fly in the cold right?". */
    @Test
    void idiomsAndTagQuestionsAreNoThing() {
        String charge = "@acmeair my PR class would luv to know who's in charge of your Twitter. How many people write your tweets?";
        assertThat(DETAILS.find(charge, "en", List.of()).orElse("") + DETAILS.askedAbout(charge, "en", List.of(), false).orElse(""))
                .doesNotContain("charge");
        assertThat(DETAILS.askedAbout("@acmeair yall still fly in the cold right?", "en", List.of(), true).orElse("")).doesNotContain("right");
    }
}
