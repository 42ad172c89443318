package org.careloop.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CareLoop's analyser for short social posts: CoreNLP's tokenizer, linear models trained on real
 * labelled posts ({@code careloop train}) for sentiment (English, Russian) and offensive
 * language, and readable rules on top for emotion, troll/bait and intent. Fast (no parser) and
 * explainable: every label says which words decided it.
 */
public final class SocialAnalyzer implements Analyzer {

    private final TextModel sentimentEn;
    private final TextModel sentimentMeaningEn;
    private final TextModel sentimentRu;
    private final TextModel offensiveEn;
    private final TextModel ironyEn;
    private final TextModel careEn;
    private final TextModel careMeaningEn;
    private final TextModel urgentEn;
    /** The care-action model of the brand's six other languages (one model: their words do not overlap), or null. */
    private final TextModel careOther;

    public SocialAnalyzer() {
        this(TextModel.load("sentiment-en"), TextModel.load("sentiment-en-meaning"), TextModel.load("sentiment-ru"), TextModel.load("offensive-en"),
                TextModel.load("irony-en"), TextModel.load("care-action-en"), TextModel.load("care-action-meaning-en"), TextModel.load("urgent-en"),
                TextModel.load("care-action-other"));
    }

    /** The cues' cascade alone decides the care action and urgency: what the care models are trained on. */
    SocialAnalyzer(TextModel sentimentEn, TextModel sentimentRu, TextModel offensiveEn, TextModel ironyEn) {
        this(sentimentEn, null, sentimentRu, offensiveEn, ironyEn, null, null, null, null);
    }

    /**
     * @param sentimentMeaningEn the English sentiment model that also reads the post's meaning, for posts the first is unsure of, or null
     * @param careEn             the care-action model, or null for the cues' cascade alone
     * @param careMeaningEn      the care-action model that also reads the post's meaning, for posts the first is unsure of, or null
     * @param urgentEn           the urgency model (read after the care action), or null for the time cues alone
     */
    SocialAnalyzer(TextModel sentimentEn, TextModel sentimentMeaningEn, TextModel sentimentRu, TextModel offensiveEn, TextModel ironyEn,
                   TextModel careEn, TextModel careMeaningEn, TextModel urgentEn, TextModel careOther) {
        this.sentimentEn = sentimentEn;
        this.sentimentMeaningEn = sentimentMeaningEn;
        this.sentimentRu = sentimentRu;
        this.offensiveEn = offensiveEn;
        this.ironyEn = ironyEn;
        this.careEn = careEn;
        this.careMeaningEn = careMeaningEn;
        this.urgentEn = urgentEn;
        this.careOther = careOther;
    }

    /** The same analyser with other care models (training and cross-validation build them). */
    SocialAnalyzer withCareModels(TextModel care, TextModel urgent) {
        return withCareModels(care, null, urgent);
    }

    SocialAnalyzer withCareModels(TextModel care, TextModel careMeaning, TextModel urgent) {
        return new SocialAnalyzer(sentimentEn, sentimentMeaningEn, sentimentRu, offensiveEn, ironyEn, care, careMeaning, urgent, careOther);
    }

    /** The same analyser with another care-action model for the six other languages (training and evaluation build it). */
    SocialAnalyzer withCareOther(TextModel other) {
        return new SocialAnalyzer(sentimentEn, sentimentMeaningEn, sentimentRu, offensiveEn, ironyEn, careEn, careMeaningEn, urgentEn, other);
    }

    /** The same analyser reading the meaning of the English posts its sentiment model is unsure of. */
    SocialAnalyzer withSentimentMeaning(TextModel sentimentMeaning) {
        return new SocialAnalyzer(sentimentEn, sentimentMeaning, sentimentRu, offensiveEn, ironyEn, careEn, careMeaningEn, urgentEn, careOther);
    }

