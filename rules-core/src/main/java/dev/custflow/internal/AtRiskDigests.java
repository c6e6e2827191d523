package dev.custflow.internal;

import dev.custflow.action.AtRiskDigest;
import dev.custflow.action.Level;
import dev.custflow.settings.ChurnSettings;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weekly at-risk digest of the churn pack: when the clock passes the digest time (Monday 08:00
 * by default, in the business's time zone), every rep gets the list of their customers with open
 * churn warnings, highest risk first. It is base-wide, so the engine builds it from what every
 * partition reports at that position of the stream, not a rule from one customer's evaluation.
 */
final class AtRiskDigests {
    static final String RULE = "churn: weekly at-risk digest per rep";

    /** One at-risk customer as a partition saw it at the digest's position. */
    record Entry(int position, String ownerId, AtRiskDigest.AtRisk customer) {
    }

    private static final Comparator<AtRiskDigest.AtRisk> HIGHEST_RISK_FIRST = Comparator
            .comparing((AtRiskDigest.AtRisk a) -> a.level() == null ? -1 : a.level().ordinal()).reversed()
            .thenComparing(Comparator.comparingInt((AtRiskDigest.AtRisk a) -> a.causes().size()).reversed())
            .thenComparing(Comparator.comparingInt(AtRiskDigest.AtRisk::daysSinceLastOrder).reversed())
            .thenComparing(AtRiskDigest.AtRisk::customerId);

    private final ChurnSettings churn;
    private final Weekly weekly;

    AtRiskDigests(Settings settings) {
        this.churn = settings.churn();
        this.weekly = new Weekly(settings.timeZone(), churn.digestDay(), churn.digestTime());
    }

    /**
     * @param from the clock before a step
     * @param to   the clock after it
     * @return the latest digest time in {@code (from, to]}, or 0 when none falls in it
     */
    long crossed(long from, long to) {
        return weekly.crossed(from, to);
    }

    /**
     * @param entries what the partitions reported, any order
     * @param dueAt   the digest time each position passed
     * @param clockAt the clock at each position: a digest is made when the engine sees its time pass
     * @return one digest per rep and position, in the engine's deterministic order
     */
    List<Emitted> digests(List<Entry> entries, long[] dueAt, long[] clockAt) {
        Map<Integer, Map<String, List<AtRiskDigest.AtRisk>>> byPosition = new TreeMap<>();
        for (Entry e : entries) {
            byPosition.computeIfAbsent(e.position(), p -> new TreeMap<>())
                    .computeIfAbsent(e.ownerId() == null ? "" : e.ownerId(), o -> new ArrayList<>()).add(e.customer());
        }
        List<Emitted> out = new ArrayList<>();
        byPosition.forEach((position, byOwner) -> byOwner.forEach((owner, customers) -> {
            customers.sort(HIGHEST_RISK_FIRST);
            long when = dueAt[position];
            String rep = owner.isEmpty() ? null : owner;
            long high = customers.stream().filter(c -> c.level() == Level.HIGH).count();
            String reason = customers.size() + " customer(s) " + (rep == null ? "without an owner" : "of " + rep)
                    + " with open churn warnings, " + high + " at high risk";
            String cause = "digest@" + Instant.ofEpochMilli(when);
            AtRiskDigest digest = new AtRiskDigest(StableIds.of(RULE, "AT_RISK_DIGEST", owner, cause, 0),
                    Instant.ofEpochMilli(clockAt[position]), RULE, reason, rep, customers.size(),
                    customers.subList(0, Math.min(customers.size(), churn.digestMaxCustomers())));
            out.add(new Emitted(digest, position, Emitted.PHASE_WAKE, Long.MAX_VALUE, owner, 0, cause,
                    AuditEntry.Outcome.EMITTED, null, 0));
        }));
        return out;
    }
}
