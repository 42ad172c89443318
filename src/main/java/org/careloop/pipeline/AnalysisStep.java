package org.careloop.pipeline;

import org.careloop.analysis.Analysis;
import org.careloop.analysis.Analyzer;
import org.careloop.platform.Mention;

/** Pipeline step: analyses a new mention and keeps the result with it. */
public final class AnalysisStep {

    private final Analyzer analyzer;
    private final MentionStore mentions;

    public AnalysisStep(Analyzer analyzer, MentionStore mentions) {
        this.analyzer = analyzer;
        this.mentions = mentions;
    }

    public Triage analyse(Mention mention) {
        Analysis analysis = analyzer.analyze(mention.text(), mention.lang());
        mentions.saveAnalysis(mention.platform(), mention.id(), analysis);
        return Triage.of(mention).withAnalysis(analysis);
    }
}
