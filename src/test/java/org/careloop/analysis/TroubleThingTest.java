package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The thing a complaint is about, for the opening that would otherwise be sorry about "this". */
class TroubleThingTest {

    static final Details DETAILS = new Details();

    /** Posts to shops, banks and console makers name things no care-noun list holds; empty means the opening names none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Tf is wrong with my keyboard @acmeair|your keyboard",
            "I'm bummed, @acmeair is no longer serving chorizo.|the chorizo",
            "@acmeair I know you guys are busy but don't undercook brown rice|the rice",
            "@acmeair Looks like a broken link for your assets https://t.co/x|the broken link",
            "NEVER order from @acmeair online because thy send multiple defective items|the defective items",
            "@acmeair I want to order this item but am getting errors in checkout process|the checkout process",
            // A trouble the customer names as one, with what it is about.
            "@acmeair hello, I'm having an issue with a same day ship order.  Can you help me?|the trouble with your same day ship order",
            "Please fix the battery issues in Ios 11! @acmeair|the battery issues",
            "@acmeair We had some major plane-wide DirectTV issues yesterday.|the DirectTV issues",
            "@acmeair there's a billing issue on my last statement|the billing issue",
            "@acmeair I have a problem with the flight attendant on my last trip|-",
            // A name that is theirs is a thing, with its capitals.
            "@acmeair my Xbox keeps freezing since the update|your Xbox",
            "@acmeair Just realized my Luv Voucher expired today.|your Luv Voucher",
            // No thing at all: a verb the tagger may read as a noun, a word made with a hyphen, what is missing, people.
            "@acmeair creates amazing technology..... but talk to text still messes up 90% of what I type|-",
            "@acmeair feeling poor on the church-mouse level here, 180 dollars is enough to make a grown man cry|-",
            "love that @acmeair sent people to bury the new cable line....on halloween.....in the middle of trick or treat times, with no notification|-",
            "@acmeair the strangers next to me were rude and loud|-",
            "@acmeair you people are the worst|-",
            // Where it went wrong is no thing that went wrong.
            "@acmeair the courier just left my parcel in the building lobby again and it's gone|-",
            "Literally stranded because of @acmeair and because there is no support phone number I have to wait|-",
    })
    void namesTheThing(String post, String thing) {
        assertThat(DETAILS.thing(post, "en", List.of("Acme Air", "acmeair"), false).orElse(null)).isEqualTo(thing);
    }

    /** About travel only the customer's own thing or one named with its state: the care nouns name the rest already. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "@acmeair if you lost my belongings then BE HONEST!|your belongings",
            "@acmeair the departure board is broken again at gate 4|-",
            "@acmeair you sure missed the mark on tonight's redeye from LAX. What a mess!|-",
            "@acmeair freezing in the plane|-",
    })
    void aboutTravelOnlyTheirsOrStated(String post, String thing) {
        assertThat(DETAILS.thing(post, "en", List.of("Acme Air", "acmeair"), true).orElse(null)).isEqualTo(thing);
    }

    /** A question's first thing, for a holding reply that cannot turn the question itself ("thanks for asking about ..."). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "@acmeair why don't your marketing emails have an unsubscribe link?|our marketing emails",
            "@acmeair For the boorito offer, if you order half steak, half chicken and then extra steak, it would still be $3, right?|the boorito offer",
            "@acmeair Where is the bind button on the xbox one s console???|the bind button",
            "@acmeair any idea whats going on with Preston trains? Will they be running?|the trains",
            // A hashtag is no word of the question; a statement asks nothing.
            "#upsscam why do you always charge cod ?|-",
            "@acmeair who would I message for backwards compatible game suggestions|-",
    })
    void namesWhatIsAsked(String post, String thing) {
        assertThat(DETAILS.askedAbout(post, "en", List.of("Acme Air", "acmeair"), false).orElse(null)).isEqualTo(thing);
    }

    @org.junit.jupiter.api.Test
    void onlyEnglish() {
        assertThat(DETAILS.thing("mi teclado no funciona", "es", List.of(), false)).isEmpty();
    }
}
