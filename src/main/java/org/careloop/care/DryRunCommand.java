package org.careloop.care;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Analyzer;
import org.careloop.config.Json;
import org.careloop.platform.Author;
import org.careloop.platform.Conversation;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.rules.Facts;
import org.careloop.rules.Rule;
import org.careloop.rules.RuleBook;

/**
 * {@code careloop dry-run}: which rule and template a post would get, and the reply it would
 * receive, without touching any platform or database. For a care lead checking a rule change.
 */
public final class DryRunCommand {

    /** A post to try: only the text is needed; {@code thread} is what came before it in its conversation. */
    public record Post(String text, String lang, String platform, String account, String handle, String name, Instant authorSince,
                       Instant at, Conversation thread) {

        public Post {
            thread = thread == null ? Conversation.NONE : thread;
        }

        public Post(String text, String lang, String platform, String account, String handle, String name, Instant authorSince, Instant at) {
            this(text, lang, platform, account, handle, name, authorSince, at, Conversation.NONE);
        }
    }

    /** What CareLoop would do with it. */
    public record Outcome(Analysis analysis, RuleBook.Explanation explanation, Draft draft, String detail) {}

    private final RuleBook rules;
    private final Analyzer analyzer;
    private final Drafter drafter;

    public DryRunCommand(RuleBook rules, Analyzer analyzer, Drafter.Voice voice) {
        this.rules = rules;
        this.analyzer = analyzer;
        this.drafter = new Drafter(() -> rules, Duration.ofMinutes(10), voice);
    }

    public Outcome run(Post post) {
        return run(post, List.of());
    }

    /** @param recent what the account said lately (the pipeline never repeats itself within a day) */
    public Outcome run(Post post, List<String> recent) {
        Instant at = post.at() != null ? post.at() : Instant.now();
        Platform platform = post.platform() == null ? Platform.X : Platform.of(post.platform());
        // Each post its own id, as on a platform: the id picks the post's phrasing, so posts in one run do not all get the same words.
        String id = "dry-run-" + Integer.toUnsignedString(java.util.Objects.hash(post.text(), post.handle(), post.name()), 36);
        Mention m = new Mention(platform, post.account() == null ? "brand" : post.account(), id,
                new Author("dry-run", post.handle() == null ? "customer" : post.handle().replaceFirst("^@", ""), post.name(), post.authorSince()),
                post.text(), post.lang(), at, post.thread().turns().isEmpty() ? id : "dry-run-thread",
                post.thread().turns().isEmpty() ? null : "dry-run-earlier", null, false, false);
        Analysis analysis = analyzer.analyze(post.text(), post.lang());
        Conversation thread = understood(post.thread());
        RuleBook.Explanation ex = rules.explain(new Facts(m, analysis, at, 0, thread));
        // A dry run opens no ticket: a sample reference and link show where the real ones go, on a public address as a deployment
        // has one (X counts a link 23 only where its domain is real: "localhost" or ".example" count in full).
        Map<String, String> ticket = ex.decision().action() == Decision.Action.TICKET
                ? Map.of("ticket_ref", "#1234", "ticket_link", "https://care.example.com/t/SAMPLE-ticket-link-token") : Map.of();
        Drafter.Drafted drafted = ex.decision().wantsReply()
                ? drafter.drafted(m, analysis, ex.decision(), at, Said.of(recent), ticket, thread) : null;
        // What the reply echoes: the post's own detail its text repeats (what happened, the detail, the question, the thing).
        Draft draft = drafted == null ? null : drafted.draft();
        String detail = drafted == null ? null : drafted.echo();
        return new Outcome(analysis, ex, draft, detail);
    }

    /** The thread with the care action of each earlier customer post, as the pipeline has it from their analyses. */
    private Conversation understood(Conversation thread) {
        return new Conversation(thread.turns().stream().map(t -> t.brand() || t.care() != null ? t
                : new Conversation.Turn(false, t.text(), t.at(), analyzer.analyze(t.text(), null).care().label().id())).toList());
    }

