package org.careloop.analysis;

import edu.stanford.nlp.ling.TaggedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the brand did to the customer, said the way the customer said it ("you lost my bag",
 * "thanks for losing my luggage", "lost my bag again"), turned into what happened to them ("my bag
 * was lost"), still in the customer's voice: {@link Retelling} then gives it the brand's.
 */
final class BrandDidIt {

    private BrandDidIt() {}

    /** The clause retold in the passive: its words, the index of its "was"/"were", and its last index. */
    record Told(List<TaggedWord> words, int verb, int end) {}

    /**
     * "You lost my bag", "you guys charged me twice": what the brand did to the customer, retold as
     * what happened to them ("your bag was lost", "you were charged twice"), the way a care agent
     * says it. Only for verbs whose past tense is their participle and that name a care failure.
     */
    static Optional<Told> retold(List<TaggedWord> w, int i) {
        String first = w.get(i).word().toLowerCase(Locale.ROOT);
        String done;
        int v;
        if (first.equals("you") || first.equals("u")) {
            v = i + 1;
            while (v < w.size() && v < i + 4 && (w.get(v).word().matches("(?i)guys|all|just|also|already|again|have|'ve|literally|completely")
                    || w.get(v).tag().startsWith("RB") && !w.get(v).word().matches("(?i)not|n't|never"))) {
                v++;
            }
            if (v + 1 >= w.size() || !DONE_TO.matcher(w.get(v).word()).matches()) {
                return Optional.empty();
            }
            done = w.get(v).word().toLowerCase(Locale.ROOT);
        } else if (i + 3 < w.size() && first.matches("thanks|thank") && w.get(i + 1 + (first.equals("thank") ? 1 : 0)).word().matches("(?i)for|4")) {
            // Sarcastic thanks say what the brand did: "thanks for losing my luggage" is "your luggage was lost".
            v = i + 2 + (first.equals("thank") ? 1 : 0);
            done = v + 1 < w.size() ? DOING.getOrDefault(w.get(v).word().toLowerCase(Locale.ROOT), "") : "";
            if (done.isEmpty()) {
                return Optional.empty();
            }
        } else if (IMPLIED_BRAND.matcher(first).matches() && i + 1 < w.size() && w.get(i + 1).word().matches("(?i)me|us|my|our")) {
            // "Lost my bag again": only the brand loses, bumps or overcharges; a bare "cancelled my flight" could be the customer's doing.
            v = i;
            done = first;
        } else {
            return Optional.empty();
        }
        List<TaggedWord> told = new ArrayList<>();
        int rest;
        String object = w.get(v + 1).word().toLowerCase(Locale.ROOT);
        if (object.equals("me") || object.equals("us")) {
            told.add(new TaggedWord(object.equals("me") ? "I" : "we", "PRP"));
            told.add(new TaggedWord(object.equals("me") ? "was" : "were", "VBD"));
            rest = v + 2;
        } else if (WhatHappened.FIRST_OWNER.contains(object)) {
            int head = -1;
            int j = v + 2;
            while (j < w.size() && j < v + 6 && (w.get(j).tag().startsWith("NN") || w.get(j).tag().startsWith("JJ") || w.get(j).tag().equals("CD")
                    || w.get(j).tag().equals("POS"))) {
                if (w.get(j).tag().startsWith("NN")) {
                    head = j;
                }
                j++;
            }
            // "you lost my business" is a customer leaving, not a thing lost.
            if (head < 0 || NOT_A_THING.contains(w.get(head).word().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            // Where it was going belongs to the thing: "your flight to Boston was cancelled".
            while (head + 2 < w.size() && w.get(head + 1).word().matches("(?i)to|from|home") && w.get(head + 2).tag().startsWith("NNP")) {
                head += 2;
                while (head + 1 < w.size() && w.get(head + 1).tag().startsWith("NNP")) {
                    head++;
                }
            }
            told.addAll(w.subList(v + 1, head + 1));
            told.add(new TaggedWord(w.get(head).tag().equals("NNS") ? "were" : "was", "VBD"));
            rest = head + 1;
        } else {
            return Optional.empty();
        }
        int verb = told.size() - 1;
        told.add(new TaggedWord(participle(done), "VBN"));
        for (int k = rest; k < w.size(); k++) {
            told.add(w.get(k));
        }
        // "and made me drive 17 hours": what follows an "and" is the brand's doing again, not retold.
        int end = WhatHappened.clauseEnd(told, verb);
        for (int k = verb + 1; k <= end; k++) {
            if (told.get(k).word().equalsIgnoreCase("and")) {
                end = k - 1;
                break;
            }
        }
        return Optional.of(new Told(told, verb, end));
    }

    private static final Set<String> NOT_A_THING = Set.of("business", "trust", "loyalty", "respect", "faith", "patience", "custom", "money");

    private static final Pattern DONE_TO = Pattern.compile("(?i)lost|misplaced|cancell?ed|canceled|delayed|charged|overcharged|double-charged|"
            + "damaged|broke|bumped|stranded|downgraded|overbooked|rebooked|moved|ignored|forgot|left|sent|billed|refused|denied");

    /** What the brand did, said bare at a clause's start: only the brand's doing, whoever says it. */
    private static final Pattern IMPLIED_BRAND = Pattern.compile("(?i)lost|misplaced|damaged|broke|overcharged|double-charged|bumped|downgraded|"
            + "ignored|stranded");

    /** "thanks for losing": the -ing form and its participle. */
    private static final java.util.Map<String, String> DOING = Map.ofEntries(Map.entry("losing", "lost"),
            Map.entry("misplacing", "misplaced"), Map.entry("cancelling", "cancelled"), Map.entry("canceling", "cancelled"),
            Map.entry("delaying", "delayed"), Map.entry("damaging", "damaged"), Map.entry("breaking", "broken"),
            Map.entry("bumping", "bumped"), Map.entry("stranding", "stranded"), Map.entry("overcharging", "overcharged"),
            Map.entry("charging", "charged"), Map.entry("downgrading", "downgraded"), Map.entry("ignoring", "ignored"));

    private static String participle(String verb) {
        return switch (verb) {
            case "broke" -> "broken";
            case "forgot" -> "forgotten";
            default -> verb;
        };
    }

}
