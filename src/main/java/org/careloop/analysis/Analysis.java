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
 * @param intent    what the post wants: an answer, troubleshooting, acknowledgement...
 * @param care      the care action a care lead would take, and whether time matters
 * @param reasons   the signals behind the labels, in words
 */
public record Analysis(String lang, Sentiment sentiment, Emotion emotion, Troll troll, Intent intent, CareAction care,
                       List<String> reasons) {

    @JsonCreator
    public Analysis(@JsonProperty("lang") String lang, @JsonProperty("sentiment") Sentiment sentiment,
                    @JsonProperty("emotion") Emotion emotion, @JsonProperty("troll") Troll troll,
                    @JsonProperty("intent") Intent intent, @JsonProperty("care") CareAction care,
                    @JsonProperty("reasons") List<String> reasons) {
        this.lang = lang;
        this.sentiment = sentiment;
        this.emotion = emotion == null ? Emotion.NONE : emotion;
        this.troll = troll == null ? Troll.NONE : troll;
        this.intent = intent == null ? Intent.UNKNOWN : intent;
        this.care = care == null ? CareActions.fromIntent(this.intent, this.troll) : care;
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Sentiment only (the v0 analyser, and tests). */
    public Analysis(String lang, Sentiment sentiment, List<String> reasons) {
        this(lang, sentiment, null, null, null, null, reasons);
    }

    /** The same analysis without a care action of its own (it is then read from the intent). */
    public Analysis(String lang, Sentiment sentiment, Emotion emotion, Troll troll, Intent intent, List<String> reasons) {
        this(lang, sentiment, emotion, troll, intent, null, reasons);
    }
}
