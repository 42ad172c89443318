package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TweetNLP's word clusters as the features read them. */
class WordClustersTest {

    @Test
    void wordsOfTheSameUseShareACluster() {
        assertThat(WordClusters.path("delayed")).isNotNull().isEqualTo(WordClusters.path("cancelled"));
        assertThat(WordClusters.path(":(")).isEqualTo(WordClusters.path(":-("));
        assertThat(WordClusters.path("delayed")).isNotEqualTo(WordClusters.path("love"));
    }

    @Test
    void unknownWordsHaveNoCluster() {
        assertThat(WordClusters.path("zzqxjv")).isNull();
        assertThat(WordClusters.path("<user>")).isNull();
    }

    @Test
    void featuresCarryTheClusterAndItsNegation() {
        var f = Features.of(SocialText.of("my flight was not cancelled"));
        String path = WordClusters.path("cancelled");
        assertThat(f.getCount(Features.CLUSTER + path + "_NEG")).isEqualTo(1.0);
        assertThat(f.keySet()).noneMatch(k -> k.equals(Features.CLUSTER + path));
    }
}
