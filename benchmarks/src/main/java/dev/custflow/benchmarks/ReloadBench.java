package dev.custflow.benchmarks;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.ReloadResult;
import dev.custflow.RuleCompilationException;
import dev.custflow.RuleSource;
import dev.custflow.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * W6, hot reload: what compiling the full catalog costs (cold, warm, from the compile cache, after a one-rule
 * change), and what reloads do to the latency of events that flow meanwhile. Not a test (BENCHMARKS.md).
 */
final class ReloadBench {
    /** One user rule whose threshold each "one-rule change" round edits. */
    private static final String USER_RULE = """
            package bench.user

            import dev.custflow.model.*

            global dev.custflow.rules.Actions actions

            // Big spenders are tagged (the rule a one-rule change edits: its threshold).
            rule "bench: big spenders are tagged"
            when
                $c : Customer( orderCount >= %d, !hasTag("big-spender") )
            then
                actions.addTag($c, "big-spender", "at least %d orders");
            end
            """;

    private ReloadBench() {
    }

    static void run(boolean quick) {
        List<RuleSource> examples = examples();
        System.out.printf(Locale.ROOT, "%nW6 hot reload: the full catalog (every built-in pack) plus %d example files "
                + "(%s)%n", examples.size(), examples.stream().map(RuleSource::name).toList());
        compileTimes(examples, quick ? 3 : 7);
        latency(examples, quick ? 5_000 : 20_000, quick ? 50_000 : 200_000);
    }

    /** The DSL and decision-table examples of docs/examples, if they are found from the working directory. */
    private static List<RuleSource> examples() {
        for (Path docs : List.of(Path.of("docs/examples"), Path.of("../docs/examples"))) {
            if (Files.isDirectory(docs)) {
                List<RuleSource> out = new ArrayList<>();
                out.addAll(RuleSource.allIn(docs.resolve("dsl")).stream().map(s -> rename(s, "dsl/")).toList());
                // the CSV tables are the same rules as the workbooks: one of the two
                out.addAll(RuleSource.allIn(docs.resolve("tables/xlsx")).stream().map(s -> rename(s, "tables/")).toList());
                try (Engine ignored = Custflow.builder().rules(out).build()) {
                    return out;
                } catch (RuleCompilationException e) {
                    System.out.println("  the examples do not load together, left out: " + e.getMessage());
                    return List.of();
                }
            }
        }
        System.out.println("  docs/examples not found from " + Path.of("").toAbsolutePath() + ": examples left out");
        return List.of();
    }

    private static RuleSource rename(RuleSource s, String prefix) {
        return new RuleSource(prefix + s.name(), s.kind(), s.content());
    }

    private static List<RuleSource> with(List<RuleSource> examples, RuleSource extra) {
        List<RuleSource> all = new ArrayList<>(examples);
        all.add(extra);
        return all;
    }

    private static RuleSource userRule(int threshold) {
        return RuleSource.drl("user.drl", USER_RULE.formatted(threshold, threshold));
    }

