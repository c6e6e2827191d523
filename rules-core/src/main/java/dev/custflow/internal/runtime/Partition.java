package dev.custflow.internal.runtime;

import dev.custflow.internal.index.DueCauses;
import dev.custflow.internal.index.DueIndex;
import dev.custflow.internal.index.Emitted;

import dev.custflow.internal.compile.CompiledRules;
import dev.custflow.internal.guard.RuleBudget;
import dev.custflow.internal.guard.RuleLimitExceeded;
import dev.custflow.internal.packs.AssignmentDesk;
import dev.custflow.internal.packs.AtRiskDigests;
import dev.custflow.internal.packs.RfmScale;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.internal.profile.RepRecord;

import dev.custflow.action.Action;
import dev.custflow.action.AtRiskDigest;
import dev.custflow.action.MessageRequested;
import dev.custflow.event.CampaignLaunched;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.RepUpdated;
import dev.custflow.event.OwnerSet;
import dev.custflow.event.StageSet;
import dev.custflow.model.ContactData;
import dev.custflow.model.Rep;
import dev.custflow.settings.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.collections.api.block.procedure.primitive.ObjectIntProcedure;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;
import org.eclipse.collections.impl.set.mutable.UnifiedSet;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One partition: a share of the customers (by id), one KieSession, one thread at a time. The
 * customers live here, not in the session: a customer is inserted with the event that concerns it,
 * the rules fire, and it leaves the session again, so the session stays small whatever the size
 * of the base and each event costs what it touches. Reps stay in the session (every partition has
 * them all).
 */
public final class Partition implements AutoCloseable {
    /** More firings than this for one evaluation is a rule loop. */
    static final int FIRING_LIMIT = 10_000;
    private static final FactHandle[] NO_HANDLES = new FactHandle[0];

    /**
     * Drools keeps a fact handle and its tuples (about 300 bytes) for every customer whose stage change
     * ended a rule's match, although the customer was deleted from the session (measured in Drools 10.2,
     * W4 in BENCHMARKS.md). The session holds nothing else between evaluations but the reps, so it is
     * replaced by a fresh one after this many evaluations, which bounds what it can keep.
     */
    static final int RENEW_SESSION_AFTER = 50_000;
    /** The package of the built-in packs' rules (rules-core's dev/custflow/rules/*.drl). */
    private static final String BUILT_IN_PACKAGES = "dev.custflow.rules.";

    private final int index;
    /** The reason templates of the engine's locale (global {@code reasons}). */
    private final dev.custflow.rules.Reasons reasons;
    /** The rule set and settings sessions open on; replaced together by {@link #reload}. */
    private CompiledRules rules;
    private Settings settings;
    /** Lead intake cleaning, built once from settings.intake. */
    private final ContactData intake;
    private final java.util.Set<String> declaredGlobals = new java.util.HashSet<>();
    /** Whether a pattern of the rule base can match a fact of a class (see {@link #ruleSees}), by class. */
    private final Map<Class<?>, Boolean> matched = new java.util.IdentityHashMap<>();
    private KieSession session;
    private ActionCollector collector;
    private int evaluations;
    private PolicyGate gate;
    /** How a new order is scored until the next weekly RFM recompute; null before the first (or without the pack). */
    private RfmScale rfm;
    private final CustomerTable customers = new CustomerTable();
    private final DueIndex due = new DueIndex();
    private final DueCauses dueCauses = new DueCauses();
    private final Map<String, RepRecord> reps = new HashMap<>();
    private final Map<String, FactHandle> repHandles = new HashMap<>();
    private final List<RuleFailure> failures = new ArrayList<>();
    /** The evaluation the rules fire for (its position, cause and customer), for the failures reported in it. */
    private RuleFailure evaluating;
    /** True while a rule's consequence runs (between the agenda's before- and after-fired events). */
    private boolean firing;
    /**
     * The rules that failed in the current evaluation: their matches do not fire again in it (a rule re-matches each
     * time another rule changes the customer, and would fail again, and spend its time budget again).
     */
    private final java.util.Set<String> failedRules = new java.util.HashSet<>();
    private final AgendaFilter notFailed = m -> !failedRules.contains(m.getRule().getName());
    /** How long one firing of a user rule may run (settings limits.ruleTimeBudgetMillis). */
    private long budgetNanos;
    /** Customers with open churn warnings, for the weekly digest without a scan of all customers. */
    private final UnifiedSet<CustomerRecord> atRisk = new UnifiedSet<>();
    private final List<AtRiskDigests.Entry> atRiskReported = new ArrayList<>();
    /** Lead assignment's shared state, or null when the pack is off; set on every session's collector. */
    private AssignmentDesk desk;
    /**
     * A lead's weight on its rep's load changed since the last drain: it stopped counting (closed, recycled, lost) or
     * came back (open again). Kept in one list, in order: a lead recycled, back and recycled again within one drain
     * must leave its rep's load as it found it, whatever the batch.
     */
    private record LoadChange(String repId, boolean back) {
    }

