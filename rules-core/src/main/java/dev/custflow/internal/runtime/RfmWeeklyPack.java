package dev.custflow.internal.runtime;

import dev.custflow.internal.profile.CustomerRecord;

import dev.custflow.internal.index.Emitted;
import dev.custflow.internal.packs.RfmScale;
import dev.custflow.internal.packs.RfmWeekly;
import dev.custflow.internal.packs.Weekly;
import dev.custflow.model.Customer;
import dev.custflow.settings.SegmentsSettings;
import dev.custflow.settings.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments pack's weekly RFM recompute: when an event passes the recompute time, the engine first runs what
 * came before it, then the clock moves to the boundary (waking what is due), every customer with an order is scored
 * again (by fifths of the whole base, or by the fixed thresholds), and the customers whose scores changed are
 * evaluated, so the segment rules can move them. Then the event goes on.
 */
final class RfmWeeklyPack implements CrossCustomerPack {
    private final RfmWeekly segments;
    /** The boundary the event at hand passes, or 0. */
    private long pending;

    RfmWeeklyPack(Settings settings, Partition[] partitions) {
        this.segments = new RfmWeekly(settings);
        if (settings.segments().mode() == SegmentsSettings.Mode.FIXED) {
            RfmScale fixed = RfmScale.fixed(settings.segments());
            for (Partition p : partitions) {
                p.scale(fixed); // fixed thresholds score new orders from the start
            }
        }
    }

    /** @return the weekly schedule (for the engine state) */
    Weekly weekly() {
        return segments.weekly();
    }

    @Override
    public boolean hasWorkDue(long clock, long t) {
        // the latest boundary in (clock, t]: one recompute however many weeks the step passes
        pending = t > clock ? segments.weekly().crossed(clock, t) : 0;
        return pending != 0;
    }

    @Override
    public long nextDue() {
        return pending == 0 ? Long.MAX_VALUE : pending;
    }

    @Override
    public long nextWake() {
        return Math.min(nextDue(), segments.weekly().upcoming());
    }

    @Override
    public void runDue(PackContext ctx) {
        long boundary = pending;
        pending = 0;
        long clock = Math.max(ctx.clock(), boundary);
        ctx.clock(clock);
        List<Emitted> out = new ArrayList<>();
        for (Partition p : ctx.partitions()) {
            p.advance(clock, 0, out);
        }
        List<Customer> base = new ArrayList<>();
        List<Partition> home = new ArrayList<>();
        for (Partition p : ctx.partitions()) {
            p.forEachBuyer(clock, c -> {
                base.add(c);
                home.add(p);
            });
        }
        int[][] scores = new int[base.size()][];
        RfmScale scale = segments.scale(base, scores);
        String cause = "rfm@" + Instant.ofEpochMilli(boundary);
        for (int i = 0; i < base.size(); i++) {
            CustomerRecord c = (CustomerRecord) base.get(i);
            if (c.setRfm(scores[i][0], scores[i][1], scores[i][2])) {
                home.get(i).reevaluate(c, clock, cause, boundary, out);
            }
        }
        for (Partition p : ctx.partitions()) {
            p.scale(scale);
        }
        ctx.deliver(out, cause, boundary);
    }
}
