package org.careloop.analysis;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * {@code careloop benchmark}: posts per second and heap for CareLoop's analyser and, on the same
 * posts in the same run, for plain CoreNLP sentiment (tokenize, ssplit, parse, sentiment).
 * Start-up (model loading) is measured separately. Figures only: nothing here is asserted.
 */
public final class BenchmarkCommand {

    private BenchmarkCommand() {}

    public static int run(Path data, int posts, int baselinePosts, int threads, PrintStream out) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Corpus.Row r : Corpus.read(data.resolve("sentiment/airline-dev.jsonl")).rows()) {
            texts.add(r.text());
        }
        for (Corpus.Row r : Corpus.read(data.resolve("sentiment/semeval2017-val.jsonl")).rows()) {
            texts.add(r.text());
        }
        List<String> sample = new ArrayList<>();
        for (int i = 0; sample.size() < posts; i++) {
            sample.add(texts.get((i * 7919) % texts.size()));
        }
        out.printf(Locale.ROOT, "Benchmark: %d posts (airline and SemEval tweets), %d threads, %d cores available%n",
                posts, threads, Runtime.getRuntime().availableProcessors());
        Result careloop = measure("CareLoop SocialAnalyzer", SocialAnalyzer::new, sample, threads, out);
        Result corenlp = measure("CoreNLP sentiment (PCFG)", CoreNlpAnalyzer::new, sample.subList(0, Math.min(baselinePosts, posts)), threads, out);
        out.printf(Locale.ROOT, "Speed-up over plain CoreNLP: %.1fx (target >= 8x); CareLoop %.0f posts/s (target >= 500), heap %d MB (target < 1024)%n",
                careloop.postsPerSecond() / corenlp.postsPerSecond(), careloop.postsPerSecond(), careloop.heapMb());
        return 0;
    }

    record Result(double startupSeconds, double postsPerSecond, long heapMb) {}

    static Result measure(String name, Supplier<Analyzer> factory, List<String> sample, int threads, PrintStream out) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long t0 = System.nanoTime();
        Analyzer analyzer = factory.get();
        double startup = (System.nanoTime() - t0) / 1e9;
        // Warm-up, so the JIT's work is not counted as the analyser's.
        for (int i = 0; i < Math.min(50, sample.size()); i++) {
            analyzer.analyze(sample.get(i), null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t1 = System.nanoTime();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int start = t;
                jobs.add(pool.submit(() -> {
                    for (int i = start; i < sample.size(); i += threads) {
                        analyzer.analyze(sample.get(i), null);
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Benchmark failed", e);
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        long heapMb = Math.max(0, memory.getHeapMemoryUsage().getUsed() - heapBefore) / (1024 * 1024);
        System.gc();
        long retainedMb = Math.max(0, memory.getHeapMemoryUsage().getUsed() - heapBefore) / (1024 * 1024);
        Result r = new Result(startup, sample.size() / seconds, heapMb);
        out.printf(Locale.ROOT, "%-26s start-up %5.1f s  %7.1f posts/s over %d posts  heap in use %d MB (%d MB after GC, models included)%n",
                name, startup, r.postsPerSecond(), sample.size(), heapMb, retainedMb);
        // Keep the analyser reachable until here, so "after GC" counts its models.
        java.lang.ref.Reference.reachabilityFence(analyzer);
        return r;
    }
}
