package dev.custflow.internal.runtime;

import dev.custflow.internal.profile.CustomerRecord;

import dev.custflow.RulePack;
import dev.custflow.event.CustomerErased;
import dev.custflow.internal.index.Emitted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cross-customer packs that are on, in the order the engine asks them, and the engine's calls to them all.
 * The order matters where two packs act at the same point: timed work at the same moment runs in this order, and
 * a capture's merges come before its assignment offer.
 */
final class CrossCustomerPacks {
    private final CrossCustomerPack[] packs;
    /** What a CustomerErased does besides the packs' part. */
    private final Erasure erasure;
    /** What the packs' {@link #factsOf} found for the event at hand. */
    private final List<Object> known = new ArrayList<>();
    /** The packs the current event's {@link #onEvent} asked for {@link #afterEvent}. */
    private final List<CrossCustomerPack> asked = new ArrayList<>();

    /** Packs on their own, with an erasure that only has the partitions and these packs to clear (tests). */
    CrossCustomerPacks(List<? extends CrossCustomerPack> packs) {
        this(packs, new Erasure(null, null));
    }

    CrossCustomerPacks(List<? extends CrossCustomerPack> packs, Erasure erasure) {
        this.packs = packs.toArray(new CrossCustomerPack[0]);
        this.erasure = erasure;
    }

    /**
     * The packs a configuration switches on. A new pack with cross-customer state is added here.
     *
     * @param partitions the engine's partitions, which some packs equip (the desk, a fixed RFM scale)
     */
    static CrossCustomerPacks of(EngineConfig config, Partition[] partitions, Erasure erasure) {
        List<CrossCustomerPack> on = new ArrayList<>();
        var settings = config.settings();
        if (has(config, RulePack.SEGMENTS)) {
            on.add(new RfmWeeklyPack(settings, partitions));
        }
        if (settings.churn().weeklyDigest() && has(config, RulePack.CHURN)) {
            AtRiskDigestsPack digests = new AtRiskDigestsPack(settings);
            digests.reasons(config.reasons());
            on.add(digests);
        }
        if (has(config, RulePack.LEADS) && !settings.intake().matchOn().isEmpty()) {
            on.add(new DuplicateIndexPack(settings.intake()));
        }
        if (has(config, RulePack.LEADS)) {
            on.add(new AccountIndexPack(settings.intake().contactData())); // after the merges: a survivor is linked
        }
        if (has(config, RulePack.ADVOCACY)) {
            on.add(new ReferralCodesPack());
        }
        on.add(new ReferralCreditsPack(partitions)); // any rule may reward a referral, not only the advocacy pack's
        if (has(config, RulePack.ASSIGNMENT)) {
            AssignmentDeskPack desk = new AssignmentDeskPack(settings.assignment(), config.repLoadBoard(), partitions,
                    dev.custflow.internal.packs.Calendars.of(settings));
            desk.desk().reasons(config.reasons());
            on.add(desk);
        }
        return new CrossCustomerPacks(on, erasure);
    }

    private static boolean has(EngineConfig config, RulePack pack) {
        return config.builtIns().stream().anyMatch(r -> r.name().equals(pack.resource()));
    }

    /** @return the pack of this type, or null when it is off */
    <T extends CrossCustomerPack> T find(Class<T> type) {
        for (CrossCustomerPack p : packs) {
            if (type.isInstance(p)) {
                return type.cast(p);
            }
        }
        return null;
    }

    /** @see CrossCustomerPack#resolve */
    String resolve(String customerId) {
        String id = customerId;
        for (CrossCustomerPack p : packs) {
            id = p.resolve(id);
        }
        return id;
    }

    /** Asks every pack (none is skipped: a pack may note what the step passes). @see CrossCustomerPack#hasWorkDue */
    boolean hasWorkDue(long clock, long t) {
        boolean due = false;
        for (CrossCustomerPack p : packs) {
            due |= p.hasWorkDue(clock, t);
        }
        return due;
    }

    /**
     * Runs the packs' timed work up to {@code until}, earliest first (the first pack in the list at equal times),
     * asking again after each piece, since one piece of work may schedule another.
     */
    void runDue(long until, PackContext ctx) {
        while (true) {
            CrossCustomerPack next = null;
            long at = until;
            for (CrossCustomerPack p : packs) {
                long due = p.nextDue();
                if (due < at || due == at && next == null) {
                    next = p;
                    at = due;
                }
            }
            if (next == null) {
                return;
            }
            next.runDue(ctx);
        }
    }

    /** @return the earliest {@link CrossCustomerPack#nextWake} of the packs, or {@link Long#MAX_VALUE} */
    long nextWake() {
        long at = Long.MAX_VALUE;
        for (CrossCustomerPack p : packs) {
            at = Math.min(at, p.nextWake());
        }
        return at;
    }

