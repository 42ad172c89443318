package org.careloop.rules;

import java.util.List;

/**
 * What a post is about, as the rules name it.
 *
 * @param key     names the reply parts written for it: {@code situation-<key>} and {@code needs-<key>}
 * @param says    how a reply names it ("your bag"), the {@code topic} template variable
 * @param words   the words that reveal it, lower case
 * @param sharper narrower phrasings of it, each with the words that reveal it ("being cut off after
 *                the wait on hold" for "hung up"), the first found naming the post's trouble better than
 *                {@code says} or a thing the post names
 * @param major   a disruption (a cancelled flight, a night stranded) that outranks whatever else the post
 *                names: "the fee" in a post about a cancelled flight is a side remark
 * @param answer  the knowledge entry that answers a question about it when the search is not sure of one
 *                (a thing left on board: the lost and found form, whatever the thing), or null
 * @param ofFlight how a reply names it on the flight the post names, before the flight ("the cancellation of"
 *                 flight 1773), or null: "your cancelled flight" cannot take a number
 * @param travel  it is about a trip, so it does not fit a post about something else (the rules' {@code elsewhere-words})
 *                that never speaks of one ({@code travel-words}): an order "cancelled" is no cancelled flight
 * @param everyday those of its words that everyday life shares ("food", "fee", "never told"): they name the topic,
 *                 but a post that has only them and no travel word is not about a trip
 */
public record Topic(String key, String says, List<String> words, List<Phrase> sharper, boolean major, String answer, String ofFlight,
                    boolean travel, List<String> everyday) {

    public Topic {
        sharper = List.copyOf(sharper);
        everyday = List.copyOf(everyday);
    }

    public Topic(String key, String says, List<String> words) {
        this(key, says, words, List.of(), false, null, null, false, List.of());
    }

    /** How a reply names it on a named flight: "the cancellation of flight 1773", else "the delay on flight 1773". */
    public String onFlight(String flight) {
        return (ofFlight != null ? ofFlight : says + " on") + " " + flight;
    }

    /** A narrower phrasing and the words that reveal it, lower case. */
    public record Phrase(String says, List<String> words) {}
}
