package dev.custflow.internal.runtime;

import dev.custflow.internal.profile.CustomerRecord;

import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OwnerSet;
import dev.custflow.event.RepUpdated;
import dev.custflow.internal.index.Emitted;
import dev.custflow.internal.packs.AssignmentDesk;
import dev.custflow.model.Customer;
import dev.custflow.rules.AssignmentDue;
import dev.custflow.rules.SlaBreach;
import dev.custflow.settings.AssignmentSettings;
import dev.custflow.spi.RepLoadBoard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The assignment pack's desk: leads are handed out one at a time, with every partition up to date, at a capture
 * (an {@link AssignmentDue} fact), when capacity frees up for waiting leads, and at first-response deadlines (an
 * {@link SlaBreach} fact), so every rep's load is seen in stream order.
 */
final class AssignmentDeskPack implements CrossCustomerPack {
    private final AssignmentDesk desk;
    private final Partition[] partitions;
    /** The event at hand brought the first rep: the leads captured before wait for a rep like any other. */
    private boolean firstRep;

    AssignmentDeskPack(AssignmentSettings settings, RepLoadBoard board, Partition[] partitions) {
        this(settings, board, partitions, null);
    }

    /** @param calendars the reps' working calendars, or null when they work around the clock */
    AssignmentDeskPack(AssignmentSettings settings, RepLoadBoard board, Partition[] partitions,
                       dev.custflow.internal.packs.Calendars calendars) {
        this.desk = calendars == null ? new AssignmentDesk(settings, board) : new AssignmentDesk(settings, board,
                calendars);
        this.partitions = partitions;
        for (Partition p : partitions) {
            p.desk(desk);
        }
    }

    /** @return the desk (for the engine state) */
    AssignmentDesk desk() {
        return desk;
    }

    @Override
    public boolean hasWorkDue(long clock, long t) {
        return desk.nextDeadline() <= Math.max(clock, t);
    }

    @Override
    public long nextDue() {
        return desk.nextDeadline();
    }

    /**
     * Judges the earliest first-response deadline at its own time: the partitions wake what is due by then, and a
     * lead still open with the same rep and no response is evaluated with an {@link SlaBreach}.
     */
    @Override
    public void runDue(PackContext ctx) {
        AssignmentDesk.Deadline d = desk.pollDeadline();
        long at = Math.max(ctx.clock(), d.due()); // judged at the deadline, or at the clock if that is later already
        List<Emitted> out = new ArrayList<>();
        for (Partition p : ctx.partitions()) {
            p.advance(at, 0, out);
        }
        drainReleased(ctx);
        Partition home = ctx.partitionFor(d.leadId());
        CustomerRecord c = home.customer(d.leadId());
        String cause = "sla@" + Instant.ofEpochMilli(d.due());
        if (c != null && c.isOpenLead() && d.repId().equals(c.getOwnerId())) {
            SlaBreach breach = new SlaBreach(d.repId(), desk.teamOf(d.repId()), Instant.ofEpochMilli(d.assignedAt()),
                    desk.workingMinutes(d), d.second());
            desk.open();
            try {
                home.reevaluate(c, at, cause, d.due(), out, List.of(breach));
            } finally {
                desk.close();
            }
        } else {
            desk.forget(d.leadId());
        }
        ctx.deliver(out, cause, d.due());
    }

    @Override
    public boolean captures(Step step) {
        // a hand-over moves load between reps: like a capture, it is seen with every partition up to date
        return step.event() instanceof LeadCaptured && desk.hasReps() || step.event() instanceof OwnerSet;
    }

    /** Offers waiting leads the capacity freed meanwhile, then the captured lead. */
    @Override
    public Step onCapture(Step step, List<Object> facts, PackContext ctx) {
        if (step.event() instanceof OwnerSet) {
            return step; // the evaluation hands it over (ActionCollector.applyOwnerSet)
        }
        if (desk.hasReps()) {
            offerWaiting(ctx);
            facts.add(new AssignmentDue(false));
        }
        return step;
    }

