package org.careloop.analysis;

import java.util.List;

/**
 * What the analysis understood of one post. Every label carries reasons a person can read.
 * The analysis issue extends this record with emotion, troll and intent.
 *
 * @param lang      ISO 639-1 language, or {@code und} when unknown
 * @param sentiment polarity with score and confidence
 * @param reasons   the signals behind the labels, in words
 */
public record Analysis(String lang, Sentiment sentiment, List<String> reasons) {

    public Analysis {
        reasons = List.copyOf(reasons);
    }
}