    private static void compileTimes(List<RuleSource> examples, int rounds) {
        // the first compile in this JVM: classes loaded, nothing JIT-compiled yet
        long t0 = System.nanoTime();
        Engine engine = Custflow.builder().rules(with(examples, userRule(10))).build();
        double first = (System.nanoTime() - t0) / 1e6;
        int rules = engine.ruleNames().size();
        double[] warm = new double[rounds];
        double[] oneRule = new double[rounds];
        double[] oneRuleTotal = new double[rounds];
        double[] cached = new double[rounds];
        double[] cachedSwap = new double[rounds];
        double[] builtInOnly = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // a content the cache has not seen: a comment in a file (the whole rule set compiles again)
            RuleSource comment = RuleSource.drl("note.drl", "package bench.note\n// round " + r + "\n");
            warm[r] = compile(engine, with(examples, comment)).compileTime().toNanos() / 1e6;
            long a = System.nanoTime();
            ReloadResult changed = compile(engine, with(examples, userRule(11 + r)));
            oneRuleTotal[r] = (System.nanoTime() - a) / 1e6;
            oneRule[r] = changed.compileTime().toNanos() / 1e6;
            long b = System.nanoTime();
            ReloadResult same = engine.reload(with(examples, userRule(11 + r)));
            cached[r] = (System.nanoTime() - b) / 1e6;
            if (same.status() != ReloadResult.Status.UNCHANGED) {
                throw new IllegalStateException("the same folder again should be unchanged: " + same);
            }
            // back to a rule set compiled before: from the cache, but swapped in
            long c = System.nanoTime();
            ReloadResult back = engine.reload(with(examples, comment));
            cachedSwap[r] = (System.nanoTime() - c) / 1e6;
            if (!back.applied() || back.compileTime().toMillis() > 50) {
                throw new IllegalStateException("expected a swap from the cache: " + back);
            }
            try (Engine packsOnly = Custflow.builder().build()) {
                builtInOnly[r] = compile(packsOnly, List.of(RuleSource.drl("note.drl",
                        "package bench.note\n// built-ins " + r + "\n"))).compileTime().toNanos() / 1e6;
            }
        }
        engine.close();
        System.out.printf(Locale.ROOT, "  %d rules. First build in a fresh JVM (compile and sessions): %.0f ms%n", rules,
                first);
        System.out.printf(Locale.ROOT, "  compile, warm JVM, content not cached: median %.0f ms (min %.0f, max %.0f); "
                        + "built-in packs alone %.0f ms%n", median(warm), min(warm), max(warm), median(builtInOnly));
        System.out.printf(Locale.ROOT, "  a one-rule change (a threshold in one user rule): compile %.0f ms, whole "
                + "reload call %.0f ms (median of %d)%n", median(oneRule), median(oneRuleTotal), rounds);
        System.out.printf(Locale.ROOT, "  the same folder again (cache hit, nothing swapped): median %.2f ms; a rule set "
                + "compiled before (cache hit, swapped in): median %.2f ms%n", median(cached), median(cachedSwap));
    }

    private static ReloadResult compile(Engine engine, List<RuleSource> rules) {
        ReloadResult r = engine.reload(rules);
        if (!r.applied()) {
            throw new IllegalStateException("reload not applied: " + r);
        }
        return r;
    }

    /** Per-event latency of accept() with no reloads, with reloads from the cache, with reloads that compile. */
    private static void latency(List<RuleSource> examples, int customers, int events) {
        List<Event> stream = Workload.mixed(customers, events, 365, 6);
        System.out.printf(Locale.ROOT, "  latency per accept(), every pack, %,d events over %,d customers, one "
                + "partition, a reloading thread beside the event thread:%n", stream.size(), customers);
        System.out.print("    (warm-up) ");
        phase(examples, stream, Mode.NONE);
        for (Mode m : Mode.values()) {
            phase(examples, stream, m);
        }
        phase(examples, stream, Mode.NONE); // again: how much of a difference is the machine's drift

    }

    private enum Mode {
        NONE("no reloads"),
        CACHED("a reload every 100 ms, from the cache (swap only)"),
        COMPILE("reloads back to back, each a new content (compile + swap)");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private static void phase(List<RuleSource> examples, List<Event> stream, Mode mode) {
        long[] latency = new long[stream.size()];
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reloads = new AtomicInteger();
        List<Long> swaps = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Engine engine = Custflow.builder().rules(with(examples, userRule(10))).auditTrailSize(1).build()) {
            if (mode == Mode.CACHED) {
                compile(engine, with(examples, userRule(9))); // both variants in the cache
                compile(engine, with(examples, userRule(10)));
            }
            Thread reloader = new Thread(() -> {
                for (int k = 0; !done.get(); k++) {
                    List<RuleSource> next = mode == Mode.CACHED ? with(examples, userRule(k % 2 == 0 ? 9 : 10))
                            : with(examples, userRule(1_000 + k));
                    long a = System.nanoTime();
                    ReloadResult r = engine.reload(next);
                    swaps.add(System.nanoTime() - a - r.compileTime().toNanos());
                    reloads.incrementAndGet();
                    if (mode == Mode.CACHED) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "bench-reloader");
            if (mode != Mode.NONE) {
                reloader.start();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < stream.size(); i++) {
                long a = System.nanoTime();
                engine.accept(stream.get(i));
                latency[i] = System.nanoTime() - a;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            done.set(true);
            try {
                reloader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Arrays.sort(latency);
            long[] swap = swaps.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "    %-58s p50 %5.1f us, p99 %6.1f us, p99.9 %7.1f us, max %6.1f ms; "
                            + "%,.0f events/s; %d reloads%s%n", mode.label, pct(latency, 50) / 1e3,
                    pct(latency, 99) / 1e3, pct(latency, 99.9) / 1e3, latency[latency.length - 1] / 1e6,
                    stream.size() / secs, reloads.get(), swap.length == 0 ? ""
                            : String.format(Locale.ROOT, " (reload call beyond the compile: median %.1f ms, max %.1f ms)",
                            pct(swap, 50) / 1e6, swap[swap.length - 1] / 1e6));
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p / 100))];
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(0);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }
}