    private final List<LoadChange> loadChanges = new ArrayList<>();
    /**
     * Customers evaluated, created or merged into since the last {@link #drainChanges} (the next commit writes
     * their snapshots), and ids merged away (the commit removes them); kept only when the engine has a store.
     */
    private final UnifiedSet<CustomerRecord> dirty = new UnifiedSet<>();
    private final UnifiedSet<String> removed = new UnifiedSet<>();
    private boolean tracking;
    /** Firings and failures per rule since the last {@link #drainRuleCounts}; null when no one reads them (no metrics). */
    private ObjectIntHashMap<String> firings;
    private ObjectIntHashMap<String> failed;

    Partition(int index, CompiledRules rules, Settings settings, dev.custflow.rules.Reasons reasons) {
        this.index = index;
        this.reasons = reasons;
        this.rules = rules;
        this.settings = settings;
        this.intake = settings.intake().contactData();
        this.gate = new PolicyGate(settings);
        this.budgetNanos = budget(settings);
        collectGlobals();
        openSession();
    }

    /** A global no rule declares cannot be set (a rule set of user rules may declare only some). */
    private void collectGlobals() {
        matched.clear();
        declaredGlobals.clear();
        rules.kieBase().getKiePackages().forEach(p -> p.getGlobalVariables()
                .forEach(g -> declaredGlobals.add(g.getName())));
    }

    /**
     * Evaluates with a new rule set and settings from the next evaluation on (a hot reload, between batches): a new
     * session on the new rule base, with the reps. The customers, their due times and held messages live outside
     * the session and stay as they are. The engine checked that the settings it built its own structures from
     * (intake cleaning among them) did not change.
     */
    void reload(CompiledRules next, Settings nextSettings) {
        KieSession old = session;
        rules = next;
        settings = nextSettings;
        gate = new PolicyGate(nextSettings);
        budgetNanos = budget(nextSettings);
        collectGlobals();
        evaluations = 0;
        openSession();
        old.dispose();
    }

    private static long budget(Settings s) {
        return s.limits().ruleTimeBudgetMillis() * 1_000_000L;
    }

