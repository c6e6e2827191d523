package dev.custflow.examples.internal;

import dev.custflow.action.Action;
import dev.custflow.action.LeadScored;
import dev.custflow.action.ReferralCodeUnknown;
import dev.custflow.action.ReferralRewarded;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the demo counts of the news sales gets about leads: how many LEAD_SCORED each lead got in each calendar month
 * (a rep reads a lead's timeline, so more than a few a month is noise), and how the referral loop closed (rewards,
 * unknown codes, with or without a suggestion). Not thread-safe.
 */
public final class LeadNews {
    /** Lead-months by the number of LEAD_SCORED in them: 1, 2, 3, more. */
    public static final int BUCKETS = 4;

    private final Map<String, List<Instant>> scored = new HashMap<>();
    private final Set<String> rewardedReferrers = new HashSet<>();
    private long rewarded;
    private long unknownCodes;
    private long suggested;

    /** @param action an action of the run; the kinds this class counts are kept */
    public void add(Action action) {
        if (action instanceof LeadScored s) {
            scored.computeIfAbsent(s.customerId(), k -> new ArrayList<>(4)).add(s.at());
        } else if (action instanceof ReferralRewarded r) {
            rewarded++;
            rewardedReferrers.add(r.referrerId());
        } else if (action instanceof ReferralCodeUnknown u) {
            unknownCodes++;
            suggested += u.suggestion() == null ? 0 : 1;
        }
    }

    /**
     * @param zone the business's time zone, in which months begin
     * @return lead-months with 1, 2, 3 and more than 3 LEAD_SCORED, then the most any lead got in one month
     */
    public long[] scoredPerLeadMonth(ZoneId zone) {
        long[] out = new long[BUCKETS + 1];
        for (List<Instant> times : scored.values()) {
            Map<YearMonth, Integer> perMonth = new HashMap<>();
            for (Instant t : times) {
                perMonth.merge(YearMonth.from(t.atZone(zone)), 1, Integer::sum);
            }
            for (int n : perMonth.values()) {
                out[Math.min(n, BUCKETS) - 1]++;
                out[BUCKETS] = Math.max(out[BUCKETS], n);
            }
        }
        return out;
    }

    /** @return REFERRAL_REWARDED actions, then the referrers they credited, unknown codes, those with a suggestion */
    public long[] referrals() {
        return new long[] {rewarded, rewardedReferrers.size(), unknownCodes, suggested};
    }
}