    @Override
    public Analysis analyze(String text, String langHint) {
        String clean = TextPrep.clean(text, CoreNlpAnalyzer.MAX_CHARS, false);
        String words = TextPrep.clean(text, CoreNlpAnalyzer.MAX_CHARS, true);
        String lang = Languages.detect(words, langHint);
        List<String> reasons = new ArrayList<>();
        if (words.isBlank() || words.codePoints().noneMatch(Character::isLetter) && clean.codePoints().noneMatch(cp -> SocialText.isEmoji(new String(Character.toChars(cp))))) {
            reasons.add("No words to read (empty, or only links, handles and symbols)");
            reasons.add("Care action ignore: nothing to answer");
            return new Analysis(lang, new Sentiment(Sentiment.Label.NEUTRAL, 0, 0.3), Emotion.NONE, Troll.NONE,
                    new Intent(Intent.Label.OTHER, 0.3), new CareAction(CareAction.Label.IGNORE, false, 0.6), reasons);
        }
        SocialText social = SocialText.of(clean);
        var features = Features.of(social);

        boolean problem = Cues.PROBLEM.matcher(words).find();
        boolean trouble = problem || Cues.TROUBLE.matcher(words).find();
        Sentiment sentiment = sarcasm(lang, words, features, trouble, sentiment(lang, words, clean, features, reasons), reasons);
        sentiment = gladInRussian(lang, words, social, trouble, sentiment, reasons);
        boolean question = question(words);
        List<String> profanity = Cues.found(Cues.PROFANITY, words);
        Offensive offensive = offensive(lang, words, features, profanity, reasons);
        Troll troll = troll(words, social, offensive, profanity, problem, reasons);
        sentiment = mockery(sentiment, troll, reasons);
        Intent intent = intent(words, social.tokens.contains("<url>"), sentiment, troll, problem, question, reasons);
        Emotion emotion = emotion(words, sentiment, social, intent, reasons);
        CareAction care = CareActions.decide(words, clean, features, lang, sentiment, troll, intent, question, careEn, careMeaningEn, urgentEn, careOther,
                reasons);
        return new Analysis(lang, sentiment, emotion, troll, offensive, intent, care, reasons);
    }

    static boolean question(String words) {
        return words.contains("?") || words.contains("؟") || Cues.QUESTION_START.matcher(words).find() && !exclaims(words)
                || Cues.REQUEST.matcher(words).find();
    }

    /**
     * An exclamation that starts like a question, with no question mark: "what a view!", "was für ein Flug", "что за
     * сервис", or a question word before a word of feeling that ends the phrase or the post exclaims, "how lovely!",
     * "¡qué maravilla!", "quelle horreur".
     */
    private static final java.util.regex.Pattern EXCLAMATIVE = java.util.regex.Pattern.compile(
            "^[¡!\\s]*(?:(what an?|was für|что за)|(how|qué|que|quel|quelle|quels|quelles|как|какой|какая|какое|какие)(?: же)?)\\s+(\\p{L}+)",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    static boolean exclaims(String words) {
        java.util.regex.Matcher m = EXCLAMATIVE.matcher(words);
        if (!m.find() || words.contains("¿")) {
            return false;
        }
        if (m.group(1) != null) {
            return true;
        }
        // "how lovely!", "¡qué maravilla, ...": the feeling word ends the phrase, or the post exclaims; "how safe is it to fly" asks.
        String after = words.substring(m.end()).strip();
        if (!(after.isEmpty() || after.matches("(?s)^[,.!…:;].*") || words.contains("!") || words.codePoints().anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL))) {
            return false;
        }
        String next = m.group(3).toLowerCase(Locale.ROOT);
        String lang = m.group(2).matches("(?i)qué|que") ? "es" : m.group(2).toLowerCase(Locale.ROOT).startsWith("quel") ? "fr" : null;
        return lang == null ? SentimentLexicon.valence(next) != 0
                : Lexicon.forLanguage(lang).map(l -> !l.score(next).words().isEmpty()).orElse(false);
    }

    /**
     * Below this confidence the English sentiment model's answer is read again with the post's meaning
     * (MiniLM is English only). Chosen on the tuning rows of the training sets, which `careloop train`
     * prints for each threshold: 0.730 reading none again, 0.738 below 0.6 (25 % of the posts), 0.745
     * reading all; a quarter is what the analyser's speed can pay for (README, 2026-12-04).
     */
    static final double SENTIMENT_UNSURE = 0.6;

