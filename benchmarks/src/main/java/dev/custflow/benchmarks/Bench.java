package dev.custflow.benchmarks;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventPump;
import dev.custflow.Json;
import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import dev.custflow.connectors.jsonl.JsonLinesActionSink;
import dev.custflow.connectors.jsonl.JsonLinesEventSource;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.settings.Settings;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The benchmark harness: {@code Bench [w1|w1r|w1i|w2|w3|w4|w5|w6|snap|restart|malformed|budget|kpi|all] [--quick]}
 * (kpi: KPIs at a million customers, {@link KpiBench}, not part of {@code all}; W6: hot
 * reload, {@link ReloadBench}; snap: snapshots and commits, {@link SnapshotBench}; malformed: bad lines turned away,
 * {@link MalformedLinesBench}; w3: end to end on the JDBC store and
 * outbox, {@link W3Bench}; restart: reloading a million snapshots, {@link RestartBench}; w3 and restart need the
 * local database servers and are not part of {@code all}). Each workload runs the engine and
 * the hand-written baseline ({@link PlainLifecycle}) in this JVM, alternately, after a warm-up, and
 * prints medians and the ratio. Not a test: numbers depend on the machine (BENCHMARKS.md).
 */
public final class Bench {
    private static final Settings SETTINGS = Settings.ofDefaults();

    private Bench() {
    }

    /**
     * @param args the workloads to run ({@code w1}, {@code w1r}, {@code w1i}, {@code w2}, {@code w4}, {@code w5},
     *             {@code w6}, {@code malformed} or {@code all}), and {@code --quick} for a small smoke run
     */
    public static void main(String[] args) {
        List<String> a = Arrays.asList(args);
        boolean quick = a.contains("--quick");
        boolean all = a.isEmpty() || a.contains("all") || a.stream().allMatch(s -> s.startsWith("--"));
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, max heap %,d MB%n", rt.availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), rt.maxMemory() >> 20);
        if (all || a.contains("w1")) {
            w1(quick ? 10_000 : 100_000, quick ? 100_000 : 1_000_000);
        }
        if (all || a.contains("w1r")) {
            w1r(quick ? 10_000 : 100_000, quick ? 100_000 : 1_000_000);
        }
        if (all || a.contains("w1i")) {
            w1i(quick ? 100_000 : 1_000_000, quick ? 20_000 : 100_000);
        }
        if (all || a.contains("w2") || a.contains("w4")) {
            w2w4(quick ? 100_000 : 1_000_000);
        }
        if (all || a.contains("w5")) {
            w5(quick ? 100_000 : 1_000_000);
        }
        if (all || a.contains("w6") || a.contains("reload")) {
            ReloadBench.run(quick);
        }
        if (a.contains("w3")) {
            W3Bench.run(quick ? 5_000 : 20_000, quick ? 50_000 : 200_000, quick ? 1 : 3,
                    java.nio.file.Path.of(System.getProperty("custflow.bench.dir", "benchmarks/target/bench-db")));
        }
        if (a.contains("restart")) {
            RestartBench.run(quick ? 100_000 : 1_000_000, quick ? 3 : 5,
                    java.nio.file.Path.of(System.getProperty("custflow.bench.dir", "benchmarks/target/bench-db")));
        }
        if (a.contains("kpi")) { // not in all: KPIs over a million customers (KpiBench)
            KpiBench.run(quick ? 100_000 : 1_000_000, quick ? 1 : 2);
        }
        if (a.contains("budget")) { // not in all: compare it between two commits
            BudgetBench.run(quick ? 10_000 : 100_000, quick ? 100_000 : 1_000_000);
        }
        if (all || a.contains("malformed")) {
            MalformedLinesBench.run(quick ? 20_000 : 100_000, quick ? 2_000 : 10_000);
        }
        if (all || a.contains("snap")) {
            SnapshotBench.run(quick ? 10_000 : 100_000, quick ? 10_000 : 100_000, quick ? 100_000 : 1_000_000);
        }
    }

