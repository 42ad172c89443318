package org.careloop.analysis;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;

/**
 * Analysis v0: Stanford CoreNLP's sentence sentiment (tokenize, split, parse, sentiment), averaged
 * over the post's sentences by length. CoreNLP's model reads English only; other languages get a
 * neutral label with low confidence and say so. The analysis issue replaces this with a model
 * trained on social posts.
 */
public final class CoreNlpAnalyzer implements Analyzer {

    /** Longer posts are cut: sentiment needs no more, and parsing time grows fast with length. */
    static final int MAX_CHARS = 2000;
    private static final double[] CLASS_SCORE = {-1, -0.5, 0, 0.5, 1};
    private static final String[] CLASS_NAME = {"very negative", "negative", "neutral", "positive", "very positive"};

    private final StanfordCoreNLP pipeline;

    public CoreNlpAnalyzer() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,parse,sentiment");
        props.setProperty("parse.model", "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");
        props.setProperty("parse.binaryTrees", "true");
        props.setProperty("parse.maxlen", "80");
        props.setProperty("tokenize.options", "untokenizable=noneDelete");
        this.pipeline = new StanfordCoreNLP(props);
    }

    @Override
    public Analysis analyze(String text, String langHint) {
        String clean = TextPrep.clean(text, MAX_CHARS);
        String lang = Languages.detect(clean, langHint);
        List<String> reasons = new ArrayList<>();
        if (clean.isBlank()) {
            reasons.add("No words to read (empty, or only links, mentions and symbols)");
            return new Analysis(lang, new Sentiment(Sentiment.Label.NEUTRAL, 0, 0.2), reasons);
        }
        if (!lang.equals("en")) {
            reasons.add("Language " + lang + ": the v0 sentiment model reads English only, so the post is marked neutral");
            return new Analysis(lang, new Sentiment(Sentiment.Label.NEUTRAL, 0, 0.2), reasons);
        }
        Annotation doc = new Annotation(clean);
        pipeline.annotate(doc);
        double[] mix = new double[5];
        double weightSum = 0;
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            if (tree == null) {
                continue;
            }
            SimpleMatrix p = RNNCoreAnnotations.getPredictions(tree);
            int tokens = sentence.get(CoreAnnotations.TokensAnnotation.class).size();
            double w = Math.max(1, tokens);
            int best = 0;
            for (int i = 0; i < 5; i++) {
                mix[i] += w * p.get(i);
                if (p.get(i) > p.get(best)) {
                    best = i;
                }
            }
            weightSum += w;
            reasons.add(String.format(Locale.ROOT, "CoreNLP: %s (%.2f) on \"%s\"", CLASS_NAME[best], p.get(best),
                    abbreviate(sentence.get(CoreAnnotations.TextAnnotation.class))));
        }
        if (weightSum == 0) {
            reasons.add("CoreNLP found no sentence to score");
            return new Analysis(lang, new Sentiment(Sentiment.Label.NEUTRAL, 0, 0.2), reasons);
        }
        double score = 0;
        for (int i = 0; i < 5; i++) {
            mix[i] /= weightSum;
            score += mix[i] * CLASS_SCORE[i];
        }
        double neg = mix[0] + mix[1];
        double neu = mix[2];
        double pos = mix[3] + mix[4];
        Sentiment.Label label = neg >= neu && neg >= pos ? Sentiment.Label.NEGATIVE
                : pos >= neu ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL;
        double confidence = Math.max(neg, Math.max(neu, pos));
        return new Analysis(lang, new Sentiment(label, round(score), round(confidence)), reasons);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
