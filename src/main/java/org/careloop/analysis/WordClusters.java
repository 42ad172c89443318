package org.careloop.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The Twitter word clusters of CMU's TweetNLP (Owoputi et al. 2013): 217,000 words, emoticons and
 * spellings from 56 million tweets, grouped by Brown clustering into 1,000 classes whose bit-string
 * paths nest ("delayed" and "cancelled" share a class; "sooo" sits beside "so"). A model trained
 * on a few thousand posts then knows words it never saw in training by the company they keep. The
 * file arrives with the tagger's jar on Maven Central; only the cluster list is read.
 */
final class WordClusters {

    static final String RESOURCE = "cmu/arktweetnlp/50mpaths2";
    private static final Map<String, String> PATHS = load();

    private WordClusters() {}

    /** The cluster path of a lower-cased word, or null when the clusters do not know it. */
    static String path(String word) {
        return PATHS.get(word);
    }

    private static Map<String, String> load() {
        try (InputStream in = WordClusters.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The word clusters " + RESOURCE + " are missing from the build (dependency ark-tweet-nlp)");
            }
            Map<String, String> paths = new HashMap<>(300_000);
            Map<String, String> shared = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int a = line.indexOf('\t');
                int b = line.indexOf('\t', a + 1);
                if (a > 0 && b > a) {
                    // One string per cluster: 1,000 paths shared by 217,000 words.
                    String path = shared.computeIfAbsent(line.substring(0, a), p -> p);
                    paths.put(line.substring(a + 1, b), path);
                }
            }
            return paths;
        } catch (IOException e) {
            throw new IllegalStateException("The word clusters cannot be read: " + e.getMessage(), e);
        }
    }
}
