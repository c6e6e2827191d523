package dev.custflow.internal.runtime;

import dev.custflow.internal.json.JsonCodec;

import dev.custflow.internal.index.SeenIds;

import dev.custflow.internal.compile.CompiledRules;
import dev.custflow.internal.compile.RuleCompiler;
import dev.custflow.internal.compile.Sandbox;
import dev.custflow.internal.packs.Router;

import dev.custflow.BatchResult;
import dev.custflow.Engine;
import dev.custflow.EventRejectedException;
import dev.custflow.ReloadResult;
import dev.custflow.RuleCompilationException;
import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import dev.custflow.action.Action;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.model.Customer;
import dev.custflow.model.CustomerProfile;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry;
import dev.custflow.spi.StoredState;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine. One call at a time (calls are serialised); inside a call the partitions run in
 * parallel when there are several and the batch is large enough to pay for it. How a call's events are
 * processed, so that the result does not depend on the number of partitions: {@link BatchRunner}. This class
 * holds the engine together: building it, the store (resume, commit), reloads and the queries.
 */
public final class DefaultEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEngine.class);

    /** Replaced as a whole by a reload (new user rules and settings); the rest of it never changes. */
    private volatile EngineConfig config;
    /** The rule set every partition's session runs; replaced by a reload. */
    private volatile CompiledRules rules;
    private final Partition[] partitions;
    private final Router router;
    private final SeenIds emittedActions;
    private final AuditTrail audit;
    /** The packs with state across customers that are on (the desk, the de-duplication index, ...). */
    private final CrossCustomerPacks packs;
    private final RangeWalker walker;
    /** Plans, cuts and walks each call's events; holds the engine clock. */
    private final BatchRunner runner;
    /** The host's meters, or null without a registry. */
    private final EngineMetrics metrics;
    private volatile boolean closed;
    /** Where each call commits, or null to keep nothing beyond memory. */
    private final Commits commits;
    /** Events (or JSON lines) consumed from the source so far, restored from the store. */
    private long position;
    private String lastEventId;
    /** A call that failed with a store: the state in memory is ahead of the store, so the engine stops. */
    private RuntimeException stopped;
    /** Wakes a live engine at its earliest due time, or null (event time, or a host that sends ticks). */
    private final dev.custflow.spi.Timer timer;
    /** The due time the timer was last asked for ({@code Long.MIN_VALUE}: ask again). */
    private long armedAt = Long.MIN_VALUE;

    /**
     * Compiles the rules and opens the partitions.
     *
     * @param config the checked configuration
     * @throws dev.custflow.RuleCompilationException if the rules do not compile
     */
    public DefaultEngine(EngineConfig config) {
        this(config, null);
    }

    /**
     * Compiles the rules and opens the partitions; with a timer, the engine fires its time rules on its own.
     *
     * @param config the checked configuration
     * @param timer  wakes the engine at its earliest due time (needs a clock source), or null
     * @throws dev.custflow.RuleCompilationException if the rules do not compile
     */
    public DefaultEngine(EngineConfig config, dev.custflow.spi.Timer timer) {
        this.timer = timer;
        this.config = config;
        this.rules = RuleCompiler.compile(config.builtIns(), config.userRules(),
                new Sandbox(config.allowInRules()));
        for (var w : rules.warnings()) {
            LOG.info("{}", w);
        }
        this.partitions = new Partition[config.partitions()];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new Partition(i, rules, config.settings(), config.reasons());
        }
        this.router = new Router(config.dedupWindow(), config.referenceIndexSize());
        this.emittedActions = new SeenIds(config.dedupWindow());
        this.audit = new AuditTrail(config.auditTrailSize());
        this.packs = CrossCustomerPacks.of(config, partitions, new Erasure(router, audit));
        this.walker = new RangeWalker(partitions);
        this.runner = new BatchRunner(router, partitions, packs, walker,
                new Delivery(partitions, emittedActions, audit, config.auditLog()), config.clock(),
                () -> this.config.settings());
        this.metrics = config.metrics() == null ? null : new EngineMetrics(config.metrics());
        if (metrics != null) {
            for (Partition p : partitions) {
                p.countRules();
            }
        }
        this.commits = config.store() == null ? null
                : new Commits(config.store(), new Snapshots.EngineParts(router, emittedActions, packs, partitions),
                        runner);
        if (commits != null) {
            try {
                resume();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        synchronized (this) {
            arm();
        }
    }

    /** Asks the timer for a wake-up at the earliest due time, when it changed. */
    private void arm() {
        if (timer == null || closed || stopped != null) {
            return;
        }
        long at = nextWake();
        if (at != armedAt) {
            armedAt = at;
            timer.wakeAt(at == Long.MAX_VALUE ? null : Instant.ofEpochMilli(at), this::wake);
        }
    }

    /** @return the earliest time a customer, a deadline or a weekly moment falls due, or {@code Long.MAX_VALUE} */
    private long nextWake() {
        long at = packs.nextWake();
        for (Partition p : partitions) {
            at = Math.min(at, p.nextDue());
        }
        return at;
    }

    /** The timer's wake-up: the clock moves to now, what fell due fires and is delivered, and the timer is re-armed. */
    private void wake() {
        synchronized (this) {
            if (closed || stopped != null) {
                return;
            }
            armedAt = Long.MIN_VALUE; // asked again even if nothing was due yet (a wake-up a little early)
            try {
                advanceTo(config.clock().instant());
            } catch (RuntimeException e) {
                LOG.error("the engine's timer could not fire the time rules due at {}: {}", clock(), e.toString());
            }
        }
    }

    /** Loads the last commit, and the position in the source it reached. */
    private void resume() {
        StoredState state = commits.resume();
        position = state.position();
        lastEventId = state.lastEventId();
    }

    @Override
    public synchronized List<Action> accept(Event event) {
        BatchResult r = process(List.of(new Input(0, event, null)), 1);
        if (!r.rejections().isEmpty()) {
            throw r.rejections().get(0).toException();
        }
        return r.actions();
    }

    @Override
    public synchronized BatchResult acceptAll(List<? extends Event> events) {
        List<Input> in = new ArrayList<>(events.size());
        for (Event e : events) {
            in.add(new Input(0, e, null));
        }
        return process(in, in.size());
    }

    @Override
    public synchronized BatchResult advanceTo(Instant to) {
        return process(List.of(new Input(0, new ClockTick("clock@" + to, to), null)), 0);
    }

    private BatchResult processRange(List<Input> inputs) {
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        return runner.run(inputs);
    }

    /**
     * Processes one call's inputs, then, with a store, commits what they changed (once per call), and only then
     * hands the actions to the sink.
     *
     * @param consumed inputs of the source this call consumed (events, or lines with blank ones): the position
     *                 moves by it
     */
    private BatchResult process(List<Input> inputs, long consumed) {
        if (stopped != null) {
            throw new IllegalStateException("the engine stopped after a failed call, so its state is ahead of the "
                    + "store's last commit.\nBuild a new engine on the store and re-send the events from its "
                    + "position()", stopped);
        }
        BatchResult r;
        long started = metrics == null ? 0 : System.nanoTime(); // a measurement, not a decision: wall time is right
        try {
            r = processRange(inputs);
            position += consumed;
            if (consumed > 0) {
                for (int i = inputs.size() - 1; i >= 0; i--) {
                    Input in = inputs.get(i);
                    String id = in.event() != null ? in.event().id() : in.rejected().eventId();
                    if (id != null) {
                        lastEventId = id;
                        break;
                    }
                }
            }
            if (commits != null) {
                commits.commit(position, lastEventId, r.actions());
            }
        } catch (RuntimeException e) {
            if (commits != null) {
                stopped = e;
            }
            throw e;
        }
        if (metrics != null) {
            metrics.called(r, consumed > 0, System.nanoTime() - started, partitions, customerCount());
        }
        try {
            if (!r.actions().isEmpty()) {
                config.sink().deliver(r.actions());
            }
        } finally {
            arm();
        }
        return r;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized Instant clock() {
        long clock = runner.clock();
        return clock == Long.MIN_VALUE ? (config.clock() == null ? Instant.EPOCH : config.clock().instant())
                : Instant.ofEpochMilli(clock);
    }

    @Override
    public synchronized Optional<CustomerProfile> customer(String customerId) {
        String id = packs.resolve(customerId); // a merged lead is its survivor now
        Customer c = runner.partitionFor(id).customer(id);
        return Optional.ofNullable(c).map(CustomerProfile::of);
    }

    @Override
    public synchronized void forEachCustomer(Consumer<CustomerProfile> visitor) {
        for (Partition p : partitions) {
            p.forEachCustomer(c -> visitor.accept(CustomerProfile.of(c)));
        }
    }

    /**
     * Visits the live customer facts, for connectors that snapshot them. Engine-internal: the
     * facts must not be changed or kept.
     *
     * @param visitor receives each customer fact
     */
    public synchronized void forEachCustomerFact(Consumer<Customer> visitor) {
        for (Partition p : partitions) {
            p.forEachCustomer(visitor);
        }
    }

    @Override
    public synchronized int customerCount() {
        int n = 0;
        for (Partition p : partitions) {
            n += p.customerCount();
        }
        return n;
    }

    /** @return customers waiting in the due-time index, over all partitions */
    public synchronized int dueCount() {
        int n = 0;
        for (Partition p : partitions) {
            n += p.dueCount();
        }
        return n;
    }

    @Override
    public synchronized List<AuditEntry> auditTrail(int limit) {
        return audit.latest(limit);
    }

    @Override
    public synchronized List<AuditEntry> auditTrail(String customerId) {
        return audit.forCustomer(customerId);
    }

    @Override
    public Settings settings() {
        return config.settings();
    }

    @Override
    public List<String> ruleNames() {
        return rules.ruleNames();
    }

    @Override
    public ReloadResult reload(List<RuleSource> userRules) {
        return reload(userRules, config.settings());
    }

    @Override
    public ReloadResult reload(Settings settings) {
        return reload(config.userRules(), settings);
    }

    /**
     * Compiles outside the engine's lock, so events keep flowing meanwhile (the compile cache makes an unchanged
     * rule set free), then swaps under the lock, which every batch holds from start to end: a batch runs entirely
     * on one rule set, and no event is in flight during the swap.
     */
    @Override
    public ReloadResult reload(List<RuleSource> userRules, Settings settings) {
        List<RuleSource> user = List.copyOf(Objects.requireNonNull(userRules, "rules"));
        Objects.requireNonNull(settings, "settings");
        EngineConfig before = config;
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        List<RuleMessage> refused = EngineSettings.refusedLive(before.settings(), settings);
        if (!refused.isEmpty()) {
            return report(before, new ReloadResult(ReloadResult.Status.REJECTED, refused, rules.ruleNames(),
                    Duration.ZERO));
        }
        long started = System.nanoTime();
        CompiledRules next;
        try {
            next = RuleCompiler.compile(before.builtIns(), user, new Sandbox(before.allowInRules()));
        } catch (RuleCompilationException e) {
            return report(before, new ReloadResult(ReloadResult.Status.REJECTED, e.messages(), rules.ruleNames(),
                    Duration.ofNanos(System.nanoTime() - started)));
        }
        Duration compiled = Duration.ofNanos(System.nanoTime() - started);
        ReloadResult.Status status;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the engine is closed");
            }
            if (next.hash().equals(rules.hash()) && settings.equals(config.settings())) {
                status = ReloadResult.Status.UNCHANGED;
            } else {
                for (Partition p : partitions) {
                    p.reload(next, settings);
                }
                rules = next;
                config = config.withUserRules(user).withSettings(settings);
                status = ReloadResult.Status.APPLIED;
            }
        }
        return report(before, new ReloadResult(status, next.warnings(), next.ruleNames(), compiled));
    }

    private ReloadResult report(EngineConfig config, ReloadResult result) {
        if (metrics != null) {
            metrics.reloaded(result.status());
        }
        switch (result.status()) {
            case APPLIED -> LOG.info("{}", result);
            case UNCHANGED -> LOG.debug("{}", result);
            case REJECTED -> LOG.warn("{}", result);
        }
        try {
            config.onReload().accept(result);
        } catch (RuntimeException e) {
            LOG.warn("the reload listener failed: {}", e.toString(), e); // the reload itself stands
        }
        return result;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (timer != null) {
            timer.close();
        }
        for (Partition p : partitions) {
            p.close();
        }
        walker.close();
    }
}
