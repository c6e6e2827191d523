package dev.custflow.internal.runtime;

import dev.custflow.action.Action;
import dev.custflow.action.ReferralReversed;
import dev.custflow.action.ReferralRewarded;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.internal.index.Emitted;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.spi.AuditEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The referrer's side of a referral (docs/rules.md, "Referrals: the referrer's count"): a REFERRAL_REWARDED the rules
 * emitted while evaluating the referred customer counts on the referrer's profile (one more {@code referralsRewarded}),
 * a REFERRAL_REVERSED takes one back (never below 0), and the referrer is evaluated again at once, so that a LOYAL
 * referrer becomes ADVOCATE within the same call. The referrer may live in any partition, so this runs on the engine's
 * thread with every partition idle: the batch is cut right after every event of a referred customer (one whose profile
 * names a referrer, or whose event brings a referral code), where the advocacy pack's rules credit and take credits
 * back. A referral a rule rewards at another moment (a user's rule at a wake-up, say) is followed up when the
 * partitions next stop, still within the call. Only what is delivered counts: a firing that failed left no action
 * behind, and an action the policy gate did not let out is not followed up.
 *
 * <p>A referrer without a profile (an erased customer, a code naming nobody known) is not created out of nothing: the
 * action goes out and its audit entry notes that nothing was counted.
 */
final class ReferralCreditsPack implements CrossCustomerPack {
    /**
     * How deep referrals followed up may lead to more of them (a referrer's evaluation rewarding their own referrer):
     * far more than a referral chain has, few enough to stop rules that reward each other at every evaluation.
     */
    static final int CHAIN_LIMIT = 16;

    private final Partition[] partitions;

    ReferralCreditsPack(Partition[] partitions) {
        this.partitions = partitions;
    }

    /**
     * @return true for an event of a referred customer, or one that brings a referral code: the rules may credit or
     *         take back a referral while evaluating it, so the referrer is followed up right after it
     */
    @Override
    public boolean onEvent(Step step) {
        return step.partition() >= 0
                && mayRefer(step.event(), partitions[step.partition()].customer(step.customerId()));
    }

    /**
     * @param customer the event's customer as its partition holds it before the event (up to date as far as its
     *                 referrer goes: every event that can name one is cut after), or null when new
     */
    static boolean mayRefer(Event event, CustomerRecord customer) {
        if (customer != null && customer.getReferrerId() != null) {
            return true;
        }
        String code = event instanceof LeadCaptured lead ? lead.profile().referralCode()
                : event instanceof ProfileUpdated update ? update.profile().referralCode() : null;
        return code != null && !code.isBlank();
    }

    @Override
    public void afterRange(BatchPlan plan, List<Emitted> merged, PackContext ctx) {
        followUp(merged, ctx);
    }

    @Override
    public void afterWork(List<Emitted> out, PackContext ctx) {
        followUp(out, ctx);
    }

    /**
     * Counts every referral rewarded or reversed in {@code out} on its referrer and evaluates the referrer again, in
     * the order the actions are delivered; what those evaluations emit joins {@code out}, and the referrals among it
     * are followed up in turn.
     */
    private void followUp(List<Emitted> out, PackContext ctx) {
        List<Integer> found = referrals(out, 0);
        if (found.isEmpty()) {
            return;
        }
        ArrayDeque<int[]> todo = new ArrayDeque<>(); // index in out, depth
        found.forEach(k -> todo.add(new int[] {k, 0}));
        int order = 0;
        while (!todo.isEmpty()) {
            int[] next = todo.poll();
            int k = next[0];
            Emitted em = out.get(k);
            String note = next[1] >= CHAIN_LIMIT ? "not counted: more than " + CHAIN_LIMIT
                    + " referrals followed up one another (rules that reward each other at every evaluation?)"
                    : null;
            if (note == null) {
                int from = out.size();
                note = credit(em, ctx, ++order, out);
                for (int f : referrals(out, from)) {
                    todo.add(new int[] {f, next[1] + 1});
                }
            }
            if (note != null) {
                out.set(k, new Emitted(em.action(), em.position(), em.phase(), em.due(), em.customerId(), em.seq(),
                        em.cause(), em.outcome(), note, em.until()));
            }
        }
    }

    /**
     * Counts one referral on its referrer and evaluates them.
     *
     * @return a note for the action's audit entry when nothing was counted, else null
     */
    private static String credit(Emitted em, PackContext ctx, int order, List<Emitted> out) {
        Action a = em.action();
        boolean rewarded = a instanceof ReferralRewarded;
        String named = rewarded ? ((ReferralRewarded) a).referrerId() : ((ReferralReversed) a).referrerId();
        String referrer = ctx.packs().resolve(named); // a lead merged away is its survivor now
        Partition home = ctx.partitionFor(referrer);
        CustomerRecord c = home.customer(referrer);
        if (c == null) {
            return "not counted: the referrer " + named + " has no profile";
        }
        if (rewarded) {
            c.addReferralRewarded();
        } else if (!c.takeReferralRewarded()) {
            return "not counted: the referrer " + named + " has no referral counted to take back";
        }
        // at the moment of the referral: the engine clock there, since the batch is cut right after it
        home.followUp(c, a.at().toEpochMilli(), "referral@" + a.id(), em.position(), order, out);
        return null;
    }

    /**
     * @return the indexes in {@code out}, from {@code from} on, of the referrals the policy gate let out, in the
     *         order they are delivered
     */
    private static List<Integer> referrals(List<Emitted> out, int from) {
        List<Integer> found = new ArrayList<>(0);
        for (int k = from; k < out.size(); k++) {
            Emitted em = out.get(k);
            if ((em.action() instanceof ReferralRewarded || em.action() instanceof ReferralReversed)
                    && em.outcome() == AuditEntry.Outcome.EMITTED) {
                found.add(k);
            }
        }
        if (found.size() > 1) {
            found.sort((x, y) -> Emitted.ORDER.compare(out.get(x), out.get(y)));
        }
        return found;
    }
}
