package org.careloop.analysis;

import edu.stanford.nlp.ling.HasWord;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The question a post asks, retold from the brand's side as an indirect question, so a reply that
 * cannot answer yet still shows what it will find out: "do you sell open tickets?" is "whether we
 * sell open tickets", "when will we see season 4 on hulu?" is "when you will see season 4 on hulu",
 * "who can I complain to about the food?" is "who you can complain to about the food".
 * The words stay the customer's; only the order turns (the helper verb after its subject) and the
 * people swap, as in {@link Retelling}. Empty when the question is not plain enough to turn.
 */
final class Asked {

    /** Helper verbs that open a yes-no question or follow a question word. */
    private static final Set<String> HELPERS = Set.of("do", "does", "did", "can", "could", "will", "would", "should", "is", "are", "am",
            "was", "were", "has", "have", "may", "might", "ca", "wo", "'s", "'re");
    private static final Set<String> MODALS = Set.of("can", "could", "will", "would", "should", "may", "might", "ca", "wo");
    private static final Set<String> QUESTION_WORDS = Set.of("what", "when", "where", "why", "how", "who", "which");
    /** Words after "how"/"what"/"which" that belong to the question word: "how long", "what time", "which gate". */
    private static final Set<String> QUESTION_TAILS = Set.of("long", "much", "many", "soon", "often", "far", "early", "late", "time", "day", "kind");
    /** A greeting or a lead-in before the question: "Hi, quick question: can I...". */
    private static final Pattern LEAD_IN = Pattern.compile("(?i)hi|hey|hello|hiya|aye|yo|so|ok|okay|but|and|also|just|quick|question|q|please|pls|um|handle|"
            + "guys|team|folks|all|everyone|again|sorry|excuse|me|serious|honest|real|one|more|thing|btw|,|:|-|\\.{2,}|…");
    /** "can you tell me why...", "do you know if...": the question inside is already indirect. */
    private static final Pattern EMBEDDING = Pattern.compile("(?i)^(?:(?:can|could|would) (?:you|someone|anyone) (?:please )?(?:tell|let) (?:me|us) (?:know )?"
            + "|(?:do|does) (?:you|anyone|someone) know |any idea (?:on |of |about |as to )?)((?:why|when|where|how|what|who|which|whether|if)\\b.*)$");
    /** "do you think I'll be flying out again?": the customer's own guess asked about, "whether you'll be flying out again". */
    private static final Pattern OPINION = Pattern.compile("(?i)^(?:do|does) (?:you|anyone) (?:think|reckon|believe|expect) (?:that )?(.+)$");
    /** Questions that ask nothing to find out: "are you kidding?", "is this a joke?", "what are you talking about?". */
    private static final Pattern RHETORICAL = Pattern.compile("(?i)(what are (you|u) (even )?(talking about|doing|thinking)$|are (you|u) (kidding|serious|joking|ready|for real|even|actually|really)"
            + "|(is|was) (this|that|it) (a joke|a trick|real|serious|really|necessary|normal|acceptable|ok|okay|fair|legal|right)(?! (to|if|for)\\b)"
            + "|what were (you|u) thinking|when will (you|u) (ever )?learn|who thought|.* any (worse|better|slower|longer)|how (are|is|do|does|can|could) (you|u)\\b"
            + "|what(?:'s| is) (the point|wrong with)|how (hard|difficult) (is|can)|who does that|how dare|do (you|u) (even|actually|really|ever)"
            + "|what the|why (me|not|bother)|what (was|is|'s) the point|how (do|can) (i|we) (carry|go) on|what(?: is|'s) the real reason|(may|can|could) (i|we) (know|ask)|how (is|was) that|what do (you|u) think$|(can|could) (you|u) confirm)\\b.*");
    /** Text-speak, swearing and chatter a reply never says back. */
    private static final Pattern UNSAYABLE = Pattern.compile("(?i)\\b(u|ur|r|y|pls|plz|thx|lol|lmao|omg|wtf|smh|tho|wanna|gonna|gunna|gon|ya|da|" + Details.SWEAR_WORDS + ")\\b");
    /** What closes a question and is no part of it: "thanks in advance", "please", "lol". */
    private static final Pattern TRAILER = Pattern.compile("(?i)(?:\\s*,)?\\s+(?:thanks?(?: you)?(?: in advance)?|please|asap|if so|guys|though)\\s*$");
    /** A number, a handle, a link or a code in the customer's words ("is my booking QXJZTR confirmed?") is never said in public. */
    private static final Pattern PRIVATE = Pattern.compile("\\d{3,}|@|https?:|\\b[A-Z0-9]{5,8}\\b|\\b(?=[A-Za-z]*\\d)(?=\\d*[A-Za-z])[A-Za-z0-9]{5,}\\b"
            + "|(?i)\\b(?:ref|reference|locator|pnr|confirmation (?:code|number)|booking (?:code|number))\\b");
    private static final Set<String> CLAUSE_BREAK = Set.of("so", "but", ",", ";", ":", "-", "then", "now", "and");
    /** An indirect question longer than this stops reading as one and becomes a quote. */
    private static final int MAX_WORDS = 16;

