package dev.custflow.internal.runtime;

import dev.custflow.internal.index.Emitted;
import dev.custflow.internal.json.JsonCodec;

import dev.custflow.internal.index.SeenIds;

import dev.custflow.internal.compile.CompiledRules;
import dev.custflow.internal.compile.RuleCompiler;
import dev.custflow.internal.compile.Sandbox;
import dev.custflow.internal.packs.AssignmentDesk;
import dev.custflow.internal.packs.AtRiskDigests;
import dev.custflow.internal.packs.DuplicateIndex;
import dev.custflow.internal.packs.RfmScale;
import dev.custflow.internal.packs.RfmWeekly;
import dev.custflow.internal.packs.Router;

import dev.custflow.BatchResult;
import dev.custflow.ConnectorException;
import dev.custflow.Engine;
import dev.custflow.EventRejectedException;
import dev.custflow.Rejection;
import dev.custflow.ReloadResult;
import dev.custflow.RuleCompilationException;
import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.event.RepUpdated;
import dev.custflow.rules.AssignmentDue;
import dev.custflow.rules.DuplicateLead;
import dev.custflow.rules.SlaBreach;
import dev.custflow.model.Customer;
import dev.custflow.model.CustomerProfile;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine. One call at a time (calls are serialised); inside a call the partitions run in
 * parallel when there are several and the batch is large enough to pay for it.
 *
 * <p>How a batch is processed, so that the result does not depend on the number of partitions:
 * <ol>
 * <li>In stream order, each event is checked (duplicates, unknown orders), routed, and the clock
 * is stepped to it. Every clock step is known to every partition.</li>
 * <li>Each partition walks the stream positions: at a clock step it wakes its customers that fall
 * due (earliest first), at its own events it applies them and runs the rules.</li>
 * <li>The actions of all partitions are merged in the order of (position, wake-ups before the
 * event, due time, customer id, firing order), de-duplicated by stable id, audited and delivered.</li>
 * </ol>
 */
