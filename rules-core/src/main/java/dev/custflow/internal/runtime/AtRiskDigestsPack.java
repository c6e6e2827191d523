package dev.custflow.internal.runtime;

import dev.custflow.internal.index.Emitted;
import dev.custflow.internal.packs.AtRiskDigests;
import dev.custflow.internal.packs.Weekly;
import dev.custflow.settings.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * The churn pack's weekly at-risk digest: at the clock step that passes the digest time, every partition reports
 * its at-risk customers as they are at that position (in parallel, as it walks), and after the range the digests
 * per rep are built from those reports.
 */
final class AtRiskDigestsPack implements CrossCustomerPack {
    private final AtRiskDigests digests;

    AtRiskDigestsPack(Settings settings) {
        this.digests = new AtRiskDigests(settings);
    }

    /** @param value the reason templates of the engine's locale, for the digests' reasons */
    void reasons(dev.custflow.rules.Reasons value) {
        digests.reasons(value);
    }

    /** @return the weekly schedule (for the engine state) */
    Weekly weekly() {
        return digests.weekly();
    }

    /** The digest's cut at a position: every partition reports its at-risk customers. */
    record Cut(long at) implements PartitionWork {
        @Override
        public void run(Partition p, int position, long clock) {
            p.collectAtRisk(position, clock);
        }
    }

    @Override
    public long nextWake() {
        return digests.weekly().upcoming();
    }

    @Override
    public PartitionWork onClockStep(long from, long to) {
        long at = digests.weekly().crossed(from, to);
        return at == 0 ? null : new Cut(at);
    }

    @Override
    public void afterRange(BatchPlan plan, List<Emitted> merged, PackContext ctx) {
        List<AtRiskDigests.Entry> atRisk = new ArrayList<>();
        for (Partition p : ctx.partitions()) {
            atRisk.addAll(p.drainAtRisk());
        }
        merged.addAll(digests.digests(atRisk, position -> digestTime(plan.step(position)),
                position -> plan.step(position).clock()));
    }

    private static long digestTime(Step s) {
        for (PartitionWork w : s.work()) {
            if (w instanceof Cut cut) {
                return cut.at();
            }
        }
        return 0;
    }
}
