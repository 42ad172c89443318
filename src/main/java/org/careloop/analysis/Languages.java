package org.careloop.analysis;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * The language of a post: the platform's own tag when it gives one, else the script (Cyrillic,
 * Arabic or Persian letters, Japanese...), and for Latin script Lingua, asked only when the post
 * shows another language than English (one of its common words or letters). Alone, Lingua reads
 * short English posts ("DM sent", "thnx", "refund?") as French or Dutch one time in two hundred,
 * and each would go to a person unanswered.
 */
public final class Languages {

    private Languages() {}

    /** The language of a text by its script and words (ISO 639-1, or {@code und}). */
    public static String of(String text) {
        return detect(text == null ? "" : text, null);
    }

    static String detect(String text, String hint) {
        if (hint != null && hint.matches("[a-zA-Z]{2}")) {
            return hint.toLowerCase(Locale.ROOT);
        }
        int latin = 0;
        int cyrillic = 0;
        int arabic = 0;
        boolean persian = false;
        // Scripts that name their language well enough for routing: a post in one of them is never read as English.
        java.util.Map<String, Integer> other = new java.util.HashMap<>();
        for (int cp : text.codePoints().toArray()) {
            switch (Character.UnicodeScript.of(cp)) {
                case HIRAGANA, KATAKANA -> other.merge("ja", 2, Integer::sum);
                case HAN -> other.merge("zh", 1, Integer::sum);
                case HANGUL -> other.merge("ko", 1, Integer::sum);
                case THAI -> other.merge("th", 1, Integer::sum);
                case HEBREW -> other.merge("he", 1, Integer::sum);
                case GREEK -> other.merge("el", 1, Integer::sum);
                case DEVANAGARI -> other.merge("hi", 1, Integer::sum);
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case ARABIC -> {
                    arabic++;
                    persian |= "پچژگکی".indexOf(cp) >= 0;
                }
                default -> { }
            }
        }
        if (cyrillic > latin && cyrillic >= arabic && cyrillic > 0) {
            return "ru";
        }
        if (arabic > latin && arabic > 0) {
            return persian ? "fa" : "ar";
        }
        var script = other.entrySet().stream().max(java.util.Map.Entry.comparingByValue());
        // A character of these scripts says about what a Latin word does: "amazonのfireTVstickが見れない" is Japanese with two
        // product names in it, not English.
        long latinWords = LATIN_WORD.matcher(text).results().count();
        if (script.isPresent() && script.get().getValue() > Math.min(latin, 2 * latinWords)) {
            // Japanese writes kanji beside kana: any kana makes it Japanese.
            return other.containsKey("ja") ? "ja" : script.get().getKey();
        }
        return latin > 0 ? latinLanguage(text) : "und";
    }

    private static final java.util.Map<String, java.util.Set<String>> STOPWORDS = java.util.Map.of(
            "en", java.util.Set.of("the", "and", "is", "to", "my", "you", "for", "on", "with", "it", "this", "was", "not", "of",
                    "in", "at", "have", "be", "are", "i", "what", "can", "your", "just", "but", "so"),
            "es", java.util.Set.of("el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "por", "con", "mi", "es",
                    "para", "lo", "del", "se", "muy", "pero", "mis", "está", "alguien"),
            "fr", java.util.Set.of("le", "la", "les", "de", "des", "et", "est", "un", "une", "pour", "pas", "je", "mon", "ma",
                    "avec", "que", "du", "au", "ce", "mes", "vous", "très", "bonjour", "peux"),
            "de", java.util.Set.of("der", "das", "und", "ist", "nicht", "ich", "ein", "eine", "mit", "für", "mein",
                    "zu", "dem", "auf", "es", "von", "sehr", "wieder", "schon", "meine", "kann", "bei"),
            // Languages CareLoop has no templates for: recognised so that their posts go to a person,
            // never answered in the nearest language that has templates.
            "tr", java.util.Set.of("ve", "bir", "bu", "için", "ile", "çok", "ama", "gibi", "daha", "var", "yok", "mı",
                    "ben", "sen", "değil", "neden", "nasıl", "hala", "bana", "benim", "olarak", "şu", "hiç"),
            "pt", java.util.Set.of("não", "você", "vocês", "uma", "muito", "de", "que", "para", "obrigado", "obrigada", "meu", "minha", "isso",
                    "ainda", "pelo", "pela", "são", "também", "foi", "estou", "tem", "nao"),
            "it", java.util.Set.of("il", "che", "non", "sono", "di", "per", "grazie", "della", "questo", "ancora", "mio", "mia",
                    "perché", "ho", "gli", "anche", "molto", "sempre"),
            "nl", java.util.Set.of("het", "een", "niet", "ik", "dat", "voor", "met", "mijn", "nog", "wel", "geen", "bedankt",
                    "zijn", "maar", "ook", "weer", "heb"));

