package dev.custflow.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EngineBuilder;
import dev.custflow.Json;
import dev.custflow.Rejection;
import dev.custflow.action.Action;
import dev.custflow.action.AtRiskDigest;
import dev.custflow.action.ChurnCleared;
import dev.custflow.action.ChurnWarning;
import dev.custflow.action.DeliveryLate;
import dev.custflow.action.InvoiceRequested;
import dev.custflow.action.LeadAssigned;
import dev.custflow.action.LeadDisqualified;
import dev.custflow.action.LeadReassigned;
import dev.custflow.action.LeadScored;
import dev.custflow.action.LeadsMerged;
import dev.custflow.action.MessageRequested;
import dev.custflow.action.OpportunityCreated;
import dev.custflow.action.ProductionRequested;
import dev.custflow.action.PurchaseRequested;
import dev.custflow.action.ReferralRewarded;
import dev.custflow.action.SegmentChanged;
import dev.custflow.action.ShipmentRequested;
import dev.custflow.action.SlaEscalated;
import dev.custflow.action.StageChanged;
import dev.custflow.action.StockCheckRequested;
import dev.custflow.action.TagAdded;
import dev.custflow.action.TagRemoved;
import dev.custflow.action.TaskCreated;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import dev.custflow.examples.WhatIfReport.Change;
import dev.custflow.examples.WhatIfReport.ChurnOutcome;
import dev.custflow.examples.WhatIfReport.OrderedAgain;
import dev.custflow.examples.WhatIfReport.SettingChange;
import dev.custflow.examples.internal.ProgressCount;
import dev.custflow.text.Bounds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A what-if dry run: replays the same history twice in this JVM, once with the rules in use (the
 * built-in packs and default settings, or a base folder) and once with a proposed change (a rules
 * folder: its rules and settings), and reports what would change: actions added and removed by type
 * and rule, the customers affected, examples with their reasons, and for churn warnings how many of
 * the added and removed warnings were for customers who ordered again soon after (from the same
 * history).
 *
 * <p>Actions are compared by a key that survives a rule change — customer, type, rule, what the
 * action is about (cause and level, template and channel, task kind, stage, tag...) and the calendar
 * day — not by the stable action id, which also depends on the causing event. The same key twice on
 * a day counts twice.
 *
 * <pre>{@code
 * WhatIfReport report = WhatIf.builder()
 *         .proposed("lower threshold", Custflow.builder().settings(lowered))
 *         .build()
 *         .run("my history", events);
 * System.out.print(report.toText());
 * }</pre>
 */
public final class WhatIf {
    /** Events per engine call. */
    private static final int BATCH = 2_000;

    private final String baseLabel;
    private final EngineBuilder base;
    private final String proposedLabel;
    private final EngineBuilder proposed;
    private final int withinDays;
    private final int examples;
    private final RunProgress progress;

    private WhatIf(Builder b) {
        this.baseLabel = b.baseLabel;
        this.base = b.base;
        this.proposedLabel = b.proposedLabel;
        this.proposed = Objects.requireNonNull(b.proposed, "proposed: the change to try");
        this.withinDays = b.withinDays;
        this.examples = b.examples;
        this.progress = b.progress;
    }

