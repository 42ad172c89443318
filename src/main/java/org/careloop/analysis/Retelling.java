package org.careloop.analysis;

import edu.stanford.nlp.ling.TaggedWord;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A customer's clause said from the brand's side: their "I", "we", "my" become "you", "your";
 * the brand's "you" becomes "we" where it acts and "us" where it is acted on; SHOUTING is lowered.
 */
final class Retelling {

    private Retelling() {}

    /** A capitalised "My" or "Our" inside a name in title case ("Manage My Trip"): after a capitalised word and before one. */
    private static boolean titleCased(List<TaggedWord> w, int k, int start, int end) {
        String word = w.get(k).word();
        return (word.equals("My") || word.equals("Our")) && k > start && k < end && capitalised(w.get(k - 1).word()) && capitalised(w.get(k + 1).word());
    }

    private static boolean capitalised(String word) {
        return !word.equals("I") && word.length() > 1 && Character.isUpperCase(word.charAt(0)) && Character.isLowerCase(word.charAt(1));
    }

    /** The clause from the brand's side: the customer becomes "you", the brand "we". */
    static String retell(List<TaggedWord> w, int start, int end, int verb, String implied) {
        StringBuilder b = new StringBuilder(implied);
        String previous = "";
        // Headline style ("flights delayed", "the app still saying") gets the verb it left out.
        String verbTag = w.get(verb).tag();
        boolean bare = implied.isEmpty() && (verbTag.equals("VBN") || verbTag.equals("VBG"))
                && w.subList(start, verb).stream().noneMatch(t -> t.tag().startsWith("VB"));
        boolean plural = w.subList(start, verb).stream().anyMatch(t -> t.tag().equals("NNS") || t.word().matches("(?i)we|i|they|you"));
        int insertAt = verb;
        while (insertAt > start && w.get(insertAt - 1).tag().startsWith("RB")) {
            insertAt--;
        }
        for (int k = start; k <= end; k++) {
            if (bare && k == insertAt) {
                b.append(' ').append(verbTag.equals("VBN") ? (plural ? "were" : "was") : (plural ? "are" : "is"));
            }
            String word = w.get(k).word();
            String lower = word.toLowerCase(Locale.ROOT);
            boolean afterI = previous.equals("i");
            // "my phone keep freezing": the customer's grammar is theirs, the brand's reply agrees its verb.
            boolean theirThing = k > start && !FIRST.contains(w.get(start).word().toLowerCase(Locale.ROOT));
            String agreed = k == verb && theirThing && verbTag.matches("VBP|VB") && !plural ? THIRD_PERSON.get(lower)
                    // "my products hasn't arrived": the brand's reply agrees its verb with the things.
                    : k == verb && theirThing && verbTag.equals("VBZ") && plural ? PLURAL.get(lower) : null;
            String out = agreed != null ? agreed : switch (lower) {
                case "i", "we" -> "you";
                case "me" -> "you";
                // "US" in capitals is the country.
                case "us" -> word.equals("US") ? word : "you";
                // "Manage My Trip" is a name, not their trip: a capital "My" between capitalised words stays.
                case "my", "our" -> titleCased(w, k, start, end) ? word : "your";
                case "mine", "ours" -> "yours";
                case "myself", "ourselves" -> "yourself";
                case "am" -> afterI ? "are" : word;
                case "'m" -> "'re";
                case "was" -> afterI ? "were" : word;
                case "you", "u" -> subjectPosition(w, k, start) ? "we" : "us";
                case "your", "ur" -> "our";
                case "yours" -> "ours";
                // SHOUTING and capitals that are no name ("Cancelled") are the customer's tone, not the brand's.
                default -> shouted(word)
                        || k > start && !w.get(k).tag().startsWith("NNP") && !word.equals(word.toUpperCase(Locale.ROOT)) && !nameGoesOn(w, k, end)
                        && !(k - 1 > start && titleCased(w, k - 1, start, end)) ? lower : word;
            };
            // A customer's "i" and "we" is the brand's "you" whoever's: first-person forms never survive.
            boolean glued = out.startsWith("'") || out.equals("n't") || out.equals("%");
            if (b.length() > 0 && !glued) {
                b.append(' ');
            }
            b.append(out);
            previous = lower;
        }
        String text = b.toString().replace(" - ", "-").strip();
        if (!implied.isEmpty()) {
            text = implied + " " + text.substring(implied.length()).strip();
            text = text.substring(0, implied.length() + 1) + Character.toLowerCase(text.charAt(implied.length() + 1)) + text.substring(implied.length() + 2);
        } else if (!w.get(start).tag().startsWith("NNP") && !w.get(start).word().equals(w.get(start).word().toUpperCase(Locale.ROOT))) {
            text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        if (implied.isEmpty() && w.get(start).tag().startsWith("NN")) {
            text = "the " + text;
        }
        // "you are" reads better as "you're" after "I'm sorry"; a retelling that still says "I" is garbled.
        // A "My" kept in a name ("Manage My Trip") is no first person.
        if (text.replaceAll("\\b(My|Our) (?=\\p{Lu})", "").matches("(?i).*\\b(i|me|my|mine|i'm|i've)\\b.*")) {
            return null;
        }
        return text;
    }

    private static final Set<String> FIRST = Set.of("i", "we");
    private static final java.util.Map<String, String> THIRD_PERSON = java.util.Map.of("keep", "keeps", "do", "does", "have", "has",
            "go", "goes", "say", "says", "are", "is", "don't", "doesn't", "won't", "won't");

    private static final java.util.Map<String, String> PLURAL = java.util.Map.of("has", "have", "is", "are", "was", "were", "does", "do",
            "keeps", "keep");

    /** "Iron" in "my Iron Maiden cd" is the first word of a name the tagger only half saw: a capital before a proper noun. */
    private static boolean nameGoesOn(List<TaggedWord> w, int k, int end) {
        String word = w.get(k).word();
        return k < end && Character.isUpperCase(word.charAt(0)) && w.get(k + 1).tag().startsWith("NNP")
                && Character.isUpperCase(w.get(k + 1).word().charAt(0));
    }

    private static final Set<String> SHORT_WORDS = Set.of("CA", "WO", "DO", "NO", "IS", "IT", "MY", "ME", "WE", "SO", "TO", "AT", "IN", "ON",
            "OF", "OR", "UP", "BE", "AM", "HE", "US", "NOW", "AND", "THE", "YOU", "NOT", "WHY", "HOW", "ARE", "WAS", "CAN", "BUT", "FOR",
            "ALL", "OUR", "GET", "GOT", "HAS", "HAD", "DID", "ANY", "OUT", "OFF", "TOO", "YET", "NEW", "OLD", "BAG", "DAY", "WAY");

    /** SHOUTING is lowered; a code like ATL or LGA stays as written. */
    private static boolean shouted(String word) {
        return word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)) && !word.matches(".*\\d.*")
                && (word.length() > 3 || SHORT_WORDS.contains(word));
    }

    /** "you" as the one who acts ("you lost my bag") rather than the one acted on ("waiting for you"). */
    private static boolean subjectPosition(List<TaggedWord> w, int k, int start) {
        if (k + 1 >= w.size() || k > start && w.get(k - 1).tag().startsWith("VB")) {
            return false;
        }
        String next = w.get(k + 1).tag();
        return next.equals("VBD") || next.equals("VBZ") || next.equals("VBP") || next.equals("MD")
                || next.startsWith("RB") && k + 2 < w.size() && w.get(k + 2).tag().startsWith("VB");
    }
}