    /** Latin-script languages: English unless another language shows itself, then Lingua's reading. */
    static String latinLanguage(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        java.util.Map<String, Integer> hits = commonWords(text);
        int english = hits.getOrDefault("en", 0);
        boolean letters = FOREIGN_LETTERS.matcher(lower).find();
        // Another language shows itself by its letters or as many common words as English has ("is the $3 one per person?" does not).
        if (!(letters && english <= 1) && hits.entrySet().stream().noneMatch(e -> !e.getKey().equals("en") && e.getValue() >= Math.max(1, english))) {
            return "en";
        }
        LanguageDetector lingua = Lingua.DETECTOR;
        if (lingua == null) {
            return byCommonWords(hits);
        }
        // Lingua's trigrams alone part short posts of close languages by a hair ("le vol est en retard":
        // Portuguese 1.0, French 0.97): within 5 % of its best, the language of more common words wins.
        String best = null;
        double bestConfidence = 0;
        // The confidences are relative and bunch together as posts grow: the near tie is a short post's.
        boolean shortPost = text.codePoints().filter(Character::isLetter).count() < 80;
        for (var read : lingua.computeLanguageConfidenceValues(text).entrySet()) {
            String lang = read.getKey().getIsoCode639_1().toString();
            if (best == null) {
                best = lang;
                bestConfidence = read.getValue();
            } else if (shortPost && read.getValue() >= 0.95 * bestConfidence && hits.getOrDefault(lang, 0) > hits.getOrDefault(best, 0)) {
                best = lang;
            }
        }
        return best == null ? byCommonWords(hits) : best;
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}'-]+");
    private static final java.util.regex.Pattern LATIN_WORD = java.util.regex.Pattern.compile("\\p{IsLatin}+");
    private static final java.util.regex.Pattern FOREIGN_LETTERS = java.util.regex.Pattern.compile("[ñ¿¡çèêëàâîôûäöüßğşıãõáéíóú]");

    /**
     * Which languages' common words a post uses, and how often. A capitalised word inside a sentence is a name
     * ("Las Vegas to Los Angeles"), no Spanish.
     */
    private static java.util.Map<String, Integer> commonWords(String text) {
        java.util.Map<String, Integer> hits = new java.util.HashMap<>();
        java.util.regex.Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (Character.isUpperCase(word.codePointAt(0)) && !startsSentence(text, m.start())) {
                continue;
            }
            String w = word.toLowerCase(Locale.ROOT);
            STOPWORDS.forEach((lang, words) -> {
                if (words.contains(w)) {
                    hits.merge(lang, 1, Integer::sum);
                }
            });
        }
        return hits;
    }

    /** Whether a word at {@code at} opens a sentence: the text's start, after . ! ? : or after the handles a post starts with. */
    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || "\"'(\u201c".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        if (i < 0 || ".!?:".indexOf(text.charAt(i)) >= 0) {
            return true;
        }
        int token = i;
        while (token >= 0 && (Character.isLetterOrDigit(text.charAt(token)) || text.charAt(token) == '_')) {
            token--;
        }
        return token >= 0 && text.charAt(token) == '@';
    }

    /** When Lingua cannot tell: the language with most common words, English on a tie with it ("no", "me" count for nobody). */
    private static String byCommonWords(java.util.Map<String, Integer> hits) {
        String best = "en";
        for (var e : new java.util.TreeMap<>(hits).entrySet()) {
            if (e.getValue() > hits.getOrDefault(best, 0) && e.getValue() > hits.getOrDefault("en", 0)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * Built on first use. The low-accuracy mode reads trigrams only: 25 MB of heap for the eight
     * languages against 250 MB for all n-grams, and the posts it is asked about show their language.
     */
    private static final class Lingua {
        /** Null when its models cannot be read (a jar built without them): the common words decide alone, with a warning. */
        static final LanguageDetector DETECTOR = build();

        private static LanguageDetector build() {
            try {
                return LanguageDetectorBuilder.fromLanguages(
                                Language.ENGLISH, Language.SPANISH, Language.FRENCH, Language.GERMAN,
                                Language.TURKISH, Language.PORTUGUESE, Language.ITALIAN, Language.DUTCH)
                        .withLowAccuracyMode()
                        .withPreloadedLanguageModels()
                        .build();
            } catch (RuntimeException | LinkageError e) {
                org.slf4j.LoggerFactory.getLogger(Languages.class).warn("Lingua's language models could not be loaded ({}); "
                        + "Latin-script languages are told by their common words alone", e.toString());
                return null;
            }
        }
    }
}