    private Sentiment sentiment(String lang, String words, String clean, edu.stanford.nlp.stats.Counter<String> features, List<String> reasons) {
        if (!lang.equals("en") && !lang.equals("ru")) {
            var lexicon = Lexicon.forLanguage(lang);
            if (lexicon.isPresent()) {
                Lexicon.Result r = lexicon.get().score(words);
                reasons.add(String.format(Locale.ROOT, "Sentiment %s (%.2f, %s word list)%s", r.sentiment().label().id(),
                        r.sentiment().confidence(), lang, r.words().isEmpty() ? ": no feeling words found" : ": \"" + String.join("\", \"", r.words()) + "\""));
                return r.sentiment();
            }
        }
        TextModel model = lang.equals("ru") ? sentimentRu : sentimentEn;
        TextModel.Prediction p = model.predict(features);
        String note = lang.equals("en") || lang.equals("ru") ? "" : " (no " + lang + " model yet: read with the English one)";
        if (lang.equals("en") && sentimentMeaningEn != null && p.confidence() < SENTIMENT_UNSURE) {
            p = sentimentMeaningEn.predict(Meaning.features(features, clean));
            note = " (read again with the post's meaning)";
        }
        double score = p.probabilities().getOrDefault("positive", 0.0) - p.probabilities().getOrDefault("negative", 0.0);
        Sentiment.Label label = Sentiment.Label.valueOf(p.label().toUpperCase(Locale.ROOT));
        reasons.add(String.format(Locale.ROOT, "Sentiment %s (%.2f)%s%s", label.id(), p.confidence(),
                p.evidence().isEmpty() ? "" : ": " + String.join(", ", p.evidence()), note));
        return new Sentiment(label, round(score), round(p.confidence()));
    }

    /** Joy in emoji, and their opposite. */
    private static final java.util.regex.Pattern GLAD = java.util.regex.Pattern.compile("😍|🥰|😊|☺️|🙂|😁|😃|😄|🤩|🥳|❤️|💙|😘|🎉|🙌|👍|✨|🌴|🏝");
    private static final java.util.regex.Pattern SAD = java.util.regex.Pattern.compile("😡|😠|🤬|😤|😢|😭|😞|😩|😫|🙄|😒|👎|💔|😑|🤦");

    /**
     * "послезавтра лечу с вами, жду не дождусь 😍✈️": the Russian model learnt from bank posts, which have few emoji, and
     * read "вами" as a complaint. Joy in emoji with no trouble and no negative word of the Russian list is no complaint.
     */
    private static Sentiment gladInRussian(String lang, String words, SocialText social, boolean trouble, Sentiment s, List<String> reasons) {
        if (!lang.equals("ru") || s.label() != Sentiment.Label.NEGATIVE || trouble || !GLAD.matcher(words).find() || SAD.matcher(words).find()
                || SentimentLexicon.score(social.tokens).negativeWords() > 0) {
            return s;
        }
        reasons.add("Read as glad: joy in emoji, no trouble and no negative word");
        return new Sentiment(Sentiment.Label.POSITIVE, round(Math.abs(s.score())), 0.6);
    }