    /** The outcome in words. */
    public static void print(Outcome o, PrintStream out) {
        Analysis a = o.analysis();
        out.printf(Locale.ROOT, "Analysis:  lang %s, sentiment %s %.2f, emotion %s, intent %s (%.2f), troll %s (%.2f)%n",
                a.lang(), a.sentiment().label().id(), a.sentiment().score(), a.emotion().label().id(), a.intent().label().id(),
                a.intent().confidence(), a.troll().label(), a.troll().score());
        a.reasons().forEach(r -> out.println("           - " + r));
        Rule rule = o.explanation().rule();
        Decision d = o.explanation().decision();
        if (rule == null) {
            out.println("Rule:      none matched: the post would be left alone");
            return;
        }
        out.printf(Locale.ROOT, "Rule:      %s (line %d)%s%n", rule.id(), rule.line(),
                rule.conditions().isEmpty() ? ", no conditions" : ", when " + rule.conditions());
        out.printf(Locale.ROOT, "Care:      %s%s%n", a.care().label().id(), a.care().urgent() ? ", urgent" : "");
        out.printf(Locale.ROOT, "Action:    %s, priority %s%s%s%s — %s%n", d.action().id(), d.priority().id(), d.escalate() ? ", escalate" : "",
                d.marketing() ? ", to marketing" : "", d.autoPublish() ? "" : ", never unattended", d.reason());
        if (o.draft() != null) {
            Draft draft = o.draft();
            out.printf(Locale.ROOT, "Template:  %s%s%n", draft.templateId(), d.templates().size() > 1 ? " (A/B: one of " + d.templates() + ")" : "");
            out.println("Reply:     " + (draft.text().isEmpty() ? "(none: no templates in " + a.lang() + ", a person writes it)" : draft.text()));
            if (o.detail() != null) {
                out.println("Echoes:    " + o.detail());
            }
            if (d.knowledgeId() != null) {
                out.println("Knowledge: " + d.knowledgeId());
            }
            if (draft.mention().platform() == Platform.X) {
                out.printf(Locale.ROOT, "Length:    %d of %d as X counts it%n", XText.weightedLength(draft.text()), XText.LIMIT);
            }
        }
    }

    /** The outcome as one JSON object. */
    public static ObjectNode json(Outcome o) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.set("analysis", Json.mapper().valueToTree(o.analysis()));
        Decision d = o.explanation().decision();
        n.put("rule", d.ruleId());
        if (o.explanation().rule() != null) {
            n.put("line", o.explanation().rule().line());
        }
        n.put("action", d.action().id());
        n.put("careAction", o.analysis().care().label().id());
        n.put("urgent", o.analysis().care().urgent());
        n.put("detail", o.detail());
        n.put("knowledge", d.knowledgeId());
        n.put("priority", d.priority().id());
        n.put("reason", d.reason());
        if (o.draft() != null) {
            n.put("template", o.draft().templateId());
            n.put("reply", o.draft().text());
        }
        return n;
    }

    /**
     * JSON lines in ({@code text} and optional {@code lang}, {@code platform}, {@code handle}, {@code name}, and {@code thread}: the
     * earlier posts of its conversation, oldest first, each {@code {"brand": true|false, "text": ...}}), JSON lines out.
     * The lines are one stream of posts to one account, as the pipeline sees them: what the account said to
     * earlier lines counts, so no text repeats while another wording is left.
     */
    public int runLines(BufferedReader in, PrintStream out) throws IOException {
        java.util.ArrayList<String> said = new java.util.ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = Json.mapper().readTree(line);
                if (!n.hasNonNull("text")) {
                    out.println("{\"error\":\"no text\"}");
                    continue;
                }
                Post post = new Post(n.get("text").asText(), text(n, "lang"), text(n, "platform"), text(n, "account"), text(n, "handle"),
                        text(n, "name"), null, null, thread(n));
                Outcome o = run(post, said.isEmpty() ? List.of("") : said);
                if (o.draft() != null && !o.draft().text().isBlank()) {
                    said.add(0, o.draft().text());
                }
                out.println(Json.mapper().writeValueAsString(json(o)));
            } catch (IOException | RuntimeException e) {
                ObjectNode err = Json.mapper().createObjectNode().put("error", String.valueOf(e.getMessage()));
                out.println(Json.mapper().writeValueAsString(err));
            }
        }
        return 0;
    }

    /** {@code "thread": [{"brand": true, "text": "..."}, ...]}, oldest first: the posts the line answers. */
    private static Conversation thread(JsonNode n) {
        if (!n.hasNonNull("thread") || !n.get("thread").isArray()) {
            return Conversation.NONE;
        }
        List<Conversation.Turn> turns = new java.util.ArrayList<>();
        for (JsonNode t : n.get("thread")) {
            if (t.hasNonNull("text")) {
                turns.add(new Conversation.Turn(t.path("brand").asBoolean(false), t.get("text").asText(), null));
            }
        }
        return new Conversation(turns);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