    /** @return a builder: the base is the built-in packs with default settings; a proposed engine is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Replays the events with both engines, each on its own thread (the two replays share nothing), and
     * compares what they did.
     *
     * @param description what the history is, for the report's title
     * @param events      the history, in time order; it is fed to both engines unchanged
     * @return the comparison
     * @throws dev.custflow.RuleCompilationException if either side's rules do not compile
     * @throws dev.custflow.settings.InvalidSettingsException for a bad setting
     */
    public WhatIfReport run(String description, List<? extends Event> events) {
        Objects.requireNonNull(events, "events");
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "custflow-whatif");
            t.setDaemon(true);
            return t;
        });
        ProgressCount fed = new ProgressCount(progress, 2L * events.size()); // shown while the rules compile too
        try (Replay b = new Replay(); Replay p = new Replay()) {
            // compile both sides first: the day of an action is counted in the base's time zone
            join(CompletableFuture.allOf(CompletableFuture.runAsync(() -> b.open(base), pool),
                    CompletableFuture.runAsync(() -> p.open(proposed), pool)));
            ZoneId zone = b.engine.settings().timeZone();
            join(CompletableFuture.allOf(CompletableFuture.runAsync(() -> b.feed(events, zone, fed), pool),
                    CompletableFuture.runAsync(() -> p.feed(events, zone, fed), pool)));
            return compare(description, events, b, p, zone);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void join(CompletableFuture<Void> both) {
        try {
            both.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // a rules or settings error, as the caller would get it from a single engine
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * What an action is about, besides its customer, type and rule: the part of it a rule change may
     * keep (a warning's cause) while the id, the time and the reason's numbers change.
     */
    static String about(Action a) {
        if (a instanceof ChurnWarning w) {
            return w.cause() + " " + w.level();
        } else if (a instanceof ChurnCleared c) {
            return c.cause();
        } else if (a instanceof MessageRequested m) {
            return m.template() + " by " + m.channel();
        } else if (a instanceof TaskCreated t) {
            return String.valueOf(t.kind());
        } else if (a instanceof StageChanged s) {
            return s.from() + " -> " + s.to();
        } else if (a instanceof SegmentChanged s) {
            return s.segment();
        } else if (a instanceof TagAdded t) {
            return t.tag();
        } else if (a instanceof TagRemoved t) {
            return t.tag();
        } else if (a instanceof LeadScored s) {
            return s.score() + " " + s.grade();
        } else if (a instanceof LeadDisqualified d) {
            return d.cause();
        } else if (a instanceof LeadsMerged m) {
            return m.mergedId();
        } else if (a instanceof LeadAssigned l) {
            return l.repId();
        } else if (a instanceof SlaEscalated s) {
            return s.repId();
        } else if (a instanceof LeadReassigned l) {
            return l.repId();
        } else if (a instanceof OpportunityCreated o) {
            return o.opportunityId();
        } else if (a instanceof AtRiskDigest d) {
            // the digest of a rep: a change in who is at risk changes the digest
            return "rep " + d.repId() + ", " + d.total() + " customers";
        } else if (a instanceof ReferralRewarded r) {
            return r.referredId();
        } else if (a instanceof dev.custflow.action.ReferralReversed r) {
            return r.referredId();
        } else if (a instanceof DeliveryLate d) {
            return d.orderId();
        } else if (a instanceof InvoiceRequested o) {
            return o.orderId();
        } else if (a instanceof StockCheckRequested o) {
            return o.orderId();
        } else if (a instanceof ProductionRequested o) {
            return o.orderId();
        } else if (a instanceof PurchaseRequested o) {
            return o.orderId();
        } else if (a instanceof ShipmentRequested o) {
            return o.orderId();
        }
        return "";
    }

    /** The comparison key; {@code customer} is null for actions about no one customer (digests). */
    record Key(String customer, String type, String rule, String about, long day) {
        static Key of(Action a, ZoneId zone) {
            return new Key(a.customerId(), a.type(), String.valueOf(a.rule()), WhatIf.about(a),
                    a.at().atZone(zone).toLocalDate().toEpochDay());
        }
    }

    /** How often a key occurred in a run, and its first action (for examples and outcomes). */
    private static final class Slot {
        int count;
        final Action first;

        Slot(Action first) {
            this.first = first;
        }
    }

    /** One side's engine and what it did. */
    private static final class Replay implements AutoCloseable {
        Engine engine;
        final Map<Key, Slot> byKey = new HashMap<>();
        long actions;
        long accepted;
        long duplicates;
        final List<Rejection> rejections = new ArrayList<>();
        /** Per customer and churn cause, the stretches a warning was open: {opened, closed} in epoch seconds. */
        final Map<String, List<long[]>> warned = new HashMap<>();

        void open(EngineBuilder builder) {
            engine = builder.build();
        }

        void feed(List<? extends Event> events, ZoneId zone, ProgressCount fed) {
            for (int i = 0; i < events.size(); i += BATCH) {
                BatchResult r = engine.acceptAll(events.subList(i, Math.min(events.size(), i + BATCH)));
                fed.accept(Math.min(events.size(), i + BATCH) - i);
                accepted += r.accepted();
                duplicates += r.duplicates();
                rejections.addAll(r.rejections());
                for (Action a : r.actions()) {
                    actions++;
                    byKey.computeIfAbsent(Key.of(a, zone), k -> new Slot(a)).count++;
                    if (a instanceof ChurnWarning w) {
                        warned.computeIfAbsent(w.customerId() + " " + w.cause(), k -> new ArrayList<>())
                                .add(new long[] {w.at().getEpochSecond(), Long.MAX_VALUE});
                    } else if (a instanceof ChurnCleared c) {
                        List<long[]> stretches = warned.get(c.customerId() + " " + c.cause());
                        if (stretches != null) {
                            stretches.get(stretches.size() - 1)[1] = c.at().getEpochSecond();
                        }
                    }
                }
            }
        }

        @Override
        public void close() {
            if (engine != null) {
                engine.close();
            }
        }
    }

    /** One action more (or fewer) in the proposed run than in the base. */
    private record Difference(Key key, Action action) {
    }

    private static final Comparator<Difference> EARLIEST = Comparator
            .comparing((Difference d) -> d.action().at())
            .thenComparing(d -> String.valueOf(d.key().customer()))
            .thenComparing(d -> d.key().about());

    private WhatIfReport compare(String description, List<? extends Event> events, Replay b, Replay p, ZoneId zone) {
        Map<String, Map<String, long[]>> counts = new TreeMap<>(); // type -> rule -> base, proposed, added, removed
        Map<List<String>, List<Difference>> added = new HashMap<>();
        Map<List<String>, List<Difference>> removed = new HashMap<>();
        Set<String> customers = new HashSet<>();
        tally(b.byKey, counts, 0);
        tally(p.byKey, counts, 1);
        differences(p.byKey, b.byKey, added, counts, 2, customers);
        differences(b.byKey, p.byKey, removed, counts, 3, customers);

        List<Change> changes = new ArrayList<>();
        counts.forEach((type, rules) -> rules.forEach((rule, c) -> {
            if (c[2] > 0 || c[3] > 0) {
                List<String> row = List.of(type, rule);
                changes.add(new Change(type, rule, c[0], c[1], c[2], c[3],
                        firstOf(added.get(row)), firstOf(removed.get(row))));
            }
        }));
        changes.sort(Comparator.comparing(Change::type)
                .thenComparing(Comparator.comparingLong((Change c) -> c.added() + c.removed()).reversed())
                .thenComparing(Change::rule));

        Map<String, long[]> orders = ordersByCustomer(events);
        Instant end = events.stream().map(Event::at).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        List<ChurnOutcome> outcomes = churnOutcomes(added, removed, orders, end, b.warned, p.warned);

        long addedTotal = changes.stream().mapToLong(Change::added).sum();
        long removedTotal = changes.stream().mapToLong(Change::removed).sum();
        List<String> baseRules = authored(b.engine.ruleNames());
        List<String> proposedRules = authored(p.engine.ruleNames());
        return new WhatIfReport(description, baseLabel, proposedLabel, zone, withinDays, end, b.accepted,
                b.rejections.size(), b.duplicates, List.copyOf(b.rejections), baseRules.size(), proposedRules.size(),
                minus(proposedRules, baseRules), minus(baseRules, proposedRules),
                settingChanges(b.engine.settings().toJson(), p.engine.settings().toJson()), b.actions, p.actions,
                addedTotal, removedTotal, customers.size(), List.copyOf(changes), outcomes);
    }

    private static void tally(Map<Key, Slot> run, Map<String, Map<String, long[]>> counts, int column) {
        run.forEach((k, s) -> row(counts, k)[column] += s.count);
    }

    private static long[] row(Map<String, Map<String, long[]>> counts, Key k) {
        return counts.computeIfAbsent(k.type(), t -> new TreeMap<>()).computeIfAbsent(k.rule(), r -> new long[4]);
    }

    /** The keys {@code more} has more often than {@code fewer}, once per extra occurrence. */
    private static void differences(Map<Key, Slot> more, Map<Key, Slot> fewer, Map<List<String>, List<Difference>> out,
                                    Map<String, Map<String, long[]>> counts, int column, Set<String> customers) {
        more.forEach((k, s) -> {
            Slot other = fewer.get(k);
            int extra = s.count - (other == null ? 0 : other.count);
            if (extra <= 0) {
                return;
            }
            row(counts, k)[column] += extra;
            if (k.customer() != null) {
                customers.add(k.customer());
            }
            List<Difference> list = out.computeIfAbsent(List.of(k.type(), k.rule()), r -> new ArrayList<>());
            for (int i = 0; i < extra; i++) {
                list.add(new Difference(k, s.first));
            }
        });
    }

    private List<Action> firstOf(List<Difference> diffs) {
        if (diffs == null) {
            return List.of();
        }
        return diffs.stream().sorted(EARLIEST).limit(examples).map(Difference::action).toList();
    }

    /** Per customer, the times of its orders in the history, sorted (epoch seconds). */
    private static Map<String, long[]> ordersByCustomer(List<? extends Event> events) {
        Map<String, List<Instant>> lists = new HashMap<>();
        for (Event e : events) {
            if (e instanceof OrderPlaced o) {
                lists.computeIfAbsent(o.customerId(), c -> new ArrayList<>()).add(o.at());
            }
        }
        Map<String, long[]> sorted = new HashMap<>(lists.size() * 2);
        lists.forEach((c, times) -> {
            long[] t = times.stream().mapToLong(Instant::getEpochSecond).toArray();
            Arrays.sort(t);
            sorted.put(c, t);
        });
        return sorted;
    }

    private List<ChurnOutcome> churnOutcomes(Map<List<String>, List<Difference>> added,
                                             Map<List<String>, List<Difference>> removed, Map<String, long[]> orders,
                                             Instant end, Map<String, List<long[]>> baseWarned,
                                             Map<String, List<long[]>> proposedWarned) {
        // cause -> [added, added new, removed, removed only] x [warnings, judged, ordered]
        Map<String, long[][]> byCause = new TreeMap<>();
        count(added, orders, end, byCause, 0, proposedWarned, baseWarned);
        count(removed, orders, end, byCause, 2, baseWarned, proposedWarned);
        List<ChurnOutcome> out = new ArrayList<>();
        byCause.forEach((cause, c) -> out.add(new ChurnOutcome(cause, orderedAgain(c[0]), orderedAgain(c[1]),
                orderedAgain(c[2]), orderedAgain(c[3]))));
        return List.copyOf(out);
    }

    private static OrderedAgain orderedAgain(long[] c) {
        return new OrderedAgain(c[0], c[1], c[2]);
    }

    private void count(Map<List<String>, List<Difference>> diffs, Map<String, long[]> orders, Instant end,
                       Map<String, long[][]> byCause, int side, Map<String, List<long[]>> own,
                       Map<String, List<long[]>> other) {
        long window = Duration.ofDays(withinDays).toSeconds();
        for (List<Difference> list : diffs.values()) {
            for (Difference d : list) {
                if (!(d.action() instanceof ChurnWarning w)) {
                    continue;
                }
                long at = w.at().getEpochSecond();
                String stretchKey = w.customerId() + " " + w.cause();
                boolean alone = !overlaps(stretch(own.get(stretchKey), at), other.get(stretchKey));
                long[][] cause = byCause.computeIfAbsent(w.cause(), k -> new long[4][3]);
                boolean judged = at + window <= end.getEpochSecond(); // else the history ends inside the window
                boolean ordered = judged && orderedBetween(orders.get(w.customerId()), at, at + window);
                for (long[] c : alone ? new long[][] {cause[side], cause[side + 1]} : new long[][] {cause[side]}) {
                    c[0]++;
                    c[1] += judged ? 1 : 0;
                    c[2] += ordered ? 1 : 0;
                }
            }
        }
    }

    /** The stretch of a run's warning that opened at {@code at}. */
    private static long[] stretch(List<long[]> stretches, long at) {
        if (stretches != null) {
            for (long[] s : stretches) {
                if (s[0] == at) {
                    return s;
                }
            }
        }
        return new long[] {at, Long.MAX_VALUE};
    }

    /** Whether the other run had a warning of the same cause open at some moment of this stretch. */
    private static boolean overlaps(long[] stretch, List<long[]> others) {
        if (others == null) {
            return false;
        }
        for (long[] o : others) {
            if (o[0] <= stretch[1] && stretch[0] <= o[1]) { // touching counts: warned and cleared at one instant
                return true;
            }
        }
        return false;
    }

    /** Whether an order falls in {@code (from, to]}. */
    static boolean orderedBetween(long[] sortedTimes, long from, long to) {
        if (sortedTimes == null) {
            return false;
        }
        int i = Arrays.binarySearch(sortedTimes, from);
        // the first order strictly after `from`
        int next = i >= 0 ? i + 1 : -i - 1;
        while (next < sortedTimes.length && sortedTimes[next] == from) {
            next++;
        }
        return next < sortedTimes.length && sortedTimes[next] <= to;
    }

    /**
     * The wake-up rule the business language generates for its time sentences (rules-dsl's DslSupport, tested there
     * by WhatIfDslTest): the engine's, not the author's, so it is neither counted nor listed as a rule added.
     */
    static final String DSL_WAKE_RULE = "dsl: wake when a time sentence falls due";

    private static List<String> authored(List<String> ruleNames) {
        return ruleNames.stream().filter(n -> !n.equals(DSL_WAKE_RULE)).toList();
    }

    private static List<String> minus(List<String> a, List<String> b) {
        Set<String> out = new TreeSet<>(a);
        b.forEach(out::remove);
        return List.copyOf(out);
    }

    /** The settings keys whose values differ, as dotted paths, with both values as settings-file text. */
    static List<SettingChange> settingChanges(String baseJson, String proposedJson) {
        Map<String, String> b = new TreeMap<>();
        Map<String, String> p = new TreeMap<>();
        try {
            flatten("", Json.mapper().readTree(baseJson), b);
            flatten("", Json.mapper().readTree(proposedJson), p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read settings as JSON", e);
        }
        Set<String> keys = new TreeSet<>(b.keySet());
        keys.addAll(p.keySet());
        List<SettingChange> out = new ArrayList<>();
        for (String k : keys) {
            if (!Objects.equals(b.get(k), p.get(k))) {
                out.add(new SettingChange(k, b.get(k), p.get(k)));
            }
        }
        return List.copyOf(out);
    }

    /** Objects become dotted keys; lists and scalars are values (a list is changed as a whole, like in a file). */
    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.put(prefix, "{}");
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray() && allScalars(node)) {
            // sets (marketingTemplates, disabledPacks) print in no fixed order: compare the elements sorted; a
            // list that only changes its order (marketing.channels) is the one change this does not show
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.isTextual() ? n.asText() : n.toString()));
            items.sort(Comparator.naturalOrder());
            out.put(prefix, "[" + String.join(", ", items) + "]");
        } else {
            out.put(prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode n : array) {
            if (n.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** Configures a {@link WhatIf}; each setter checks its value at once. */
    public static final class Builder {
        private String baseLabel = "built-in rules, default settings";
        private EngineBuilder base = Custflow.builder();
        private String proposedLabel;
        private EngineBuilder proposed;
        private int withinDays = 30;
        private int examples = 3;
        private RunProgress progress = RunProgress.none();

        private Builder() {
        }

        /**
         * @param to told of the events replayed, both replays counted (2 x the history), after each batch
         * @return this
         */
        public Builder progress(RunProgress to) {
            this.progress = Objects.requireNonNull(to, "to");
            return this;
        }

        /**
         * @param label   what the base is, for the report (default: built-in rules, default settings)
         * @param builder the rules in use (default: the built-in packs with default settings)
         * @return this
         */
        public Builder base(String label, EngineBuilder builder) {
            this.baseLabel = Objects.requireNonNull(label, "label");
            this.base = Objects.requireNonNull(builder, "builder");
            return this;
        }

        /**
         * @param label   what the change is, for the report, e.g. the rules folder
         * @param builder the rules and settings with the change
         * @return this
         */
        public Builder proposed(String label, EngineBuilder builder) {
            this.proposedLabel = Objects.requireNonNull(label, "label");
            this.proposed = Objects.requireNonNull(builder, "builder");
            return this;
        }

        /**
         * @param days a churn warning counts as followed by an order when the customer ordered within this many
         *             days after it, 1 to 3,650 (default 30)
         * @return this
         */
        public Builder withinDays(int days) {
            this.withinDays = Bounds.between("--within", days, 1, 3_650);
            return this;
        }

        /**
         * @param perRule examples kept of the added and of the removed actions of each rule, 0 to 1,000 (default 3)
         * @return this
         */
        public Builder examples(int perRule) {
            this.examples = Bounds.between("--examples", perRule, 0, 1_000);
            return this;
        }

        /** @return the dry run */
        public WhatIf build() {
            if (proposed == null) {
                throw new IllegalStateException("proposed(label, builder): nothing to compare the base with");
            }
            return new WhatIf(this);
        }
    }
}
