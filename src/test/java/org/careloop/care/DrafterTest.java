package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.CareAction;
import org.careloop.analysis.Emotion;
import org.careloop.analysis.Intent;
import org.careloop.analysis.Sentiment;
import org.careloop.analysis.Troll;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.rules.RuleBook;
import org.junit.jupiter.api.Test;

class DrafterTest {

    static final RuleBook DEMO = RuleBook.load(Path.of("rules"));
    final Drafter drafter = new Drafter(() -> DEMO, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "^JS", "within the hour"));
    final Instant posted = Instant.parse("2026-11-22T10:00:00Z");

    Mention post(String id, String name, String handle, String text) {
        return new Mention(Platform.X, "brand", id, new Author("9", handle, name), text, "en", posted, id, null, null, false, false);
    }

    static Analysis analysis(String lang, Emotion.Label emotion, double emotionConfidence) {
        return new Analysis(lang, new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), new Emotion(emotion, emotionConfidence),
                new Troll(false, 0, false, List.of()), new Intent(Intent.Label.PROBLEM, 0.8), List.of());
    }

    static Decision reply(String... templates) {
        return new Decision("r", Decision.Action.REPLY, List.of(templates), "why", Decision.Priority.HIGH, false, false, true, null);
    }

    @Test
    void rendersVariablesAndATenMinuteDeadline() {
        Draft d = drafter.draft(post("1", "Jana Kowalski", "jana_k", "my bag is lost"), analysis("en", Emotion.Label.NONE, 0),
                reply("ticket"), posted.plusSeconds(30), List.of());
        // The problem restated as the agent would say it, from the brand's side.
        assertThat(d.text()).matches("(Jana, I'm sorry your bag is lost|Jana, I'm really sorry to hear your bag is lost)\\. .*").endsWith("^JS");
        assertThat(d.text()).as("the reference is missing: the ticket reply asks for it").contains("booking reference");
        assertThat(d.work().parts()).as("what the reply was built from, for the reports")
                .containsExactly("opening-sorry", "ticket", "needs-bag", "detail");
        assertThat(d.deadline()).isEqualTo(posted.plus(Duration.ofMinutes(10)));
        assertThat(d.createdAt()).isEqualTo(posted.plusSeconds(30));
        assertThat(d.status()).isEqualTo(DraftStatus.PENDING);
        assertThat(d.work().priority()).isEqualTo(Decision.Priority.HIGH);
        assertThat(d.work().originalText()).isEqualTo(d.text());
        assertThat(d.text()).doesNotContain("{{").doesNotContain("  ");
    }

    @Test
    void theOpeningNamesTheFeelingFirstWhenTheAnalysisIsSure() {
        Mention m = post("1", "Jana Kowalski", "jana_k", "lost my bag AGAIN");
        assertThat(drafter.draft(m, analysis("en", Emotion.Label.ANGER, 0.8), reply("ticket"), posted, List.of()).text())
                .matches("Jana, I'm sorry your bag was lost again(\\. You're right to be upset|, and I understand why you're angry).*");
        // Worry is named only when the customer says they are worried; urgency or anger alone is not worry.
        Mention worried = post("1", "Jana Kowalski", "jana_k", "lost my bag AGAIN, I'm so worried, my medication is in it");
        assertThat(drafter.draft(worried, analysis("en", Emotion.Label.ANXIETY, 0.8), reply("ticket"), posted, List.of()).text())
                .matches("Jana, I'm sorry your bag was lost again(; I know how worrying that is|, and we're here to help).*");
        assertThat(drafter.draft(m, analysis("en", Emotion.Label.ANXIETY, 0.8), reply("ticket"), posted, List.of()).text())
                .startsWith("Jana, I'm sorry your bag was lost again").doesNotContain("worrying");
        // Not sure enough: no guess at the feeling; a problem still opens with "sorry".
        assertThat(drafter.draft(m, analysis("en", Emotion.Label.ANGER, 0.2), reply("ticket"), posted, List.of()).text())
                .matches("(Jana, I'm sorry|Jana, I'm really sorry to hear) your bag was lost again\\. .*");
    }

    @Test
    void anApologyOffersTheOneNextStepItsTopicAllows() {
        Analysis complaint = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), new Emotion(Emotion.Label.NONE, 0),
                new Troll(false, 0, false, List.of()), new Intent(Intent.Label.COMPLAINT, 0.8), List.of());
        Draft wifi = drafter.draft(post("1", "Jana Kowalski", "jana_k", "the wifi on my flight home never worked"), complaint, reply("apology"), posted, List.of());
        assertThat(wifi.text()).contains("If you paid for wifi that didn't work, DM us your booking reference");
        assertThat(wifi.work().parts()).contains("amends-wifi");
        // The reference already given is not asked for again.
        Draft given = drafter.draft(post("2", "Jana Kowalski", "jana_k", "the wifi on flight 221, booking ABC123, never worked"), complaint,
                reply("apology"), posted, List.of());
        assertThat(given.text()).contains("If you paid for wifi that didn't work, DM us and").doesNotContain("booking reference");
        // No topic, no made-up next step: the general offer stays.
        Draft plain = drafter.draft(post("3", "Jana Kowalski", "jana_k", "not impressed with today at all, really not"), complaint, reply("apology"), posted, List.of());
        assertThat(plain.work().parts()).noneMatch(p -> p.startsWith("amends-"));
    }

    /** The topic's sharper phrase names the trouble ("how you were treated"), not a thing the post mentions ("the ride"); the time lost stays first. */
    @Test
    void anApologyNamesTheTroubleNotJustTheThing() {
        Analysis complaint = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), new Emotion(Emotion.Label.NONE, 0),
                new Troll(false, 0, false, List.of()), new Intent(Intent.Label.COMPLAINT, 0.8), List.of());
        assertThat(drafter.draft(post("1", "Jana Kowalski", "jana_k", "had to go pick up and pay 40 cab ride very rude employee poor customer service"),
                complaint, reply("apology"), posted, List.of()).text()).contains("how you were treated").doesNotContain("the ride");
        assertThat(drafter.draft(post("2", "Jana Kowalski", "jana_k", "I've been calling you for 3 straight days and no one picks up"),
                complaint, reply("apology"), posted, List.of()).text()).contains("your calls going unanswered");
        assertThat(drafter.draft(post("3", "Jana Kowalski", "jana_k", "2 hours on hold and then your system hung up on me"),
                complaint, reply("apology"), posted, List.of()).text()).contains("2 hours on hold").doesNotContain("cut off");
        // A bare flight number names no trouble: the topic does, and the number given is not asked for again.
        assertThat(drafter.draft(post("4", "Jana Kowalski", "jana_k", "flight 441 had 1 working WC in coach. Disgusting."),
                complaint, reply("apology"), posted, List.of()).text()).contains("the lavatories on board").doesNotContain("flight number");
        assertThat(drafter.draft(post("5", "Jana Kowalski", "jana_k", "flight 1380 delayed and nobody at the gate will say why"),
                complaint, reply("apology"), posted, List.of()).text()).contains("the delay on flight 1380");
        // A thing of another topic is a side remark: the cancellation is the trouble, not the fee; miles owed stay named.
        assertThat(drafter.draft(post("6", "Jana Kowalski", "jana_k", "you cancelled my flight across the country and offer no check fee or upgrade love? Sad face :("),
                complaint, reply("apology"), posted, List.of()).text()).contains("your cancelled flight").doesNotContain("fee");
        assertThat(drafter.draft(post("7", "Jana Kowalski", "jana_k", "thx for nothing on getting us back to US. Broken plane? Come on. Get another one."),
                complaint, reply("apology"), posted, List.of()).text()).contains("the mechanical trouble with your plane");
        assertThat(drafter.draft(post("8", "Jana Kowalski", "jana_k", "will be stuck in PHX overnight. Service is getting worse."),
                complaint, reply("apology"), posted, List.of()).text()).contains("being stuck in PHX overnight");
        assertThat(drafter.draft(post("9", "Jana Kowalski", "jana_k", "We have never got to sit next to each other on any of your flights, not even on our honeymoon"),
                complaint, reply("apology"), posted, List.of()).text()).contains("not being seated together");
    }

    @Test
    void anUpsetCustomersQuestionIsNeverAGoodQuestion() {
        Analysis upset = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.9, 0.9), new Emotion(Emotion.Label.NONE, 0),
                new Troll(false, 0, false, List.of()), new Intent(Intent.Label.QUESTION, 0.8), List.of());
        Analysis calm = new Analysis("en", new Sentiment(Sentiment.Label.NEUTRAL, 0, 0.8), new Emotion(Emotion.Label.NONE, 0),
                new Troll(false, 0, false, List.of()), new Intent(Intent.Label.QUESTION, 0.8), List.of());
        for (String id : List.of("1", "2", "3", "4")) {
            Mention m = post(id, "Jana Kowalski", "jana_k", "why were all the flights cancelled today? no snow at all");
            assertThat(drafter.draft(m, upset, reply("answer-pending"), posted, List.of()).text()).doesNotContainIgnoringCase("good question")
                    .doesNotContain("thanks for asking").contains("sorry");
        }
        assertThat(drafter.draft(post("5", "Jana Kowalski", "jana_k", "when does check-in open?"), calm, reply("answer-pending"), posted, List.of()).text())
                .doesNotContain("sorry");
        // A question about their own trip is checked on their booking, in private: no promise of a public answer.
        for (String id : List.of("10", "11")) {
            assertThat(drafter.draft(post(id, "Jana Kowalski", "jana_k", "Can you give me info on Flt 681 out of BDL?"), calm, reply("answer-pending"), posted,
                    List.of()).text()).contains("booking reference").doesNotContain("right here").doesNotContain("reply here");
        }
        // A post that asks nothing is no question at all.
        for (String id : List.of("6", "7", "8", "9")) {
            assertThat(drafter.draft(post(id, "Jana Kowalski", "jana_k", "at the gate! IAD to RDU"), calm, reply("answer-pending"), posted, List.of()).text())
                    .doesNotContainIgnoringCase("question").doesNotContain("asking");
        }
    }

    @Test
    void aHoldingLineNamesTheQuestionItWillFindOut() {
        Analysis calm = new Analysis("en", new Sentiment(Sentiment.Label.NEUTRAL, 0, 0.8), new Emotion(Emotion.Label.NONE, 0),
                new Troll(false, 0, false, List.of()), new Intent(Intent.Label.QUESTION, 0.8), List.of());
        for (String id : List.of("1", "2", "3", "4")) {
            assertThat(drafter.draft(post(id, "Jana Kowalski", "jana_k", "do you sell open tickets? My mum is ill"), calm, reply("answer-pending"),
                    posted, List.of()).text()).contains("whether we sell open tickets").doesNotContain("the details");
        }
        // Days gone by on it: sorry for the wait, not "good question".
        for (String id : List.of("6", "7", "8", "9")) {
            assertThat(drafter.draft(post(id, "Jana Kowalski", "jana_k", "how long does account recovery take? It's been about a week now."), calm,
                    reply("answer-pending"), posted, List.of()).text()).containsIgnoringCase("wait").doesNotContainIgnoringCase("good question");
        }
        // A crying face: sorry, not "good question", whatever the words' calm.
        for (String id : List.of("10", "11", "12", "13")) {
            assertThat(drafter.draft(post(id, "Jana Kowalski", "jana_k", "I go to watch the show and episodes 7 & 8 aren't there??? 😭"), calm,
                    reply("answer-pending"), posted, List.of()).text()).containsIgnoringCase("sorry").doesNotContainIgnoringCase("good question")
                    .doesNotContainIgnoringCase("thanks for asking");
        }
        // A request to act is no question to find out: the holding line stays as it was.
        assertThat(drafter.draft(post("5", "Jana Kowalski", "jana_k", "my refund never came. Can you help?"), calm, reply("answer-pending"),
                posted, List.of()).text()).doesNotContain("whether");
    }

    static final List<String> LANGUAGES = List.of("en", "ru", "fa", "ar", "es", "fr", "de");

    @Test
    void answersInThePostsLanguageAndNeverInEnglishWhenItHasNoTemplates() {
        Mention ru = post("1", "Дмитрий Соколов", "dmitry", "где мой багаж");
        String text = drafter.draft(ru, analysis("ru", Emotion.Label.NONE, 0), reply("ticket"), posted, List.of()).text();
        assertThat(text).contains("Дмитрий").containsPattern("\\p{IsCyrillic}{4}").doesNotContain("booking").doesNotContain("Please");
        Mention fa = post("2", "", "sara", "بار مجاز چقدر است");
        Decision answer = new Decision("answer", Decision.Action.REPLY, List.of(RuleBook.ANSWER), "k", Decision.Priority.NORMAL, false, false,
                true, "checked-bags");
        Draft persian = drafter.draft(fa, analysis("fa", Emotion.Label.NONE, 0), answer, posted, List.of());
        assertThat(persian.text()).contains("@sara").contains(DEMO.knowledge().entry("checked-bags").orElseThrow().answer("fa").orElseThrow());
        assertThat(persian.templateId()).isEqualTo("answer/checked-bags");
        // Japanese has no templates: no text at all, and a person writes it.
        Mention ja = post("3", "Yuki", "yuki", "荷物が届きません");
        Draft none = drafter.draft(ja, analysis("ja", Emotion.Label.NONE, 0), reply("ticket"), posted, List.of());
        assertThat(none.text()).isEmpty();
        assertThat(none.work().autoPublish()).isFalse();
    }

    @Test
    void theReplyEchoesTheDetailOfThePost() {
        Draft bag = drafter.draft(post("1", "Jana Kowalski", "jana_k", "@acmeair my bag didn't arrive in Boston and nobody answers"),
                analysis("en", Emotion.Label.FRUSTRATION, 0.8), reply("ticket"), posted, List.of());
        assertThat(bag.text()).contains("your bag");
        Draft flight = drafter.draft(post("2", "Jana Kowalski", "jana_k", "@acmeair 4 hours on the tarmac on flight 293, unbelievable"),
                analysis("en", Emotion.Label.FRUSTRATION, 0.8), reply("apology"), posted, List.of());
        assertThat(flight.text()).contains("the 4 hours on the tarmac on flight 293");
        assertThat(drafter.detail(post("3", "J", "j", "@acmeair your app keeps crashing at checkout"), null)).contains("our app");
    }

    @Test
    void theOtherLanguagesNameTheTroubleAndTheFlightInTheirOwnWords() {
        // No tagger reads these languages: the topic says what the trouble is, in the language's words, and a flight code is
        // echoed as the customer wrote it.
        Draft ru = drafter.draft(post("71", "Дмитрий Соколов", "dmitry", "@acmeair мой багаж не прилетел, рейс SU 2310"),
                analysis("ru", Emotion.Label.FRUSTRATION, 0.8), reply("ticket"), posted, List.of());
        assertThat(ru.text()).contains("багаж").contains("SU 2310").doesNotContain("your");
        Draft es = drafter.draft(post("72", "Lucía", "lucia", "@acmeair cancelaron mi vuelo IB3456 y nadie me ayuda"),
                analysis("es", Emotion.Label.FRUSTRATION, 0.8), reply("ticket"), posted, List.of());
        assertThat(es.text()).contains("IB3456").contains("cancelación");
        // Nothing named, nothing made up: the opening as it was.
        Draft de = drafter.draft(post("74", "Jonas", "jonas", "@acmeair unmöglich, wirklich"),
                analysis("de", Emotion.Label.FRUSTRATION, 0.8), reply("ticket"), posted, List.of());
        assertThat(de.text()).doesNotContain("Sache mit").doesNotContain("Flug");
        // A meal beside a delay is the voucher the delay owes: sorry for the delay, not for the food.
        Draft voucher = drafter.draft(post("75", "Lucía", "lucia", "@acmeair vuelo IB3456 retrasado 3 horas, ¿me dan vale de comida?"),
                analysis("es", Emotion.Label.FRUSTRATION, 0.8), reply("ticket"), posted, List.of());
        assertThat(voucher.text()).contains("retraso").contains("IB3456").doesNotContain("comida");
    }

    @Test
    void anEscalationInTheOtherLanguagesIsSorryForBeingStranded() {
        // "No hotel, no food" is not about the food: the person taking it over is sorry the trip came to a stop.
        Analysis a = analysis("es", Emotion.Label.FRUSTRATION, 0.8);
        Analysis escalated = new Analysis("es", a.sentiment(), a.emotion(), a.troll(), a.intent(),
                new CareAction(CareAction.Label.ESCALATE, true, 0.7), List.of());
        Draft es = drafter.draft(post("76", "Lucía", "lucia", "@acmeair llevamos 7 horas varados en Barajas, sin hotel y sin comida"),
                escalated, reply("escalate"), posted, List.of());
        assertThat(es.text()).contains("seguir tu viaje").doesNotContain("comida");
    }

    @Test
    void twoCustomersWithDifferentProblemsNeverGetTheSameText() {
        Set<String> texts = new HashSet<>();
        for (String problem : List.of("my bag didn't arrive in Denver", "the app crashes when I pay", "my refund never came",
                "my seat was given away", "the wifi on flight 88 never worked")) {
            texts.add(drafter.draft(post(problem, "Jana Kowalski", "jana_k", "@acmeair " + problem), analysis("en", Emotion.Label.NONE, 0),
                    reply("ticket"), posted, List.of()).text());
        }
        assertThat(texts).hasSize(5);
    }

    @Test
    void anAccountNeverPostsTheSameTextTwiceInADayWhileAnotherWordingIsLeft() {
        List<String> account = new ArrayList<>();
        // Two openings for gratitude and three phrasings of thanks: six different texts before one must come back.
        for (int i = 0; i < 6; i++) {
            // Different customers thanking without any detail: the same situation every time.
            Draft d = drafter.draft(post(String.valueOf(300 + i), "Jana Kowalski", "fan" + i, "thanks!!"),
                    analysis("en", Emotion.Label.GRATITUDE, 0.8), reply("thanks"), posted, account.isEmpty() ? List.of("") : account);
            assertThat(account).doesNotContain(d.text());
            account.add(d.text());
        }
    }

    @Test
    void noReplyPromisesAFixTime() {
        java.util.regex.Pattern promise = java.util.regex.Pattern.compile(
                "(?i)\\b(within (the|an|\\d+) (hour|day|minute)s?|in \\d+ (hours|days|minutes)|by (today|tomorrow|tonight)|sort it out (today|soon))\\b");
        for (String id : List.of("ticket", "apology", "apology-direct", "thanks", "engage", "escalate", "answer", "answer-pending")) {
            for (String text : DEMO.templates().phrasings(id, "en").render(java.util.Map.of("name", "Jana", "detail", "your bag",
                    "needs", "add your booking reference", "ticket_link", "https://x.example/t/1", "ticket_ref", "#12", "answer", "A", "wait",
                    "within the hour"))) {
                assertThat(promise.matcher(text).find()).as(id + ": " + text).isFalse();
            }
        }
    }

    @Test
    void neverTheSameTextToTheSameAuthorTwiceInARow() {
        Mention m = post("1", "Jana Kowalski", "jana_k", "thanks!");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Draft d = drafter.draft(post(String.valueOf(100 + i), "Jana Kowalski", "jana_k", "thanks!"), analysis("en", Emotion.Label.NONE, 0),
                    reply("thanks"), posted, sent.isEmpty() ? List.of() : List.of(sent.get(0)));
            if (!sent.isEmpty()) {
                assertThat(d.text()).isNotEqualTo(sent.get(0));
            }
            sent.add(0, d.text());
        }
        assertThat(new HashSet<>(sent)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void everyReplyHasItsTemplatesInEveryLanguageWithAtLeastTwoPhrasings() {
        for (String id : List.of("ticket", "apology", "apology-direct", "thanks", "holding", "answer", "answer-pending", "escalate", "engage",
                "closing")) {
            for (String lang : LANGUAGES) {
                assertThat(DEMO.templates().exactly(id, lang)).as(lang + "/" + id).isPresent();
                assertThat(DEMO.templates().exactly(id, lang).orElseThrow().variants()).as(lang + "/" + id).hasSizeGreaterThanOrEqualTo(2);
            }
        }
        for (Emotion.Label feeling : Emotion.Label.values()) {
            for (String lang : LANGUAGES) {
                assertThat(DEMO.templates().exactly("opening-" + feeling.id(), lang)).as(lang + "/opening-" + feeling.id()).isPresent();
                assertThat(DEMO.templates().exactly("opening-sorry", lang)).as(lang + "/opening-sorry").isPresent();
            }
        }
    }

    @Test
    void everyPhrasingWithEveryOpeningFitsOnXInEveryLanguage() {
        List<String> ids = List.of("ticket", "apology", "apology-direct", "thanks", "holding", "answer-pending", "escalate", "engage", "closing", "welcome");
        for (String lang : LANGUAGES) {
            for (String openingId : java.util.stream.Stream.concat(java.util.Arrays.stream(Emotion.Label.values()).map(e -> "opening-" + e.id()),
                    java.util.stream.Stream.of("opening-sorry")).toList()) {
                for (String opening : DEMO.templates().exactly(openingId, lang).orElseThrow().render(java.util.Map.of("name", "Bartholomew"))) {
                    for (String id : ids.stream().filter(i -> DEMO.templates().exactly(i, lang).isPresent() || !i.equals("welcome")).toList()) {
                        for (String flag : List.of("", "yes")) {
                            java.util.Map<String, Object> values = new java.util.HashMap<>(java.util.Map.of("name", "Bartholomew", "opening", opening,
                                    "detail", lang.equals("en") ? "your bag in San Francisco" : "", "needs",
                                    DEMO.templates().exactly("needs-bag", lang).orElseThrow().render(java.util.Map.of()).get(0),
                                    "ticket_link", "https://care.example/t/aL3sZxN4_T1_53ttou1weDpZ", "ticket_ref", "#12345", "wait", "within the hour",
                                    "rating_link", "https://care.example/r/aL3sZxN4_T1_53ttou1weDpZ", "positive", flag, "ticket_joined", flag));
                            values.put("open", flag);
                            values.put("situation", lang.equals("en") ? "Waiting on an order that doesn't show is frustrating." : "");
                            for (String text : DEMO.templates().exactly(id, lang).orElseThrow().render(values)) {
                                assertThat(XText.weightedLength(text)).as(lang + "/" + id + ": " + text).isLessThanOrEqualTo(XText.LIMIT);
                                assertThat(text).as(lang + "/" + id).doesNotContain("{{").doesNotContain("  ");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void abVariantsAreAssignedStablyAndRecorded() {
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            Mention m = post(String.valueOf(i), "Jana", "jana", "meh");
            Draft d = drafter.draft(m, analysis("en", Emotion.Label.NONE, 0), reply("apology", "apology-direct"), posted, List.of());
            assertThat(d.work().variants()).isEqualTo(2);
            // the same post gets the same variant when it is drafted again (a redelivery)
            assertThat(drafter.draft(m, analysis("en", Emotion.Label.NONE, 0), reply("apology", "apology-direct"), posted, List.of())
                    .templateId()).isEqualTo(d.templateId());
            used.add(d.templateId());
        }
        assertThat(used).containsExactlyInAnyOrder("apology", "apology-direct");
    }

    @Test
    void repliesOnXFitTheLimitAsXCountsIt() {
        // Cut to 50 characters, which X counts as 100.
        String longName = "巴".repeat(300);
        Draft d = drafter.draft(post("1", longName, "b", "my bag"), analysis("en", Emotion.Label.ANGER, 0.9), reply("ticket"), posted, List.of());
        assertThat(XText.weightedLength(d.text())).isLessThanOrEqualTo(XText.LIMIT);
        assertThat(d.text()).startsWith("巴".repeat(Addressing.NAME_LIMIT) + ",");
    }

    @Test
    void aNameBringsNothingInvisibleIntoTheReply() {
        // A bidi override in the name would turn the brand's words after it around; the agent approving the draft sees none of it.
        Draft d = drafter.draft(post("1", "\u202EJa\u200Bna\r\nX-Injected: 1\u0000\uD800\uFFFF", "jana_k", "lost my bag AGAIN"),
                analysis("en", Emotion.Label.ANGER, 0.8), reply("ticket"), posted, List.of());
        assertThat(d.text()).startsWith("Jana, ").doesNotContain("\u202E", "\u200B", "\r", "\u0000", "\uD800", "\uFFFF");
        // Nothing printable left in the name: the handle, cleaned the same way; the joiners of an emoji sequence stay.
        assertThat(Addressing.firstName(post("2", "\u202E\u2066\u200B", "ja\u202Ena", "x"))).isEqualTo("@jana");
        assertThat(Addressing.firstName(post("3", "👨\u200D👩\u200D👧 Jana", "jana", "x"))).isEqualTo("@jana");
        assertThat(Addressing.printable("سلام\u200Cجانا 👨\u200D👩")).isEqualTo("سلام\u200Cجانا 👨\u200D👩");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a guard against a hang: drafting takes milliseconds
    void aHundredThousandCharacterNameIsCutWhereTheReplyIsBuilt() {
        // Without spaces, and dotted like a domain: twitter-text's link pattern is slowest on that.
        String name = "Jana." + "a.".repeat(50_000);
        Draft d = drafter.draft(post("1", name, "h".repeat(100_000), "my bag is lost"), analysis("en", Emotion.Label.ANGER, 0.9),
                reply("ticket"), posted, List.of());
        assertThat(XText.weightedLength(d.text())).isLessThanOrEqualTo(XText.LIMIT);
        assertThat(d.text()).contains(name.substring(0, Addressing.NAME_LIMIT)).doesNotContain(name.substring(0, Addressing.NAME_LIMIT + 1));
        Mention facebook = new Mention(Platform.FACEBOOK, "brand", "2", new Author("9", name, name), "my bag is lost", "en", posted, "2", null,
                null, false, false);
        assertThat(drafter.draft(facebook, analysis("en", Emotion.Label.ANGER, 0.9), reply("ticket"), posted, List.of()).text())
                .contains(name.substring(0, Addressing.NAME_LIMIT)).doesNotContain(name.substring(0, Addressing.NAME_LIMIT + 1));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void fittingReadsNoFurtherThanTheLimitReaches() {
        String hostile = "a.".repeat(50_000);
        assertThat(XText.fit("Hi " + hostile + ", sorry about this", XText.LIMIT)).isEqualTo("Hi…");
        assertThat(XText.fit(hostile, XText.LIMIT)).hasSize(278 + 1).endsWith("…");
        assertThat(XText.fits("Hi " + hostile, XText.LIMIT)).isFalse();
        assertThat(XText.weightedLength(hostile)).isEqualTo(100_000);
    }

    @Test
    void xCountsLikeXWordByWord() {
        for (String text : List.of("Jana, sorry about your bag. Send us your booking reference here: https://care.example.com/t/aL3sZxN4_T1_53ttou1weDpZ ^JS",
                "  leading, trailing  ", "tab\tand\nnew lines\r\n", "e\u0301 composed", "@jana_k #bag $ACME acme.com, www.acme.com/help?x=1.",
                "Ｆｕｌｌ　width", "a\u200Bb\u202Ec", "Привет! https://acme.com/ru/помощь", "سلام، ما کمک می‌کنیم", "x… a.co… https://acme.com/a…",
                "👍 👨‍👩‍👧 🏴󠁧󠁢󠁳󠁣󠁴󠁿")) {
            assertThat(XText.weightedLength(text)).as(text).isEqualTo(com.twitter.twittertext.TwitterTextParser.parseTweet(text).weightedLength);
        }
    }

    @Test
    void xCountsLikeX() {
        assertThat(XText.weightedLength("hello")).isEqualTo(5);
        assertThat(XText.weightedLength("see https://example.com/a/very/long/path/that/is/long")).isEqualTo(4 + 23);
        assertThat(XText.weightedLength("see example.com/a")).isEqualTo(4 + 23);
        assertThat(XText.weightedLength("日本")).isEqualTo(4);
        assertThat(XText.weightedLength("👍")).isEqualTo(2);
        assertThat(XText.weightedLength("👨‍👩‍👧")).isEqualTo(2);
        String fitted = XText.fit("word ".repeat(100).trim(), XText.LIMIT);
        assertThat(XText.weightedLength(fitted)).isLessThanOrEqualTo(280);
        assertThat(fitted).endsWith("word…");
        assertThat(XText.fit("short", 280)).isEqualTo("short");
    }

    @Test
    void holdingReplyIsUrgentAndKeepsTheDeadline() {
        Draft original = drafter.draft(post("1", "Jana K", "jana", "bag lost"), analysis("en", Emotion.Label.NONE, 0), reply("ticket"), posted, List.of());
        // 15:00Z is 10:00 in New York, inside the demo's business hours (07:00-23:00 there); 05:00Z is midnight.
        Draft holding = drafter.holding(original, "sla-holding", Instant.parse("2026-11-22T15:00:00Z"), "holding", List.of());
        assertThat(holding.work().kind()).isEqualTo(Draft.Kind.HOLDING);
        assertThat(holding.deadline()).isEqualTo(original.deadline());
        assertThat(holding.text()).contains("Jana").contains("within the hour");
        Draft night = drafter.holding(original, "sla-holding", Instant.parse("2026-11-22T05:00:00Z"), "holding", List.of());
        assertThat(night.text()).contains("as soon as the team is in").doesNotContain("within the hour");
    }

    @Test
    void aPhrasingThatFitsWholeIsPreferredButNeverTwiceInARow(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        copy(Path.of("rules"), dir);
        String tooLong = "{{name}}, " + "this phrasing is far too long for X ".repeat(9) + "and would be cut.";
        java.nio.file.Files.writeString(dir.resolve("templates/en/fit-test.mustache"), tooLong + "\n---\n{{name}}, this one fits whole.\n");
        RuleBook book = RuleBook.load(dir);
        Drafter d = new Drafter(() -> book, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "", "within the hour"));
        for (int i = 0; i < 12; i++) {
            Mention m = post(String.valueOf(100 + i), "Jana Kowalski", "jana_k", "hello");
            assertThat(d.draft(m, analysis("en", Emotion.Label.NONE, 0), reply("fit-test"), posted, List.of()).text())
                    .isEqualTo("Jana, this one fits whole.");
        }
        // The only whole phrasing was the last one this author got: the cut one, rather than the same text again.
        String next = d.draft(post("200", "Jana Kowalski", "jana_k", "hello"), analysis("en", Emotion.Label.NONE, 0), reply("fit-test"),
                posted, List.of("Jana, this one fits whole.")).text();
        assertThat(next).startsWith("Jana, this phrasing is far too long").isNotEqualTo("Jana, this one fits whole.");
        assertThat(XText.weightedLength(next)).isLessThanOrEqualTo(280);
    }

    static Analysis cared(org.careloop.analysis.CareAction.Label label) {
        Analysis a = analysis("en", Emotion.Label.NONE, 0);
        return new Analysis("en", a.sentiment(), a.emotion(), a.troll(), a.intent(), new org.careloop.analysis.CareAction(label, false, 0.8), List.of());
    }

    @Test
    void aShortComplaintThatNamesNothingIsAskedWhatHappenedAndADetailedOneNever() {
        String vague = drafter.draft(post("400", "Jana Kowalski", "jana_k", "@acmeair never again. worst airline ever"),
                cared(org.careloop.analysis.CareAction.Label.APOLOGIZE), reply("apology"), posted, List.of()).text();
        // Asked without implying they never said: the post may be one in a thread the reply cannot see.
        assertThat(vague).containsPattern("(?i)if you haven't (already|yet|told us the details yet)").contains("details").doesNotContain("passed it to the team");
        for (String text : List.of("@acmeair my bag didn't arrive in Boston, worst airline ever",
                "@acmeair 3 hours waiting at gate 12 and not one word from anyone, never again",
                "@acmeair the lady at the desk ignored us for twenty minutes while chatting with her colleague about lunch plans, unbelievable")) {
            for (String template : List.of("apology", "apology-direct")) {
                assertThat(drafter.draft(post(text, "Jana Kowalski", "jana_k", text), cared(org.careloop.analysis.CareAction.Label.APOLOGIZE),
                        reply(template), posted, List.of()).text()).as(text).doesNotContain("what happened").doesNotContain("what went wrong")
                        .doesNotContain("the details");
            }
        }
    }

    /**
     * Only a post about a trip is asked for its booking or wished safe travels: "which booking" to a parcel, a phone
     * line or a console (posts to other companies, or posts that could be about anything) says nobody read it.
     */
    @Test
    void onlyAPostAboutATripHearsOfBookingsAndTravels() {
        Analysis ticket = cared(org.careloop.analysis.CareAction.Label.TICKET);
        String trip = drafter.draft(post("800", "Jana Kowalski", "jana_k", "@acmeair my flight home was cancelled and nobody can rebook me"), ticket,
                reply("ticket"), posted, List.of()).text();
        assertThat(trip).contains("booking reference");
        for (String text : List.of("@acmeair cancelled my subscription in June but you've taken 2 payments since",
                "@acmeair 44 minutes on hold so far and still no human", "@acmeair redeemed a code for FIFA points this afternoon and still haven't got it",
                "@acmeair my sat box froze AGAIN during the game, what is going on?",
                // A charge, a ride: words an airline's trips share, about a bill and a car here.
                "Why am I still receiving a bill for oct when I disconnected my account on sept 20th? pls reverse the charges @acmeair",
                "Hey @acmeair my scheduled ride canceled on me when he was 1 minute away. If I cancel I pay $5.",
                "@acmeair food delivery due between 9-10pm. Still not arrived. Customer services did not answer call.")) {
            assertThat(drafter.draft(post(text, "Jana Kowalski", "jana_k", text), ticket, reply("ticket"), posted, List.of()).text())
                    .as(text).doesNotContain("booking").doesNotContain("flight");
        }
        // Things other companies sell are asked about as what they are: a bill, a stream, a device already named, a store.
        assertThat(drafter.draft(post("810", "Jana Kowalski", "jana_k", "@acmeair cancelled my Netflix in June but it has taken 2 payments out"), ticket,
                reply("ticket"), posted, List.of()).text()).contains("your bill").contains("the email on your account and which charge it is");
        assertThat(drafter.draft(post("811", "Jana Kowalski", "jana_k", "@acmeair this is the 3rd time your game crashed my PS4"), ticket,
                reply("ticket"), posted, List.of()).text()).contains("sorry about your PS4").contains("the exact model").doesNotContain("device model");
        // Help asked for kindly is not told it sounds frustrated.
        assertThat(drafter.draft(post("815", "Jana Kowalski", "jana_k",
                "@acmeair I checked in for my flight that's tomorrow and I was moved seats. I was originally on the aisle. I'm hoping you can help?"),
                analysis("en", Emotion.Label.FRUSTRATION, 0.9), reply("ticket"), posted, List.of()).text()).doesNotContain("frustrat");
        // The model given, only its software is left to ask; a device that won't start has none to tell.
        assertThat(drafter.draft(post("813", "Jana Kowalski", "jana_k", "@acmeair my iPhone 8 Plus keeps freezing since the update"), ticket,
                reply("ticket"), posted, List.of()).text()).contains("software version").doesNotContain("exact model");
        assertThat(drafter.draft(post("814", "Jana Kowalski", "jana_k", "@acmeair my iPhone 7 won't turn on since last night"), ticket,
                reply("ticket"), posted, List.of()).text()).doesNotContain("software version");
        assertThat(drafter.draft(post("812", "Jana Kowalski", "jana_k", "@acmeair episodes 7 and 8 won't play, just buffering"), ticket,
                reply("ticket"), posted, List.of()).text()).contains("the trouble streaming").contains("which device you use");
        // A connection's fault told is not asked for again.
        assertThat(drafter.draft(post("805", "Jana Kowalski", "jana_k", "@acmeair my internet has been offline for two days now"),
                ticket, reply("ticket"), posted, List.of()).text()).contains("account number").doesNotContain("what your connection does");
        // Help asked for with nothing said about what is wrong: the ticket asks what is going on; a problem told is not asked for.
        assertThat(drafter.draft(post("806", "Jana Kowalski", "jana_k", "@acmeair I would like to speak to a technician #hpsa"),
                ticket, reply("ticket"), posted, List.of()).text()).contains("what's going on and the email or phone number on your account");
        assertThat(drafter.draft(post("807", "Jana Kowalski", "jana_k", "@acmeair I was charged for a subscription I cancelled in May"),
                ticket, reply("ticket"), posted, List.of()).text()).doesNotContain("what's going on");
        // Replies called canned are apologised for in so many words, and a real answer offered where the customer is.
        assertThat(drafter.draft(post("816", "Jana Kowalski", "jana_k", "@acmeair thanks for the canned reply."),
                cared(org.careloop.analysis.CareAction.Label.APOLOGIZE), reply("apology"), posted, List.of()).text())
                .contains("copy-and-paste replies").contains("tell us here what still needs fixing");
        // A calm request that tells what went wrong hears sorry for it, not "happy to help".
        assertThat(drafter.draft(post("808", "Jana Kowalski", "jana_k",
                "@acmeair I redeemed a VC code for nba 2k18 that I got from Best Buy. It said it was successful but I didn't get the VC"),
                ticket, reply("ticket"), posted, List.of()).text()).contains("sorry to hear you didn't get the VC");
        // A status question from somebody kept waiting is sorry for the wait before it points to the status page.
        assertThat(drafter.draft(post("819", "Jana Kowalski", "jana_k", "@acmeair any updates on flight 6353 from DEN to BOS? Four hours is a bit much"),
                analysis("en", Emotion.Label.FRUSTRATION, 0.9), reply("answer-pending"), posted, List.of()).text()).contains("wait on flight 6353");
        // Somebody harmed is asked first whether they are safe; who did it is not retold.
        assertThat(drafter.draft(post("822", "Jana Kowalski", "jana_k", "@acmeair I was just assaulted by one of your gate agents in Denver"),
                cared(org.careloop.analysis.CareAction.Label.ESCALATE), reply("escalate"), posted, List.of()).text())
                .contains("Are you safe now?").doesNotContain("gate agents");
        // An escalation is sorry for what made it one, not for a side detail of it.
        assertThat(drafter.draft(post("825", "Jana Kowalski", "jana_k",
                "@acmeair 4 passengers after a 2 hour delayed flight left with no hotel at the end of the night @ hou airport. Wtf??!!"),
                cared(org.careloop.analysis.CareAction.Label.ESCALATE), reply("escalate"), posted, List.of()).text())
                .contains("sorry about being left with no hotel").doesNotContain("delay");
        assertThat(drafter.draft(post("826", "Jana Kowalski", "jana_k", "@acmeair gave me food poisoning and I've never been more heartbroken"),
                cared(org.careloop.analysis.CareAction.Label.ESCALATE), reply("escalate"), posted, List.of()).text())
                .contains("sorry about the food poisoning");
        // Said without conceding what nobody has looked into: what they found, what they went through.
        assertThat(drafter.draft(post("827", "Jana Kowalski", "jana_k",
                "Found this lovely piece of plastic in my @acmeair bowl today. Looks like the corner of a sealed bag. Not my fave thing to bite into!!"),
                cared(org.careloop.analysis.CareAction.Label.ESCALATE), reply("escalate"), posted, List.of()).text())
                .contains("sorry about what you found in your food").doesNotContain("bag");
        assertThat(drafter.draft(post("828", "Jana Kowalski", "jana_k",
                "A driver 1)let me drive 2)started petting my hair as I drive 3)hugged me goodbye and 4)proceeded to touch my leg @acmeair"),
                cared(org.careloop.analysis.CareAction.Label.ESCALATE), reply("escalate"), posted, List.of()).text())
                .contains("sorry about what you went through").doesNotContain("driver");
        // "What's going on with flight 301?" after hours of delay asks after that flight: its status, sorry for the wait on it.
        assertThat(drafter.draft(post("827", "Jana Kowalski", "jana_k", "@acmeair what's going on with flight 301 DTW > DFW? Delayed over 3 hours. Will it be canceled?"),
                analysis("en", Emotion.Label.FRUSTRATION, 0.9), reply("answer-pending"), posted, List.of()).text())
                .contains("on flight 301").contains("status page").doesNotContain("needs a look at your booking");
        // Welcomed home, nobody is wished safe travels.
        for (int i = 0; i < 4; i++) {
            assertThat(drafter.draft(post("828-" + i, "Jana Kowalski", "jana_k", "Thank you @acmeair for great flight attendants on my flight back home!"),
                    cared(org.careloop.analysis.CareAction.Label.THANK), reply("thanks"), posted, List.of()).text()).doesNotContain("Safe travels");
        }
        // A wait not told is no wait to be sorry for.
        assertThat(drafter.draft(post("820", "Jana Kowalski", "jana_k", "@acmeair will flight 455 be on time?? I'm running late to the airport"),
                analysis("en", Emotion.Label.FRUSTRATION, 0.9), reply("answer-pending"), posted, List.of()).text()).doesNotContain("wait");
        // Help asked with the fault in it is not asked what is going on.
        assertThat(drafter.draft(post("821", "Jana Kowalski", "jana_k", "@acmeair I need help with a broken blender lid"),
                ticket, reply("ticket"), posted, List.of()).text()).doesNotContain("what's going on");
        // Software trouble (an update, a setting that won't stick, a headset) is asked about the device and its software, not the account.
        assertThat(drafter.draft(post("823", "Jana Kowalski", "jana_k",
                "@acmeair It's been a few days since the update and my phone's operating system is constantly glitching"),
                ticket, reply("ticket"), posted, List.of()).text()).contains("sorry your phone's operating system is constantly glitching")
                .contains("device model and software version").doesNotContain("account");
        assertThat(drafter.draft(post("824", "Jana Kowalski", "jana_k", "@acmeair On Skype I can hear people, but they can't hear me. I've tried different mics. Please help?"),
                ticket, reply("ticket"), posted, List.of()).text()).contains("device model").doesNotContain("account");
        // A bug that names no device is sorry about the trouble, not about a device the reply would make up.
        assertThat(drafter.draft(post("829", "Jana Kowalski", "jana_k", "@acmeair Any chance yall are gonna EVER fix the stuck hand tool? The only version I can use is 2015."),
                ticket, reply("ticket"), posted, List.of()).text()).contains("sorry about the trouble").doesNotContain("your device.");
        // An app on a device they named is asked its version only; the fault they told is not asked for again.
        assertThat(drafter.draft(post("830", "Jana Kowalski", "jana_k", "@acmeair the 5 app on Xboxes not working error code 200, done a power cycle and still the same?"),
                ticket, reply("ticket"), posted, List.of()).text()).contains("tell us the app version").doesNotContain("your device").doesNotContain("what you see");
        // The device and the app's version both told: what is left is the account the team looks at.
        assertThat(drafter.draft(post("831", "Jana Kowalski", "jana_k", "@acmeair your app crashes every time I try to pay for seat selection. iPhone 13, latest version."),
                ticket, reply("ticket"), posted, List.of()).text()).contains("the email on your account").doesNotContain("version");
        // The software named with its version, only the model is left to ask.
        assertThat(drafter.draft(post("818", "Jana Kowalski", "jana_k", "@acmeair since upgrading to Windows 10 the screen flickers every few minutes"),
                ticket, reply("ticket"), posted, List.of()).text()).contains("device model").doesNotContain("software version");
        // A stream stopped by the internet going down is the internet's trouble, and its fault told is not asked again.
        assertThat(drafter.draft(post("817", "Jana Kowalski", "jana_k", "@acmeair my internet connection keeps breaking up and my stream stops"),
                ticket, reply("ticket"), posted, List.of()).text()).contains("account number").doesNotContain("which device").doesNotContain("what your connection does");
        // A call mentioned on the way to the case ("just got off the phone with a rep, and...") is not the case.
        assertThat(drafter.draft(post("804", "Jana Kowalski", "jana_k",
                "@acmeair Just got off the phone with a Rep, and we couldn't get a package shipped to my closest location for pick-up"),
                ticket, reply("ticket"), posted, List.of()).text()).doesNotContain("what the call was about");
        // An account disabled is no disabled traveller to find.
        assertThat(drafter.draft(post("803", "Jana Kowalski", "jana_k", "@acmeair I need help with my Account, It gets disabled every time I try to login"),
                ticket, reply("ticket"), posted, List.of()).text()).doesNotContain("where you are");
        // A word other businesses use too ("disconnected") leaves a trip's trouble a trip's.
        assertThat(drafter.draft(post("802", "Jana Kowalski", "jana_k", "@acmeair my bag never showed up and I got disconnected twice trying to call"),
                ticket, reply("ticket"), posted, List.of()).text()).contains("reference");
        // The same phone trouble about a trip still asks for the booking.
        assertThat(drafter.draft(post("801", "Jana Kowalski", "jana_k", "@acmeair 44 minutes on hold trying to change my flight to JFK"), ticket,
                reply("ticket"), posted, List.of()).text()).contains("booking reference");
        // An escalation of a trip whose booking was given does not ask for it again.
        assertThat(drafter.draft(post("809", "Jana Kowalski", "jana_k", "@acmeair my flight was cancelled, booking ABC123, my son is alone at the gate"),
                cared(org.careloop.analysis.CareAction.Label.ESCALATE), reply("escalate"), posted, List.of()).text()).doesNotContain("booking reference");
        // Every language: Spanish thanks for music are not wished a good flight.
        Analysis gracias = new Analysis("es", analysis("es", Emotion.Label.NONE, 0).sentiment(), new Emotion(Emotion.Label.NONE, 0),
                new Troll(false, 0, false, List.of()), new Intent(Intent.Label.PRAISE, 0.8),
                new org.careloop.analysis.CareAction(org.careloop.analysis.CareAction.Label.THANK, false, 0.8), List.of());
        for (String id : List.of("820", "821", "822", "823", "824", "825")) {
            assertThat(drafter.draft(post(id, "Jana Kowalski", "jana_k", "@acmeair gracias por la música de anoche"), gracias, reply("thanks"), posted,
                    List.of()).text()).doesNotContain("a bordo").doesNotContain("Buen viaje").doesNotContain("tripulación");
        }
        Analysis thanks = cared(org.careloop.analysis.CareAction.Label.THANK);
        for (String id : List.of("802", "803", "804", "805", "806", "807")) {
            assertThat(drafter.draft(post(id, "Jana Kowalski", "jana_k", "@acmeair thank you for having Black Friday by Kendrick Lamar"), thanks,
                    reply("thanks"), posted, List.of()).text()).doesNotContain("travels").doesNotContain("on board").doesNotContain("✈️");
        }
    }

    @Test
    void happyOccasionsAreCelebratedInThanksAndBanterOnly() {
        String text = "@acmeair flying to Vegas for my mom's 80th birthday, thank you for the upgrade!";
        assertThat(drafter.draft(post("500", "Jana Kowalski", "jana_k", text), cared(org.careloop.analysis.CareAction.Label.THANK), reply("thanks"),
                posted, List.of()).text()).contains("Happy birthday");
        assertThat(drafter.draft(post("502", "Jana Kowalski", "jana_k", "celebrating Halloween 2017 with @acmeair https://t.co/seN3hFyTX0"),
                cared(org.careloop.analysis.CareAction.Label.ENGAGE), reply("engage"), posted, List.of()).text()).contains("Happy Halloween");
        // A flight is thanked through its crew; helpful representatives are what was praised.
        assertThat(drafter.draft(post("503", "Jana Kowalski", "jana_k", "The flight attendant and pilot on @acmeair flight 4985 were nothing short of amazing."),
                cared(org.careloop.analysis.CareAction.Label.THANK), reply("thanks"), posted, List.of()).text()).contains("the crew on flight 4985");
        assertThat(drafter.draft(post("504", "Jana Kowalski", "jana_k", "@acmeair easy to change your reservation, helpful representatives and a comfy flight"),
                cared(org.careloop.analysis.CareAction.Label.THANK), reply("thanks"), posted, List.of()).text()).contains("the helpful representatives");
        String missed = "@acmeair cancelled flight, I missed my daughter's wedding";
        assertThat(drafter.draft(post("501", "Jana Kowalski", "jana_k", missed), cared(org.careloop.analysis.CareAction.Label.APOLOGIZE),
                reply("apology"), posted, List.of()).text()).doesNotContain("Congratulations");
    }

    /** Thanks that say what went well are met with gladness about that, not only "the team will see this". */
    @Test
    void thanksAreGladOfWhatWentWell() {
        Map<String, String> said = Map.of(
                "@acmeair Thanks!  I made it 😃", "So glad you made it!",
                "@acmeair thanks, tried again and it worked", "Glad it worked!",
                "@acmeair thank you!! got my bag back this morning", "Glad your bag found its way to you!",
                "@acmeair landed 40 min early, thanks crew", "Landing early",
                "@acmeair keep up the good work. Got me to my destination safe and on time today", "Safe and on time");
        int n = 700;
        for (var e : said.entrySet()) {
            assertThat(drafter.draft(post(String.valueOf(n++), "Jana Kowalski", "jana_k", e.getKey()), cared(org.careloop.analysis.CareAction.Label.THANK),
                    reply("thanks"), posted, List.of()).text()).as(e.getKey()).contains(e.getValue());
        }
        // A complaint never hears that we are glad.
        assertThat(drafter.draft(post("720", "Jana Kowalski", "jana_k", "@acmeair I made it, no thanks to you, 5 hours late"),
                cared(org.careloop.analysis.CareAction.Label.APOLOGIZE), reply("apology"), posted, List.of()).text()).doesNotContain("glad");
    }

    /** A ticket reply never loses its link to the X limit: the retold problem gives way to the shorter topic first. */
    @Test
    void aTicketReplyKeepsItsLinkOnX() {
        Map<String, String> ticket = Map.of("ticket_ref", "#1234", "ticket_link", "https://care.example/t/aL3sZxN4_T1_53ttou1weDpZ");
        int n = 760;
        for (String text : List.of("@acmeair can't even get on hold to wait to speak to someone-awesome",
                "@acmeair Flight was Cancelled Flighted, I've been on hold for 50 minutes with no human interaction. I wanna get away.",
                "@acmeair I have been on hold with your Gold reservations line for OVER 3 HOURS now. Flight Cancelled Flightled. Trying to rebook.")) {
            for (Emotion.Label feeling : List.of(Emotion.Label.ANGER, Emotion.Label.FRUSTRATION, Emotion.Label.ANXIETY)) {
                Analysis a = analysis("en", feeling, 0.9);
                Analysis cared = new Analysis("en", a.sentiment(), a.emotion(), a.troll(), a.intent(),
                        new org.careloop.analysis.CareAction(org.careloop.analysis.CareAction.Label.TICKET, false, 0.8), List.of());
                String reply = drafter.draft(post(String.valueOf(n++), "Jana Kowalski", "jana_k", text), cared, reply("ticket"), posted, List.of(), ticket).text();
                assertThat(reply).as(text).contains("https://care.example/t/aL3sZxN4_T1_53ttou1weDpZ").doesNotContain("…");
                assertThat(reply).as(text).doesNotContain("-awesome");
                if (text.contains("Cancelled")) {
                    // Why they called is in the post: not asked again.
                    assertThat(reply).as(text).doesNotContain("what you were calling about");
                }
            }
        }
    }

    /** Thanks never thank a flight number ("kind words about flight 5127"). */
    @Test
    void thanksNeverThankAFlightNumber() {
        for (String id : List.of("770", "771", "772", "773")) {
            assertThat(drafter.draft(post(id, "Jana Kowalski", "jana_k", "@acmeair a big thanks to the gate agent flt5127..keeping us informed of the delay#greatcustomerservice"),
                    cared(org.careloop.analysis.CareAction.Label.THANK), reply("thanks"), posted, List.of()).text()).doesNotContain("5127");
        }
    }

    /** An idea is thanked as an idea; the hours lost are named before a retelling that names no time. */
    @Test
    void anIdeaIsThankedAndHoursLostAreNamed() {
        assertThat(drafter.draft(post("750", "Jana Kowalski", "jana_k", "@acmeair btw you guys should consider making a lounge at Austin airport!"),
                cared(org.careloop.analysis.CareAction.Label.THANK), reply("thanks"), posted, List.of()).text()).contains("Love the idea!")
                .doesNotContain("glad to hear about");
        for (String id : List.of("751", "752")) {
            assertThat(drafter.draft(post(id, "Jana Kowalski", "jana_k", "@acmeair I get extended hold times due to the weather...but 2-1/2 hours on hold (and counting). HELP!!"),
                    cared(org.careloop.analysis.CareAction.Label.APOLOGIZE), reply("apology"), posted, List.of()).text())
                    .contains("the 2.5 hours on hold").doesNotContain("you get");
        }
        // ...unless the retelling names a wrong of its own: the wrong flight comes before the wait at the desk.
        assertThat(drafter.draft(post("753", "Jana Kowalski", "jana_k", "@acmeair I've been booked on the wrong flight! And the desk has a 2 hour wait?!"),
                cared(org.careloop.analysis.CareAction.Label.APOLOGIZE), reply("apology"), posted, List.of()).text())
                .contains("you've been booked on the wrong flight");
    }

    /** A fan's moment is greeted: where they arrive, where they are flying, the view. */
    @Test
    void aFansMomentIsGreeted() {
        Map<String, String> said = Map.of(
                "@acmeair we finally just arrive to Bogota, good but long flight!!", "welcome to Bogota!",
                "@acmeair flying to Los Angeles today, so excited!!", "have a wonderful trip to Los Angeles!",
                "@acmeair Amazing view on the approach to LAX tonight. http://t.co/a68d5fULmH", "what a view!",
                "@acmeair can't wait!!! 787!!! @tpallini http://t.co/oDlall5eDH", "the 787 is a beauty",
                "@acmeair cool shot of the moon and one of your fleet http://t.co/kl9BAiMES6", "what a shot!",
                "@acmeair I've applied more then once to be a member of the #inflight crew team...Im 100% interested. #flightattendant", "good luck with your application!",
                "@acmeair love you guys, but pls get some direct routes LAS to AUS!", "your vote for LAS to AUS",
                "@acmeair I've never met my favorite band and it would be sooo amazing to win destination dragons.", "fingers crossed for you!");
        int n = 740;
        for (var e : said.entrySet()) {
            assertThat(drafter.draft(post(String.valueOf(n++), "Jana Kowalski", "jana_k", e.getKey()), cared(org.careloop.analysis.CareAction.Label.ENGAGE),
                    reply("engage"), posted, List.of()).text()).as(e.getKey()).contains(e.getValue());
        }
    }

    /** Praise said without thanks is echoed ("the best airline wifi ever"); a fan is never greeted for a case's thing. */
    @Test
    void praiseIsEchoedAndAFanIsNotGreetedForTheirCharges() {
        assertThat(drafter.draft(post("760", "Jana Kowalski", "jana_k", "@acmeair I do! The best airline wifi ever. Thank you!"),
                cared(org.careloop.analysis.CareAction.Label.THANK), reply("thanks"), posted, List.of()).text()).contains("So glad you enjoyed the wifi!");
        assertThat(drafter.draft(post("761", "Jana Kowalski", "jana_k", "@acmeair thanks to the agent boarding 1137. Left my wallet on the inbound. He found it for me!"),
                cared(org.careloop.analysis.CareAction.Label.THANK), reply("thanks"), posted, List.of()).text()).contains("So glad it turned up!");
        assertThat(drafter.draft(post("762", "Jana Kowalski", "jana_k", "@acmeair well I'll miss the check-in desk but love the charges lol"),
                cared(org.careloop.analysis.CareAction.Label.ENGAGE), reply("engage"), posted, List.of()).text()).doesNotContain("charges");
    }

    /** A flight the post names is named with what happened to it: "the cancellation of flight 1773", not "your cancelled flight". */
    @Test
    void theFlightIsNamedWithWhatHappenedToIt() {
        String escalated = drafter.draft(post("770", "Jana Kowalski", "jana_k", "@acmeair why did you cancel flight 1773 to PHL when every other airline flew? 3 kids with me"),
                cared(org.careloop.analysis.CareAction.Label.ESCALATE), reply("escalate"), posted, List.of()).text();
        assertThat(escalated).contains("the cancellation of flight 1773");
    }

    /** "Why was it cancelled?" is apologised for and pointed to where the reason is, never a holding line. */
    @Test
    void whyAFlightWasCancelledIsAnsweredWithWhereTheReasonIs() {
        for (String id : List.of("771", "772")) {
            String text = drafter.draft(post(id, "Jana Kowalski", "jana_k", "@acmeair care to explain why ORD to BOS is cancelled again tonight?"),
                    cared(org.careloop.analysis.CareAction.Label.ANSWER), reply("answer-pending"), posted, List.of()).text();
            assertThat(text).contains("the cancellation of your flight from ORD to BOS").contains("status page").doesNotContain("right here");
        }
    }

    /** Wanting to cancel is no cancelled flight to be sorry about. */
    @Test
    void wantingToCancelIsNoCancelledFlight() {
        String text = drafter.draft(post("774", "Jana Kowalski", "jana_k", "@acmeair I tried to cancel my return flight online and the site keeps erroring"),
                cared(org.careloop.analysis.CareAction.Label.TICKET), reply("ticket"), posted, List.of()).text();
        assertThat(text).contains("the trouble cancelling your flight").doesNotContain("your cancelled flight").doesNotContain("you tried to cancel");
    }

    /** A first flight is greeted once, not by the moment and again by the occasion. */
    @Test
    void aFirstFlightIsGreetedOnce() {
        String text = drafter.draft(post("773", "Jana Kowalski", "jana_k", "@acmeair yay, first time flying with you tomorrow :)"),
                cared(org.careloop.analysis.CareAction.Label.ENGAGE), reply("engage"), posted, List.of()).text();
        assertThat(text).contains("first of many").doesNotContain("start flying");
    }

    /** Travelling to a funeral: the reply begins with the loss, not with the seat. */
    @Test
    void aLossComesFirst() {
        String text = drafter.draft(post("763", "Jana Kowalski", "jana_k",
                        "@acmeair my wife and I booked last minute flights for a funeral separately, but we would like seats 2gether"),
                cared(org.careloop.analysis.CareAction.Label.ESCALATE), reply("escalate"), posted, List.of()).text();
        assertThat(text).contains("sorry for your loss").doesNotContain("your seat");
    }

    /** An apology never echoes staff by role alone ("sorry about the agent" names nobody and reads as blame); thanks do. */
    @Test
    void anApologyDoesNotEchoStaffByRoleAlone() {
        for (String id : List.of("730", "731", "732")) {
            String text = drafter.draft(post(id, "Jana Kowalski", "jana_k", "@acmeair you can't claim weather with your hardworking crew pulling seats out"),
                    cared(org.careloop.analysis.CareAction.Label.APOLOGIZE), reply("apology"), posted, List.of()).text();
            assertThat(text).doesNotContain("our crew").doesNotContain("the crew");
        }
        assertThat(drafter.draft(post("733", "Jana Kowalski", "jana_k", "@acmeair of course not. The inflight crew was great!"),
                cared(org.careloop.analysis.CareAction.Label.THANK), reply("thanks"), posted, List.of()).work().parts()).contains("detail");
    }

    @Test
    void thanksThatNameSomebodyGoToThemByName() {
        String text = drafter.draft(post("600", "Jana Kowalski", "jana_k", "@acmeair huge thanks to Kate Appleton at the Denver desk, she fixed everything"),
                cared(org.careloop.analysis.CareAction.Label.THANK), reply("thanks"), posted, List.of()).text();
        assertThat(text).contains("Kate Appleton");
        for (String post : List.of("@acmeair Mark T.  in Austin was great handling my bag issue.  #thanks",
                "@acmeair customer service at its best! Rachel S.  took great care of us at the PHX airport.",
                "@acmeair Sivi Stewart at Lax was fantastic tonight helping to find a lost item for us at the airport.  Much thanks!",
                "@acmeair Shavon at customer service desk in Charlotte was fantastic! So helpful and smiling evn after what sounds like long day.Reward her")) {
            assertThat(drafter.draft(post("601", "Jana Kowalski", "jana_k", post), cared(org.careloop.analysis.CareAction.Label.THANK), reply("thanks"), posted,
                    List.of()).text()).containsAnyOf("to Mark T.", "to Rachel S.", "to Sivi Stewart", "to Shavon").doesNotContain("..");
        }
    }

    @Test
    void theSituationIsLeftOutRatherThanTheReplyCut(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        copy(Path.of("rules"), dir);
        java.nio.file.Files.writeString(dir.resolve("templates/en/situation-bag.mustache"), "Being without your bag " + "is really no fun at all, ".repeat(6) + "truly.\n");
        java.nio.file.Files.writeString(dir.resolve("templates/en/fit-test.mustache"),
                "{{name}}, {{#situation}}{{situation}} {{/situation}}" + "we will look into this for you. ".repeat(3) + "Details here: https://care.example/t/x\n");
        RuleBook book = RuleBook.load(dir);
        Drafter d = new Drafter(() -> book, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "", "within the hour"));
        String text = d.draft(post("300", "Jana Kowalski", "jana_k", "my bag is lost"), analysis("en", Emotion.Label.NONE, 0), reply("fit-test"),
                posted, List.of()).text();
        assertThat(text).doesNotContain("Being without").endsWith("Details here: https://care.example/t/x");
        String shortText = d.draft(post("301", "Jana Kowalski", "jana_k", "my bag is lost"), analysis("en", Emotion.Label.NONE, 0), reply("ticket"),
                posted, List.of()).text();
        assertThat(XText.weightedLength(shortText)).isLessThanOrEqualTo(280);
    }

    static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
