package org.careloop;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.careloop.analysis.AnalyzeCommand;
import org.careloop.analysis.BenchmarkCommand;
import org.careloop.analysis.EvaluateCommand;
import org.careloop.analysis.SocialAnalyzer;
import org.careloop.analysis.TrainCommand;
import org.careloop.care.Drafter;
import org.careloop.config.Json;
import org.careloop.config.Settings;
import org.careloop.knowledge.KnowledgeCheck;
import org.careloop.knowledge.KnowledgeEntry;
import org.careloop.knowledge.KnowledgeException;
import org.careloop.care.DryRunCommand;
import org.careloop.rules.RuleBook;
import org.careloop.simulator.SimulatorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The one launcher: {@code java -jar careloop.jar <command>}. */
@Command(name = "careloop", mixinStandardHelpOptions = true, version = "CareLoop 0.1.0",
        description = "Social-care bot: watches X for posts about a brand, drafts replies, publishes approved ones.",
        subcommands = {Main.Run.class, Main.Simulator.class, Main.Analyze.class, Main.DryRun.class, Main.Train.class, Main.Evaluate.class, Main.DraftingReportCmd.class, Main.KnowledgeCheckCmd.class, Main.Benchmark.class,
                Main.QueueBenchmarkCmd.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code --set key=value}, for the odd setting on the command line; environment variables work too. */
    static class SettingsOption {
        @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
                description = "Override a setting, e.g. --set careloop.http.port=9090 (repeatable).")
        Map<String, String> overrides = new LinkedHashMap<>();

        Settings load() {
            return Settings.load(System.getenv(), overrides);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Runs CareLoop: pipeline, console and API (and the simulator on the embedded defaults).")
    static final class Run implements Callable<Integer> {
        @CommandLine.Mixin
        SettingsOption settings = new SettingsOption();

        @Override
        public Integer call() throws Exception {
            CareLoop app;
            try {
                app = CareLoop.start(settings.load());
            } catch (IllegalArgumentException e) {
                // A setting the operator must change: say which and how, without a stack trace.
                System.err.println("CareLoop cannot start: " + e.getMessage());
                return 2;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "careloop-shutdown"));
            app.awaitStop();
            return 0;
        }
    }

    @Command(name = "simulator", mixinStandardHelpOptions = true,
            description = "Runs only the platform simulator (X API v2 subset, timeline page, scenarios).")
    static final class Simulator implements Callable<Integer> {
        @CommandLine.Mixin
        SettingsOption settings = new SettingsOption();

        @Override
        public Integer call() throws Exception {
            SimulatorCommand.run(settings.load());
            return 0;
        }
    }

    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = "Reads JSON lines {\"id\",\"text\"[,\"lang\"]} on standard input and writes one analysis per line.")
    static final class Analyze implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            return AnalyzeCommand.run(in, out, new SocialAnalyzer());
        }
    }

    @Command(name = "dry-run", mixinStandardHelpOptions = true,
            description = "Shows which rule and template a post would get, and the reply, without posting anything. "
                    + "Give the post as an argument, or JSON lines {\"text\"[,\"lang\",\"platform\",\"handle\",\"name\"]} on standard input.")
    static final class DryRun implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "TEXT", description = "The post's text.")
        String text;
        @Option(names = "--rules", description = "The rules directory (default: ./rules, else the packaged rules).")
        Path rules;
        @Option(names = "--lang", description = "The post's language, when the platform says it.")
        String lang;
        @Option(names = "--platform", defaultValue = "x", description = "x, facebook or instagram (default: x).")
        String platform;
        @Option(names = "--handle", defaultValue = "customer", description = "The author's handle, for VIP rules and the reply.")
        String handle;
        @Option(names = "--name", description = "The author's display name.")
        String name;
        @Option(names = "--json", description = "Print JSON instead of words.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Settings settings = Settings.load();
            RuleBook book = ruleBook(rules, settings);
            DryRunCommand dry = dryRun(book, settings);
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            if (text == null) {
                return dry.runLines(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
            }
            DryRunCommand.Outcome o = dry.run(new DryRunCommand.Post(text, lang, platform, null, handle, name, null, null));
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(DryRunCommand.json(o)));
            } else {
                out.println("Rules:     " + book.source());
                DryRunCommand.print(o, out);
            }
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Builds the analysis models from the labelled data (one row in five is kept out for evaluate).")
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "../shared/data", description = "The labelled data directory (default: ${DEFAULT-VALUE}).")
        Path data;
        @Option(names = "--out", defaultValue = "src/main/resources/models", description = "Where the models go (default: ${DEFAULT-VALUE}).")
        Path out;
        @Option(names = "--care-labels", defaultValue = "src/train/care-action-labels.jsonl",
                description = "The care lead's further care-action labels (default: ${DEFAULT-VALUE}).")
        Path careLabels;
        @Option(names = "--only", description = "Builds just this model (sentiment-en, with sentiment-en-meaning beside it, sentiment-ru, offensive-en, irony-en, care-action-en, care-action-other); "
                + "care-action-en (with urgent-en, read after it) and care-action-other (the six other languages, from "
                + "src/train/care-labels-other.jsonl) read the others from --out.")
        String only;

        @Override
        public Integer call() throws Exception {
            return TrainCommand.run(data, careLabels, out, only, System.out);
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Measures the analysis on held-out labelled posts and prints the figures.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "../shared/data", description = "The labelled data directory (default: ${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() throws Exception {
            return EvaluateCommand.run(data, new SocialAnalyzer(), System.out);
        }
    }

    @Command(name = "drafting-report", mixinStandardHelpOptions = true,
            description = "Drafts replies to real posts (without posting) and prints how many echo a detail, how varied they are, "
                    + "fix-time promises and language mismatches.")
    static final class DraftingReportCmd implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "../shared/data", description = "The labelled data directory (default: ${DEFAULT-VALUE}).")
        Path data;
        @Option(names = "--rules", description = "The rules directory (default: ./rules, else the packaged rules).")
        Path rules;

        @Override
        public Integer call() throws Exception {
            Settings settings = Settings.load();
            return org.careloop.care.DraftingReport.run(data, dryRun(ruleBook(rules, settings), settings),
                    new PrintStream(System.out, true, StandardCharsets.UTF_8));
        }
    }

    @Command(name = "knowledge-check", mixinStandardHelpOptions = true,
            description = "Asks every phrasing of the knowledge with itself left out of its entry, and prints per language how often "
                    + "the right entry answers it confidently, another entry does (listed: fix those first), or none is sure.")
    static final class KnowledgeCheckCmd implements Callable<Integer> {
        @Option(names = "--rules", description = "The rules directory (default: ./rules, else the packaged rules).")
        Path rules;
        @Option(names = "--unsure", description = "Also list the phrasings no entry was sure of, with the entry offered first (not with --questions).")
        boolean unsure;
        @Option(names = "--questions", description = "Instead, search these questions as posts: JSON lines {\"id\": entry id, \"lang\", \"text\"}.")
        Path questions;

        @Override
        public Integer call() throws Exception {
            RuleBook book = ruleBook(rules, Settings.load());
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            List<KnowledgeEntry> entries = book.knowledge().entries();
            out.println("Rules: " + book.source() + " (" + entries.size() + " knowledge entries)");
            try {
                if (questions != null) {
                    Set<String> ids = entries.stream().map(KnowledgeEntry::id).collect(Collectors.toSet());
                    KnowledgeCheck.reportQuestions(KnowledgeCheck.askQuestions(book.knowledge(), KnowledgeCheck.readQuestions(questions, ids),
                            book::sureAnswer), out);
                } else {
                    KnowledgeCheck.report(KnowledgeCheck.run(entries), unsure, out);
                }
            } catch (KnowledgeException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            return 0;
        }
    }

    /** The rules a command runs on: the given directory, else careloop.rules.dir (./rules), else the packaged rules. */
    static RuleBook ruleBook(Path rules, Settings settings) {
        Path dir = rules != null ? rules : Path.of(settings.get("careloop.rules.dir", "./rules"));
        return Files.isRegularFile(dir.resolve("rules.yaml")) ? RuleBook.load(dir) : RuleBook.loadClasspath();
    }

    static DryRunCommand dryRun(RuleBook book, Settings settings) {
        return new DryRunCommand(book, new SocialAnalyzer(), Drafter.Voice.fromSettings(settings));
    }

    @Command(name = "benchmark", mixinStandardHelpOptions = true,
            description = "Posts per second and heap of the analysis, against plain CoreNLP sentiment on the same posts.")
    static final class Benchmark implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "../shared/data", description = "The labelled data directory (default: ${DEFAULT-VALUE}).")
        Path data;
        @Option(names = "--posts", defaultValue = "5000", description = "Posts for CareLoop's analyser (default: ${DEFAULT-VALUE}).")
        int posts;
        @Option(names = "--baseline-posts", defaultValue = "300", description = "Posts for the slow CoreNLP baseline (default: ${DEFAULT-VALUE}).")
        int baselinePosts;
        @Option(names = "--threads", defaultValue = "2", description = "Analysis threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Override
        public Integer call() throws Exception {
            return BenchmarkCommand.run(data, posts, baselinePosts, threads, System.out);
        }
    }

    @Command(name = "queue-benchmark", mixinStandardHelpOptions = true,
            description = "Fills an embedded database with pending drafts, starts CareLoop on it and times the queue's first page "
                    + "over HTTP (and its size in bytes).")
    static final class QueueBenchmarkCmd implements Callable<Integer> {
        @CommandLine.Mixin
        SettingsOption settings = new SettingsOption();
        @Option(names = "--drafts", defaultValue = "10000", description = "Pending drafts to add (default: ${DEFAULT-VALUE}).")
        int drafts;
        @Option(names = "--page", defaultValue = "50", description = "The console's page size (default: ${DEFAULT-VALUE}).")
        int page;
        @Option(names = "--calls", defaultValue = "10", description = "Timed calls after the first (default: ${DEFAULT-VALUE}).")
        int calls;
        @Option(names = "--keep", description = "Keep the database to run CareLoop on (one given with -s careloop.db.url=... is always kept).")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            return QueueBenchmark.run(settings.overrides, drafts, page, calls, keep, System.out);
        }
    }
}
