package dev.custflow.internal.runtime;

import dev.custflow.BatchResult;
import dev.custflow.ReloadResult;
import dev.custflow.action.Action;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's meters in the host's Micrometer registry (docs/metrics.md lists them). Updated once per call, after
 * the call, from what it returned and from the partitions' rule counts, so that an engine without a registry pays
 * nothing and one with a registry pays a few counter increments per call, not per rule firing. Meters are looked up
 * once and kept: the registry's own lookup is a map access with tag sorting, too slow to repeat per action.
 */
final class EngineMetrics {
    static final String EVENTS = "custflow.events";
    static final String ACTIONS = "custflow.actions";
    static final String FIRINGS = "custflow.rule.firings";
    static final String FAILURES = "custflow.rule.failures";
    static final String CALLS = "custflow.calls";
    static final String CUSTOMERS = "custflow.customers";
    static final String RELOADS = "custflow.reloads";

    private final MeterRegistry registry;
    private final Counter applied;
    private final Counter rejected;
    private final Counter duplicates;
    private final Timer eventCalls;
    private final Timer clockCalls;
    private final AtomicLong customers = new AtomicLong();
    private final Map<String, Counter> actions = new HashMap<>();
    private final Map<String, Counter> firings = new HashMap<>();
    private final Map<String, Counter> failures = new HashMap<>();

    EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        applied = events("applied", "events the engine applied");
        rejected = events("rejected", "events refused (invalid, unknown customer, a rule that failed on them)");
        duplicates = events("duplicate", "events seen before (same id), which changed nothing");
        eventCalls = calls("events");
        clockCalls = calls("clock");
        Gauge.builder(CUSTOMERS, customers, AtomicLong::get)
                .description("customer profiles the engine holds (updated after each call)").register(registry);
    }

    private Counter events(String outcome, String description) {
        return Counter.builder(EVENTS).tag("outcome", outcome).description(description).register(registry);
    }

    private Timer calls(String kind) {
        return Timer.builder(CALLS).tag("kind", kind)
                .description("time of one engine call (a batch of events, or the clock moved), store commit included")
                .register(registry);
    }

    /**
     * One call finished.
     *
     * @param result       what it returned
     * @param events       true for events (accept, acceptAll, a source's batch), false for the clock moving
     * @param nanos        how long it took
     * @param partitions   the partitions, whose rule counts are drained
     * @param customerCount customers the engine holds now
     */
    void called(BatchResult result, boolean events, long nanos, Partition[] partitions, int customerCount) {
        (events ? eventCalls : clockCalls).record(nanos, TimeUnit.NANOSECONDS);
        if (events) {
            applied.increment(result.accepted());
            duplicates.increment(result.duplicates());
        }
        // a rule failure comes back as a rejection of an event that was applied: it counts as a failure, not as a
        // rejected event
        long[] ruleFailures = {0};
        for (Partition p : partitions) {
            p.drainRuleCounts((rule, n) -> counter(firings, FIRINGS, "rule", rule, "firings of the rule").increment(n),
                    (rule, n) -> {
                        counter(failures, FAILURES, "rule", rule, "firings of the rule that failed and were undone")
                                .increment(n);
                        ruleFailures[0] += n;
                    });
        }
        rejected.increment(Math.max(0, result.rejections().size() - ruleFailures[0]));
        for (Action a : result.actions()) {
            counter(actions, ACTIONS, "type", a.type(), "actions emitted, by type").increment();
        }
        customers.set(customerCount);
    }

    /** A reload finished: applied, unchanged (nothing to do) or rejected (the previous rules and settings run on). */
    void reloaded(ReloadResult.Status status) {
        Counter.builder(RELOADS).tag("outcome", status.name().toLowerCase(java.util.Locale.ROOT))
                .description("rule or settings reloads").register(registry).increment();
    }

    private Counter counter(Map<String, Counter> cache, String name, String tag, String value, String description) {
        return cache.computeIfAbsent(value, v -> Counter.builder(name).tag(tag, v).description(description)
                .register(registry));
    }
}
