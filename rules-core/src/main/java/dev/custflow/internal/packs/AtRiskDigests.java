package dev.custflow.internal.packs;

import dev.custflow.internal.index.StableIds;

import dev.custflow.internal.index.Emitted;

import dev.custflow.action.AtRiskDigest;
import dev.custflow.model.Level;
import dev.custflow.settings.ChurnSettings;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;

/**
 * The weekly at-risk digest of the churn pack: when the clock passes the digest time (Monday 08:00
 * by default, in the business's time zone), every rep gets the list of their customers with open
 * churn warnings, highest risk first. It is base-wide, so the engine builds it from what every
 * partition reports at that position of the stream, not a rule from one customer's evaluation.
 */
public final class AtRiskDigests {
    static final String RULE = "churn: weekly at-risk digest per rep";

    /**
     * One at-risk customer as a partition saw it at the digest's position (a snapshot: the partition
     * walks on and the customer may change before the digest is built).
     */
    public record Entry(int position, String ownerId, String customerId, Level level, List<String> causes,
                 int daysSinceLastOrder) {
        AtRiskDigest.AtRisk toAtRisk() {
            return new AtRiskDigest.AtRisk(customerId, level, causes, daysSinceLastOrder);
        }
    }

    /**
     * Highest level first, then more open causes, then longer without an order, then by id. Written out
     * because it runs for every at-risk customer of the base each week.
     */
    private static final Comparator<Entry> HIGHEST_RISK_FIRST = (a, b) -> {
        int la = a.level() == null ? -1 : a.level().ordinal();
        int lb = b.level() == null ? -1 : b.level().ordinal();
        if (la != lb) {
            return Integer.compare(lb, la);
        }
        if (a.causes().size() != b.causes().size()) {
            return Integer.compare(b.causes().size(), a.causes().size());
        }
        if (a.daysSinceLastOrder() != b.daysSinceLastOrder()) {
            return Integer.compare(b.daysSinceLastOrder(), a.daysSinceLastOrder());
        }
        return a.customerId().compareTo(b.customerId());
    };

    /** A rep's digest as it is gathered: the count, the high-risk count, and only the top entries. */
    private static final class Gathered {
        final java.util.PriorityQueue<Entry> top = new java.util.PriorityQueue<>(HIGHEST_RISK_FIRST.reversed());
        int total;
        int high;
    }

    private final ChurnSettings churn;
    private final Weekly weekly;

    /** The engine's reason templates: digests are written in the engine's locale. */
    private dev.custflow.rules.Reasons reasons = dev.custflow.rules.Reasons.of(java.util.Locale.ENGLISH);

    /** @param value the reason templates of the engine's locale */
    public void reasons(dev.custflow.rules.Reasons value) {
        this.reasons = java.util.Objects.requireNonNull(value, "reasons");
    }

    public AtRiskDigests(Settings settings) {
        this.churn = settings.churn();
        this.weekly = new Weekly(settings.timeZone(), churn.digestDay(), churn.digestTime());
    }

    /** @return when digests are due: the weekly schedule (also kept in snapshots) */
    public Weekly weekly() {
        return weekly;
    }

    /**
     * @param entries what the partitions reported, any order
     * @param dueAt   the digest time each position passed
     * @param clockAt the clock at each position: a digest is made when the engine sees its time pass
     * @return one digest per rep and position, in the engine's deterministic order
     */
    public List<Emitted> digests(List<Entry> entries, long[] dueAt, long[] clockAt) {
        return digests(entries, p -> dueAt[p], p -> clockAt[p]);
    }

    /**
     * @param entries what the partitions reported, any order
     * @param dueAt   the digest time each position passed
     * @param clockAt the clock at each position: a digest is made when the engine sees its time pass
     * @return one digest per rep and position, in the engine's deterministic order
     */
    public List<Emitted> digests(List<Entry> entries, IntToLongFunction dueAt, IntToLongFunction clockAt) {
        int max = churn.digestMaxCustomers();
        Map<Integer, Map<String, Gathered>> byPosition = new TreeMap<>();
        Map<String, Gathered> current = null;
        int currentPosition = -1;
        for (Entry e : entries) { // a partition reports a position's entries together
            if (current == null || e.position() != currentPosition) {
                currentPosition = e.position();
                current = byPosition.computeIfAbsent(currentPosition, p -> new TreeMap<>());
            }
            Gathered g = current.computeIfAbsent(e.ownerId() == null ? "" : e.ownerId(), o -> new Gathered());
            g.total++;
            g.high += e.level() == Level.HIGH ? 1 : 0;
            if (g.top.size() < max) {
                g.top.add(e);
            } else if (HIGHEST_RISK_FIRST.compare(e, g.top.peek()) < 0) { // riskier than the least risky kept
                g.top.poll();
                g.top.add(e);
            }
        }
        List<Emitted> out = new ArrayList<>();
        byPosition.forEach((position, byOwner) -> byOwner.forEach((owner, g) -> {
            List<Entry> top = new ArrayList<>(g.top);
            top.sort(HIGHEST_RISK_FIRST);
            long when = dueAt.applyAsLong(position);
            String rep = owner.isEmpty() ? null : owner;
            String reason = reasons.say("digest.atRisk", g.total,
                    rep == null ? reasons.say("digest.noOwner") : reasons.say("digest.ofRep", rep), g.high);
            String cause = "digest@" + Instant.ofEpochMilli(when);
            AtRiskDigest digest = new AtRiskDigest(StableIds.of(RULE, "AT_RISK_DIGEST", owner, cause, 0),
                    Instant.ofEpochMilli(clockAt.applyAsLong(position)), RULE, reason, rep, g.total,
                    top.stream().map(Entry::toAtRisk).toList());
            out.add(new Emitted(digest, position, Emitted.PHASE_WAKE, Long.MAX_VALUE, owner, 0, cause,
                    AuditEntry.Outcome.EMITTED, null, 0));
        }));
        return out;
    }
}