    @Override
    public void openCapture() {
        desk.open();
    }

    @Override
    public void closeCapture() {
        desk.close();
    }

    @Override
    public boolean onEvent(Step step) {
        firstRep = false;
        if (step.event() instanceof InteractionLogged contact) {
            desk.interaction(step.customerId(), contact.kind());
        } else if (step.event() instanceof RepUpdated rep) {
            firstRep = !desk.hasReps();
            desk.repUpdated(rep);
        }
        // while leads wait, any event may free capacity (a rep back, a lead closed, time passing): they are offered
        // again right after it, so no lead waits while a rep has room
        return firstRep || desk.hasWaiting();
    }

    @Override
    public void afterEvent(PackContext ctx) {
        if (firstRep) {
            firstRep = false;
            queueBacklog(ctx);
        }
        if (desk.hasWaiting()) {
            offerWaiting(ctx);
        }
    }

    @Override
    public void endCall(PackContext ctx) {
        // leads closed in this call stop counting now, not at the next hand-out: every hand-out drains first,
        // so no decision changes, and engines sharing a rep-load board see the release at once
        drainReleased(ctx);
    }

    /** A merged lead's load goes to the survivor when that has no rep yet, else back to its rep. */
    @Override
    public void merging(String id, CustomerRecord merged, CustomerRecord survivor) {
        drainReleased();
        if (merged != null && merged.isLoadCounted()) {
            if (survivor.getOwnerId() == null && merged.isOpenLead()) {
                survivor.ownerId(merged.getOwnerId());
                survivor.loadCounted(true);
            } else {
                desk.release(merged.getOwnerId());
            }
            merged.loadCounted(false);
        }
        desk.forget(id);
    }

    /** An erased lead no longer weighs on its rep, waits for one or has a deadline. */
    @Override
    public void erasing(java.util.Set<String> ids, CustomerRecord erased) {
        drainReleased();
        if (erased != null && erased.isLoadCounted()) {
            desk.release(erased.getOwnerId());
            erased.loadCounted(false);
        }
        ids.forEach(desk::forget);
    }

    /** Puts every open lead without a rep in the waiting line, oldest first (when the first rep arrives). */
    private void queueBacklog(PackContext ctx) {
        List<Customer> backlog = new ArrayList<>();
        for (Partition p : ctx.partitions()) {
            p.forEachCustomer(c -> {
                if (c.getOwnerId() == null && c.isOpenLead()) {
                    backlog.add(c);
                }
            });
        }
        backlog.sort(Comparator.comparing(Customer::getCreatedAt).thenComparing(Customer::getId));
        backlog.forEach(c -> desk.await(c.getId()));
    }

    private void drainReleased(PackContext ctx) {
        drainReleased();
    }

    /**
     * Tells the desk which leads closed, and which came back to their rep, in the partitions since the last time.
     * Before a merge or an erasure too: a lead that came back to its rep earlier in the same call must count before
     * the erasure takes it off again, or the release finds nothing to take (the load never goes below 0) and the
     * load left depends on where the host cut its batches.
     */
    private void drainReleased() {
        for (Partition p : partitions) {
            p.drainLoadChanges(desk::release, desk::reclaim);
        }
    }

    /**
     * Offers the leads that found every rep away or full again, oldest first, if capacity changed since they
     * were last offered.
     */
    private void offerWaiting(PackContext ctx) {
        drainReleased(ctx);
        List<String> waiting = desk.waitingToOffer();
        if (waiting.isEmpty()) {
            return;
        }
        List<Emitted> out = new ArrayList<>();
        long clock = ctx.clock();
        String cause = "capacity@" + Instant.ofEpochMilli(clock);
        for (String id : waiting) {
            Partition home = ctx.partitionFor(id);
            CustomerRecord c = home.customer(id);
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
        ctx.deliver(out, cause, clock);
    }
}