    /** The engine with the lifecycle pack only: the same rules as the baseline. */
    private static Engine engine(int partitions) {
        return Custflow.builder().packs(RulePack.LIFECYCLE).settings(SETTINGS).partitions(partitions)
                .auditTrailSize(1).build();
    }

    private static PlainLifecycle baseline() {
        return new PlainLifecycle(SETTINGS.lifecycle(), SETTINGS.scoring().mqlThreshold());
    }

    // ---------------------------------------------------------------- W1

    static void w1(int customers, int events) {
        List<Event> stream = Workload.mixed(customers, events, 365, 1);
        System.out.printf(Locale.ROOT, "%nW1 ingest: %,d events over %,d customers, lifecycle rules%n", stream.size(),
                customers);
        String[] json = stream.stream().map(Json::write).toArray(String[]::new);
        String jsonLines = String.join("\n", json);
        int rounds = 5;
        double[] engineBatch = new double[rounds];
        double[] engineSingle = new double[rounds];
        double[] engineJson = new double[rounds];
        double[] plain = new double[rounds];
        long[] latencyEngine = new long[stream.size()];
        long[] latencyPlain = new long[stream.size()];
        for (int round = -2; round < rounds; round++) { // two warm-up rounds
            double b = time(() -> {
                try (Engine e = engine(1)) {
                    return inBatches(e, stream);
                }
            });
            double s = time(() -> {
                try (Engine e = engine(1)) {
                    for (int i = 0; i < stream.size(); i++) {
                        long t0 = System.nanoTime();
                        e.accept(stream.get(i));
                        latencyEngine[i] = System.nanoTime() - t0;
                    }
                    return e.customerCount();
                }
            });
            double j = time(() -> {
                JsonLinesEventSource source = JsonLinesEventSource.from(new StringReader(jsonLines), "w1")
                        .batchSize(1_000);
                // actions out: each written as its JSON line, to a writer that drops the characters
                JsonLinesActionSink sink = JsonLinesActionSink.to(java.io.Writer.nullWriter(), "w1");
                try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).settings(SETTINGS).partitions(1)
                        .auditTrailSize(1).actionSink(sink).build(); EventPump pump = new EventPump(e, source)) {
                    while (!source.exhausted()) {
                        pump.pumpOnce(Duration.ZERO);
                    }
                    return e.customerCount();
                }
            });
            double p = time(() -> {
                PlainLifecycle base = baseline();
                stream.forEach(base::accept);
                return base.customerCount();
            });
            time(() -> { // the baseline's latencies, in a pass of their own so the clock calls don't slow its throughput
                PlainLifecycle base = baseline();
                for (int i = 0; i < stream.size(); i++) {
                    long t0 = System.nanoTime();
                    base.accept(stream.get(i));
                    latencyPlain[i] = System.nanoTime() - t0;
                }
                return base.customerCount();
            });
            if (round >= 0) {
                engineBatch[round] = b;
                engineSingle[round] = s;
                engineJson[round] = j;
                plain[round] = p;
            }
        }
        double n = stream.size();
        double pb = median(plain);
        row("baseline (plain Java, objects in)", n / pb, 1);
        row("engine, batches of 1,000 (objects)", n / median(engineBatch), median(engineBatch) / pb);
        row("engine, one event per call (objects)", n / median(engineSingle), median(engineSingle) / pb);
        row("engine, JSON Lines in, actions out", n / median(engineJson), median(engineJson) / pb);
        Arrays.sort(latencyEngine);
        Arrays.sort(latencyPlain);
        System.out.printf(Locale.ROOT, "  latency per accept() (last round): engine p50 %.1f us, p99 %.1f us; "
                        + "baseline p50 %.2f us, p99 %.2f us%n", pct(latencyEngine, 50) / 1e3, pct(latencyEngine, 99) / 1e3,
                pct(latencyPlain, 50) / 1e3, pct(latencyPlain, 99) / 1e3);
    }

    // ---------------------------------------------------------------- W1r

    /**
     * 50 user rules of the kinds rule authors write: tags by order count and spend thresholds, reactions to orders
     * of a size, to rep contacts and surveys, and to stages. Each fires at most once per customer (a tag guards it).
     *
     * @param firing low thresholds that most customers reach (about 18 tags per customer on W1), or thresholds nobody
     *               reaches (the rules are matched on every event but never fire)
     */
    static List<RuleSource> userRules(boolean firing) {
        int f = firing ? 1 : 1_000;
        StringBuilder drl = new StringBuilder(String.join("\n", "package bench.user;",
                "import dev.custflow.model.Customer;", "import dev.custflow.model.Stage;",
                "import dev.custflow.model.InteractionKind;", "import dev.custflow.event.OrderPlaced;",
                "import dev.custflow.event.InteractionLogged;", "import dev.custflow.event.SurveyAnswered;",
                "global dev.custflow.rules.Actions actions;", ""));
        String[] kinds = {"CALL", "VISIT", "MEETING", "EMAIL_SENT", "PAGE_VIEW"};
        for (int i = 0; i < 50; i++) {
            String tag = "user-" + i;
            String guard = "!hasTag(\"" + tag + "\")";
            String when = switch (i % 5) {
                case 0 -> "$c : Customer( orderCount >= " + f * (2 + i / 5) + ", " + guard + " )";
                case 1 -> "OrderPlaced( amount.intValue() >= " + f * (100 + 20 * i) + " )\n    $c : Customer( " + guard
                        + " )";
                case 2 -> "InteractionLogged( kind == InteractionKind." + kinds[i / 5 % kinds.length]
                        + " )\n    $c : Customer( interactionCount >= " + f * (1 + i / 10) + ", " + guard + " )";
                case 3 -> "SurveyAnswered( nps != null, nps <= " + (firing ? i / 5 : -1) + " )\n    $c : Customer( "
                        + guard + " )";
                default -> "$c : Customer( stage == Stage." + (i / 5 % 2 == 0 ? "LOYAL" : "CUSTOMER")
                        + ", totalSpentCents >= " + (10_000L * f * (i + 1)) + ", " + guard + " )";
            };
            drl.append("\n// A user rule of kind ").append(i % 5).append(".\nrule \"user: rule ").append(i)
                    .append("\"\nwhen\n    ").append(when).append("\nthen\n    actions.addTag($c, \"").append(tag)
                    .append("\", \"user rule ").append(i).append("\");\nend\n");
        }
        return List.of(RuleSource.drl("bench-user-rules.drl", drl.toString()));
    }

    /** W1's stream through the lifecycle pack alone and with 50 user rules on top: the price of the user rules. */
    static void w1r(int customers, int events) {
        List<Event> stream = Workload.mixed(customers, events, 365, 1);
        System.out.printf(Locale.ROOT, "%nW1r ingest with 50 user rules: %,d events over %,d customers, the lifecycle "
                + "pack alone and with 50 user rules%n", stream.size(), customers);
        List<RuleSource> quiet = userRules(false);
        List<RuleSource> user = userRules(true);
        int rounds = 5;
        double[] without = new double[rounds];
        double[] matched = new double[rounds];
        double[] with = new double[rounds];
        long[] tags = new long[1];
        for (int round = -2; round < rounds; round++) { // two warm-up rounds
            double a = time(() -> {
                try (Engine e = engine(1)) {
                    return inBatches(e, stream);
                }
            });
            double q = time(() -> {
                try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).settings(SETTINGS).partitions(1)
                        .auditTrailSize(1).rules(quiet).build()) {
                    return inBatches(e, stream);
                }
            });
            double b = time(() -> {
                try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).settings(SETTINGS).partitions(1)
                        .auditTrailSize(1).rules(user).build()) {
                    long n = 0;
                    for (int i = 0; i < stream.size(); i += 1_000) {
                        n += e.acceptAll(stream.subList(i, Math.min(stream.size(), i + 1_000))).actions().stream()
                                .filter(x -> x.rule().startsWith("user:")).count();
                    }
                    tags[0] = n;
                    return e.customerCount();
                }
            });
            if (round >= 0) {
                without[round] = a;
                matched[round] = q;
                with[round] = b;
            }
        }
        double n = stream.size();
        row("engine, lifecycle pack", n / median(without), 1);
        row("+ 50 user rules that never fire", n / median(matched), median(matched) / median(without));
        row("+ 50 user rules that fire", n / median(with), median(with) / median(without));
        System.out.printf(Locale.ROOT, "  the user rules emitted %,d actions (tags) per run%n", tags[0]);
    }

    // ---------------------------------------------------------------- W1i

    /**
     * Lead intake with de-duplication over a large base: the engine with the leads pack against {@link PlainIntake},
     * both loaded with the same {@code existing} leads, then fed the same rounds of new leads (10 % of them people
     * the base already has, 5 % repeats within the round); checks that both merged the same leads.
     */
    static void w1i(int existing, int perRound) {
        List<LeadCaptured> base = Workload.existingLeads(existing);
        System.out.printf(Locale.ROOT, "%nW1i lead intake with de-duplication: %,d existing lead profiles, rounds of %,d new "
                + "leads (10 %% already in the base, 5 %% repeated in the round); leads pack%n", existing, perRound);
        Engine engine = Custflow.builder().packs(RulePack.LEADS).settings(SETTINGS).partitions(1).auditTrailSize(1)
                .build();
        PlainIntake plain = new PlainIntake(SETTINGS.intake().contactData());
        double loadEngine = time(() -> {
            for (int i = 0; i < base.size(); i += 10_000) {
                engine.acceptAll(base.subList(i, Math.min(base.size(), i + 10_000)));
            }
            return engine.customerCount();
        });
        double loadPlain = time(() -> {
            base.forEach(plain::accept);
            return plain.recordCount();
        });
        System.out.printf(Locale.ROOT, "  loaded: engine %.1f s (%,.0f leads/s), baseline %.1f s%n", loadEngine,
                existing / loadEngine, loadPlain);
        int rounds = 5;
        int single = perRound / 5;
        double[] engineBatch = new double[rounds];
        double[] plainBatch = new double[rounds];
        long[] latencyEngine = new long[single];
        long[] latencyPlain = new long[single];
        long minute = 0;
        long engineMerges = 0;
        long plainBefore = plain.merges();
        for (int round = -2; round < rounds; round++) { // two warm-up rounds
            int k = round + 2;
            List<LeadCaptured> batch = Workload.intake(k, perRound, existing, minute);
            minute += perRound;
            List<LeadCaptured> one = Workload.intake(k + 10, single, existing, minute);
            minute += single;
            long[] merged = new long[1];
            double b = time(() -> { // time() collects first: neither part pays for the other's garbage
                for (int i = 0; i < batch.size(); i += 1_000) {
                    merged[0] += engine.acceptAll(batch.subList(i, Math.min(batch.size(), i + 1_000))).actions()
                            .stream().filter(x -> x.type().equals("LEADS_MERGED")).count();
                }
                return engine.customerCount();
            });
            double p = time(() -> {
                batch.forEach(plain::accept);
                return plain.recordCount();
            });
            for (int i = 0; i < one.size(); i++) {
                long t0 = System.nanoTime();
                merged[0] += engine.accept(one.get(i)).stream().filter(x -> x.type().equals("LEADS_MERGED")).count();
                latencyEngine[i] = System.nanoTime() - t0;
            }
            for (int i = 0; i < one.size(); i++) {
                long t0 = System.nanoTime();
                plain.accept(one.get(i));
                latencyPlain[i] = System.nanoTime() - t0;
            }
            engineMerges += merged[0];
            if (round >= 0) {
                engineBatch[round] = b;
                plainBatch[round] = p;
            }
        }
        if (engineMerges != plain.merges() - plainBefore || engine.customerCount() != plain.recordCount()) {
            throw new IllegalStateException("engine and baseline disagree: merges " + engineMerges + " vs "
                    + (plain.merges() - plainBefore) + ", records " + engine.customerCount() + " vs "
                    + plain.recordCount());
        }
        double pb = median(plainBatch);
        row("baseline (plain Java, HashMap index)", perRound / pb, 1);
        row("engine, batches of 1,000", perRound / median(engineBatch), median(engineBatch) / pb);
        Arrays.sort(latencyEngine);
        Arrays.sort(latencyPlain);
        System.out.printf(Locale.ROOT, "  latency per accept() (last round, %,d leads): engine p50 %.1f us, p99 %.1f us; "
                        + "baseline p50 %.2f us, p99 %.2f us%n", single, pct(latencyEngine, 50) / 1e3,
                pct(latencyEngine, 99) / 1e3, pct(latencyPlain, 50) / 1e3, pct(latencyPlain, 99) / 1e3);
        System.out.printf(Locale.ROOT, "  both merged %,d leads; %,d lead records at the end%n", engineMerges,
                engine.customerCount());
        engine.close();
    }

    // ---------------------------------------------------------------- W2 and W4

    static void w2w4(int customers) {
        int spread = 100; // last orders spread over 100 days: about 1 % due on any day
        List<Event> orders = Workload.oneOrderEach(customers, spread, 2);
        System.out.printf(Locale.ROOT, "%nW2 daily tick: %,d customers loaded, one order each over %d days; "
                + "the tick falls %d days after day 50, so about 1 %% are due%n", customers, spread,
                SETTINGS.lifecycle().dormantAfterDays());
        long heapBefore = usedHeapAfterGc();
        Engine engine = engine(1);
        long loadStart = System.nanoTime();
        for (int i = 0; i < orders.size(); i += 10_000) {
            engine.acceptAll(orders.subList(i, Math.min(orders.size(), i + 10_000)));
        }
        double load = (System.nanoTime() - loadStart) / 1e9;
        long engineHeap = usedHeapAfterGc() - heapBefore;
        PlainLifecycle base = baseline();
        orders.forEach(base::accept);
        long bothHeap = usedHeapAfterGc() - heapBefore;
        long baseHeap = bothHeap - engineHeap;
        System.out.printf(Locale.ROOT, "  loaded in %.1f s (%,.0f events/s)%n", load, customers / load);
        // day after day from day 180 + 50: each tick wakes the customers whose 180 days ran out that day
        int days = 8;
        double[] engineTick = new double[days];
        double[] plainTick = new double[days];
        long woken = 0;
        for (int d = 0; d < days; d++) {
            ClockTick tick = new ClockTick("tick-" + d, Workload.day(SETTINGS.lifecycle().dormantAfterDays() + 50 + d));
            long t0 = System.nanoTime();
            BatchResult r = engine.acceptAll(List.of(tick));
            engineTick[d] = (System.nanoTime() - t0) / 1e9;
            long before = base.transitions();
            long t1 = System.nanoTime();
            base.accept(tick);
            plainTick[d] = (System.nanoTime() - t1) / 1e9;
            woken = r.actions().size();
            if (base.transitions() - before != woken) {
                throw new IllegalStateException("baseline and engine disagree: " + (base.transitions() - before)
                        + " vs " + woken + " customers turned dormant");
            }
        }
        double[] warm = Arrays.copyOfRange(engineTick, 1, days);
        double[] warmPlain = Arrays.copyOfRange(plainTick, 1, days);
        System.out.printf(Locale.ROOT, "  first tick after loading (wake path not yet compiled by the JIT): engine %.1f ms, "
                + "baseline %.2f ms%n", engineTick[0] * 1e3, plainTick[0] * 1e3);
        System.out.printf(Locale.ROOT, "  next %d daily ticks: engine median %.1f ms, max %.1f ms (%,d customers turned "
                        + "DORMANT on the last); baseline median %.2f ms; ratio %.1f%n", days - 1, median(warm) * 1e3,
                max(warm) * 1e3, woken, median(warmPlain) * 1e3, median(warm) / median(warmPlain));
        System.out.printf(Locale.ROOT, "%nW4 heap per customer after full GC, %,d customers (one order each):%n"
                        + "  engine %,d bytes per customer (all engine state: profiles, due-time index, id and "
                        + "reference windows, session); baseline %,d bytes; ratio %.2f%n", customers,
                engineHeap / customers, baseHeap / customers, (double) engineHeap / baseHeap);
        engine.close();
        if (base.customerCount() != customers) {
            throw new IllegalStateException("baseline lost customers");
        }
    }

    // ---------------------------------------------------------------- W5

    /**
     * A year of daily ticks over a loaded base with every time rule of the retention packs, against
     * {@link PlainRetention}; checks at the end that both decided the same actions.
     */
    static void w5(int customers) {
        Workload.RetentionYear generated = Workload.retentionYear(customers, 5);
        List<Event> history = generated.history();
        List<ClockTick> ticks = generated.ticks();
        Settings settings = Workload.retentionSettings();
        System.out.printf(Locale.ROOT, "%nW5 a year of retention: %,d customers, %,d history events, then %d daily "
                + "ticks; packs churn, reminders, marketing, segments%n", customers, history.size(), ticks.size());
        generated = null;
        ActionCounts engineCounts = new ActionCounts();
        long heapBefore = usedHeapAfterGc();
        Engine engine = Custflow.builder()
                .packs(RulePack.CHURN, RulePack.REMINDERS, RulePack.MARKETING, RulePack.SEGMENTS)
                .settings(settings).auditLog(engineCounts).auditTrailSize(1).build();
        long t0 = System.nanoTime();
        for (int i = 0; i < history.size(); i += 10_000) {
            engine.acceptAll(history.subList(i, Math.min(history.size(), i + 10_000))).actions()
                    .forEach(engineCounts::add);
        }
        double engineLoad = (System.nanoTime() - t0) / 1e9;
        long engineHeap = usedHeapAfterGc() - heapBefore;
        PlainRetention base = new PlainRetention(settings);
        long t1 = System.nanoTime();
        history.forEach(base::accept);
        double baseLoad = (System.nanoTime() - t1) / 1e9;
        long baseHeap = usedHeapAfterGc() - heapBefore - engineHeap;
        System.out.printf(Locale.ROOT, "  history loaded: engine %.1f s (%,.0f events/s), baseline %.1f s; ratio %.1f%n",
                engineLoad, history.size() / engineLoad, baseLoad, engineLoad / baseLoad);
        System.out.printf(Locale.ROOT, "  heap per customer after full GC: engine %,d bytes, baseline %,d; ratio %.1f%n",
                engineHeap / customers, baseHeap / customers, (double) engineHeap / baseHeap);
        history = null; // not kept through the ticks: the collector should not carry 7 M events
        int days = ticks.size();
        double[] engineTick = new double[days];
        double[] baseTick = new double[days];
        boolean[] recompute = new boolean[days];
        long[] due = new long[days];
        java.time.DayOfWeek rescoreDay = settings.segments().recomputeDay();
        for (int d = 0; d < days; d++) {
            ClockTick tick = ticks.get(d);
            recompute[d] = tick.at().atZone(settings.timeZone()).getDayOfWeek() == rescoreDay;
            long a = System.nanoTime();
            engine.accept(tick).forEach(engineCounts::add);
            engineTick[d] = (System.nanoTime() - a) / 1e9;
            long before = base.evaluations();
            long b = System.nanoTime();
            base.accept(tick);
            baseTick[d] = (System.nanoTime() - b) / 1e9;
            due[d] = base.evaluations() - before;
        }
        engine.close();
        if (!engineCounts.counts().equals(base.counts())) {
            throw new IllegalStateException("engine and baseline disagree:\n engine   " + engineCounts.counts()
                    + "\n baseline " + base.counts());
        }
        double[] dailyEngine = select(engineTick, recompute, false);
        double[] dailyBase = select(baseTick, recompute, false);
        double[] weeklyEngine = select(engineTick, recompute, true);
        double[] weeklyBase = select(baseTick, recompute, true);
        long dailyDue = 0;
        for (int d = 0; d < days; d++) {
            dailyDue += recompute[d] ? 0 : due[d];
        }
        System.out.printf(Locale.ROOT, "  daily ticks (%d): engine p50 %.1f ms, p95 %.1f ms, max %.1f ms (day %d); "
                        + "baseline p50 %.2f ms, p95 %.2f ms, max %.2f ms; ratio of p50 %.1f; customers looked at per "
                        + "tick: %,d (%.2f %% of the base)%n", dailyEngine.length, median(dailyEngine) * 1e3,
                percentile(dailyEngine, 95) * 1e3, max(dailyEngine) * 1e3, argMax(engineTick, recompute) + 1,
                median(dailyBase) * 1e3, percentile(dailyBase, 95) * 1e3, max(dailyBase) * 1e3,
                median(dailyEngine) / median(dailyBase), dailyDue / dailyEngine.length,
                100.0 * dailyDue / dailyEngine.length / customers);
        System.out.printf(Locale.ROOT, "  first daily tick (wake path not yet compiled, a collection after the load): "
                + "engine %.0f ms, baseline %.0f ms%n", dailyEngine[0] * 1e3, dailyBase[0] * 1e3);
        System.out.printf(Locale.ROOT, "  ticks with the weekly RFM recompute (%d): engine p50 %.0f ms, max %.0f ms; "
                        + "baseline p50 %.0f ms, max %.0f ms; ratio of p50 %.1f%n", weeklyEngine.length,
                median(weeklyEngine) * 1e3, max(weeklyEngine) * 1e3, median(weeklyBase) * 1e3, max(weeklyBase) * 1e3,
                median(weeklyEngine) / median(weeklyBase));
        System.out.printf(Locale.ROOT, "  both decided the same %,d actions: %s%n",
                engineCounts.counts().entrySet().stream().filter(e -> !e.getKey().equals("DEFERRED"))
                        .mapToLong(java.util.Map.Entry::getValue).sum(), engineCounts.counts());
    }

    private static double percentile(double[] xs, int p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) ((long) s.length * p / 100))];
    }

    private static int argMax(double[] xs, boolean[] skip) {
        int best = -1;
        for (int i = 0; i < xs.length; i++) {
            if (!skip[i] && (best < 0 || xs[i] > xs[best])) {
                best = i;
            }
        }
        return best;
    }

    private static double[] select(double[] xs, boolean[] which, boolean value) {
        return java.util.stream.IntStream.range(0, xs.length).filter(i -> which[i] == value).mapToDouble(i -> xs[i])
                .toArray();
    }

    // ---------------------------------------------------------------- helpers

    /** Feeds the stream in batches of 1,000 events, as a host would; @return the customers at the end */
    static int inBatches(Engine e, List<Event> stream) {
        for (int i = 0; i < stream.size(); i += 1_000) {
            e.acceptAll(stream.subList(i, Math.min(stream.size(), i + 1_000)));
        }
        return e.customerCount();
    }

    static double time(Supplier<Integer> work) {
        // the previous part's garbage is collected before, not in this part's time: the engines' garbage (a dead
        // engine of 100,000 customers per part) otherwise landed in the baseline's rounds at random, and W1's ratio
        // moved from 1.3x to 1.9x between runs of the same commit
        System.gc();
        long t0 = System.nanoTime();
        if (work.get() < 0) {
            throw new IllegalStateException();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * The bytes of every object still reachable, from a class histogram (which collects first). The memory bean's
     * "used" after {@code System.gc()} is not that: it moved by 29 to 48 bytes a customer between runs of the same
     * commit (394, 423 and 442 for W4), while the histogram's total gave the same figure to the byte.
     */
    static long usedHeapAfterGc() {
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String last = histogram.strip().lines().reduce((a, b) -> b).orElseThrow();
            String[] words = last.trim().split("\\s+"); // "Total <instances> <bytes>"
            return Long.parseLong(words[2]);
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("no class histogram from this JVM: " + e.getMessage(), e);
        }
    }

    static void row(String what, double perSecond, double ratio) {
        System.out.printf(Locale.ROOT, "  %-40s %,12.0f events/s   %5.2fx the baseline's time%n", what, perSecond,
                ratio);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) ((long) sorted.length * p / 100))];
    }
}
