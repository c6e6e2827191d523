package dev.custflow.benchmarks;

import dev.custflow.action.Action;
import dev.custflow.action.ChurnCleared;
import dev.custflow.action.ChurnWarning;
import dev.custflow.action.MessageRequested;
import dev.custflow.action.SegmentChanged;
import dev.custflow.action.TagAdded;
import dev.custflow.action.TagRemoved;
import dev.custflow.action.TaskCreated;
import dev.custflow.spi.AuditEntry;
import dev.custflow.spi.AuditLog;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's actions counted the way {@link PlainRetention} counts what it decides: by type and
 * detail ("CHURN_WARNING NO_ORDER", "MESSAGE_REQUESTED BIRTHDAY", "TASK_CREATED RENEWAL"), plus the
 * messages the policy gate held ("DEFERRED") or dropped ("SUPPRESSED"), from the audit log.
 */
public final class ActionCounts implements AuditLog {
    private final Map<String, Long> counts = new TreeMap<>();

    /** @param a an emitted action */
    public void add(Action a) {
        String detail = "";
        if (a instanceof ChurnWarning w) {
            detail = " " + w.cause();
        } else if (a instanceof ChurnCleared w) {
            detail = " " + w.cause();
        } else if (a instanceof MessageRequested m) {
            detail = " " + m.template();
        } else if (a instanceof TaskCreated t) {
            detail = " " + t.kind();
        } else if (a instanceof SegmentChanged g) {
            detail = " " + g.segment();
        } else if (a instanceof TagAdded t) {
            detail = " " + t.tag();
        } else if (a instanceof TagRemoved t) {
            detail = " " + t.tag();
        }
        counts.merge(a.type() + detail, 1L, Long::sum);
    }

    @Override
    public void record(AuditEntry e) {
        if (e.outcome() == AuditEntry.Outcome.DEFERRED || e.outcome() == AuditEntry.Outcome.SUPPRESSED) {
            counts.merge(e.outcome().name(), 1L, Long::sum);
        }
    }

    /** @return the counts, by key in alphabetical order */
    public Map<String, Long> counts() {
        return counts;
    }
}