    /** Opens a session with the globals, the rule-name listener and the reps. */
    private void openSession() {
        session = rules.kieBase().newKieSession();
        collector = new ActionCollector(session, settings, reasons);
        collector.desk(desk);
        setGlobal("settings", settings);
        setGlobal("actions", collector);
        setGlobal("schedule", collector);
        setGlobal("reasons", reasons);
        if (declaredGlobals.contains("workingTime")) {
            setGlobal("workingTime", new RuleWorkingTime(dev.custflow.internal.packs.Calendars.of(settings), reps));
        }
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                Rule rule = event.getMatch().getRule();
                if (firings != null) {
                    firings.addToValue(rule.getName(), 1);
                }
                // a user's rule is checkpointed before it first changes the customer, so that a failure half-way
                // leaves the customer as it was; the built-in packs (trusted, tested) are not
                collector.ruleFiring(rule.getName(), !rule.getPackageName().startsWith(BUILT_IN_PACKAGES));
                firing = true;
                RuleBudget.arm(budgetNanos); // each firing gets the whole budget
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firing = false;
                if (RuleBudget.takeTripped()) { // stopped, but it caught the error (in a finally) and returned
                    fail("stopped after its time budget of " + budgetNanos / 1_000_000 + " ms (setting "
                            + "limits.ruleTimeBudgetMillis), and it went on after being stopped"
                            + kept(collector.dropFiring()));
                }
            }
        });
        repHandles.clear();
        reps.values().forEach(r -> repHandles.put(r.getId(), session.insert(r)));
    }

    /**
     * @return false when no pattern of the rule base can match a fact of this one's class: inserting it would change
     * no match, and costs a fact handle, its propagation and its delete (most events of the built-in packs, whose
     * rules match the customer alone)
     */
    private boolean ruleSees(Object fact) {
        Boolean sees = matched.get(fact.getClass());
        if (sees == null) {
            sees = FactTypes.matched(rules.kieBase(), fact.getClass());
            matched.put(fact.getClass(), sees);
        }
        return sees;
    }

    private void setGlobal(String name, Object value) {
        if (declaredGlobals.contains(name)) {
            session.setGlobal(name, value);
        }
    }

    int index() {
        return index;
    }

    void desk(AssignmentDesk d) {
        this.desk = d;
        collector.desk(d);
    }

    /**
     * Hands the load changes since the last call over, in the order they happened: the owner of a lead that stopped
     * counting to {@code release}, of one that came back to {@code reclaim}.
     */
    void drainLoadChanges(Consumer<String> release, Consumer<String> reclaim) {
        for (LoadChange change : loadChanges) {
            (change.back() ? reclaim : release).accept(change.repId());
        }
        loadChanges.clear();
    }

    /** Takes a customer out of this partition (it was merged into another record); null if unknown. */
    CustomerRecord remove(String id) {
        CustomerRecord c = customers.remove(id);
        if (c != null) {
            due.schedule(c, DueIndex.NONE);
            atRisk.remove(c);
            if (tracking) {
                dirty.remove(c);
                removed.add(id);
            }
        }
        return c;
    }

    /** @return the customer, created empty with this creation time when it is new */
    CustomerRecord getOrCreate(String id, Instant createdAt) {
        CustomerRecord c = customers.get(id);
        if (c == null) {
            c = new CustomerRecord(id, createdAt);
            customers.put(c);
            changed(c);
        }
        return c;
    }

    int customerCount() {
        return customers.size();
    }

    int dueCount() {
        return due.size();
    }

    /** @return this partition's customers, for {@link ReadAhead} (which only reads) */
    CustomerTable customers() {
        return customers;
    }

    CustomerRecord customer(String id) {
        return customers.get(id);
    }

    void forEachCustomer(Consumer<? super CustomerRecord> visitor) {
        customers.forEach(visitor);
    }

    List<RuleFailure> drainFailures() {
        List<RuleFailure> f = new ArrayList<>(failures);
        failures.clear();
        return f;
    }

    /** @return when this partition's earliest customer falls due, or {@code Long.MAX_VALUE} */
    long nextDue() {
        return due.peekDue();
    }

    /** Wakes every customer due at or before {@code clock}, earliest first. */
    void advance(long clock, int position, List<Emitted> out) {
        while (due.peekDue() <= clock) {
            CustomerRecord c = due.poll();
            long when = c.dueAt();
            evaluate(c, null, clock, dueCauses.of(when), position, Emitted.PHASE_WAKE, when, out,
                    List.of());
        }
    }

    /** Applies an event routed here (to its customer, or to all customers for a campaign). */
    void apply(Event event, String customerId, long clock, int position, List<Emitted> out) {
        apply(event, customerId, clock, position, out, List.of());
    }

    /**
     * Applies an event routed here, with facts the engine adds for the rules of this evaluation (a merge, an
     * assignment offer).
     */
    void apply(Event event, String customerId, long clock, int position, List<Emitted> out, List<Object> facts) {
        if (event instanceof ClockTick || event instanceof dev.custflow.event.CustomerErased) {
            return; // the clock step before it did the work; an erasure was done before the walk (Erasure)
        }
        if (event instanceof RepUpdated e) {
            RepRecord rep = reps.computeIfAbsent(e.repId(), RepRecord::new);
            rep.apply(e);
            FactHandle h = repHandles.get(rep.getId());
            if (h == null) {
                repHandles.put(rep.getId(), session.insert(rep));
            } else {
                session.update(h, rep);
            }
            return;
        }
        if (event instanceof CampaignLaunched) {
            // every customer hears about the campaign; the rules pick the targeted segment
            List<CustomerRecord> all = customers.toList();
            for (CustomerRecord c : all) {
                evaluate(c, event, clock, event.id(), position, Emitted.PHASE_EVENT, 0, out, List.of());
            }
            return;
        }
        CustomerRecord c = customers.get(customerId);
        if (c == null) {
            c = new CustomerRecord(customerId, event.at());
            customers.put(c);
        }
        if (c.changesNothing(event)) {
            return; // a status the order has already: as if never sent
        }
        c.nowMillis(clock);
        c.apply(event, intake);
        if (rfm != null && (event instanceof dev.custflow.event.OrderPlaced || reversal(event))) {
            // a cancel or return took its order out of the history the scores read; with none left, no scores
            int[] s = c.getOrderCount() == 0 ? new int[3] : rfm.score(c);
            c.setRfm(s[0], s[1], s[2]);
        }
        evaluate(c, event, clock, event.id(), position, Emitted.PHASE_EVENT, 0, out, facts);
    }

    /** @return true for a cancel or a return: its order leaves the history the RFM scores read */
    private static boolean reversal(Event event) {
        return event instanceof dev.custflow.event.OrderStatusChanged o
                && (o.status() == dev.custflow.model.OrderStatus.CANCELLED
                || o.status() == dev.custflow.model.OrderStatus.RETURNED);
    }

    private void evaluate(CustomerRecord c, Event event, long clock, String cause, int position, int phase, long dueKey,
                          List<Emitted> out, List<Object> facts) {
        if (++evaluations >= RENEW_SESSION_AFTER) {
            evaluations = 0;
            session.dispose();
            openSession();
        }
        c.nowMillis(clock);
        changed(c);
        int seq = releaseHeld(c, clock, cause, position, phase, dueKey, out);
        RuleBudget.arm(budgetNanos); // a condition checked as the facts go in may call a rule file's function
        FactHandle ch = null;
        FactHandle eh = null;
        FactHandle[] fh = facts.isEmpty() ? NO_HANDLES : new FactHandle[facts.size()];
        try {
            ch = session.insert(c);
            eh = event == null || !ruleSees(event) ? null : session.insert(event);
            for (int i = 0; i < fh.length; i++) {
                fh[i] = session.insert(facts.get(i));
            }
            collector.begin(c, ch, cause, clock);
            if (event instanceof StageSet set) {
                collector.applyStageSet(set); // a person's decision comes before the rules see the customer
            } else if (event instanceof OwnerSet owner) {
                collector.applyOwnerSet(owner);
            }
            fire(c, cause, position);
        } finally {
            RuleBudget.disarm();
            if (ch != null) {
                session.delete(ch);
            }
            if (eh != null) {
                session.delete(eh);
            }
            for (FactHandle h : fh) {
                if (h != null) {
                    session.delete(h);
                }
            }
        }
        for (Action a : collector.actions()) {
            PolicyGate.Verdict v = gate.check(c, a, clock);
            out.add(new Emitted(a, position, phase, dueKey, c.getId(), seq++, cause, v.outcome(), v.note(), v.until()));
        }
        long next = Math.min(collector.wake(), c.nextRelease());
        if (next != c.dueAt() || next != DueIndex.NONE && c.indexSlot() < 0) {
            // unchanged and still indexed: its place stays right (the index orders ties by id, not by arrival)
            due.schedule(c, next);
        }
        if (c.isLoadCounted() && !c.isOpenLead()) {
            c.loadCounted(false); // a closed lead no longer weighs on its rep
            loadChanges.add(new LoadChange(c.getOwnerId(), false));
        } else if (desk != null && !c.isLoadCounted() && c.getOwnerId() != null && c.isOpenLead()) {
            c.loadCounted(true); // a recycled or lost lead that came back weighs on its rep again
            loadChanges.add(new LoadChange(c.getOwnerId(), true));
        }
        if (c.isAtRisk()) {
            atRisk.add(c);
        } else {
            atRisk.remove(c);
        }
    }

    /**
     * Fires the rules of one evaluation. A rule that fails (throws, runs past its time budget, recurses too deep, asks
     * for too much memory) is contained: its firing is reported and its actions dropped ({@link
     * ActionCollector#dropFiring}), and the rules still on the agenda fire on, as they would have without it. Drools
     * has already taken the failed firing off the agenda when its exception leaves {@code fireAllRules}, so firing
     * again goes on with the next one. A failure outside a firing (a condition that throws) stops the evaluation as
     * before: what is left on the agenda is dropped.
     */
    private void fire(CustomerRecord c, String cause, int position) {
        evaluating = new RuleFailure(position, cause, c.getId(), "(none)", "");
        failedRules.clear();
        firing = false;
        while (true) {
            int fired = collector.fired().size();
            try {
                // the filter also keeps a rule that failed inside this call (one that swallowed being stopped, then
                // saw the customer put back) from firing again
                session.fireAllRules(notFailed, FIRING_LIMIT - fired);
                if (collector.fired().size() >= FIRING_LIMIT) {
                    failures.add(new RuleFailure(position, cause, c.getId(), lastRule(),
                            "more than " + FIRING_LIMIT + " rule firings for one customer: a rule loop (a rule that "
                                    + "changes what it matches on without a guard); rules fired last: "
                                    + recentRules()));
                    session.getAgenda().clear();
                }
                return;
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError
                        || e instanceof OutOfMemoryError)) {
                    throw e; // the JVM is broken (InternalError): not the rule's doing
                }
                boolean inFiring = firing;
                firing = false;
                RuleBudget.takeTripped();
                if (!inFiring || collector.fired().size() >= FIRING_LIMIT) {
                    fail(describe(e));
                    session.getAgenda().clear();
                    return;
                }
                fail(describe(e) + kept(collector.dropFiring()));
                RuleBudget.arm(budgetNanos);
            }
        }
    }

    /** Reports the rule firing last as failed in the current evaluation (once: it does not fire again in it). */
    private void fail(String message) {
        if (!failedRules.add(lastRule())) {
            return;
        }
        failures.add(new RuleFailure(evaluating.position(), evaluating.cause(), evaluating.customerId(), lastRule(),
                message));
        if (failed != null) {
            failed.addToValue(lastRule(), 1);
        }
    }

    /** From now on, counts firings and failures per rule for {@link #drainRuleCounts} (the engine's metrics). */
    void countRules() {
        firings = new ObjectIntHashMap<>();
        failed = new ObjectIntHashMap<>();
    }

    /**
     * Hands over the firings and failures per rule counted since the last call, and starts again from zero.
     *
     * @param fired  told each rule that fired and how often
     * @param failedRule told each rule that failed and how often
     */
    void drainRuleCounts(ObjectIntProcedure<String> fired, ObjectIntProcedure<String> failedRule) {
        if (firings == null) {
            return;
        }
        firings.forEachKeyValue(fired);
        failed.forEachKeyValue(failedRule);
        firings.clear();
        failed.clear();
    }

    /** What a failure adds when the failed firing's work was kept. */
    private static String kept(boolean dropped) {
        return dropped ? "" : "; it had already changed the customer, so that change and its actions stay";
    }

    /** What a failure says: the root cause's class and message, and what it means when it is a limit. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof RuleLimitExceeded) {
            return root.getMessage();
        }
        String what = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        if (root instanceof StackOverflowError) {
            return what + " (a recursion too deep: a function that calls itself without end?)";
        }
        if (root instanceof OutOfMemoryError) {
            return what + " (the rule asked for more memory than there is)";
        }
        return what;
    }

    // ---------------------------------------------------------------- persistence (engine use)

    /** Starts recording which customers change, for the engine's commits. */
    void trackChanges() {
        tracking = true;
    }

    /** Marks a customer changed outside an evaluation (a merge folded into it). */
    void changed(CustomerRecord c) {
        if (tracking) {
            dirty.add(c);
        }
    }

    /**
     * Hands the customers changed since the last call, and the ids merged away, and forgets them.
     *
     * @param changedCustomers receives each changed customer
     * @param removedIds       receives each id merged away (and not created again since)
     */
    void drainChanges(Consumer<CustomerRecord> changedCustomers, Consumer<String> removedIds) {
        dirty.forEach(changedCustomers::accept);
        removed.forEach(id -> {
            if (!customers.containsKey(id)) {
                removedIds.accept(id);
            }
        });
        dirty.clear();
        removed.clear();
    }

    /**
     * Puts a restored customer back: its due time into the index (a place in its day's bucket, nothing ordered
     * before that day opens), its warnings into the at-risk set.
     */
    void restore(CustomerRecord c) {
        customers.put(c);
        due.schedule(c, c.dueAt());
        if (c.isAtRisk()) {
            atRisk.add(c);
        }
    }

    /** @return the reps as the rules see them, by id */
    java.util.Collection<Rep> reps() {
        return new java.util.TreeMap<String, Rep>(reps).values();
    }

    /** Restores a rep (before any event; the session gets it as a fact). */
    void restoreRep(dev.custflow.event.RepUpdated state) {
        apply(state, null, 0, 0, new ArrayList<>(), List.of());
    }

    /** @return the owners of leads closed since the last drain (not drained) */
    List<String> released() {
        return loadChanges.stream().filter(change -> !change.back()).map(LoadChange::repId).toList();
    }

    /** @param owners owners of closed leads not yet told to the desk (restoring a snapshot) */
    void restoreReleased(List<String> owners) {
        owners.forEach(o -> loadChanges.add(new LoadChange(o, false)));
    }

    /** @return how new orders are scored until the next recompute, or null */
    RfmScale scale() {
        return rfm;
    }

    /** Visits every customer with an order, its clock set to {@code clock} (for the RFM recompute). */
    void forEachBuyer(long clock, Consumer<? super CustomerRecord> visitor) {
        customers.forEach(c -> {
            if (c.isHasOrdered()) {
                c.nowMillis(clock);
                visitor.accept(c);
            }
        });
    }

    /** Evaluates a customer whose RFM scores changed at a recompute. */
    void reevaluate(CustomerRecord c, long clock, String cause, long dueKey, List<Emitted> out) {
        evaluate(c, null, clock, cause, 0, Emitted.PHASE_WAKE, dueKey, out, List.of());
    }

    /** Evaluates a customer with facts the engine adds (an assignment offer, a missed response time). */
    void reevaluate(CustomerRecord c, long clock, String cause, long dueKey, List<Emitted> out, List<Object> facts) {
        evaluate(c, null, clock, cause, 0, Emitted.PHASE_WAKE, dueKey, out, facts);
    }

    /**
     * Evaluates a customer because of what a position emitted (a referral credited to them), after that position's
     * event: its actions sort there ({@link Emitted#PHASE_FOLLOW_UP}, in the order of the follow-ups), and its rule
     * failures are reported at that position.
     */
    void followUp(CustomerRecord c, long clock, String cause, int position, int order, List<Emitted> out) {
        evaluate(c, null, clock, cause, position, Emitted.PHASE_FOLLOW_UP, order, out, List.of());
    }

    /** @param scale how new orders are scored until the next recompute */
    void scale(RfmScale scale) {
        this.rfm = scale;
    }

    /** Reports the at-risk customers as they are now, for the weekly digest at this position. */
    void collectAtRisk(int position, long clock) {
        for (CustomerRecord c : atRisk) {
            c.nowMillis(clock);
            atRiskReported.add(new AtRiskDigests.Entry(position, c.getOwnerId(), c.getId(), c.getRiskLevel(),
                    c.getOpenWarnings(), c.isHasOrdered() ? c.getDaysSinceLastOrder() : 0));
        }
    }

    List<AtRiskDigests.Entry> drainAtRisk() {
        List<AtRiskDigests.Entry> r = new ArrayList<>(atRiskReported);
        atRiskReported.clear();
        return r;
    }

    /** Sends the messages held for quiet hours whose time has come. */
    private int releaseHeld(CustomerRecord c, long clock, String cause, int position, int phase, long dueKey,
                            List<Emitted> out) {
        if (c.nextRelease() > clock) {
            return 0;
        }
        int seq = 0;
        for (MessageRequested m : c.releaseHeld(clock)) {
            PolicyGate.Verdict v = gate.checkRelease(c, m);
            out.add(new Emitted(m, position, phase, dueKey, c.getId(), seq++, cause, v.outcome(), v.note(), 0));
        }
        return seq;
    }

    private String lastRule() {
        List<String> f = collector.fired();
        return f.isEmpty() ? "(none)" : f.get(f.size() - 1);
    }

    private String recentRules() {
        List<String> f = collector.fired();
        return String.join(", ", new java.util.LinkedHashSet<>(f.subList(Math.max(0, f.size() - 20), f.size())));
    }

    @Override
    public void close() {
        session.dispose();
    }
}
