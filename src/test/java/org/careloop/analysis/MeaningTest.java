package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import org.junit.jupiter.api.Test;

class MeaningTest {

    /** Two ways of saying one thing read closer than two things said with shared words. */
    @Test
    void postsThatMeanTheSameReadAlikeWithoutSharingAWord() {
        double sameMeaning = cosine("my suitcase never showed up at baggage claim", "where is my luggage? it didn't arrive");
        double sharedWords = cosine("my suitcase never showed up at baggage claim", "my suitcase is the best thing I bought this year");
        assertThat(sameMeaning).isGreaterThan(sharedWords);
    }

    @Test
    void theMeaningIsAddedBesideTheWordsNotInsteadOfThem() {
        Counter<String> words = new ClassicCounter<>();
        words.setCount("w=bag", 1);
        Counter<String> read = Meaning.features(words, "my bag never arrived");
        assertThat(read.getCount("w=bag")).isEqualTo(1);
        assertThat(read.keySet().stream().filter(Meaning::isMeaning)).hasSize(384);
        assertThat(Meaning.features(words, "").keySet()).as("an empty post still reads").hasSize(385);
    }

    /** Sentiment and the care action may both ask for one post's meaning: the second asks costs nothing and changes nothing. */
    @Test
    void aPostReadTwiceReadsTheSame() {
        float[] first = Meaning.of("my bag never arrived");
        first[0] += 100;
        float[] again = Meaning.of("my bag never arrived");
        assertThat(again[0]).isLessThan(50);
        assertThat(Meaning.similarity(again, Meaning.of("my bag never arrived"))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Meaning.similarity(again, Meaning.of("what a lovely crew"))).isLessThan(0.9);
    }

    private static double cosine(String a, String b) {
        Counter<String> x = Meaning.features(new ClassicCounter<>(), a);
        Counter<String> y = Meaning.features(new ClassicCounter<>(), b);
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (String k : x.keySet()) {
            dot += x.getCount(k) * y.getCount(k);
            nx += x.getCount(k) * x.getCount(k);
            ny += y.getCount(k) * y.getCount(k);
        }
        return dot / Math.sqrt(nx * ny);
    }
}
