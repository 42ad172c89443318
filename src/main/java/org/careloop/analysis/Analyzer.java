package org.careloop.analysis;

/** Understands one post. Thread-safe; the pipeline and the {@code analyze} command share one instance. */
public interface Analyzer {

    /**
     * @param text     the post text, any length or content (never throws on odd input)
     * @param langHint the platform's language tag, or null
     */
    Analysis analyze(String text, String langHint);
}
