package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** VADER's lexicon as the features read it: valences, negation, the compound. */
class SentimentLexiconTest {

    @Test
    void knowsWordsEmoticonsAndSlang() {
        assertThat(SentimentLexicon.valence("great")).isPositive();
        assertThat(SentimentLexicon.valence("horrible")).isNegative();
        assertThat(SentimentLexicon.valence(":)")).isPositive();
        assertThat(SentimentLexicon.valence("wtf")).isNegative();
        assertThat(SentimentLexicon.valence("boston")).isZero();
    }

    @Test
    void knowsRussianWordsByTheirStem() {
        assertThat(SentimentLexicon.valence("отличный")).isPositive();
        assertThat(SentimentLexicon.valence("отлично")).isPositive();
        assertThat(SentimentLexicon.valence("ужасное")).isNegative();
        assertThat(SentimentLexicon.valence("недовольна")).isNegative();
        assertThat(SentimentLexicon.valence("банк")).isZero();
        assertThat(SentimentLexicon.valence("отлично_NEG")).isNegative();
        assertThat(SentimentLexicon.score(SocialText.of("Спасибо, всё отлично работает").tokens).compound()).isPositive();
    }

    @Test
    void negationTurnsAndDampsAWord() {
        double good = SentimentLexicon.valence("good");
        assertThat(SentimentLexicon.valence("good_NEG")).isNegative().isGreaterThan(-good);
    }

    @Test
    void scoresAPostAsSocialTextReadsIt() {
        SentimentLexicon.Score s = SentimentLexicon.score(SocialText.of("The crew was not helpful, the food was awful").tokens);
        assertThat(s.negativeWords()).isEqualTo(2);
        assertThat(s.positiveWords()).isZero();
        assertThat(s.compound()).isBetween(-1.0, -0.3);
        assertThat(SentimentLexicon.score(List.of()).compound()).isZero();
    }

    @Test
    void featuresCarryTheLexiconScores() {
        var f = Features.of(SocialText.of("love it, thank you so much"));
        assertThat(f.getCount("lexs=comp")).isPositive();
        assertThat(f.getCount("lexb=vp")).isEqualTo(1.0);
    }
}
