package dev.custflow.internal.runtime;

import dev.custflow.BatchResult;
import dev.custflow.EventRejectedException;
import dev.custflow.Rejection;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.internal.index.Emitted;
import dev.custflow.internal.packs.Router;
import dev.custflow.settings.Settings;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one call's events, so that the result does not depend on the number of partitions:
 * <ol>
 * <li>In stream order, each event is checked (duplicates, unknown orders), routed, and the clock is stepped to it:
 * the plan gets a {@link Step} per position. Every clock step is known to every partition.</li>
 * <li>Each partition walks a range of the plan: at a clock step it wakes its customers that fall due (earliest
 * first), at its own events it applies them and runs the rules.</li>
 * <li>The actions of all partitions are merged in the order of (position, wake-ups before the event, due time,
 * customer id, firing order), de-duplicated by stable id, audited and delivered.</li>
 * </ol>
 * The plan is cut into ranges where a {@link CrossCustomerPack} needs every partition up to date: before an event
 * that passes the pack's timed work, around an event it handles alone, after an event it follows up. The cuts depend
 * on the stream alone, so any batching gives the same result.
 */
final class BatchRunner {
    private final Router router;
    private final Partition[] partitions;
    /** The partitions' customer tables, for {@link ReadAhead}. */
    private final CustomerTable[] tables;
    private final CrossCustomerPacks packs;
    private final RangeWalker walker;
    private final Delivery delivery;
    /** Null for event time; otherwise the clock source. */
    private final InstantSource source;
    /** The settings now (a reload replaces them). */
    private final Supplier<Settings> settings;
    private long clock = Long.MIN_VALUE;

    BatchRunner(Router router, Partition[] partitions, CrossCustomerPacks packs, RangeWalker walker,
                Delivery delivery, InstantSource source, Supplier<Settings> settings) {
        this.router = router;
        this.partitions = partitions;
        this.tables = Arrays.stream(partitions).map(Partition::customers).toArray(CustomerTable[]::new);
        this.packs = packs;
        this.walker = walker;
        this.delivery = delivery;
        this.source = source;
        this.settings = settings;
    }

    /** @return the engine clock ({@code Long.MIN_VALUE} before the first event) */
    long clock() {
        return clock;
    }

    /** @param millis the clock restored from the engine state */
    void clock(long millis) {
        clock = millis;
    }

    Partition partitionFor(String customerId) {
        return partitions[Step.partitionOf(customerId, partitions.length)];
    }

    /** Processes one call's inputs. */
    BatchResult run(List<Input> inputs) {
        return new Batch(inputs).run();
    }

    /** One call: its plan, what it delivered so far, and how far the partitions have walked. */
    private final class Batch implements PackContext {
        private final List<Input> inputs;
        private final BatchPlan plan;
        private final List<Action> actions = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        /** The first position the partitions have not walked yet. */
        private int from;
        /** What {@link ReadAhead} answered, kept so that its reads cannot be dropped as unused. */
        private int readAhead;

        Batch(List<Input> inputs) {
            this.inputs = inputs;
            this.plan = new BatchPlan(inputs.size());
        }

        BatchResult run() {
            int n = inputs.size();
            if (n >= ReadAhead.MIN_INPUTS) {
                readAhead = ReadAhead.customers(inputs, tables, router);
            }
            int accepted = 0;
            int duplicates = 0;
            for (int i = 0; i < n; i++) {
                Input in = inputs.get(i);
                if (in.rejected() != null) {
                    rejections.add(Rejection.of(in.rejected()));
                    plan.add(Step.skipped(in));
                    continue;
                }
                Event e = in.event();
                if (router.isDuplicate(e)) {
                    duplicates++;
                    plan.add(Step.skipped(in));
                    continue;
                }
                Router.Route route;
                try {
                    route = router.route(e);
                } catch (EventRejectedException x) {
                    rejections.add(Rejection.of(x.at(in.line(), e.id())));
                    plan.add(Step.skipped(in));
                    continue;
                }
                accepted++;
                long t = source == null ? e.at().toEpochMilli() : source.millis();
                String customerId = packs.resolve(route.customerId());
                if (packs.hasWorkDue(clock, t)) {
                    // this event passes timed work (a deadline, the weekly recompute): what came before it runs
                    // first, then that work at its own time, then this event goes on (the same cut whatever the batch)
                    long until = Math.max(clock, t);
                    walkTo(i);
                    packs.runDue(until, this);
                }
                boolean clockStep = false;
                List<PartitionWork> work = List.of();
                if (t > clock) {
                    work = packs.onClockStep(clock, t);
                    clock = t;
                    clockStep = true;
                }
                Step step = new Step(in.line(), e, customerId, route.broadcast() ? Step.BROADCAST
                        : Step.partitionOf(customerId, partitions.length), clock, clockStep, List.of(), work);
                List<Object> known = packs.factsOf(step);
                if (!known.isEmpty()) {
                    step = step.withFacts(known);
                }
                plan.add(step);
                if (packs.captures(step)) {
                    // a pack handles this event alone (merges, assignment): every partition up to date, one at a time
                    walkTo(i);
                    List<Object> facts = new ArrayList<>(step.facts());
                    plan.set(i, packs.onCapture(step, facts, this).withFacts(facts));
                    int next = i + 1;
                    packs.runCaptured(() -> walkTo(next));
                } else if (packs.onEvent(step)) {
                    walkTo(i + 1);
                    packs.afterEvent(this);
                }
            }
            walkTo(n);
            packs.endCall(this);
            return new BatchResult(actions, rejections, accepted, duplicates);
        }

        /** Steps 2 and 3 for the positions from {@link #from} to {@code to}: the partitions walk them, delivery. */
        private void walkTo(int to) {
            if (from >= to) {
                return;
            }
            List<Emitted> merged = walker.walk(plan, from, to);
            from = to;
            packs.afterRange(plan, merged, this);
            actions.addAll(delivery.deliver(merged, plan::step, rejections));
        }

        @Override
        public Partition[] partitions() {
            return partitions;
        }

        @Override
        public Partition partitionFor(String customerId) {
            return BatchRunner.this.partitionFor(customerId);
        }

        @Override
        public long clock() {
            return clock;
        }

        @Override
        public void clock(long millis) {
            clock = millis;
        }

        @Override
        public Settings settings() {
            return settings.get();
        }

        @Override
        public CrossCustomerPacks packs() {
            return packs;
        }

        @Override
        public void deliver(List<Emitted> out, String cause, long at) {
            packs.afterWork(out, this);
            actions.addAll(delivery.deliver(out, p -> Step.tick(cause, at), rejections));
        }
    }
}
