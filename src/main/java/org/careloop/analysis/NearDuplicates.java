package org.careloop.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * Groups posts that say the same thing: the same text once lower-cased and stripped of handles,
 * links, an {@code RT} prefix, punctuation and extra spaces ({@link ActionsSplit#normalise}), and
 * texts whose words mostly overlap (a reposted headline with a word added or moved, a retweet cut
 * short). A split that keeps each group on one side measures on posts that are really new, not
 * on copies of training rows.
 */
final class NearDuplicates {

    /** Two texts whose word sets overlap this much (Jaccard) are one group. */
    static final double SAME = 0.7;

    private NearDuplicates() {}

    /**
     * Each normalised text's group, named by the group's first normalised text in sort order (so
     * the name does not depend on the order the texts came in).
     */
    static Map<String, String> groups(Collection<String> texts) {
        String[] unique = new TreeSet<>(texts.stream().map(ActionsSplit::normalise).toList()).toArray(String[]::new);
        List<Set<String>> words = new ArrayList<>(unique.length);
        Map<String, Integer> frequency = new HashMap<>();
        for (String t : unique) {
            Set<String> w = t.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(t.split(" ")));
            words.add(w);
            w.forEach(x -> frequency.merge(x, 1, Integer::sum));
        }
        int[] parent = new int[unique.length];
        Arrays.setAll(parent, i -> i);
        // Prefix filtering: two sets at SAME or closer share one of their rarest |s| - ceil(SAME |s|) + 1 words.
        Map<String, List<Integer>> byRareWord = new HashMap<>();
        Comparator<String> rarestFirst = Comparator.<String>comparingInt(frequency::get).thenComparing(Comparator.naturalOrder());
        for (int i = 0; i < unique.length; i++) {
            Set<String> w = words.get(i);
            if (w.isEmpty()) {
                continue;
            }
            List<String> sorted = w.stream().sorted(rarestFirst).toList();
            int prefix = sorted.size() - (int) Math.ceil(SAME * sorted.size() - 1e-9) + 1;
            Set<Integer> candidates = new HashSet<>();
            for (String x : sorted.subList(0, prefix)) {
                List<Integer> seen = byRareWord.computeIfAbsent(x, k -> new ArrayList<>());
                candidates.addAll(seen);
                seen.add(i);
            }
            for (int j : candidates) {
                if (jaccard(w, words.get(j)) >= SAME) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        // A group is named by its first text in sort order (roots depend on the order of the unions).
        Map<Integer, String> first = new HashMap<>();
        for (int i = 0; i < unique.length; i++) {
            first.putIfAbsent(root(parent, i), unique[i]);
        }
        Map<String, String> group = new HashMap<>();
        for (int i = 0; i < unique.length; i++) {
            group.put(unique[i], first.get(root(parent, i)));
        }
        return group;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        int shared = 0;
        for (String x : a) {
            if (b.contains(x)) {
                shared++;
            }
        }
        int union = a.size() + b.size() - shared;
        return union == 0 ? 1 : (double) shared / union;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** A stable bucket from 0 to {@code of - 1} for a text or group name, different for each salt. */
    static int bucket(String key, String salt, int of) {
        CRC32 crc = new CRC32();
        crc.update((key + salt).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % of);
    }
}
