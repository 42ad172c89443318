package org.careloop.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the analysis understood of one post. Every label carries reasons a person can read.
 *
 * @param lang      ISO 639-1 language, or {@code und} when unknown
 * @param sentiment polarity with score and confidence
 * @param emotion   the customer's main feeling
 * @param troll     whether the post baits or abuses the brand rather than asking for help
 * @param offensive whether the language is offensive, apart from the troll decision
 * @param intent    what the post wants: an answer, troubleshooting, acknowledgement...
 * @param care      the care action a care lead would take, and whether time matters
 * @param reasons   the signals behind the labels, in words
 */
public record Analysis(String lang, Sentiment sentiment, Emotion emotion, Troll troll, Offensive offensive, Intent intent,
                       CareAction care, List<String> reasons) {

    @JsonCreator
    public Analysis(@JsonProperty("lang") String lang, @JsonProperty("sentiment") Sentiment sentiment,
                    @JsonProperty("emotion") Emotion emotion, @JsonProperty("troll") Troll troll,
                    @JsonProperty("offensive") Offensive offensive, @JsonProperty("intent") Intent intent, @JsonProperty("care") CareAction care,
                    @JsonProperty("reasons") List<String> reasons) {
        this.lang = lang;
        this.sentiment = sentiment;
        this.emotion = emotion == null ? Emotion.NONE : emotion;
        this.troll = troll == null ? Troll.NONE : troll;
        // Analyses stored before the offensive score was kept have only the troll's flag: its label, scored 1 or 0.
        this.offensive = offensive != null ? offensive : this.troll.offensive() ? new Offensive(true, 1) : Offensive.NONE;
        this.intent = intent == null ? Intent.UNKNOWN : intent;
        this.care = care == null ? CareActions.fromIntent(this.intent, this.troll) : care;
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The analysis without an offensive score of its own (it is then read from the troll's flag). */
    public Analysis(String lang, Sentiment sentiment, Emotion emotion, Troll troll, Intent intent, CareAction care, List<String> reasons) {
        this(lang, sentiment, emotion, troll, null, intent, care, reasons);
    }

    /** Sentiment only (the v0 analyser, and tests). */
    public Analysis(String lang, Sentiment sentiment, List<String> reasons) {
        this(lang, sentiment, null, null, null, null, null, reasons);
    }

    /** The same analysis without a care action of its own (it is then read from the intent). */
    public Analysis(String lang, Sentiment sentiment, Emotion emotion, Troll troll, Intent intent, List<String> reasons) {
        this(lang, sentiment, emotion, troll, null, intent, null, reasons);
    }
}
