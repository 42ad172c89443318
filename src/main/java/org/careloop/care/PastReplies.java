package org.careloop.care;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.careloop.analysis.Analysis;
import org.careloop.knowledge.Knowledge;
import org.careloop.knowledge.Terms;
import org.careloop.platform.Mention;

/**
 * What the team said before: the reply a person approved (as drafted, or as they rewrote it) for
 * the most similar earlier post in the same language, found with Lucene over the earlier posts and
 * offered beside a new draft with its details refilled (the new customer's name, the new post's
 * detail). The index follows the approvals, rebuilt at most once a minute.
 */
public final class PastReplies {

    /** The earlier post shares at least this many words (stems) with the new one... */
    static final int MIN_SHARED = 3;
    /** ...and this share of the longer one's words: below that it is about something else. */
    static final double MIN_OVERLAP = 0.4;
    private static final int WINDOW = 2000;
    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final Supplier<List<Draft>> decided;
    private final Drafter drafter;
    private final Clock clock;
    private volatile Built built;

    private record Built(Instant at, IndexSearcher searcher, PerFieldAnalyzerWrapper analyzers, Map<Integer, Draft> drafts) {}

    /** @param decided the latest decided drafts, newest first (e.g. {@code limit -> drafts.decided(limit)}) */
    public PastReplies(java.util.function.IntFunction<List<Draft>> decided, Drafter drafter, Clock clock) {
        this.decided = () -> decided.apply(WINDOW);
        this.drafter = drafter;
        this.clock = clock;
    }

    /** The team's reply to the most similar earlier post, refilled for this one; empty when none is close enough. */
    public Optional<Drafter.Suggestion> closest(Mention mention, Analysis analysis) {
        String lang = Knowledge.replyLanguage(analysis == null ? null : analysis.lang());
        Built b = index();
        if (b.searcher() == null || mention.text() == null) {
            return Optional.empty();
        }
        Set<String> terms = Terms.of(b.analyzers(), field(lang), mention.text());
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        try {
            for (ScoreDoc sd : b.searcher().search(Terms.anyOf(field(lang), terms), 5).scoreDocs) {
                Draft past = b.drafts().get(Integer.parseInt(b.searcher().storedFields().document(sd.doc).get("n")));
                if (past.mention().id().equals(mention.id())) {
                    continue;
                }
                // BM25 finds the candidates; how much of this post the earlier one shares decides (scores depend on how many posts there are).
                Set<String> theirs = Terms.of(b.analyzers(), field(lang), past.mention().text());
                long shared = terms.stream().filter(theirs::contains).count();
                double overlap = (double) shared / Math.max(terms.size(), theirs.size());
                if (shared < MIN_SHARED || overlap < MIN_OVERLAP) {
                    continue;
                }
                Optional<String> text = refill(past, mention, analysis);
                if (text.isPresent()) {
                    return Optional.of(new Drafter.Suggestion("past:" + past.id(), "the team's reply to a similar post (" + (past.edited() ? "rewritten" : "approved")
                            + " by " + past.decidedBy() + ")", Math.round(overlap * 100) / 100.0, false, text.get()));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The earlier reply with the earlier customer's name and detail replaced by this one's; empty when it cannot be done safely. */
    Optional<String> refill(Draft past, Mention now, Analysis analysis) {
        String text = past.text();
        String oldName = Addressing.firstName(past.mention());
        String newName = Addressing.firstName(now);
        if (!text.contains(oldName)) {
            return Optional.empty();
        }
        text = text.replace(oldName, newName);
        Optional<String> oldDetail = drafter.detail(past.mention(), past.analysis());
        if (oldDetail.isPresent() && text.contains(oldDetail.get())) {
            Optional<String> newDetail = drafter.detail(now, analysis);
            if (newDetail.isEmpty()) {
                return Optional.empty();
            }
            text = text.replace(oldDetail.get(), newDetail.get());
        }
        // Another customer's ticket link or case is theirs alone: never offered to someone else.
        if (past.work().ticketId() != null || text.matches("(?s).*/[tcr]/[A-Za-z0-9_-]{8,}.*")) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private Built index() {
        Built b = built;
        Instant now = clock.instant();
        if (b != null && b.at().plus(REFRESH).isAfter(now)) {
            return b;
        }
        synchronized (this) {
            if (built != null && built.at().plus(REFRESH).isAfter(now)) {
                return built;
            }
            built = build(now);
            return built;
        }
    }

    private Built build(Instant now) {
        Map<String, Analyzer> perField = new HashMap<>();
        Knowledge.LANGUAGES.forEach(l -> perField.put(field(l), Knowledge.analyzer(l)));
        PerFieldAnalyzerWrapper analyzers = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
        Map<Integer, Draft> drafts = new HashMap<>();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzers))) {
            int n = 0;
            for (Draft d : decided.get()) {
                // Only what a person approved, as a reply to a post: that is the team's voice.
                boolean byPerson = d.decidedBy() != null && !Draft.AUTO.equals(d.decidedBy());
                boolean sent = d.status() == DraftStatus.PUBLISHED || d.status() == DraftStatus.APPROVED;
                if (!byPerson || !sent || d.work().kind() != Draft.Kind.REPLY || d.mention().text() == null || d.text().isBlank()) {
                    continue;
                }
                String lang = Knowledge.replyLanguage(d.analysis() == null ? null : d.analysis().lang());
                Document doc = new Document();
                doc.add(new StoredField("n", n));
                doc.add(new TextField(field(lang), d.mention().text(), Field.Store.NO));
                w.addDocument(doc);
                drafts.put(n++, d);
            }
            w.commit();
            return new Built(now, drafts.isEmpty() ? null : new IndexSearcher(DirectoryReader.open(dir)), analyzers, drafts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(String lang) {
        return "p_" + lang;
    }
}
