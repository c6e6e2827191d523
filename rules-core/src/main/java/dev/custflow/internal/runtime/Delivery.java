package dev.custflow.internal.runtime;

import dev.custflow.Rejection;
import dev.custflow.action.Action;
import dev.custflow.internal.index.Emitted;
import dev.custflow.internal.index.SeenIds;
import dev.custflow.spi.AuditEntry;
import dev.custflow.spi.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3 of a batch: merges what the partitions emitted in the deterministic order, drops actions already
 * emitted (by stable id), audits every action with its outcome and reports the rules that failed.
 */
final class Delivery {
    /** Rule failures are logged under the engine's name, where hosts configure its logging. */
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEngine.class);

    private final Partition[] partitions;
    private final SeenIds emittedActions;
    private final AuditTrail audit;
    /** Where audit entries go besides the in-memory trail, or null. */
    private final AuditLog auditLog;

    Delivery(Partition[] partitions, SeenIds emittedActions, AuditTrail audit, AuditLog auditLog) {
        this.partitions = partitions;
        this.emittedActions = emittedActions;
        this.audit = audit;
        this.auditLog = auditLog;
    }

    /**
     * @param merged     what the partitions (and the engine) emitted, any order; sorted here
     * @param stepAt     the step of each position, for the line and event a rule failure is reported at
     * @param rejections receives a rejection per rule failure
     * @return the actions to deliver, in order
     */
    List<Action> deliver(List<Emitted> merged, IntFunction<Step> stepAt, List<Rejection> rejections) {
        merged.sort(Emitted.ORDER);
        List<Action> actions = new ArrayList<>(merged.size());
        for (Emitted em : merged) {
            Action a = em.action();
            if (em.outcome() != AuditEntry.Outcome.EMITTED) { // held or suppressed by the policy gate
                record(a, em.cause(), em.outcome(), em.note(), em.until());
            } else if (emittedActions.add(a.id())) {
                actions.add(a);
                record(a, em.cause(), AuditEntry.Outcome.EMITTED, em.note(), 0); // a note the engine added
            } else {
                record(a, em.cause(), AuditEntry.Outcome.DUPLICATE, "an action with the same id was already emitted",
                        0);
            }
        }
        for (Partition p : partitions) {
            for (RuleFailure f : p.drainFailures()) {
                Step in = stepAt.apply(f.position());
                String msg = "rule \"" + f.rule() + "\" failed for customer " + f.customerId() + " (" + f.cause()
                        + "): " + f.message();
                LOG.error("{}{}", in.line() > 0 ? "line " + in.line() + ": " : "", msg);
                String problem = msg + " (the event was applied; the other rules ran as they would have without it)";
                rejections.add(new Rejection(in.line(), in.event() == null ? null : in.event().id(),
                        in.event() == null ? null : in.event().type(), null, null, problem,
                        (in.line() > 0 ? "line " + in.line() + ": " : "") + problem));
            }
        }
        return actions;
    }

    private void record(Action a, String cause, AuditEntry.Outcome outcome, String note, long until) {
        AuditEntry e = new AuditEntry(a.at(), a.id(), a.type(), a.customerId(), a.rule(), a.reason(), cause, outcome,
                note, until == 0 ? null : Instant.ofEpochMilli(until));
        audit.add(e);
        if (auditLog != null) {
            auditLog.record(e);
        }
    }
}