    /** @return the work every partition does at a clock step, in pack order (usually none) */
    List<PartitionWork> onClockStep(long from, long to) {
        List<PartitionWork> work = List.of();
        for (CrossCustomerPack p : packs) {
            PartitionWork w = p.onClockStep(from, to);
            if (w != null) {
                if (work.isEmpty()) {
                    work = new ArrayList<>(2);
                }
                work.add(w);
            }
        }
        return work;
    }

    /** @return the facts every pack adds to the event's evaluation, none for most events @see CrossCustomerPack#factsOf */
    List<Object> factsOf(Step step) {
        if (step.event() instanceof CustomerErased) {
            return List.of();
        }
        for (CrossCustomerPack p : packs) {
            p.factsOf(step, known);
        }
        if (known.isEmpty()) {
            return List.of();
        }
        List<Object> facts = List.copyOf(known);
        known.clear();
        return facts;
    }

    /**
     * Asks every pack (each may note what it found); a {@code CustomerErased} runs alone without asking them: it is
     * the engine's, and no pack may note it as one of its own captures. @see CrossCustomerPack#captures
     */
    boolean captures(Step step) {
        if (step.event() instanceof CustomerErased) {
            return true;
        }
        boolean alone = false;
        for (CrossCustomerPack p : packs) {
            alone |= p.captures(step);
        }
        return alone;
    }

    /**
     * An erasure is done here, before its position is walked (so nothing at that moment sees the person any more);
     * any other capture goes to every pack. @see CrossCustomerPack#onCapture
     */
    Step onCapture(Step step, List<Object> facts, PackContext ctx) {
        if (step.event() instanceof CustomerErased) {
            erasure.erase(step.customerId(), ctx);
            return step;
        }
        Step s = step;
        for (CrossCustomerPack p : packs) {
            s = p.onCapture(s, facts, ctx);
        }
        return s;
    }

    /** Runs a captured event's evaluation between the packs' {@code openCapture} and {@code closeCapture}. */
    void runCaptured(Runnable evaluation) {
        int opened = 0;
        try {
            for (CrossCustomerPack p : packs) {
                p.openCapture();
                opened++;
            }
            evaluation.run();
        } finally {
            for (int i = opened - 1; i >= 0; i--) {
                packs[i].closeCapture();
            }
        }
    }

    /**
     * @return true when a pack asked for {@link #afterEvent}
     * @see CrossCustomerPack#onEvent
     */
    boolean onEvent(Step step) {
        asked.clear();
        for (CrossCustomerPack p : packs) {
            if (p.onEvent(step)) {
                asked.add(p);
            }
        }
        return !asked.isEmpty();
    }

    /** Runs the {@code afterEvent} of the packs the last {@link #onEvent} asked for it. */
    void afterEvent(PackContext ctx) {
        for (CrossCustomerPack p : asked) {
            p.afterEvent(ctx);
        }
        asked.clear();
    }

    /** @see CrossCustomerPack#afterRange */
    void afterRange(BatchPlan plan, List<Emitted> merged, PackContext ctx) {
        for (CrossCustomerPack p : packs) {
            p.afterRange(plan, merged, ctx);
        }
    }

    /** @see CrossCustomerPack#afterWork */
    void afterWork(List<Emitted> out, PackContext ctx) {
        for (CrossCustomerPack p : packs) {
            p.afterWork(out, ctx);
        }
    }

    /** @see CrossCustomerPack#endCall */
    void endCall(PackContext ctx) {
        for (CrossCustomerPack p : packs) {
            p.endCall(ctx);
        }
    }

    /** @see CrossCustomerPack#merging */
    void merging(String id, CustomerRecord merged, CustomerRecord survivor) {
        for (CrossCustomerPack p : packs) {
            p.merging(id, merged, survivor);
        }
    }

    /** @return the ids that lead to a record, by every pack's account @see CrossCustomerPack#aliases */
    Set<String> aliases(String id) {
        Set<String> all = new java.util.TreeSet<>();
        for (CrossCustomerPack p : packs) {
            all.addAll(p.aliases(id));
        }
        return all;
    }

    /** @see CrossCustomerPack#erasing */
    void erasing(Set<String> ids, CustomerRecord erased) {
        for (CrossCustomerPack p : packs) {
            p.erasing(ids, erased);
        }
    }

    /** @see CrossCustomerPack#writeParts */
    void writeParts(Map<String, byte[]> parts, Set<String> removed) {
        for (CrossCustomerPack p : packs) {
            p.writeParts(parts, removed);
        }
    }

    /** @see CrossCustomerPack#restoreParts */
    void restoreParts(Map<String, byte[]> stored) {
        for (CrossCustomerPack p : packs) {
            p.restoreParts(stored);
        }
    }
}
