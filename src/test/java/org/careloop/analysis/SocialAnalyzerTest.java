package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.careloop.config.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analyser on hand-picked posts of each label, the hard ones included. */
class SocialAnalyzerTest {

    static SocialAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = new SocialAnalyzer();
    }

    /**
     * The brand's other languages read for what the words mean there: a bag that never arrived is a case, not a mention to
     * thank for; "retard" is a delay, not a slur; "merci pour rien" is no thanks.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair mi maleta no llegó a Madrid, ¿qué hago?|es|ticket",
            "@acmeair mein Koffer ist nicht angekommen|de|ticket",
            "@acmeair ma valise n'est pas arrivée à Paris|fr|ticket",
            "@acmeair мой багаж не пришёл в Москву|ru|ticket",
            "@acmeair چمدانم نرسیده|fa|ticket",
            "@acmeair حقيبتي لم تصل|ar|ticket",
            "@acmeair mon vol a 4 heures de retard, c'est inadmissible|fr|apologize",
            "@acmeair encore en retard, merci pour rien|fr|apologize",
            "@acmeair gracias por nada, otra vez tarde|es|apologize",
            // Questions as customers ask them there, yes or no without a question word too; "court" is short in French.
            "@acmeair можно взять гитару в салон?|ru|answer",
            "@acmeair у вас есть рейсы в Казань?|ru|answer",
            "@acmeair какой вес ручной клади на эконом?|ru|answer",
            "@acmeair не могу войти в приложение, что случилось?|ru|ticket",
            "@acmeair какой-то ужас, опять задержка|ru|apologize",
            "@acmeair کجا میتونم کارت پرواز رو پرینت کنم؟|fa|answer",
            "@acmeair وين أقدر أشتري تذكرة للقاهرة؟|ar|answer",
            "@acmeair donde puedo ver mis millas?|es|answer",
            "@acmeair gibt es WLAN an Bord?|de|answer",
            "@acmeair le vol court pour Nice est plein ? je voulais changer|fr|answer",
            "@acmeair see you in court, you lost my bag for the third time|en|escalate",
            // Food not fit to eat, however flatly told, is a complaint: never a fan's mention.
            "@acmeair the chicken in my burrito was undercooked|en|apologize",
            // Words read whole in any alphabet: "сгорают", "скидки" and "нужно ли" (the patterns' \w is ASCII).
            "@acmeair нужно ли брать паспорт на внутренний рейс?|ru|answer",
            "@acmeair мои мили сгорают в конце года?|ru|answer",
            "@acmeair есть скидки для студентов?|ru|answer",
            // Their own bag, lost: a case, however the question is put.
            "@acmeair мой багаж не прилетел в Мюнхен. Куда обращаться?|ru|ticket",
            "@acmeair mi maleta no ha llegado, donde lo reclamo?|es|ticket",
            // News and link spam about the brand that speaks to nobody: left alone, not thanked for the mention.
            "Газпромбанк может купить долг «Мечела» у Сбербанка|ru|ignore",
            "#Кредит в россельхозбанке рязань http://t.co/mALrtFOgok|ru|ignore",
            "Acmeair annonce une nouvelle ligne vers Lisbonne https://t.co/x|fr|ignore",
            // One that names us by our handle, or speaks of themselves, the cues leave to the model, which learnt news and chatter
            // from labelled posts.
            "@acmeair Газпромбанк может купить долг «Мечела»|ru|ignore",
            "я вчера была в офисе Acmeair на Маркса|ru|ignore",
            // A trouble beside kind words is sarcasm or a case, never thanks; stranded overnight or left without the wheelchair
            // is a person at once, asking for one is the assistance policy's; what still has not come is a case to look up.
            "@acmeair Merci beaucoup, ma valise est arrivée cassée 🙃|fr|ticket",
            "@acmeair мы с детьми ночуем в аэропорту, никто ничего не говорит|ru|escalate",
            "@acmeair meine Mutter wartet seit einer Stunde am Gate, der Rollstuhl ist nicht gekommen|de|escalate",
            "@acmeair mi padre va en silla de ruedas, como pido asistencia?|es|answer",
            "@acmeair возврат одобрили неделю назад, а деньги так и не пришли. Сколько ждать?|ru|ticket",
            // Stranded, as English's "stranded" and "no hotel": a person at once in every language.
            "@acmeair мы застряли в аэропорту Сочи, рейс отменили, гостиницу не дают|ru|escalate",
            "@acmeair llevamos 7 horas varados en Barajas, sin hotel y sin comida|es|escalate",
            "@acmeair vol annulé, bloqués à Orly avec deux enfants, pas d'hôtel|fr|escalate",
            "@acmeair Flug gestrichen, wir sitzen in Frankfurt fest, kein Hotel|de|escalate",
            "@acmeair پروازمون کنسل شد، الان ۸ ساعته تو فرودگاه گیر افتادیم|fa|escalate",
            "@acmeair إحنا عالقين في مطار القاهرة من ٦ ساعات ولا فندق ولا أكل|ar|escalate",
            // Joy in emoji is no complaint, though the Russian model, learnt from banks, reads "вами" as one.
            "@acmeair послезавтра лечу с вами в Стамбул, жду не дождусь 😍✈️|ru|engage",
            // Spam and phishing are nobody's to answer; a customer's question about our giveaway is answered.
            "ACME AIR ДАРИТ 2 БИЛЕТА! переходи по ссылке и введи данные карты @acmeair|ru|ignore",
            "@acmeair como se participa en el sorteo de los billetes?|es|answer",
            // Talk among others, with no handle of ours: asking anyone, about another airline, retelling the news.
            "alguien ha volado con Vueling a Roma? qué tal el servicio?|es|ignore",
            "Acme Air streicht laut Medienberichten die Strecke nach Dubai. Schade.|de|ignore",
            // A joke before a trip is no delay to be sorry for; thanks for a delay told is no thanks.
            "بكرة رايحين شرم 🏖️ @acmeair متأخروش علينا 😂|ar|engage",
            "спасибо @acmeair за 4 часа задержки и бутерброд, сервис уровня бог 👏👏|ru|apologize",
            // Where their own bag is, is a case; where to claim for it, the policy's.
            "@acmeair وين شنطتي؟؟ وصلت دبي والشنطة ما طلعت|ar|ticket",
            "@acmeair mi maleta llegó con una rueda rota, dónde lo reclamo?|es|answer",
            // Bumped at the gate and held on board for hours: a person at once, as in English.
            "@acmeair нас сняли с рейса из-за овербукинга, а завтра свадьба у сестры|ru|escalate",
            "@acmeair wir sitzen seit 3 Std im Flieger auf dem Vorfeld, kein Wasser, keine Infos|de|escalate",
            // Money from home is spam; an eye-roll beside thanks is irony.
            "GANA DINERO DESDE CASA $500 diarios sin experiencia!! escríbeme al DM @acmeair|es|ignore",
            "Спасибо @acmeair за незабываемые 7 часов во Внуково, сервис на высоте 🙃|ru|apologize"})
    void theCareActionInTheBrandsOtherLanguages(String text, String lang, String action) {
        Analysis a = analyzer.analyze(text, lang);
        assertThat(a.care().label().id()).as(a.reasons().toString()).isEqualTo(action);
    }

    @Test
    void beingStrandedOrAtTheAirportNowIsUrgentInEveryLanguage() {
        assertThat(analyzer.analyze("@acmeair llevamos 7 horas varados en Barajas, sin hotel y sin comida", "es").care().urgent()).isTrue();
        assertThat(analyzer.analyze("@acmeair 6 часов сидим в Домодедово, рейс задержали, что нам делать?", "ru").care().urgent()).isTrue();
        // A question with no time in it is not.
        assertThat(analyzer.analyze("@acmeair gibt es WLAN an Bord?", "de").care().urgent()).isFalse();
    }

    @Test
    void aCourtIsNoPlaceWhoseNameHoldsItsWord() {
        // "суд" inside "Анжеро-Судженск", "demanda" the market's: only the law's words send a post to a person at once.
        assertThat(analyzer.analyze("@acmeair Автокредитование в анжеро-судженске", "ru").care().label()).isNotEqualTo(CareAction.Label.ESCALATE);
        assertThat(analyzer.analyze("@acmeair подам на вас в суд, верните деньги", "ru").care().label()).isEqualTo(CareAction.Label.ESCALATE);
    }

    @Test
    void aLanguageTheCuesCannotReadIsNeverLeftAloneForIt() {
        // No words read, no templates: a person decides, so the cues must not call it news nobody needs to see.
        Analysis a = analyzer.analyze("Amazonで頼んだ商品が届かないよぉ", null);
        assertThat(a.lang()).isEqualTo("ja");
        assertThat(a.care().label()).as(a.reasons().toString()).isNotEqualTo(CareAction.Label.IGNORE);
    }

    @Test
    void everyAnalyserSharesTheBuiltInModels() {
        // Each model is tens of megabytes: the pipeline's, the console's and the tests' analysers read it once between them.
        assertThat(TextModel.load("sentiment-en")).isSameAs(TextModel.load("sentiment-en"));
        assertThat(TextModel.load("irony-en")).isNotSameAs(TextModel.load("sentiment-en"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text | sentiment | emotion | troll | intent
            "@acmeair my bag didn't arrive in Boston and nobody at the desk can tell me anything|negative|frustration|false|problem",
            "@acmeair wtf, you lost my f***ing bag AGAIN. third time this year|negative|anger|false|problem",
            "@acmeair I was charged twice for the same booking and nobody answers my emails. Who do I talk to?|negative|frustration|false|problem",
            "Huge thanks to the crew on @acmeair 221, they were wonderful with my son|positive|gratitude|false|praise",
            "@acmeair when does online check-in open for international flights?|neutral|none|false|question",
            "lol imagine flying @acmeair in 2026. answer the question, your CEO is a clown|negative|frustration|true|other",
            "@acmeair 🚀 100x GUARANTEED crypto signals, DM me now for FREE tokens|neutral|none|false|spam",
            "Great, another 3 hour delay. Just what I needed. Thanks @acmeair|negative|frustration|false|complaint",
            "@acmeair the gate agent was so rude to my mother, really disappointed|negative|disappointment|false|complaint",
            "@acmeair my flight is tomorrow and the app says my booking doesn't exist, I'm so worried|negative|anxiety|false|problem"})
    void labelsHandPickedPosts(String text, String sentiment, String emotion, boolean troll, String intent) {
        Analysis a = analyzer.analyze(text, null);
        assertThat(a.sentiment().label().id()).as("sentiment; %s", a.reasons()).isEqualTo(sentiment);
        assertThat(a.emotion().label().id()).as("emotion; %s", a.reasons()).isEqualTo(emotion);
        assertThat(a.troll().label()).as("troll; %s", a.reasons()).isEqualTo(troll);
        assertThat(a.intent().label().id()).as("intent; %s", a.reasons()).isEqualTo(intent);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // What care teams take to a private channel: a reference number, a plea for help, a locked account.
            "@acmeair Order# 3632693-6196346. You couldn't deliver it even after a month|problem",
            "@acmeair hi, having trouble paying for seats on your app, can you help?|problem",
            "@acmeair they are asking for my password and I don't have one|problem",
            "@acmeair booking #YIU8NM, I need to change the name on it|problem",
            // Not a problem: "can't" that means delight, a booking question without a reference.
            "@acmeair can't wait to fly with you again next week, the crew was lovely|praise",
            "@acmeair can I change my seat after booking?|question"})
    void takesToATicketWhatCareTeamsTakePrivate(String text, String intent) {
        Analysis a = analyzer.analyze(text, null);
        assertThat(a.intent().label().id()).as("intent; %s", a.reasons()).isEqualTo(intent);
    }

    /** An exclamation that starts like a question is none: "what a view!" is a fan's, "how long" still asks. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "What a view from seat 12A @acmeair|false",
            "@acmeair how lovely was that landing in Oslo!|false",
            "@acmeair how safe is it to fly with a cold|true",
            "@acmeair как долго ждать возврат|true",
            "@acmeair ¡Qué maravilla de tripulación!|false",
            "@acmeair was für ein toller Flug nach Berlin|false",
            "@acmeair что за сервис, третий час ждём багаж|false",
            "@acmeair how long does a refund take|true",
            "@acmeair what time does boarding start|true",
            "@acmeair qué hago si perdí mi conexión|true",
            "@acmeair what a mess, where is my bag?|true"})
    void anExclamationIsNoQuestion(String text, boolean question) {
        assertThat(SocialAnalyzer.question(TextPrep.clean(text, CoreNlpAnalyzer.MAX_CHARS, true))).isEqualTo(question);
    }

    @Test
    void politeTrollIsStillATroll() {
        Analysis a = analyzer.analyze("@acmeair with all due respect, answer the question: which party do you support? I'll wait.", null);
        assertThat(a.troll().label()).isTrue();
        assertThat(a.troll().reasons()).anyMatch(r -> r.startsWith("bait"));
    }

    /** "Who even flies them?" is bait; a customer named by what they buy, or a question put to those who use us, is not. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair who even flies you anymore? answer the question|true",
            "Just got recognized at @acmeair as the guy who buys shopping carts full of sports equipment by an employee.  I think I'm here too often!!!|false",
            "Can anyone who uses @acmeair explain why a gradient would get lighter in the middle of two dark colors? I really don't understand.|false",
            // Whole words: "cope" inside "horoscope", "ratio" inside "administratio(n)".
            "@acmeair my horoscope said today would be calm and then the app logged me out twice|false",
            "@acmeair cope, seethe, stay mad|true",
            // The company called a joke baits; a process of ours called one is a gripe to hear.
            "@acmeair this airline is a joke|true",
            "@acmeair your boarding process is a joke|false",
    })
    void whoFliesYouIsBaitOnlyAsAQuestion(String text, boolean bait) {
        Analysis a = analyzer.analyze(text, null);
        assertThat(a.troll().reasons().stream().anyMatch(r -> r.startsWith("bait"))).as(a.reasons().toString()).isEqualTo(bait);
    }

    /** A promotion's words are spam in an offer; the customers who use them (every such post in the labelled data) are not. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair since when you stop giving 20% off videogame pre-orders (amazon prime members) im confused? why?|false",
            "@acmeair you expect us to spend our hard earn $ to fly and make exceptions when you have extra call volume, however, you never make acpt|false",
            "@acmeair the promo code SAVE20 fails at checkout, it says invalid|false",
            "@acmeair Get 50% off your first ride with promo code RIDE50 https://t.co/abc123|true",
            "@acmeair earn $500 a day from home, click here https://t.co/abc123|true",
            "@acmeair free followers fast, dm me now|true",
            // "unfollow me" is no "follow me"; a follow asked for is a DM to open or a fan's wish, a follow-for-follow scheme spam.
            "@acmeair so many people unfollow me after I complained about you, and my refund is still missing|false",
            "@acmeair I believe you have to follow me in order for me to DM you|false",
            "@acmeair Can't DM until you follow me. Thanks!|false",
            "@acmeair YOU ARE AMAZING!!! FOLLOW ME BACK, PLEASE!!!🙏🙏🙏|false",
            "@acmeair follow me and I'll follow you back #teamfollowback|true",
    })
    void promotionWordsAreSpamOnlyInAnOffer(String text, boolean spam) {
        Analysis a = analyzer.analyze(text, null);
        assertThat(a.intent().label() == Intent.Label.SPAM).as(a.reasons().toString()).isEqualTo(spam);
    }

    @Test
    void aTrollsLaughterIsMockeryNotPraise() {
        Analysis a = analyzer.analyze("lol imagine flying @acmeair in 2026. answer the question, your CEO is a clown", null);
        assertThat(a.troll().label()).isTrue();
        assertThat(a.sentiment().label()).isEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void angryButGenuineIsACustomer() {
        Analysis a = analyzer.analyze("@acmeair you are a fucking joke, my refund has been pending for 6 weeks", null);
        assertThat(a.troll().label()).isFalse();
        assertThat(a.troll().offensive()).isTrue();
        assertThat(a.intent().label()).isEqualTo(Intent.Label.PROBLEM);
    }

    /** Offensive is its own label in the contract: swearing about a late flight is offensive, and no troll. */
    @Test
    void aSwearingComplaintIsOffensiveButNoTroll() {
        String line = "{\"id\":\"s1\",\"text\":\"@acmeair your flight is 3 hours late again, this is fucking ridiculous\"}";
        Analysis a = analyzer.analyze("@acmeair your flight is 3 hours late again, this is fucking ridiculous", null);
        assertThat(a.offensive().label()).as(a.reasons().toString()).isTrue();
        assertThat(a.offensive().score()).isBetween(Offensive.THRESHOLD, 1.0);
        assertThat(a.troll().label()).as(a.reasons().toString()).isFalse();
        JsonNode json = AnalyzeCommand.analyse(line, analyzer);
        assertThat(json.at("/offensive/label").isBoolean()).isTrue();
        assertThat(json.at("/offensive/label").asBoolean()).isTrue();
        assertThat(json.at("/offensive/score").asDouble()).isEqualTo(a.offensive().score());
        assertThat(json.at("/troll/label").asBoolean()).isFalse();
    }

    /** Name-calling is offensive without a swear word, as OLID's annotators read it; a customer who does it is still no troll. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // The model alone reads these below its threshold (0.32-0.48); the word decides.
            "@user cowardly move by the council|true",
            "@user the report on the budget and the schools and the roads was written by liars|true",
            "@user the votes are in and the mayor, bless him, is ignorant about the harbour and its history|true",
            "@acmeair flight 202 from Denver to Boston boarded late and the seats were ugly|true",
            "@user I think he is wrong about the budget, and I said so at the meeting|false",
    })
    void nameCallingIsOffensive(String text, boolean offensive) {
        Analysis a = analyzer.analyze(text, null);
        assertThat(a.offensive().label()).as(a.reasons().toString()).isEqualTo(offensive);
        if (text.startsWith("@acmeair")) {
            assertThat(a.troll().label()).as(a.reasons().toString()).isFalse();
        }
    }

    @Test
    void aCalmPostIsNotOffensive() {
        String line = "{\"id\":\"c1\",\"text\":\"@acmeair could you tell me when boarding starts for the 7pm flight to Denver? thanks\"}";
        JsonNode json = AnalyzeCommand.analyse(line, analyzer);
        assertThat(json.at("/offensive/label").isBoolean()).as(json.toString()).isTrue();
        assertThat(json.at("/offensive/label").asBoolean()).as(json.toString()).isFalse();
        assertThat(json.at("/offensive/score").asDouble()).isBetween(0.0, Offensive.THRESHOLD - 1e-9);
        assertThat(json.at("/troll/label").asBoolean()).isFalse();
    }

    /** Analyses stored before the offensive score was kept read the troll's offensive flag. */
    @Test
    void anOlderStoredAnalysisReadsOffensiveFromTheTrollFlag() throws Exception {
        for (String text : List.of("@acmeair this is fucking ridiculous, 3 hours late", "@acmeair when does boarding start?")) {
            Analysis now = analyzer.analyze(text, null);
            ObjectNode json = Json.mapper().valueToTree(now);
            assertThat(Json.mapper().treeToValue(json, Analysis.class).offensive()).isEqualTo(now.offensive());
            json.remove("offensive");
            assertThat(Json.mapper().treeToValue(json, Analysis.class).offensive().label()).as(text).isEqualTo(now.troll().offensive());
        }
    }

    /** Stuck by a place's name is stranded; a crew's delay, a fear of it, a runway or the weather is not. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair I'm stuck in Fort Lauderdale.|true",
            "@acmeair we're still stucked in the airport. #delay|true",
            "@acmeair my 11am flight was delayed bc the crew is stuck in Boston|false",
            "@acmeair I don't want to get stuck in DC if we have bad weather|false",
            "@acmeair flight 3870 to Newark, stuck in the runway|false",
            "@acmeair we're stuck in traffic on the way to the airport|false",
            "@acmeshop my package has been stuck in transit for a week, any update?|false",
            "@acmeair my refund is stuck in pending for 2 weeks|false",
            "@acmeair the app is stuck at checkout, can't pay|false",
            "@acmeair I'm stuck at work so can't pick up my order|false",
            "@acmeair the pilot is stuck in Denver, so our flight is delayed|false",
            "@acmeair I really hope I don't end up stuck in Denver tonight|false",
            "@acmeair my payment stucked on loading page|false",
            "@acmeair another night at the airport hotel, thanks for the voucher!|false"})
    void stuckInAPlaceIsStranded(String text, boolean stranded) {
        assertThat(CareActions.ESCALATE.matcher(text.toLowerCase(java.util.Locale.ROOT)).find()).isEqualTo(stranded);
    }

    /** Sarcasm the care actions rely on: praise words about something out of action are a complaint; thanks for a fix is praise. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "great, out of service AGAIN|negative",
            "@acmeair fantastic, my card got declined AGAIN|negative",
            "Love it when my flight is cancelled again. Thanks @acmeair|negative",
            "@acmeair great service, thanks for the quick help|positive",
            "@acmeair thank you for sorting out the double charge so fast, refund already on my card. great service 🙏|positive",
            "@acmeair the lift at gate 12 is back in service, great job|positive",
            "@acmeair what a wonderful morning, great job team #sarcasm|negative",
            "@acmeair my lovely car rental and living charges...I love being here for two extra days..|negative"})
    void sarcasmIsAComplaintAndThanksForAFixIsPraise(String text, String sentiment) {
        Analysis a = analyzer.analyze(text, null);
        assertThat(a.sentiment().label().id()).as(a.reasons().toString()).isEqualTo(sentiment);
    }

    /** The care action a care lead takes where the words mislead: stranded people go to a person, mockery is no thanks. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair my second flight got cancelled and I have to get home for a surgeryTOMORROW|escalate",
            "@acmeair still need help, I don't have a flight home after the schedule change and I miss all my connections|escalate",
            "@acmeair you bumped us to a later flight and then cancelled it, my sister's wedding is tomorrow morning|escalate",
            "@acmeair thank you for NOT telling anyone the gate moved. #safetyfirst|apologize",
            "@acmeair 40 minutes to answer a tweet? Yea right. Thanks for patronizing.|apologize",
            "@acmeair a $9 voucher for a 6 hour delay. #areyounew #incompetent|apologize",
            "@acmeair do you offer a bereavement fare? my mother passed away and the funeral is on friday|answer",
            "@acmeair thx. Make it right. Help my daughter at gate 12 in Denver, she is 15 and alone|escalate",
            // Stuck in a place by its name, or another night at the airport: stranded now.
            "@acmeair I'm stuck in Fort Lauderdale.|escalate",
            "@acmeair what is happening with flight 1701 from BOS to PHL? Daughter and her fiancee are stuck in BOS!|escalate",
            "@acmeair hahahaha! This is crazy! Well here's to another night at the airport!!|escalate",
            "@acmeair where is my travel voucher from the cancelled flight?|ticket",
            "@acmeair Rolls Out New Lie-Flat Seats On Transcontinental Routes This Spring http://t.co/abc123|ignore",
            "😕 RT @acmeair: New tail design, what do you think? http://t.co/abc123|ignore",
            "💯💯 RT @acmeair: New tail design, what do you think? http://t.co/abc123|engage",
            // A reaction to the brand's own quoted post may be banter to answer; one spoken to a friend is theirs.
            "“@acmeair: Our fleet's on fleek. http://t.co/abc123” 😐😑|engage",
            "@friend aren't you glad this isn't you RT @acmeair: Bet these birds wish they'd flown south http://t.co/abc123|ignore",
            // Hours held on board, told after: an apology; held there with people unwell: a person.
            "@acmeair we are sitting on the runway for 2 hours! It is ridiculous!!|apologize",
            "@acmeair been stuck on the plane for 2 hours with no air conditioning, people are fainting|escalate",
            // "Hospitality" is no hospital, and hours gone by no stranding: a thanks and a case.
            "@acmeair amazing hospitality and helpfulness from Anthony at the gate. Great staff 👏👏|thank",
            "My phone has erased and re-added my emails twice in the past 24 hours. Wth??? @acmeair|ticket",
            // Help praised is thanked, whatever trouble it helped with.
            "@acmeair she helped me with my problem so easily and was so nice, you guys rock!|thank",
            // A follow asked for to open a DM is the case going private, no spam.
            "@acmeair I believe you have to follow me in order for me to DM you|ticket",
            "@acmeair why not reroute us through CLT instead of forcing an overnight in DCA?|escalate",
            "@acmeair on hold again, tried 2X on Friday and now over 15 min. What's up with your phone line?|ticket",
            "@acmeair Maria at the DEN counter deserves a raise, she rebooked us in minutes after the delay|thank",
            "@acmeair may start nonstop service to Lisbon next year http://t.co/abc123 #travelnews|ignore",
            "@acmeair such hot stewardesses on my flight to Reno #winning|ignore",
            "@acmeair Just Take The Train #acmeairfail|ignore",
            "@acmeair my new post: 10 tips to #travel cheap and #save money http://t.co/abc123|ignore",
            "@acmeair thanks again for helping me miss my sister's graduation, you are a garbage company|apologize",
            "@acmeair how is it possible that the crew keeps serving a drunk man who can barely stand?|escalate",
            "“@acmeair: Our new lounge is open. http://t.co/abc123” ayyy 😎|engage",
            "@acmeair it was for my sister's birthday party, so no point flying now. Great.|apologize",
            "@acmeair why did you move me from 3C to 38E on my flight tomorrow?|ticket",
            "@acmeair follow back so I'll send you my booking details|ticket",
            "@acmeair we got bumped from the 6pm to Austin, flight was oversold. now what?|ticket",
            // A flight only called overbooked bumped nobody.
            "@acmeair you pay extra for a better seat but by the time you board your overbooked flight there is no overhead space left|apologize",
            "@acmeair smart. read my earlier tweets and you'll see|apologize",
            // A customer's own moment with its photo and hashtags is a fan's post, not a promoter's.
            "Got my $3 #burrito from @acmeair #happyhalloween 🎃 https://t.co/abc123|engage",
            // A traveller's moment with its photo is a fan's post, however its sentiment reads ("this is why I travel").
            "Treated to a glorious sunset on my way home, this is why I travel. @acmeair #windowseat #avgeek https://t.co/abc123|engage",
            // A request closed with thanks is the request.
            "@acmeair I want to know your office locations in Lagos and Abuja and your contact numbers. Thanks.|answer",
            // A slur, with nothing of theirs to look up, is left alone whatever it asks.
            "Why does twitter email me people I may know, a bunch of niggas.... where they at @acmeair ?|ignore",
            // Something of theirs lost, asked after as "if you found": a search to open.
            "If you found a set of headphones & an iPod @acmeair on Saturday by the coffee shop in Terminal C, please turn them in. Reward offered.|ticket",
            // A service out where they are, beside a game's "chance to win": the outage, no fan's hope.
            "#Astros have a chance to win their first #WorldSeries championship tonight and @acmeair is out in my Cypress neighborhood.|ticket",
            // A practical question is answered, however light its tone; a question asked of the world, or for fun, is not.
            "@acmeair boarding the 22:45 from pad to swindon. Where in reading do I have to go for the bus?dont usually find staff to help!!!|answer",
            "@acmeair what do I wear for this #boorito ??? I'm too indecisice!!! #Halloween2017|engage",
            // Asked last without a question mark, only an emoji and a hashtag after it.
            "Why is “I\uFE0F” keep changing to this and how do I\uFE0F stop it🤦🏽‍♀️ @115858 @acmeair #anybody https://t.co/urzAfSZL5z|answer",
            // An eye-roll beside thanks for a trouble or a long wait is no thanks.
            "@acmeair thank you for the 2 hour delay \uD83D\uDE44|apologize",
            "Happy Halloween! Since I'm too old to trick or treat I now look forward to $3 booritos at @acmeair 👻 I got mine earlier, did you?|engage",
            // The brand greeted is spoken to, not only tagged; our replies called canned are apologised for, not escalated.
            "hey @acmeair, it's #boorito time!  #theRF. https://t.co/fH75f1kFYR|engage",
            "Hey @acmeair, check out our new travel vlog! http://bit.ly/abc http://youtu.be/xyz #travel #vlog #deals|ignore",
            // A sad face is no fan's post.
            "@acmeair This was a good idea in theory but now I have a tummy ache :(((( https://t.co/lnIneXSE3i|apologize",
            // Nor where nothing else is found, unless it cries with laughter; a trouble that keeps coming back is a gripe.
            "@acmeair had to be stuck in the middle seat :( http://t.co/dzeGAPfqw1|apologize",
            "STAHP!! 😂😂😭😭😭😭 RT @acmeair Our fleet's on fleek. http://t.co/BM2unRaOnI|engage",
            "@acmeair happens every time in and out of Newark.|apologize",
            // Staff who accuse, a near miss, another customer's data, an allergy, a small child seated alone: a person at once.
            "@acmeair We were told at the gate that her cc was declined. Supervisor accused us of illegal activity.|escalate",
            "@acmeair my son is on flight 3710. The plane came within feet of colliding  another plane and is stopped.|escalate",
            "@acmeair how do i know my information is safe? I can see someone else's reservation, rr # and trip|escalate",
            "@acmeair thanks for leaving our 3 year old in his own row flight 360 LAX-IAD|escalate",
            "@acmeair hot stewardess flipped me off|escalate",
            // A promotion's words beside a fault are a customer's; a post with links and hashtags that complains is no advert.
            "@acmeair app error - says click here, can't click not hyperlinked http://t.co/IH5w9nfKz2|ticket",
            "@acmeair sure knows how to pamper customers they strand abroad. #badcustomerservice #fend4yourself #youareonyourown http://t.co/Pw1eudlcZg|escalate",
            // A row to oneself is no child alone; a question about nuts is no allergy.
            "@acmeair got a whole row to myself, my own row! best flight ever|thank",
            "@acmeair do you serve nuts on board? asking for a friend|answer",
            // Asking how to send a DM points to none.
            "@acmeair how do i send you a private message|answer",
            // Asking whether medicine may come along is policy; medicine lost or left behind is a person's at once.
            "@acmeair can I bring my insulin pens in my carry on?|answer",
            "@acmeair my insulin is in my lost bag and I need it tonight|escalate",
            // A fault shown with a video and hashtags is no advert.
            "Come on @acmeair #ios11.1  Same bug as before. Numbers disappear when entering info. Video below. #iosproblems https://t.co/eKirAn2Mam|ticket",
            "@acmeair thanks for the canned reply.|apologize",
            // Good news of what the brand offers, shared, is nodded to; the market's news is nobody's to answer.
            "@acmeair unveils 4 new routes, including 2 from #Ohio http://t.co/4uRzvBPJKO via @usatoday|engage",
            "@acmeair Airways Corporation Registers High Short Interest - Wall Street Pulse http://t.co/hXSnv7fbbh|ignore",
            // When a delivery of theirs arrives is in their record.
            "@acmeair Can you tell me what that means? I just need an estimated time of arrival please? I need my laptop for work. Thanks|ticket",
            // Scorn in emoji alone, a jab at the staff, a post to a friend naming the airline they fly: nothing to answer.
            "@acmeair 🤡🤡|ignore",
            "imagine working for @acmeair lmao|ignore",
            "@sam_k you're on @acmeair tonight right? bring snacks, the line at security is insane|ignore",
            // Health, safety, a child alone, the next flight tomorrow: a person at once.
            "@acmeair stuck in CLT after my connection was cancelled, next flight home is tomorrow at 6am and nobody offered anything|escalate",
            "@acmeair passenger next to me is feeling dizzy, we've been sitting here 2 hours with the air off|escalate",
            "@acmeair there's a smell of burning in the cabin on flt 220 and crew says it's fine?|escalate",
            "@acmeair my 8 year old is flying alone on flight 233 and it got diverted to Reno. who is with my daughter??|escalate",
            "@acmeair I can't reach my wife while she's in the air and her father is about to pass. Please help|escalate",
            // Somebody praised by name, whatever trouble they helped with.
            "Big shoutout to Dominic at the @acmeair desk in Orlando who found us seats after our flight was cancelled. legend!|thank",
            "@acmeair Rosa at gate B4 stayed past her shift to find my grandmother a seat on the last flight out. She deserves recognition|thank",
            // Sarcasm is a complaint: one kind word closing a trouble, "nothing says ... like".
            "@acmeair my stroller came off the plane cracked. Great.|apologize",
            "nothing says premium like @acmeair charging $30 for a blanket|apologize",
            // A shared moment, whatever its "never" does to the sentiment.
            "sunrise from the window seat over the Rockies never gets old @acmeair https://t.co/abc|engage",
            // Good news closed with a kind word is no sarcasm.
            "@acmeair flight landed 40 min early and my bag was first off. Great!|thank",
            // An idiom of irony beside a trouble is a complaint; without one, "love how" is love.
            "@acmeair love how my bag went to Denver and I went to Austin|apologize",
            "@acmeair I love how friendly your crew always is!|thank",
            "@acmeair I love it when the crew sings happy birthday to a kid on board, you made our day|thank",
            // A trouble that is the story of the praise: a hospital, a drunk passenger handled, a scared child.
            "Big shoutout to Dana at the @acmeair desk in DEN who got me on the last flight so I could reach my mom in the hospital. what a star|thank",
            "@acmeair crew on my flight tonight handled an unruly drunk passenger calmly and professionally. #respect|thank",
            "@acmeair the flight attendant on 302 saw my son was scared and let him visit the cockpit after landing. made his whole week ❤️|thank",
            // Bait: a bankruptcy wished, a choice mocked.
            "@acmeair bankrupt when? asking for a friend|ignore",
            "imagine choosing to fly @acmeair lol|ignore"})
    void theCareActionACareLeadTakesWhereTheWordsMislead(String text, String action) {
        Analysis a = analyzer.analyze(text, null);
        assertThat(a.care().label().id()).as(a.reasons().toString()).isEqualTo(action);
    }

    /** Thanks to the crew for a job done in a disruption is thanks, whatever the model reads in the disruption's words. */
    @Test
    void thanksToTheCrewThroughADisruptionIsThanks() {
        Analysis a = analyzer.analyze("@acmeair I want to give a warm thanks to your crew at Logan airport for still getting me to the DC area "
                + "after cancellations this morning", null);
        assertThat(a.care().label()).as(a.reasons().toString()).isEqualTo(CareAction.Label.THANK);
    }

    @Test
    void questionInsideAComplaintIsAProblemToSolve() {
        Analysis a = analyzer.analyze("@acmeair 2 hours on hold and still no refund. Why is it so hard to get my money back?", null);
        assertThat(a.sentiment().label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(a.intent().label()).isEqualTo(Intent.Label.PROBLEM);
    }

    @Test
    void russianIsReadByTheRussianModel() {
        Analysis a = analyzer.analyze("@acmeair ужасный сервис, мой багаж потеряли и никто не отвечает", null);
        assertThat(a.lang()).isEqualTo("ru");
        assertThat(a.sentiment().label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(a.intent().label()).isEqualTo(Intent.Label.PROBLEM);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair llevo dos semanas esperando el reembolso de mi vuelo cancelado|es|negative",
            "Muchas gracias @acmeair, el vuelo fue excelente|es|positive",
            "@acmeair vol annulé et bagage perdu, c'est inadmissible|fr|negative",
            "@acmeair schon wieder zwei Stunden Verspätung in Frankfurt. Sehr ärgerlich.|de|negative",
            "@acmeair ممنون، پرواز عالی بود|fa|positive",
            "@acmeair تأخرت رحلتي ثلاث ساعات|ar|negative",
            "@acmeair the flight was fine, thanks|en|positive",
            "@acmeair En vez de mejorar EMPEORAN, ahora son unas RATAS|es|negative",
            "@acmeair ça ne marche pas depuis hier, j'en ai marre|fr|negative"})
    void otherLanguagesAreDetectedAndReadWithTheirWordList(String text, String lang, String sentiment) {
        Analysis a = analyzer.analyze(text, null);
        assertThat(a.lang()).isEqualTo(lang);
        assertThat(a.sentiment().label().id()).as(a.reasons().toString()).isEqualTo(sentiment);
    }

    /** Latin-script languages are named, those without templates too, so their posts go to a person, never a reply in a neighbour's language. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair uçuşum iptal oldu ve hala bir bilgi yok, neden?|tr",
            "@acmeair meu voo foi cancelado e ainda não tenho resposta|pt",
            "@acmeair il mio volo è in ritardo di tre ore, grazie per niente|it",
            "@acmeair mijn koffer is nog steeds niet aangekomen|nl",
            "@acmeair my bag is still not here, any news?|en",
            "@acmeair le vol est en retard, c'est la troisième fois|fr",
            // Lingua is asked only when another language shows itself: short English stays English, near ties go to common words.
            "Hola @acmeair necesito urgente la actualización de software. La batería me dura literal medio día|es",
            "@acmeair is the $3 one per person?|en",
            "@acmeair DM sent|en",
            "@acmeair thnx!|en",
            "@acmeair de-icing took two hours again|en",
            "@acmeair what's the status of flight 1008 Bogotá-Houston?|en",
            // Names are no common words: "Las", "Los" inside a sentence are places; a Portuguese post stays Portuguese.
            "@acmeair Las Vegas to Los Angeles cancelled again|en",
            "Cadê minha mala? Voo de Lisboa para Madrid, que absurdo|pt",
            // Product names in Latin letters inside another script's post: the script's language; a name in it inside English: English.
            "amazonのfireTVstickが見れない😢|ja",
            "@acmeair 넷플릭스 Netflix 앱이 안 열려요|ko",
            "@acmeair loved the sushi at 寿司屋 before my flight from Tokyo|en"})
    void languagesWithoutTemplatesAreRecognised(String text, String lang) {
        assertThat(Languages.of(text)).isEqualTo(lang);
    }

    /** A practical question may turn a fan's chatter into an answer; a playful one, or "where is the love?", may not. */
    @Test
    void aPracticalQuestionIsToldFromAPlayfulOne() {
        assertThat(CareActions.ASKS_US.matcher("where in reading do i have to go for the bus?").find()).isTrue();
        assertThat(CareActions.ASKS_US.matcher("is it alright if i format the drive first?").find()).isTrue();
        assertThat(CareActions.ASKS_US.matcher("where is the love? haha").find()).isFalse();
        assertThat(CareActions.WINKED.matcher("how do i get tix to the show? \uD83D\uDE09").find()).isTrue();
        assertThat(CareActions.WINKED.matcher("how do i change my tickets to next week?").find()).isFalse();
    }

    /** A service out where the customer is, not a service out of this world or a night out on the town. */
    @Test
    void anOutageIsAProblemAndPraiseIsNot() {
        for (String text : List.of("internet has been down for almost 30 mins now", "internet's still down", "@acmeair is out in my Cypress neighborhood")) {
            assertThat(Cues.OUTAGE.matcher(text).find()).as(text).isTrue();
        }
        for (String text : List.of("The inflight service was out of this world, thank you crew!", "Night out on the town in Denver",
                "we'll be down in the city all weekend")) {
            assertThat(Cues.OUTAGE.matcher(text).find()).as(text).isFalse();
        }
    }

    @Test
    void everyLabelSaysWhy() {
        Analysis a = analyzer.analyze("@acmeair worst airline ever, my bag is lost", null);
        assertThat(a.reasons()).anyMatch(r -> r.startsWith("Sentiment negative") && r.contains("\"worst\""));
        assertThat(a.reasons()).anyMatch(r -> r.startsWith("Intent problem") && r.contains("lost"));
        assertThat(a.reasons()).anyMatch(r -> r.startsWith("Troll no"));
    }

    @Test
    void oddInputNeverThrows() {
        String huge = "bad service ".repeat(90_000);
        String binary = new String(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10, 13}, StandardCharsets.ISO_8859_1);
        for (String text : List.of("", "   ", huge, binary, "\u200b\u200c\u200d\u2060", "hello \u202eevil\u202c world",
                "مرحبا hello привет 👋", "@acmeair https://x.co/a", "😡😡😡", "<script>alert(1)</script>")) {
            Analysis a = analyzer.analyze(text, null);
            assertThat(a.sentiment()).isNotNull();
            assertThat(a.intent()).isNotNull();
            assertThat(a.lang()).isNotBlank();
        }
    }

    /** Something to look up is a charge, not the lack of one: "sent it overnight at no charge" opens no case. */
    @Test
    void noChargeIsNothingToLookUp() {
        assertThat(CareActions.LOOKUP.matcher("they overnighted it at no charge which is awesome").find()).isFalse();
        assertThat(CareActions.LOOKUP.matcher("replaced it free of charge").find()).isFalse();
        assertThat(CareActions.LOOKUP.matcher("what is this charge on my card").find()).isTrue();
    }
}