    /** An eye-roll, an unamused or a blank face: what praise beside a trouble means. */
    private static final java.util.regex.Pattern EYE_ROLL = java.util.regex.Pattern.compile("\uD83D\uDE44|\uD83D\uDE12|\uD83D\uDE43|\uD83D\uDE11");
    private static final java.util.regex.Pattern LONG_WAIT = java.util.regex.Pattern.compile("\\b\\d+ (days?|weeks?|months?)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** A post that labels itself ironic. */
    private static final java.util.regex.Pattern SAID_SARCASTIC = java.util.regex.Pattern.compile("#(sarcasm|sarcastic|irony|not)\\b|\\b(sarcasm|/s)$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * "Great, another 3 hour delay. Thanks": praise words about a problem, read as irony, is a
     * complaint. Thanks for a problem put right ("thank you for sorting out the double charge") is
     * praise about a problem too, and meant.
     */
    private Sentiment sarcasm(String lang, String words, edu.stanford.nlp.stats.Counter<String> features, boolean trouble, Sentiment s,
                              List<String> reasons) {
        if (lang.equals("en") && s.label() == Sentiment.Label.POSITIVE && SAID_SARCASTIC.matcher(words).find()) {
            reasons.add("Read as irony: the post says so (#sarcasm)");
            return new Sentiment(Sentiment.Label.NEGATIVE, round(-Math.abs(s.score())), s.confidence());
        }
        if (!lang.equals("en") || s.label() != Sentiment.Label.POSITIVE || CareActions.RESOLVED.matcher(words).find()) {
            return s;
        }
        // "thank you for the 2 hour delay 🙄", "thanks for taking 3 weeks to install my internet 😑": an eye-roll beside
        // praise for a trouble or a wait says what the words do not.
        if (EYE_ROLL.matcher(words).find()) {
            String plainWords = words.replaceAll("\\p{So}", " ");
            if (Cues.TROUBLE.matcher(plainWords).find() || LONG_WAIT.matcher(plainWords).find()) {
                reasons.add("Read as irony: an eye-roll beside praise for a problem");
                return new Sentiment(Sentiment.Label.NEGATIVE, round(-Math.abs(s.score())), s.confidence());
            }
        }
        if (!trouble) {
            return s;
        }
        TextModel.Prediction irony = ironyEn.predict(features);
        double p = irony.probabilities().getOrDefault("irony", 0.0);
        if (p < 0.75) {
            return s;
        }
        reasons.add(String.format(Locale.ROOT, "Read as irony (%.2f): praise words about a problem", p));
        return new Sentiment(Sentiment.Label.NEGATIVE, round(-Math.abs(s.score())), round(Math.min(s.confidence(), p)));
    }

    /**
     * "lol imagine flying them, your CEO is a clown": a troll's laughing words mock the brand, they
     * are no praise, and an insult aimed at the brand is not neutral either.
     */
    private static Sentiment mockery(Sentiment s, Troll troll, List<String> reasons) {
        if (!troll.label() || !troll.offensive() || s.label() == Sentiment.Label.NEGATIVE) {
            return s;
        }
        reasons.add(s.label() == Sentiment.Label.POSITIVE ? "Read as mockery: positive words in a troll's insult"
                : "Read as hostile: a troll's insult aimed at the brand");
        return new Sentiment(Sentiment.Label.NEGATIVE, round(-Math.abs(s.score())), s.confidence());
    }

    /** A word of the profanity list, or English name-calling, is offensive on its own; the English model weighs the rest. */
    private static final double PROFANITY_SCORE = 0.6;

    /**
     * Offensive language, whoever it comes from: the English model's probability, and at least
     * {@link #PROFANITY_SCORE} where a listed swear word stands (in any language) or, in English, a
     * word of name-calling ({@link Cues#NAME_CALLING}; OLID validation 0.749 -> 0.755).
     */
    private Offensive offensive(String lang, String words, edu.stanford.nlp.stats.Counter<String> features, List<String> profanity,
                                List<String> reasons) {
        double model = lang.equals("en") ? offensiveEn.predict(features).probabilities().getOrDefault("offensive", 0.0) : 0;
        List<String> said = new ArrayList<>(profanity);
        if (lang.equals("en")) {
            said.addAll(Cues.found(Cues.NAME_CALLING, words));
        }
        Offensive o = Offensive.of(round(Math.max(model, said.isEmpty() ? 0 : PROFANITY_SCORE)));
        if (o.label()) {
            reasons.add(String.format(Locale.ROOT, "Offensive language (%.2f)%s", o.score(), said.isEmpty() ? "" : ": " + Cues.quote(said)));
        }
        return o;
    }

    private static Troll troll(String words, SocialText social, Offensive offensive, List<String> profanity, boolean problem,
                               List<String> reasons) {
        List<String> why = new ArrayList<>();
        double score = 0;
        List<String> bait = Cues.found(Cues.BAIT, words);
        if (!bait.isEmpty()) {
            score += 0.65;
            why.add("bait: " + Cues.quote(bait));
        }
        if (offensive.label() && Cues.AT_BRAND.matcher(words).find()) {
            score += 0.35 * offensive.score();
            why.add("offensive language aimed at the brand" + (profanity.isEmpty() ? "" : ": " + Cues.quote(profanity)));
        }
        if (social.shouted >= 3 && problem == false && !bait.isEmpty()) {
            score += 0.1;
            why.add("shouting");
        }
        if (problem) {
            // A named problem makes it a customer, however angry.
            score *= 0.3;
            if (!why.isEmpty()) {
                why.add("but names a real problem: " + Cues.quote(Cues.found(Cues.PROBLEM, words)));
            }
        }
        score = Math.min(1, score);
        boolean label = score >= 0.5;
        reasons.add(String.format(Locale.ROOT, "Troll %s (%.2f)%s", label ? "yes" : "no", score,
                why.isEmpty() ? "" : ": " + String.join("; ", why)));
        return new Troll(label, round(score), offensive.label(), why);
    }

    private static Intent intent(String words, boolean linked, Sentiment s, Troll troll, boolean problem, boolean question, List<String> reasons) {
        Intent.Label label;
        double confidence;
        String why;
        List<String> spam = Cues.found(Cues.SPAM, words);
        if (spam.isEmpty() && Cues.offers(words, linked)) {
            spam = Cues.found(Cues.PROMOTION, words);
        }
        List<String> thanks = Cues.found(Cues.THANKS, words);
        if (!spam.isEmpty()) {
            label = Intent.Label.SPAM;
            confidence = 0.9;
            why = "promotion: " + Cues.quote(spam);
        } else if (troll.label()) {
            label = Intent.Label.OTHER;
            confidence = troll.score();
            why = "bait, not a request";
        } else if (problem && s.label() != Sentiment.Label.POSITIVE) {
            label = Intent.Label.PROBLEM;
            confidence = s.label() == Sentiment.Label.NEGATIVE ? 0.85 : 0.7;
            why = "names a problem: " + Cues.quote(Cues.found(Cues.PROBLEM, words));
        } else if (s.label() != Sentiment.Label.NEGATIVE && !question && (!thanks.isEmpty() || s.label() == Sentiment.Label.POSITIVE && s.confidence() >= 0.6)) {
            label = Intent.Label.PRAISE;
            confidence = thanks.isEmpty() ? s.confidence() : 0.85;
            why = thanks.isEmpty() ? "positive" : "thanks: " + Cues.quote(thanks);
        } else if (question) {
            label = Intent.Label.QUESTION;
            confidence = words.contains("?") ? 0.8 : 0.6;
            why = "asks a question";
        } else if (s.label() == Sentiment.Label.NEGATIVE) {
            label = Intent.Label.COMPLAINT;
            confidence = s.confidence();
            why = "negative, no specific problem named";
        } else {
            label = Intent.Label.OTHER;
            confidence = 0.5;
            why = "no request found";
        }
        reasons.add("Intent " + label.id() + ": " + why);
        return new Intent(label, round(confidence));
    }

    private static Emotion emotion(String words, Sentiment s, SocialText social, Intent intent, List<String> reasons) {
        Emotion.Label label = Emotion.Label.NONE;
        String why = null;
        List<String> hit;
        if (!(hit = Cues.found(Cues.THANKS, words)).isEmpty() && s.label() != Sentiment.Label.NEGATIVE) {
            label = Emotion.Label.GRATITUDE;
            why = Cues.quote(hit);
        } else if (s.label() == Sentiment.Label.POSITIVE) {
            label = Emotion.Label.JOY;
            why = "positive";
        } else if (!(hit = Cues.found(Cues.PROFANITY, words)).isEmpty() || social.shouted >= 2 || social.exclamations >= 3) {
            label = s.label() == Sentiment.Label.NEGATIVE || !hit.isEmpty() ? Emotion.Label.ANGER : Emotion.Label.NONE;
            why = !hit.isEmpty() ? "profanity " + Cues.quote(hit) : social.shouted >= 2 ? "words in capitals" : "exclamation marks";
        }
        if (label == Emotion.Label.NONE && s.label() != Sentiment.Label.POSITIVE) {
            if (!(hit = Cues.found(Cues.ANXIETY, words)).isEmpty()) {
                label = Emotion.Label.ANXIETY;
                why = Cues.quote(hit);
            } else if (!(hit = Cues.found(Cues.CONFUSION, words)).isEmpty()) {
                label = Emotion.Label.CONFUSION;
                why = Cues.quote(hit);
            } else if (!(hit = Cues.found(Cues.DISAPPOINTMENT, words)).isEmpty()) {
                label = Emotion.Label.DISAPPOINTMENT;
                why = Cues.quote(hit);
            } else if (s.label() == Sentiment.Label.NEGATIVE) {
                hit = Cues.found(Cues.FRUSTRATION, words);
                label = Emotion.Label.FRUSTRATION;
                why = hit.isEmpty() ? "negative" : Cues.quote(hit);
            }
        }
        // Named words, swearing or shouting say the feeling; a feeling read from the sentiment alone is a guess.
        boolean named = why != null && (why.startsWith("\"") || why.startsWith("profanity") || why.equals("words in capitals"));
        double confidence = label == Emotion.Label.NONE ? 0.5 : named ? 0.75 : 0.55;
        if (label != Emotion.Label.NONE) {
            reasons.add("Emotion " + label.id() + ": " + why);
        }
        return new Emotion(label, confidence);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
