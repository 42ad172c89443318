package org.careloop.analysis;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A post read the way the models read it: CoreNLP's tokenizer, then the normalisation short
 * social text needs (links and handles as placeholders, elongations shortened, case folded with a
 * note of shouting, negation scope marked), and the surface signals that carry feeling.
 */
public final class SocialText {

    private static final Pattern ELONGATED = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "n't", "nothing", "nobody", "none", "nowhere",
            "neither", "nor", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "wont", "aint", "havent", "hasnt",
            "не", "нет", "ни", "никогда", "nunca", "ne", "pas", "nicht", "kein", "keine");
    private static final Pattern CLAUSE_END = Pattern.compile("[.,!?;:]+|but|however|но|pero|mais|aber");

    /** Tokens as the models see them, e.g. {@code <user>}, {@code good_NEG}, {@code #fail}, {@code 😡}. */
    public final List<String> tokens;
    /** Words written in capitals (three letters or more): shouting. */
    public final int shouted;
    /** Words with a letter repeated three times or more: "sooo". */
    public final int elongated;
    public final int exclamations;
    public final int questions;
    /** Emoji and emoticons, as written. */
    public final List<String> emoji;
    public final int words;

    private SocialText(List<String> tokens, int shouted, int elongated, int exclamations, int questions, List<String> emoji, int words) {
        this.tokens = tokens;
        this.shouted = shouted;
        this.elongated = elongated;
        this.exclamations = exclamations;
        this.questions = questions;
        this.emoji = emoji;
        this.words = words;
    }

    /** A sad or crying face, as a regular expression: ":((((", "😭". */
    /** A retweet or quote of another account's post ("RT @brand: ...", "“@brand: ..."), as a regular expression; group 2 the quote's opening. */
    public static final String QUOTED_POST = "(^|\\s)(RT @\\w+:|[“\"]@\\w+:)";

    public static final String SAD_FACES = "(^|\\s):-?\\(+|☹|🙁|😞|😢|😭|😔|😫";

    public static SocialText of(String raw) {
        String text = TextPrep.clean(raw, CoreNlpAnalyzer.MAX_CHARS, false);
        PTBTokenizer<CoreLabel> tokenizer = new PTBTokenizer<>(new StringReader(text), new CoreLabelTokenFactory(),
                "invertible=false,ptb3Escaping=false,untokenizable=noneKeep,splitHyphenated=false,normalizeAmpersandEntity=true");
        List<String> out = new ArrayList<>();
        List<String> emoji = new ArrayList<>();
        int shouted = 0;
        int elongated = 0;
        int exclamations = 0;
        int questions = 0;
        int words = 0;
        boolean negated = false;
        while (tokenizer.hasNext()) {
            String w = tokenizer.next().word();
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www.")) {
                out.add("<url>");
                continue;
            }
            if (w.startsWith("@") && w.length() > 1) {
                out.add("<user>");
                continue;
            }
            if (isEmoji(w)) {
                emoji.add(w);
                out.add(w);
                continue;
            }
            if (w.chars().allMatch(c -> c == '!')) {
                exclamations += w.length();
                out.add("!");
                negated = false;
                continue;
            }
            if (w.chars().allMatch(c -> c == '?' || c == '!')) {
                questions++;
                out.add("?");
                negated = false;
                continue;
            }
            if (w.codePoints().anyMatch(Character::isLetter)) {
                words++;
                if (w.length() >= 3 && w.equals(w.toUpperCase(Locale.ROOT)) && !w.equals(lower)) {
                    shouted++;
                }
                if (ELONGATED.matcher(lower).find()) {
                    elongated++;
                    lower = ELONGATED.matcher(lower).replaceAll("$1$1");
                }
            }
            if (lower.chars().allMatch(Character::isDigit)) {
                lower = "<num>";
            }
            if (CLAUSE_END.matcher(lower).matches()) {
                negated = false;
                out.add(lower);
                continue;
            }
            out.add(negated ? lower + "_NEG" : lower);
            if (NEGATORS.contains(lower) || lower.endsWith("n't")) {
                negated = true;
            }
        }
        return new SocialText(List.copyOf(out), shouted, elongated, exclamations, questions, List.copyOf(emoji), words);
    }

    /** Emoji (pictographs, symbols) and the common text emoticons. */
    static boolean isEmoji(String w) {
        if (w.matches("[:;=8xX][-'^o]?[)(\\]\\[dDpP/\\\\|*3@$]+|<3|</3|[)(][-'^]?[:;=]|:'\\(|\\^_?\\^|-_-|T_T")) {
            return true;
        }
        return !w.isEmpty() && w.codePoints().allMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL
                || cp == 0x200D || cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF));
    }
}