    private final Supplier<MaxentTagger> tagger;

    Asked(Supplier<MaxentTagger> tagger) {
        this.tagger = tagger;
    }

    /** The first plain question of the post, turned; {@code plain} is the post with handles and links gone. */
    Optional<String> find(String plain) {
        for (List<HasWord> sentence : MaxentTagger.tokenizeText(new StringReader(plain))) {
            List<TaggedWord> w = tagger.get().tagSentence(sentence);
            int mark = -1;
            for (int k = 0; k < w.size(); k++) {
                if (w.get(k).word().matches("[?!]*\\?[?!]*")) {
                    mark = k;
                    break;
                }
            }
            // "is it possible to cancel a pre order": a question without its mark, only where the sentence opens as one.
            boolean marked = mark >= 0;
            if (!marked) {
                mark = w.size();
                while (mark > 0 && w.get(mark - 1).tag().equals(".")) {
                    mark--;
                }
            }
            // "my iPhone is up to date so why does my phone keep freezing?": the question may start after a conjunction.
            for (int start = 0; start < mark; start++) {
                if (start > 0 && (!marked || !CLAUSE_BREAK.contains(w.get(start - 1).word().toLowerCase(Locale.ROOT)))) {
                    continue;
                }
                Optional<String> turned = turn(w.subList(start, mark), marked).map(Asked::tidy).filter(Asked::sayable);
                if (turned.isPresent()) {
                    return turned;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> turn(List<TaggedWord> tagged, boolean marked) {
        // A capital inside the question is the customer's name for a thing ("Darksiders 2 for Xbox One"): kept as written.
        List<TaggedWord> sentence = new ArrayList<>();
        for (int k = 0; k < tagged.size(); k++) {
            TaggedWord t = tagged.get(k);
            boolean named = k > 0 && t.word().length() > 1 && Character.isUpperCase(t.word().charAt(0))
                    && !t.word().equals(t.word().toUpperCase(Locale.ROOT)) && !t.word().equals("I");
            sentence.add(named && t.tag().matches("NNS?|JJ|CD") ? new TaggedWord(t.word(), "NNP") : t);
        }
        int q = 0;
        // "Hi there, will the store...": "there" after a greeting is part of it; "there is no snow in Miami" is no question.
        // An emoji or a mark before it ("👋 can I bring a bike?") is no word of the question either.
        while (q < sentence.size() && (LEAD_IN.matcher(sentence.get(q).word()).matches()
                || sentence.get(q).word().codePoints().noneMatch(Character::isLetterOrDigit)
                || q > 0 && sentence.get(q).word().equalsIgnoreCase("there") && sentence.get(q - 1).word().matches("(?i)hi|hey|hello"))) {
            q++;
        }
        List<TaggedWord> w = new ArrayList<>(sentence.subList(q, sentence.size()));
        // "do you guys have wifi?", "you people": "you" is the brand, the word after it only calls it.
        for (int k = w.size() - 2; k >= 0; k--) {
            if (w.get(k).word().matches("(?i)you|u") && w.get(k + 1).word().matches("(?i)guys|all|folks|lot|people|y'all")) {
                w.remove(k + 1);
            }
        }
        if (w.size() < 3) {
            return Optional.empty();
        }
        String joined = String.join(" ", w.stream().map(TaggedWord::word).toList());
        long capitals = joined.chars().filter(Character::isUpperCase).count();
        long letters = joined.chars().filter(Character::isLetter).count();
        // SHOUTING is no name a reply can keep or lower safely ("do you fly to LONDON?" would come out "london").
        if (RHETORICAL.matcher(joined).matches() || UNSAYABLE.matcher(joined).find() || PRIVATE.matcher(joined).find()
                || capitals * 2 > letters || java.util.Arrays.stream(joined.split(" ")).skip(1).anyMatch(t -> t.length() > 2 && t.matches("[A-Z]+")
                && !t.matches("[A-Z]{3}"))) {
            return Optional.empty();
        }
        java.util.regex.Matcher opinion = OPINION.matcher(joined);
        if (opinion.matches()) {
            List<TaggedWord> inner = w.subList(w.size() - opinion.group(1).split(" ").length, w.size());
            // "do you think it will be cancelled?", "…you could call me back?", "…that is fair?": the inner clause's subject is
            // an "it" said elsewhere, the brand asked to act, or was lost.
            if (!plainSubject(inner, 0)) {
                return Optional.empty();
            }
            return Optional.ofNullable(Retelling.retell(inner, 0, inner.size() - 1, verbIn(inner), "")).map(r -> "whether " + r);
        }
        java.util.regex.Matcher embedded = EMBEDDING.matcher(joined);
        if (embedded.matches()) {
            // Already indirect: only the people swap, under the same guards as a question turned here.
            List<TaggedWord> inner = w.subList(w.size() - embedded.group(1).split(" ").length, w.size());
            if (inner.size() < 2 || !plainSubject(inner, 1) || inner.get(0).word().equalsIgnoreCase("why")
                    && inner.get(1).word().matches("(?i)you|u|your|ur|y'all|yall")) {
                return Optional.empty();
            }
            return Optional.ofNullable(Retelling.retell(inner, 0, inner.size() - 1, verbIn(inner), ""));
        }
        // "How can I report i this?": a stray "i" mid-question is a typo a retelling would make worse.
        for (int k = 2; k < w.size(); k++) {
            if (w.get(k).word().equals("i") && (k + 1 >= w.size() || !w.get(k + 1).tag().matches("VB.*|MD|RB"))) {
                return Optional.empty();
            }
        }
        String first = w.get(0).word().toLowerCase(Locale.ROOT);
        // "@brand's surge pricing is ridiculous": a clitic opening the sentence belongs to the handle before it.
        if (first.startsWith("'")) {
            return Optional.empty();
        }
        // Without a question mark only a plain opening counts: "how do you lose luggage!!!" is anger, "what's a little delay" a shrug.
        if (!marked && (w.get(1).word().startsWith("'") || first.matches("was|were|has|have|did|who")
                || first.matches("how|why") && w.stream().limit(4).anyMatch(t -> t.word().matches("(?i)you|u")))) {
            return Optional.empty();
        }
        if (HELPERS.contains(first)) {
            return reorder(w, 0, "whether");
        }
        if (!QUESTION_WORDS.contains(first)) {
            return Optional.empty();
        }
        int aux = 1;
        // "how long", "what time", "which gate", "how many bags": the question word's own words.
        if (aux < w.size() && (QUESTION_TAILS.contains(w.get(aux).word().toLowerCase(Locale.ROOT))
                || first.matches("what|which|how") && w.get(aux).tag().startsWith("NN"))) {
            aux++;
            while (aux < w.size() && w.get(aux).tag().startsWith("NN")) {
                aux++;
            }
        }
        if (aux >= w.size()) {
            return Optional.empty();
        }
        String helper = w.get(aux).word().toLowerCase(Locale.ROOT);
        if (first.equals("how") && aux == 1 && helper.matches("do|can|could|should") && aux + 1 < w.size()
                && w.get(aux + 1).word().matches("(?i)i|we|one")) {
            // "how do I change my seat?" is a how-to: "how to change your seat".
            List<TaggedWord> rest = w.subList(aux + 2, w.size());
            // "how do I get through to anyone?": a plea for a person, not a how-to.
            return rest.isEmpty() || (rest.get(0).word().matches("(?i)reach|talk|speak|contact|call")
                    || rest.size() > 1 && rest.get(0).word().equalsIgnoreCase("get") && rest.get(1).word().matches("(?i)through|hold|a|someone|anyone|somebody|anybody|help|in|me|us")) ? Optional.empty()
                    : Optional.ofNullable(Retelling.retell(rest, 0, rest.size() - 1, 0, "")).map(r -> "how to " + r);
        }
        if (!HELPERS.contains(helper) || aux + 1 >= w.size() || w.get(aux + 1).tag().startsWith("VB") && !helper.matches("is|are|was|were")) {
            // "what happened to my bag", "who handles refunds": the question word is the subject, nothing turns; without a
            // question mark such a sentence is a statement ("What happened to my bag is a mystery").
            return marked && w.get(aux).tag().matches("VBD|VBZ") && !HELPERS.contains(helper)
                    ? Optional.ofNullable(Retelling.retell(w, 0, w.size() - 1, aux, "")) : Optional.empty();
        }
        String lead = String.join(" ", w.subList(0, aux).stream().map(t -> t.word().toLowerCase(Locale.ROOT)).toList());
        return reorder(w, aux, lead);
    }

    /** The helper verb at {@code aux} moved after its subject, the question word(s) before it kept as {@code lead}. */
    private static Optional<String> reorder(List<TaggedWord> w, int aux, String lead) {
        String helper = w.get(aux).word().toLowerCase(Locale.ROOT);
        TaggedWord moved = switch (helper) {
            case "'s" -> new TaggedWord("is", "VBZ");
            case "'re" -> new TaggedWord("are", "VBP");
            default -> new TaggedWord(helper, w.get(aux).tag().startsWith("NN") ? "VBD" : w.get(aux).tag());
        };
        helper = moved.word().toLowerCase(Locale.ROOT);
        int k = aux + 1;
        boolean negated = k < w.size() && w.get(k).word().matches("(?i)n't|not");
        if (negated) {
            k++;
        }
        int subjectStart = k;
        int subjectEnd = subjectEnd(w, k);
        if (!helper.matches("do|does|did") && subjectEnd >= subjectStart && subjectEnd + 2 < w.size()
                && w.get(subjectEnd + 1).tag().equals("IN")) {
            // "are all the trains at Lancaster stopped?": a place named after the thing belongs to it, up to the verb.
            int j = subjectEnd + 2;
            while (j < w.size() && j <= subjectEnd + 5 && w.get(j).tag().matches("NN.*|DT|CD|PRP\\$")) {
                j++;
            }
            // Only a phrase that ends in its noun, with the predicate last or next to last ("how are the seats on the new
            // planes?" keeps its own order, or "the seats on the are new planes" would come out).
            if (j > subjectEnd + 2 && j < w.size() && w.get(j - 1).tag().matches("NN.*|CD") && j >= w.size() - 2
                    && w.get(j).tag().matches(MODALS.contains(helper) ? "VB" : "VBN|VBD|VBG|JJ")) {
                subjectEnd = j - 1;
            }
        }
        if (helper.matches("do|does|did") && subjectEnd > subjectStart) {
            // "does the lounge in Denver serve breakfast?": a noun subject runs over its place to the verb; "does my boarding
            // pass keep failing?": of two verbs side by side the first was a noun. A pronoun subject is one word.
            for (int j = k + 1; j < w.size(); j++) {
                String t = w.get(j).tag();
                if (t.matches("VB|VBP") && !(j + 1 < w.size() && w.get(j + 1).tag().matches("VB|VBP"))) {
                    subjectEnd = j - 1;
                    break;
                }
                if (!t.matches("NN.*|IN|DT|CD|JJ|POS|PRP\\$|VB|VBP")) {
                    break;
                }
            }
        }
        if (subjectEnd < subjectStart) {
            return Optional.empty();
        }
        List<TaggedWord> rest = w.subList(subjectEnd + 1, w.size());
        // "what's the reason all trains are stopped?": a clause of its own follows, and "what the reason is all trains..." garbles it.
        if (helper.matches("is|are|was|were") && !rest.isEmpty() && rest.get(0).tag().matches("DT|PRP|PRP\\$|NN.*|CD|EX")
                && !w.get(subjectStart).word().equalsIgnoreCase("there")) {
            return Optional.empty();
        }
        if (rest.isEmpty() && !helper.matches("is|are|was|were")) {
            return Optional.empty();
        }
        // "will it be cancelled?", "is this normal?": whether of an "it" said elsewhere names nothing ("when will it be fixed?"
        // still names the when); "how do you NOT check it?" is anger.
        String who = w.get(subjectStart).word().toLowerCase(Locale.ROOT);
        // ("is it possible to cancel?" asks of the doing, not of an "it".)
        boolean expletive = who.equals("it") && !rest.isEmpty() && rest.get(0).word().matches("(?i)possible|ok|okay|alright|safe|allowed|worth|too|normal")
                && rest.size() > 1 && rest.get(1).word().matches("(?i)to|if|for|late");
        if (subjectEnd == subjectStart && (lead.equals("whether") && who.matches("it|this|that|they|he|she") && !expletive || who.matches("this|that"))
                || !rest.isEmpty() && rest.get(0).word().matches("(?i)not|n't")) {
            return Optional.empty();
        }
        // "is this SOP?", "has a good time in...": a be-question about nothing, a "has" with no participle, a second question
        // tacked on ("or do you have to wait?"), or "anyone" as a subject: not plain enough to turn.
        if (lead.equals("whether") && rest.isEmpty() && helper.matches("is|are|was|were")
                || helper.matches("has|have") && !rest.get(0).tag().matches("VBN|RB")
                || who.matches("anyone|anybody|someone|somebody|everyone|anything|something")
                || String.join(" ", rest.stream().map(t -> t.word().toLowerCase(Locale.ROOT)).toList())
                        .matches(".*\\bor (do|does|can|will|would|should|is|are|did) (you|i|we|it|they)\\b.*")) {
            return Optional.empty();
        }
        // "can you help?", "could someone call me?" ask us to act: a request, nothing to find out.
        // "don't sports have channels of their own?" and "can I speak to a human?" are complaints in a question's form.
        // "why don't your emails have a link?", "why is your site down?": asked why of us, the turned question concedes what
        // the customer says before we know; "could one still get it?" is the customer's own odd "one".
        if (lead.equals("why") && who.matches("you|u|your|ur|y'all|yall") || who.equals("one")) {
            return Optional.empty();
        }
        if (lead.equals("whether") && (helper.matches("can|could|would|ca") && who.matches("you|u|someone|somebody|anyone|anybody|y'all|yall|ya")
                || helper.matches("will|wo") && who.matches("you|u") && rest.stream().anyMatch(t -> t.word().matches("(?i)me|us"))
                || negated || !rest.isEmpty() && rest.get(0).word().matches("(?i)speak|talk"))) {
            return Optional.empty();
        }
        boolean doSupport = helper.matches("do|does|did");
        // "can I do double meat" has its verb next; "will the platform available" lost it: the customer's grammar, not ours to repeat.
        if ((MODALS.contains(helper) || doSupport) && !firstVerb(rest)) {
            return Optional.empty();
        }
        // "when did you change it": turned, its verb would need its past; not guessed.
        if (helper.equals("did") && !negated) {
            return Optional.empty();
        }
        List<TaggedWord> subject = w.subList(subjectStart, subjectEnd + 1);
        List<TaggedWord> out = new ArrayList<>(subject);
        int verb = out.size();
        boolean copulaLast = !lead.equals("whether") && helper.matches("is|are|was|were") && !negated && !rest.isEmpty()
                && rest.get(0).tag().matches("IN|TO");
        if (copulaLast) {
            // "what is the status of my refund?" is "what the status of your refund is", not "what the status is of your refund".
            out.addAll(rest);
            verb = out.size();
            out.add(moved);
        } else if (!doSupport || negated) {
            out.add(moved);
            if (negated) {
                out.add(w.get(aux + 1));
            }
            out.addAll(rest);
        } else {
            // "does the lounge in Denver serve breakfast?" is "whether the lounge in Denver serves breakfast": the helper's person
            // goes to the verb.
            List<TaggedWord> verbs = new ArrayList<>(rest);
            int v = 0;
            while (v < verbs.size() && verbs.get(v).tag().startsWith("RB")) {
                v++;
            }
            verb = out.size() + v;
            String base = verbs.get(v).word().toLowerCase(Locale.ROOT);
            // The tagger read the verb after "do you" as a bare form; said after its subject it is a present one ("we sell").
            verbs.set(v, helper.equals("does") ? new TaggedWord(base.equals("have") ? "has" : thirdPerson(base), "VBZ")
                    : new TaggedWord(verbs.get(v).word(), "VBP"));
            out.addAll(verbs);
        }
        String retold = Retelling.retell(out, 0, out.size() - 1, Math.min(verb, out.size() - 1), "");
        // "are there vegan meals?": "there" agrees with what follows it, as the customer had it.
        if (retold != null && who.equals("there")) {
            retold = retold.replaceFirst("^there (is|was)\\b", "there " + helper);
        }
        // A name or a kind of thing needs no article: "Joanna Geraghty", "whether kids can fly alone", not "the kids".
        if (retold != null && !subject.get(0).tag().matches("DT|PRP\\$|PDT") && retold.toLowerCase(Locale.ROOT)
                .startsWith("the " + subject.get(0).word().toLowerCase(Locale.ROOT))) {
            retold = retold.substring(4);
        }
        return Optional.ofNullable(retold).map(r -> lead + " " + r);
    }

    /** The last index of the subject that starts at k: a pronoun, "there", or a noun phrase; k - 1 if none. */
    private static int subjectEnd(List<TaggedWord> w, int k) {
        if (k >= w.size()) {
            return k - 1;
        }
        String tag = w.get(k).tag();
        if (tag.equals("PRP") || tag.equals("EX") || w.get(k).word().equalsIgnoreCase("there")) {
            return k;
        }
        int end = k - 1;
        boolean noun = false;
        for (int j = k; j < w.size(); j++) {
            String t = w.get(j).tag();
            if (t.startsWith("NN") || t.equals("CD")) {
                noun = true;
                end = j;
            } else if (t.equals("VBG") && !noun && j + 1 < w.size() && w.get(j + 1).tag().startsWith("NN")) {
                // "are billing cycles monthly?": a gerund before a noun names the kind of thing.
                continue;
            } else if ((t.equals("DT") || t.equals("PRP$")) && j > k && !noun && !w.get(j - 1).word().matches("(?i)all|both|half")) {
                // "is this a trick": "this" stood alone, a new phrase starts.
                return k;
            } else if (t.equals("DT") || t.equals("PDT") || t.equals("PRP$") || t.startsWith("JJ") || t.equals("POS") || t.equals("HYPH")
                    || (t.equals("CC") || t.equals(",")) && noun) {
                if (noun && (t.startsWith("JJ") || t.equals("DT"))) {
                    // "is the app down": a word after the noun says something of it.
                    break;
                }
                continue;
            } else {
                break;
            }
        }
        return noun ? end : k - 1;
    }

    /** Whether the clause's subject at {@code k} is one a reply can name: not an "it" said elsewhere, not us asked to act, not lost. */
    private static boolean plainSubject(List<TaggedWord> clause, int k) {
        if (k >= clause.size()) {
            return false;
        }
        String who = clause.get(k).word().toLowerCase(Locale.ROOT);
        return !clause.get(k).tag().startsWith("VB") && !clause.get(k).tag().equals("MD")
                && !who.matches("it|this|that|they|anyone|anybody|someone|somebody|everyone")
                && !(who.matches("you|u") && k + 1 < clause.size() && clause.get(k + 1).word().matches("(?i)could|would|can|ca|will|wo"))
                // "do you know what you are doing?": the brand's own doing asked back at it.
                && !(who.matches("you|u") && clause.stream().anyMatch(t -> t.word().matches("(?i)doing|thinking")));
    }

    private static boolean firstVerb(List<TaggedWord> rest) {
        int v = 0;
        while (v < rest.size() && rest.get(v).tag().startsWith("RB")) {
            v++;
        }
        return v < rest.size() && rest.get(v).tag().matches("VB|VBP");
    }

    private static int verbIn(List<TaggedWord> w) {
        for (int k = 0; k < w.size(); k++) {
            if (w.get(k).tag().startsWith("VB") || w.get(k).tag().equals("MD")) {
                return k;
            }
        }
        return w.size() - 1;
    }

    private static String thirdPerson(String base) {
        if (base.matches(".*(s|sh|ch|x|z|o)")) {
            return base + "es";
        }
        if (base.matches(".*[^aeiou]y")) {
            return base.substring(0, base.length() - 1) + "ies";
        }
        return base + "s";
    }

    private static String tidy(String turned) {
        String t = turned.replace(" ,", ",").replace(" 's", "'s").replace("$ ", "$").replaceAll("\\s+", " ").strip();
        String before;
        do {
            before = t;
            t = TRAILER.matcher(t).replaceAll("");
        } while (!t.equals(before));
        return t.replaceAll("[,;:\\-\\s]+$", "");
    }

    private static boolean sayable(String turned) {
        String[] words = turned.split(" ");
        // Symbols and emoji ("f&&%$cking", "24//", "I\uFE0F") are no words a reply repeats.
        return words.length >= 3 && words.length <= MAX_WORDS && !turned.matches("(?s).*\\b(a|an|the|to|of|for)\\.?$") && !turned.matches("(?s).*[^\\p{L}\\p{N}\\s,.'$\u2019-].*")
                // The brand's own mind ("what we have in mind", "whether we have pre-ordered ours") is no question to look into;
                // nor a question about "it" or "this" alone ("how to go about it").
                && !turned.matches("(?s).*\\b(we (think|mean|have in mind|want)|ours|yours)\\b.*")
                && !turned.matches("(?s).* (it|this|that|about it|this out|it out)$") && !turned.matches("(?s)^\\w+ (this|that) .*") && !turned.matches("(?s).*(?<!['\u2019])\\b(?!a\\b)[b-z]\\b.*") && !UNSAYABLE.matcher(turned).find() && !PRIVATE.matcher(turned).find()
                && !turned.matches("(?s).*[\"\u201c\u201d()\\[\\]{}!?].*") && !turned.matches("(?i).*\\b(handle|i|me|my)\\b.*");
    }
}
