package org.careloop.care;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.careloop.analysis.ActionsSplit;
import org.careloop.analysis.Languages;
import org.careloop.knowledge.Knowledge;
import org.careloop.knowledge.Terms;
import org.careloop.config.Json;

/**
 * {@code careloop drafting-report}: what CareLoop says over real posts, in the figures a care lead
 * reads first: how many drafts echo a detail of the post, how varied they are, whether any
 * promises a fix time, and whether any answers in another language than the post's.
 */
public final class DraftingReport {

    /** A time the team cannot promise: "within the hour", "in 2 days", "by tomorrow". */
    static final Pattern FIX_TIME = Pattern.compile(
            "(?i)\\b(within (the|an|a|\\d+) (hour|day|minute|week)s?|in \\d+ (hours|days|minutes)|by (today|tomorrow|tonight|monday|friday)|"
                    + "(sort|fix|resolve)\\w* (it|this) (out )?(today|soon|shortly)|we'?ll have (it|this) (fixed|sorted|resolved))\\b");

    private DraftingReport() {}

    /** True when the reply promises a time the team cannot keep. */
    static boolean promises(String reply) {
        return FIX_TIME.matcher(reply).find();
    }

    /** The reply's language by its words (links and handles say nothing about it). */
    static String language(String reply) {
        return Languages.of(reply.replaceAll("https?://\\S+|@\\w+", " "));
    }

    /** The posts: the labelled care-action set, the first airline tweets, and Russian tweets, as they were written. */
    static List<DryRunCommand.Post> posts(Path data, int airline, int russian) throws IOException {
        List<DryRunCommand.Post> out = new ArrayList<>();
        read(data.resolve("conversations/actions-dev.jsonl"), Integer.MAX_VALUE, out, null);
        read(data.resolve("sentiment/airline-dev.jsonl"), airline, out, null);
        read(data.resolve("sentiment/sentirueval-banks.jsonl"), russian, out, null);
        return out;
    }

    private static void read(Path file, int limit, List<DryRunCommand.Post> out, Map<DryRunCommand.Post, String> details) throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            if (n >= limit || line.isBlank()) {
                continue;
            }
            JsonNode row = Json.mapper().readTree(line);
            DryRunCommand.Post post = new DryRunCommand.Post(row.path("text").asText(), null, "x", "brand", "customer" + (n % 7), null, null, null);
            out.add(post);
            if (details != null && !row.path("detail").asText("").isBlank() && !"ignore".equals(row.path("action").asText())) {
                details.put(post, row.path("detail").asText());
            }
            n++;
        }
    }

    /**
     * Whether the reply's echo is the care lead's: the detail a good reply echoes, as labelled in
     * {@code actions-dev.jsonl}, shares a word (stemmed, no stop words or numbers) with what the reply restates.
     */
    static boolean sameDetail(String echoed, String labelled) {
        Set<String> said = Terms.of(Knowledge.analyzer("en"), "q_en", echoed);
        said.retainAll(Terms.of(Knowledge.analyzer("en"), "q_en", labelled));
        return !said.isEmpty();
    }

    /** Echoes against the care lead's detail, for one part of the labelled posts: {drafts, right detail, another detail}. */
    private static void echoes(int[] part, String text, String echoed, String labelled) {
        part[0]++;
        if (echoed != null && text.contains(echoed)) {
            part[sameDetail(echoed, labelled) ? 1 : 2]++;
        }
    }

    public static int run(Path data, DryRunCommand dry, PrintStream out) throws IOException {
        List<DryRunCommand.Post> posts = new ArrayList<>();
        Map<DryRunCommand.Post, String> labelled = new java.util.IdentityHashMap<>();
        read(data.resolve("conversations/actions-dev.jsonl"), Integer.MAX_VALUE, posts, labelled);
        read(data.resolve("sentiment/airline-dev.jsonl"), 600, posts, null);
        read(data.resolve("sentiment/sentirueval-banks.jsonl"), 300, posts, null);
        int[] heldBack = new int[3];
        int[] development = new int[3];
        List<String> account = new ArrayList<>();
        int drafts = 0;
        int echoed = 0;
        int promises = 0;
        int cut = 0;
        int mismatches = 0;
        int toPerson = 0;
        Set<String> distinct = new HashSet<>();
        Map<String, Integer> byAction = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        for (DryRunCommand.Post post : posts) {
            DryRunCommand.Outcome o = dry.run(post, account.isEmpty() ? List.of("") : account);
            byAction.merge(o.analysis().care().label().id(), 1, Integer::sum);
            if (o.draft() == null) {
                continue;
            }
            String text = o.draft().text();
            if (text.isBlank()) {
                toPerson++;
                continue;
            }
            drafts++;
            account.add(0, text);
            distinct.add(text);
            echoed += o.detail() != null ? 1 : 0;
            String lead = labelled.get(post);
            if (lead != null) {
                echoes(ActionsSplit.heldBack(post.text()) ? heldBack : development, text, o.detail(), lead);
            }
            // Cut to fit the platform's limit: a ticket reply cut may have lost its link.
            if (text.endsWith(ReplyLength.ELLIPSIS)) {
                cut++;
                examples.add("cut: " + text);
            }
            if (promises(text)) {
                promises++;
                examples.add("promise: " + text);
            }
            String postLang = Knowledge.replyLanguage(o.analysis().lang());
            String replyLang = language(text);
            if (!replyLang.equals("und") && !replyLang.equals(postLang)) {
                mismatches++;
                examples.add("language " + postLang + " -> " + replyLang + ": " + text);
            }
        }
        out.printf(Locale.ROOT, "Drafting report over %d real posts (%s)%n", posts.size(), byAction);
        out.printf(Locale.ROOT, "  drafts with text                %5d  (and %d left to a person: no templates in the post's language)%n", drafts, toPerson);
        out.printf(Locale.ROOT, "  echo a detail of the post       %5.1f %%%n", 100.0 * echoed / Math.max(1, drafts));
        out.printf(Locale.ROOT, "  echo the care lead's detail     %5.1f %% of %d held-back labelled drafts (another detail: %.1f %%); development part %.1f %% of %d (another: %.1f %%)%n",
                100.0 * heldBack[1] / Math.max(1, heldBack[0]), heldBack[0], 100.0 * heldBack[2] / Math.max(1, heldBack[0]),
                100.0 * development[1] / Math.max(1, development[0]), development[0], 100.0 * development[2] / Math.max(1, development[0]));
        out.printf(Locale.ROOT, "  distinct texts per 100 drafts   %5.1f%n", 100.0 * distinct.size() / Math.max(1, drafts));
        out.printf(Locale.ROOT, "  drafts cut to fit the platform  %5d%n", cut);
        out.printf(Locale.ROOT, "  fix-time promises               %5d%n", promises);
        out.printf(Locale.ROOT, "  language mismatches             %5d%n", mismatches);
        examples.stream().limit(10).forEach(e -> out.println("    " + e));
        return 0;
    }
}