public final class DefaultEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEngine.class);
    /** Below this many events a batch runs on the caller's thread: a hand-off costs more than it saves. */
    private static final int PARALLEL_THRESHOLD = 256;

    /** Replaced as a whole by a reload (new user rules and settings); the rest of it never changes. */
    private volatile EngineConfig config;
    /** The rule set every partition's session runs; replaced by a reload. */
    private volatile CompiledRules rules;
    private final Partition[] partitions;
    private final Router router;
    private final SeenIds emittedActions;
    private final AuditTrail audit;
    private final ExecutorService pool;
    /** The segments pack's weekly RFM recompute, or null when the pack is off. */
    private final RfmWeekly segments;
    /** The churn pack's weekly digest, or null when the pack is off. */
    private final AtRiskDigests digests;
    /** The leads pack's de-duplication index, or null when the pack is off or nothing is matched on. */
    private final DuplicateIndex dedup;
    /** The assignment pack's shared state, or null when the pack is off. */
    private final AssignmentDesk desk;
    private long clock = Long.MIN_VALUE;
    private volatile boolean closed;
    /** Where each call commits, or null to keep nothing beyond memory. */
    private final CustomerStore store;
    /** Events (or JSON lines) consumed from the source so far, restored from the store. */
    private long position;
    private String lastEventId;
    /** A call that failed with a store: the state in memory is ahead of the store, so the engine stops. */
    private RuntimeException stopped;

    /**
     * Compiles the rules and opens the partitions.
     *
     * @param config the checked configuration
     * @throws dev.custflow.RuleCompilationException if the rules do not compile
     */
    public DefaultEngine(EngineConfig config) {
        this.config = config;
        this.rules = RuleCompiler.compile(config.builtIns(), config.userRules(),
                new Sandbox(config.allowInRules()));
        for (var w : rules.warnings()) {
            LOG.info("{}", w);
        }
        this.partitions = new Partition[config.partitions()];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new Partition(i, rules, config.settings());
        }
        this.router = new Router(config.dedupWindow(), config.referenceIndexSize());
        this.emittedActions = new SeenIds(config.dedupWindow());
        this.audit = new AuditTrail(config.auditTrailSize());
        this.segments = config.builtIns().stream().anyMatch(r -> r.name().equals(RulePack.SEGMENTS.resource()))
                ? new RfmWeekly(config.settings()) : null;
        if (segments != null && config.settings().segments().mode() == dev.custflow.settings.SegmentsSettings.Mode.FIXED) {
            RfmScale fixed = RfmScale.fixed(config.settings().segments());
            for (Partition p : partitions) {
                p.scale(fixed); // fixed thresholds score new orders from the start
            }
        }
        this.digests = config.settings().churn().weeklyDigest()
                && config.builtIns().stream().anyMatch(r -> r.name().equals(RulePack.CHURN.resource()))
                ? new AtRiskDigests(config.settings()) : null;
        this.dedup = hasPack(config, RulePack.LEADS) && !config.settings().intake().matchOn().isEmpty()
                ? new DuplicateIndex(config.settings().intake().contactData(), config.settings().intake().matchOn())
                : null;
        this.desk = hasPack(config, RulePack.ASSIGNMENT)
                ? new AssignmentDesk(config.settings().assignment(), config.repLoadBoard()) : null;
        for (Partition p : partitions) {
            p.desk(desk);
        }
        this.pool = partitions.length > 1 ? Executors.newFixedThreadPool(partitions.length, r -> {
            Thread t = new Thread(r, "custflow-partition");
            t.setDaemon(true);
            return t;
        }) : null;
        this.store = config.store();
        if (store != null) {
            try {
                resume();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
    }

    private Snapshots.EngineParts parts() {
        return new Snapshots.EngineParts(router, emittedActions, segments, digests, dedup, desk, partitions);
    }

    /** Loads the last commit: the engine state, then every customer into its partition, its due time and risk. */
    private void resume() {
        for (Partition p : partitions) {
            p.trackChanges();
        }
        router.keepForSnapshots();
        emittedActions.keepForSnapshots();
        StoredState state = storeCall("loading the engine state", store::load);
        if (!state.engineParts().isEmpty()) {
            clock = Snapshots.restoreEngine(state.engineParts(), parts());
        }
        storeCall("loading the customers", () -> {
            store.forEachCustomer((id, bytes) -> {
                Customer c = Snapshots.customer(bytes);
                c.setNowMillis(clock == Long.MIN_VALUE ? c.getCreatedAt().toEpochMilli() : clock);
                partitionFor(c.getId()).restore(c);
            });
            return null;
        });
        position = state.position();
        lastEventId = state.lastEventId();
    }

    private <T> T storeCall(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ConnectorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConnectorException(store.getClass().getName(), what + " failed", e);
        }
    }

    private static boolean hasPack(EngineConfig config, RulePack pack) {
        return config.builtIns().stream().anyMatch(r -> r.name().equals(pack.resource()));
    }

    /** One event as it entered the batch: read (or rejected while reading) at a line. */
    private record Input(long line, Event event, EventRejectedException rejected) {
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
        int n = inputs.size();
        List<Rejection> rejections = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        // 1. route in stream order; step the clock
        int[] partitionOf = new int[n];
        Arrays.fill(partitionOf, -2); // -2 skipped, -1 broadcast
        String[] customerOf = new String[n];
        long[] clockAt = new long[n];
        boolean[] step = new boolean[n];
        long[] digestAt = new long[n]; // the weekly digest time a clock step passed, or 0
        Object[] facts = new Object[n]; // facts the engine adds to an event's evaluation (merges, an offer), or null
        List<Action> actions = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < n; i++) {
            Input in = inputs.get(i);
            if (in.rejected() != null) {
                rejections.add(Rejection.of(in.rejected()));
                continue;
            }
            Event e = in.event();
            if (router.isDuplicate(e)) {
                duplicates++;
                continue;
            }
            Router.Route route;
            try {
                route = router.route(e);
            } catch (EventRejectedException x) {
                rejections.add(Rejection.of(x.at(in.line(), e.id())));
                continue;
            }
            accepted++;
            long t = config.clock() == null ? e.at().toEpochMilli() : config.clock().millis();
            String customerId = dedup == null ? route.customerId() : dedup.resolve(route.customerId());
            long rescoreAt = segments != null && t > clock ? segments.crossed(clock, t) : 0;
            boolean deadlines = desk != null && desk.nextDeadline() <= Math.max(clock, t);
            if (rescoreAt != 0 || deadlines) {
                // this event passes the weekly RFM recompute or first-response deadlines: what came before it runs
                // first, then those happen at their own time, then this event goes on (the same cut whatever the
                // batch)
                actions.addAll(runRange(inputs, from, i, partitionOf, customerOf, clockAt, step, digestAt, facts,
                        rejections));
                if (rescoreAt != 0) {
                    if (desk != null) {
                        actions.addAll(judgeDeadlines(rescoreAt - 1, rejections));
                    }
                    actions.addAll(recomputeRfm(rescoreAt, rejections));
                }
                if (desk != null) {
                    actions.addAll(judgeDeadlines(Math.max(clock, t), rejections));
                }
                from = i;
            }
            if (t > clock) {
                if (digests != null) {
                    digestAt[i] = digests.crossed(clock, t);
                }
                clock = t;
                step[i] = true;
            }
            clockAt[i] = clock;
            customerOf[i] = customerId;
            partitionOf[i] = route.broadcast() ? -1 : Math.floorMod(customerId.hashCode(), partitions.length);
            if (e instanceof LeadCaptured lead && (dedup != null || desk != null && desk.hasReps())) {
                List<DuplicateIndex.Key> keys = dedup == null ? List.of() : dedup.keys(lead.profile());
                Map<String, List<DuplicateIndex.Key>> found = dedup == null ? Map.of() : dedup.matches(customerId, keys);
                if (found.isEmpty() && (desk == null || !desk.hasReps())) {
                    dedup.claim(customerId, keys); // nothing to merge, nobody to assign: it runs with the rest
                } else {
                    // merges and assignment see every partition up to date and run one lead at a time
                    actions.addAll(runRange(inputs, from, i, partitionOf, customerOf, clockAt, step, digestAt, facts,
                            rejections));
                    actions.addAll(capture(inputs, i, lead, keys, found, partitionOf, customerOf, clockAt, step,
                            digestAt, facts, rejections));
                    from = i + 1;
                }
            } else {
                if (dedup != null && e instanceof ProfileUpdated update) {
                    dedup.claim(customerId, dedup.keys(update.profile()));
                }
                if (desk != null && e instanceof InteractionLogged contact) {
                    desk.interaction(customerId, contact.kind());
                } else if (desk != null && e instanceof RepUpdated rep) {
                    boolean first = !desk.hasReps();
                    desk.repUpdated(rep);
                    if (first) {
                        // the first rep: leads captured while nobody could take them wait for a rep like any other
                        actions.addAll(runRange(inputs, from, i + 1, partitionOf, customerOf, clockAt, step, digestAt,
                                facts, rejections));
                        from = i + 1;
                        queueBacklog();
                    }
                }
                if (desk != null && desk.hasWaiting()) {
                    // while leads wait, any event may free capacity (a rep back, a lead closed, time passing):
                    // offer them again right after it, so no lead waits while a rep has room
                    actions.addAll(runRange(inputs, from, i + 1, partitionOf, customerOf, clockAt, step, digestAt,
                            facts, rejections));
                    actions.addAll(offerWaiting(rejections));
                    from = i + 1;
                }
            }
        }
        actions.addAll(runRange(inputs, from, n, partitionOf, customerOf, clockAt, step, digestAt, facts,
                rejections));
        if (desk != null) {
            // leads closed in this call stop counting now, not at the next hand-out: every hand-out drains first,
            // so no decision changes, and engines sharing a rep-load board see the release at once
            drainReleased();
        }
        return new BatchResult(actions, rejections, accepted, duplicates);
    }

    /** Steps 2 and 3 for the positions {@code [from, to)} of a batch: the partitions walk them, then delivery. */
    private List<Action> runRange(List<Input> inputs, int from, int to, int[] partitionOf, String[] customerOf,
                                  long[] clockAt, boolean[] step, long[] digestAt, Object[] facts,
                                  List<Rejection> rejections) {
        if (from >= to) {
            return List.of();
        }
        int n = to - from;
        // 2. every partition walks the positions
        List<List<Emitted>> outs = new ArrayList<>(partitions.length);
        if (pool != null && n >= PARALLEL_THRESHOLD) {
            List<Future<List<Emitted>>> futures = new ArrayList<>();
            for (Partition p : partitions) {
                futures.add(pool.submit(() -> walk(p, inputs, from, to, partitionOf, customerOf, clockAt, step, digestAt, facts)));
            }
            for (Future<List<Emitted>> f : futures) {
                try {
                    outs.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the partitions were working", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a partition failed: " + e.getCause(), e.getCause());
                }
            }
        } else {
            for (Partition p : partitions) {
                outs.add(walk(p, inputs, from, to, partitionOf, customerOf, clockAt, step, digestAt, facts));
            }
        }
        // 3. merge in the deterministic order, drop repeats, audit, deliver
        List<Emitted> merged = new ArrayList<>();
        outs.forEach(merged::addAll);
        if (digests != null) {
            List<AtRiskDigests.Entry> atRisk = new ArrayList<>();
            for (Partition p : partitions) {
                atRisk.addAll(p.drainAtRisk());
            }
            merged.addAll(digests.digests(atRisk, digestAt, clockAt));
        }
        return deliver(merged, inputs, rejections);
    }

    /**
     * A captured lead at position {@code i}, with every partition up to date: merges it (and the records {@code found}
     * by its {@code keys}, which it shows to be the same person) into the earliest record, offers waiting leads the capacity freed meanwhile, then
     * runs the capture with the merges and the assignment offer as facts, the desk open.
     */
    private List<Action> capture(List<Input> inputs, int i, LeadCaptured lead, List<DuplicateIndex.Key> keys,
                                 Map<String, List<DuplicateIndex.Key>> found, int[] partitionOf, String[] customerOf,
                                 long[] clockAt, boolean[] step, long[] digestAt, Object[] facts,
                                 List<Rejection> rejections) {
        String self = customerOf[i];
        List<Object> extra = new ArrayList<>();
        if (dedup != null) {
            String survivor = self;
            if (!found.isEmpty()) {
                survivor = earliest(self, lead, found.keySet());
                Customer kept = partitionFor(survivor).getOrCreate(survivor, lead.at());
                if (!survivor.equals(self)) {
                    fold(self, kept);
                    extra.add(duplicate(survivor, self, found.get(survivor)));
                }
                for (var f : found.entrySet()) {
                    String other = f.getKey();
                    if (!other.equals(survivor) && fold(other, kept)) {
                        extra.add(duplicate(survivor, other, f.getValue()));
                    }
                }
            }
            dedup.claim(survivor, keys);
            customerOf[i] = survivor;
            partitionOf[i] = Math.floorMod(survivor.hashCode(), partitions.length);
        }
        List<Action> actions = new ArrayList<>();
        if (desk != null && desk.hasReps()) {
            actions.addAll(offerWaiting(rejections));
            extra.add(new AssignmentDue(false));
        }
        facts[i] = extra;
        if (desk != null) {
            desk.open();
        }
        try {
            actions.addAll(runRange(inputs, i, i + 1, partitionOf, customerOf, clockAt, step, digestAt, facts,
                    rejections));
        } finally {
            if (desk != null) {
                desk.close();
            }
        }
        return actions;
    }

    /**
     * The survivor among a new lead and the records it matches: a record with orders first (customers' order
     * histories are never merged), then the earliest created, then the smallest id. The new lead counts as
     * created when it was captured, so the same set of leads gives the same survivors in any order.
     */
    private String earliest(String self, LeadCaptured lead, Iterable<String> matched) {
        String best = self;
        Customer bestC = partitionFor(self).customer(self);
        for (String id : matched) {
            Customer c = partitionFor(id).customer(id);
            if (earlier(id, c, best, bestC, lead)) {
                best = id;
                bestC = c;
            }
        }
        return best;
    }

    private static boolean earlier(String a, Customer ca, String b, Customer cb, LeadCaptured lead) {
        boolean boughtA = ca != null && ca.isHasOrdered();
        boolean boughtB = cb != null && cb.isHasOrdered();
        if (boughtA != boughtB) {
            return boughtA;
        }
        long atA = ca == null ? lead.at().toEpochMilli() : ca.getCreatedAt().toEpochMilli();
        long atB = cb == null ? lead.at().toEpochMilli() : cb.getCreatedAt().toEpochMilli();
        return atA != atB ? atA < atB : a.compareTo(b) < 0;
    }

    /**
     * Folds an existing record into the survivor and forgets it: its id and keys lead to the survivor from now
     * on. A record with orders is left alone (false).
     */
    private boolean fold(String id, Customer survivor) {
        Partition home = partitionFor(id);
        Customer c = home.customer(id);
        if (c != null && c.isHasOrdered()) {
            return false;
        }
        if (c != null) {
            home.remove(id);
            if (desk != null && c.isLoadCounted()) {
                if (survivor.getOwnerId() == null && c.isOpenLead()) {
                    survivor.setOwnerId(c.getOwnerId());
                    survivor.setLoadCounted(true);
                } else {
                    desk.release(c.getOwnerId());
                }
                c.setLoadCounted(false);
            }
            survivor.absorb(c, config.settings().scoring().halfLifeDays());
        }
        if (desk != null) {
            desk.forget(id);
        }
        dedup.merge(id, survivor.getId());
        return true;
    }

    private static DuplicateLead duplicate(String survivor, String merged, List<DuplicateIndex.Key> keys) {
        return new DuplicateLead(survivor, merged, keys.stream().map(DuplicateIndex.Key::kind).toList(),
                keys.stream().map(DuplicateIndex.Key::value).toList());
    }

    /**
     * Offers the leads that found every rep away or full again, oldest first, if capacity changed since they
     * were last offered.
     */
    private List<Action> offerWaiting(List<Rejection> rejections) {
        drainReleased();
        List<String> waiting = desk.waitingToOffer();
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<Emitted> out = new ArrayList<>();
        String cause = "capacity@" + Instant.ofEpochMilli(clock);
        for (String id : waiting) {
            Partition home = partitionFor(id);
            Customer c = home.customer(id);
            if (c == null || c.getOwnerId() != null || !c.isOpenLead()) {
                desk.dropWaiting(id);
                continue;
            }
            desk.open();
            try {
                home.reevaluate(c, clock, cause, 0, out, List.of(new AssignmentDue(true)));
            } finally {
                desk.close();
            }
        }
        return deliver(out, List.of(new Input(0, new ClockTick(cause, Instant.ofEpochMilli(clock)), null)),
                rejections);
    }

    /**
     * Judges the first-response deadlines up to {@code until}, each at its own time: the clock moves to it
     * (waking what is due), and a lead still open with the same rep and no response gets an {@link SlaBreach}.
     */
    private List<Action> judgeDeadlines(long until, List<Rejection> rejections) {
        List<Action> actions = new ArrayList<>();
        while (desk.nextDeadline() <= until) {
            AssignmentDesk.Deadline d = desk.pollDeadline();
            long at = Math.max(clock, d.due()); // judged at the deadline, or at the clock if that is later already
            List<Emitted> out = new ArrayList<>();
            for (Partition p : partitions) {
                p.advance(at, 0, out);
            }
            drainReleased();
            Partition home = partitionFor(d.leadId());
            Customer c = home.customer(d.leadId());
            String cause = "sla@" + Instant.ofEpochMilli(d.due());
            if (c != null && c.isOpenLead() && d.repId().equals(c.getOwnerId())) {
                SlaBreach breach = new SlaBreach(d.repId(), desk.teamOf(d.repId()), Instant.ofEpochMilli(d.assignedAt()),
                        (d.due() - d.assignedAt()) / 60_000L, d.second());
                desk.open();
                try {
                    home.reevaluate(c, at, cause, d.due(), out, List.of(breach));
                } finally {
                    desk.close();
                }
            } else {
                desk.forget(d.leadId());
            }
            actions.addAll(deliver(out, List.of(new Input(0, new ClockTick(cause, Instant.ofEpochMilli(d.due())),
                    null)), rejections));
        }
        return actions;
    }

    /** Puts every open lead without a rep in the waiting line, oldest first (when the first rep arrives). */
    private void queueBacklog() {
        List<Customer> backlog = new ArrayList<>();
        for (Partition p : partitions) {
            p.forEachCustomer(c -> {
                if (c.getOwnerId() == null && c.isOpenLead()) {
                    backlog.add(c);
                }
            });
        }
        backlog.sort(java.util.Comparator.comparing(Customer::getCreatedAt).thenComparing(Customer::getId));
        backlog.forEach(c -> desk.await(c.getId()));
    }

    /** Tells the desk which leads closed in the partitions since the last time. */
    private void drainReleased() {
        for (Partition p : partitions) {
            p.drainReleased(desk::release);
        }
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
            commit(r.actions());
        } catch (RuntimeException e) {
            if (store != null) {
                stopped = e;
            }
            throw e;
        }
        if (!r.actions().isEmpty()) {
            config.sink().deliver(r.actions());
        }
        return r;
    }

    /**
     * Writes the customers this call changed, those it merged away, the engine state parts it changed (and those it
     * left behind) and the actions.
     */
    private void commit(List<Action> actions) {
        if (store == null) {
            return;
        }
        Map<String, byte[]> changed = new java.util.HashMap<>();
        java.util.Set<String> removed = new java.util.HashSet<>();
        for (Partition p : partitions) {
            p.drainChanges(c -> changed.put(c.getId(), Snapshots.customer(c)), removed::add);
        }
        Snapshots.EngineDelta state = Snapshots.engine(clock, parts());
        StoreCommit commit = new StoreCommit(position, lastEventId, state.parts(), state.removed(), changed, removed,
                actions);
        storeCall("committing position " + position, () -> {
            store.commit(commit);
            return null;
        });
    }

    @Override
    public synchronized long position() {
        return position;
    }

    /**
     * The weekly RFM recompute: the clock moves to the boundary (waking what is due), every customer
     * with an order is scored again (by fifths of the whole base, or by the fixed thresholds), and
     * the customers whose scores changed are evaluated, so the segment rules can move them.
     */
    private List<Action> recomputeRfm(long boundary, List<Rejection> rejections) {
        clock = Math.max(clock, boundary);
        List<Emitted> out = new ArrayList<>();
        for (Partition p : partitions) {
            p.advance(clock, 0, out);
        }
        List<Customer> base = new ArrayList<>();
        List<Partition> home = new ArrayList<>();
        for (Partition p : partitions) {
            p.forEachBuyer(clock, c -> {
                base.add(c);
                home.add(p);
            });
        }
        int[][] scores = new int[base.size()][];
        RfmScale scale = segments.scale(base, scores);
        String cause = "rfm@" + Instant.ofEpochMilli(boundary);
        for (int i = 0; i < base.size(); i++) {
            Customer c = base.get(i);
            if (c.setRfm(scores[i][0], scores[i][1], scores[i][2])) {
                home.get(i).reevaluate(c, clock, cause, boundary, out);
            }
        }
        for (Partition p : partitions) {
            p.scale(scale);
        }
        return deliver(out, List.of(new Input(0, new ClockTick(cause, Instant.ofEpochMilli(boundary)), null)),
                rejections);
    }

    /** Step 3: merges in the deterministic order, drops repeats, audits, reports rule failures, delivers. */
    private List<Action> deliver(List<Emitted> merged, List<Input> inputs, List<Rejection> rejections) {
        merged.sort(Emitted.ORDER);
        List<Action> actions = new ArrayList<>(merged.size());
        for (Emitted em : merged) {
            Action a = em.action();
            if (em.outcome() != AuditEntry.Outcome.EMITTED) { // held or suppressed by the policy gate
                record(a, em.cause(), em.outcome(), em.note(), em.until());
            } else if (emittedActions.add(a.id())) {
                actions.add(a);
                record(a, em.cause(), AuditEntry.Outcome.EMITTED, null, 0);
            } else {
                record(a, em.cause(), AuditEntry.Outcome.DUPLICATE, "an action with the same id was already emitted",
                        0);
            }
        }
        for (Partition p : partitions) {
            for (RuleFailure f : p.drainFailures()) {
                Input in = inputs.get(f.position());
                String msg = "rule \"" + f.rule() + "\" failed for customer " + f.customerId() + " (" + f.cause()
                        + "): " + f.message();
                LOG.error("{}{}", in.line() > 0 ? "line " + in.line() + ": " : "", msg);
                String problem = msg + " (the event was applied; the rule's remaining work was not done)";
                rejections.add(new Rejection(in.line(), in.event() == null ? null : in.event().id(),
                        in.event() == null ? null : in.event().type(), null, null, problem,
                        (in.line() > 0 ? "line " + in.line() + ": " : "") + problem));
            }
        }
        return actions;
    }

    /** One partition's pass over a batch. */
    @SuppressWarnings("unchecked")
    private static List<Emitted> walk(Partition p, List<Input> inputs, int from, int to, int[] partitionOf,
                                      String[] customerOf, long[] clockAt, boolean[] step, long[] digestAt,
                                      Object[] facts) {
        List<Emitted> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (partitionOf[i] == -2) {
                continue;
            }
            if (step[i]) {
                p.advance(clockAt[i], i, out);
            }
            if (digestAt[i] != 0) {
                p.collectAtRisk(i, clockAt[i]);
            }
            if (partitionOf[i] == -1 || partitionOf[i] == p.index()) {
                p.apply(inputs.get(i).event(), customerOf[i], clockAt[i], i, out,
                        facts[i] == null ? List.of() : (List<Object>) facts[i]);
            }
        }
        return out;
    }

    private void record(Action a, String cause, AuditEntry.Outcome outcome, String note, long until) {
        AuditEntry e = new AuditEntry(a.at(), a.id(), a.type(), a.customerId(), a.rule(), a.reason(), cause, outcome,
                note, until == 0 ? null : Instant.ofEpochMilli(until));
        audit.add(e);
        if (config.auditLog() != null) {
            config.auditLog().record(e);
        }
    }

    @Override
    public synchronized Instant clock() {
        return clock == Long.MIN_VALUE ? (config.clock() == null ? Instant.EPOCH : config.clock().instant())
                : Instant.ofEpochMilli(clock);
    }

    @Override
    public synchronized Optional<CustomerProfile> customer(String customerId) {
        String id = dedup == null ? customerId : dedup.resolve(customerId); // a merged lead is its survivor now
        Customer c = partitionFor(id).customer(id);
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

    private Partition partitionFor(String customerId) {
        return partitions[Math.floorMod(customerId.hashCode(), partitions.length)];
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
                EngineConfig c = config;
                config = new EngineConfig(c.builtIns(), user, settings, c.clock(), c.sink(), c.auditLog(),
                        c.partitions(), c.dedupWindow(), c.referenceIndexSize(), c.auditTrailSize(), c.allowInRules(),
                        c.onReload(), c.store(), c.repLoadBoard());
                status = ReloadResult.Status.APPLIED;
            }
        }
        return report(before, new ReloadResult(status, next.warnings(), next.ruleNames(), compiled));
    }

    private static ReloadResult report(EngineConfig config, ReloadResult result) {
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
        for (Partition p : partitions) {
            p.close();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
