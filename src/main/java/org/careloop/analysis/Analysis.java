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
 * @param reasons   the signals behind the labels, in words
 */
public record Analysis(String lang, Sentiment sentiment, Emotion emotion, Troll troll, Intent intent, List<String> reasons) {

    @JsonCreator
    public Analysis(@JsonProperty("lang") String lang, @JsonProperty("sentiment") Sentiment sentiment,
                    @JsonProperty("emotion") Emotion emotion, @JsonProperty("troll") Troll troll,
                    @JsonProperty("intent") Intent intent, @JsonProperty("reasons") List<String> reasons) {
        this.lang = lang;
        this.sentiment = sentiment;
        this.emotion = emotion == null ? Emotion.NONE : emotion;
        this.troll = troll == null ? Troll.NONE : troll;
        this.intent = intent == null ? Intent.UNKNOWN : intent;
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Sentiment only (the v0 analyser, and tests). */
    public Analysis(String lang, Sentiment sentiment, List<String> reasons) {
        this(lang, sentiment, null, null, null, reasons);
    }
}
