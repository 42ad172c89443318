package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.careloop.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The split between training and measuring rows never puts a post and its copy on both sides. */
class CorpusSplitTest {

    private static final String[] POSTS = {
            "my bag never made it to Boston and nobody at the desk tells me anything",
            "charged twice for the same booking and still waiting on the refund",
            "the crew on flight 221 were wonderful with my little son",
            "when does online check-in open for international flights",
            "app keeps crashing whenever I try to add a passport number",
            "three hours stuck on the tarmac in Denver without water",
            "lost my phone on the plane yesterday, seat 14C, please help",
            "why was my upgrade voucher rejected at the gate today",
            "loyalty points from last month's trip still missing",
            "the lounge in Dallas was filthy and the staff ignored us",
            "can I bring a guitar as cabin luggage on regional jets",
            "my wheelchair assistance request vanished from the booking",
            "flight attendant Maria deserves a raise, so kind to my grandmother",
            "boarding pass email never arrived, the website shows an error",
            "rebooked onto a flight leaving after my conference ends",
            "Wi-Fi charged but never connected during the whole journey",
            "pet carrier rules differ between your site and your agents",
            "food voucher for the delay worth nothing at the airport shops",
            "baby stroller came back broken with a bent wheel",
            "mileage card sent to an old address, how do I update it",
            "great landing in fog, captain Lee handled it brilliantly",
            "seat map changed and my family is split across rows",
            "customs form missing from the welcome pack on arrival",
            "hotel shuttle promised after cancellation never showed up",
            "refund form rejects my ticket number every single time",
            "gate moved twice without any announcement in Chicago",
            "headphones jack broken on row 30, movie had no sound",
            "thanks for sorting my name change so quickly yesterday",
            "unaccompanied minor fee charged although my daughter is sixteen",
            "snacks ran out before the trolley reached the back rows"};

    @Test
    void retweetsRepostsAndRewordedHeadlinesLandOnOneSide() {
        List<Corpus.Row> rows = new ArrayList<>();
        Map<String, Integer> family = new HashMap<>();
        for (int f = 0; f < POSTS.length; f++) {
            String base = POSTS[f];
            String[] words = base.split(" ");
            String moved = String.join(" ", Arrays.copyOfRange(words, 2, words.length)) + " " + words[0] + " " + words[1];
            for (String text : List.of(base, "@acmeair " + base + "!! https://t.co/x" + f, "RT @someone: @AcmeAir " + base.toUpperCase(),
                    "  " + base + "...  ", "again: " + base, "news: " + moved)) {
                rows.add(new Corpus.Row("r" + rows.size(), text, "negative", null));
                family.put("r" + (rows.size() - 1), f);
            }
        }
        Corpus corpus = new Corpus("synthetic", rows);
        Map<Integer, Set<Boolean>> sides = new HashMap<>();
        for (Corpus.Row r : rows) {
            sides.computeIfAbsent(family.get(r.id()), k -> new HashSet<>()).add(corpus.heldOut(r));
        }
        assertThat(sides.values()).allMatch(s -> s.size() == 1);
        assertThat(new HashSet<>(corpus.groups().values())).hasSize(POSTS.length);
        // The split still splits: some posts are measured, most train.
        long measured = sides.values().stream().filter(s -> s.contains(true)).count();
        assertThat(measured).isBetween(1L, 15L);
    }

    @Test
    void differentPostsAreNotGrouped() {
        Map<String, String> groups = NearDuplicates.groups(List.of("my bag never made it to Boston", "my refund is three weeks late",
                "the crew on flight 221 was wonderful"));
        assertThat(new HashSet<>(groups.values())).hasSize(3);
    }

    /** On the real sets: no normalised text, and no text with nearly the same words, on both sides. */
    @ParameterizedTest
    @ValueSource(strings = {"sentiment/airline-dev.jsonl", "sentiment/semeval2017-val.jsonl", "sentiment/sentirueval-banks.jsonl",
            "abuse/olid-train.jsonl"})
    void noPostIsMeasuredThatHasACopyInTraining(String file) throws Exception {
        Path data = SharedData.dir();
        Corpus corpus = Corpus.read(data.resolve(file));
        Set<String> training = corpus.training().stream().map(r -> ActionsSplit.normalise(r.text())).collect(Collectors.toSet());
        Set<String> held = corpus.heldOutRows().stream().map(r -> ActionsSplit.normalise(r.text())).collect(Collectors.toSet());
        assertThat(held).doesNotContainAnyElementsOf(training);
        double share = (double) corpus.heldOutRows().size() / corpus.rows().size();
        assertThat(share).isBetween(0.15, 0.25);
        // Nearly the same words, checked another way: a training text at SAME or closer shares at least
        // ceil(SAME |x|) words with x, so it shares one of any |x| - ceil(SAME |x|) + 1 words of x (here its rarest).
        Map<String, List<Set<String>>> byWord = new HashMap<>();
        for (String t : training) {
            Set<String> words = words(t);
            words.forEach(w -> byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(words));
        }
        int compared = 0;
        for (String t : held) {
            Set<String> words = words(t);
            int enough = words.size() - (int) Math.ceil(NearDuplicates.SAME * words.size() - 1e-9) + 1;
            List<String> rarest = words.stream().sorted(java.util.Comparator.comparingInt(w -> byWord.getOrDefault(w, List.of()).size()))
                    .limit(enough).toList();
            for (String w : rarest) {
                for (Set<String> other : byWord.getOrDefault(w, List.of())) {
                    compared++;
                    assertThat(NearDuplicates.jaccard(words, other)).as("%s ~ %s", t, other).isLessThan(NearDuplicates.SAME);
                }
            }
        }
        assertThat(compared).isPositive();
    }

    /** The TWCS conversations: a tweet and the one it answers are always in the same part, and both parts are used. */
    @Test
    void aConversationIsNeverSplitBetweenDevelopmentAndTest() throws Exception {
        Map<String, com.fasterxml.jackson.databind.JsonNode> byId = new HashMap<>();
        for (Corpus.Row r : Corpus.read(SharedData.dir().resolve("conversations/twcs-dev.jsonl"), n -> "any").rows()) {
            byId.put(r.raw().path("tweet_id").asText(), r.raw());
        }
        int linked = 0;
        int test = 0;
        for (com.fasterxml.jackson.databind.JsonNode t : byId.values()) {
            boolean side = EvaluateCommand.twcsTest(t, byId);
            test += side ? 1 : 0;
            com.fasterxml.jackson.databind.JsonNode parent = byId.get(t.path("in_response_to_tweet_id").asText());
            if (parent != null) {
                linked++;
                assertThat(EvaluateCommand.twcsTest(parent, byId)).as(t.toString()).isEqualTo(side);
            }
        }
        assertThat(linked).isGreaterThan(1000);
        assertThat((double) test / byId.size()).isBetween(0.3, 0.7);
    }

    private static Set<String> words(String normalised) {
        return normalised.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(normalised.split(" ")));
    }
}
