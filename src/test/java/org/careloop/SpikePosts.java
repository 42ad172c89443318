package org.careloop;

import java.util.ArrayList;
import java.util.List;
import org.careloop.simulator.XWorld;

/**
 * The posts of a spike on one X account, for the multi-node test and the triage benchmark: a day of
 * cancellations, most posts wanting a ticket, then thanks, a question the knowledge answers, people
 * stranded whom a person must answer, spam and bait. Each from a customer of its own with a first
 * name of its own, so no two replies read alike (replies greet the customer, and X refuses one text
 * twice in a row).
 */
final class SpikePosts {

    private static final String[] CITIES = {"Denver", "Boston", "Austin", "Chicago", "Seattle", "Miami", "Dallas", "Atlanta", "Phoenix", "Portland"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "to", "ne", "su", "vi", "de", "ja"};

    private SpikePosts() {}

    /** The customers {@code from} to {@code from + count - 1}, made in the world now (before the spike, which then only posts). */
    static List<XWorld.User> customers(XWorld world, int from, int count) {
        List<XWorld.User> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(world.userOrCreate("flyer" + i, firstName(i) + " Flyer"));
        }
        return out;
    }

    /** The spike's posts by these customers, numbered from {@code from}, all at once. */
    static List<XWorld.Post> post(XWorld world, List<XWorld.User> customers, int from) {
        List<XWorld.NewPost> batch = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            batch.add(new XWorld.NewPost(customers.get(i).id(), text(from + i), "en"));
        }
        return world.publishAll(batch);
    }

    /** A name of its own for each of 100,000 customers: Kakaka, Kakakalo, ... */
    static String firstName(int i) {
        StringBuilder name = new StringBuilder();
        for (int n = i % 100_000, digits = 0; digits < 5; n /= 10, digits++) {
            name.insert(0, SYLLABLES[n % 10]);
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String text(int i) {
        String city = CITIES[i % CITIES.length];
        int kind = i % 20;
        if (kind < 8) {
            return "@acmeair my flight AA" + (1000 + i % 997) + " to " + city + " was cancelled and nobody at the gate can tell us anything";
        }
        if (kind < 11) {
            return "@acmeair my bag did not arrive in " + city + ", who can help?";
        }
        if (kind < 14) {
            return "@acmeair thank you to the crew on flight " + (200 + i % 797) + " to " + city + ", they were wonderful today";
        }
        if (kind < 16) {
            return "@acmeair can I bring my cat in the cabin on my flight to " + city + "?";
        }
        if (kind < 18) {
            return "@acmeair stuck in " + city + " for " + (2 + i % 9) + " hours, flight " + (300 + i % 599) + " delayed again, this is a disgrace";
        }
        return kind == 18 ? "@acmeair win a free iphone click here bit.ly/" + Integer.toString(i, 36) : "@acmeair lol imagine flying them";
    }
}
