package dev.custflow.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.definition.type.ClassReactive;

/**
 * One customer's profile (一客一档): contact data, firmographics, lifecycle stage and its history,
 * score, owner, tags, opt-outs, and a compact history of orders, tickets, surveys and interactions.
 * This is the fact the rules reason about.
 *
 * <h2>For rule authors</h2>
 * Read it through its getters ({@code stage}, {@code orderCount}, {@code daysSinceLastOrder},
 * {@code complaintsWithinDays(90)}...). Every "days since" and "within days" is measured against
 * the engine's clock at the moment the rules run ({@link #getNow()}), never the wall clock. Change
 * a customer only through the {@code actions} global (a stage change, a tag, a score): actions are
 * what the host sees and what the audit trail records.
 *
 * <h2>Memory</h2>
 * Histories are folded into primitive arrays (epoch minutes and cents) and rolling windows, and
 * rarely used parts are allocated on first use, so a typical customer stays well under 1 KB.
 * Strings drawn from small vocabularies (region, industry, channel, tags, rule names) are interned.
 *
 * <h2>Read-only by construction</h2>
 * This type has no public method that changes it. The engine's own subclass (internal) folds events in,
 * applies what the actions decide and keeps its bookkeeping; Drools matches a pattern on {@code Customer}
 * against instances of that subclass, and a rule holding {@code $c : Customer} can call only what this type
 * declares, so {@code $c.setOwnerId(..)} does not compile and a cast to the internal class is refused by the
 * sandbox. A subclass rather than a view over a separate state object: a million customers would pay an
 * object each, and every getter a condition calls an extra indirection. The read side is split by facet
 * ({@link CustomerContact}, {@link CustomerHistory}) only to keep each file readable; rules see one type.
 *
 * <p>Class-reactive: the engine inserts a customer for one evaluation and removes it afterwards,
 * and rules never {@code modify} it, so property reactivity would buy nothing (and Drools warns
 * about constraints that read the {@code settings} global).
 */
@ClassReactive
public abstract class Customer extends CustomerHistory {
    private static final int HIST_TIME_BITS = 49;

    protected Stage stage;
    protected long stageSince = Times.NEVER;
    /**
     * Stage history, oldest first, parallel to {@link #histRules}: each entry holds the change, {@code (from.ordinal+1)
     * << 8 | (to.ordinal+1)}, in its top 15 bits and when, epoch millis, in the low 49 (signed: every instant an event
     * may carry, years 1900 to 9999, fits). One array rather than one for the changes and one for the times: most
     * customers change stage once or twice, and each array costs its header. See {@link #histEntry}.
     */
    protected long[] hist;
    /**
     * {@link #hist}'s stand-in for the one change most customers have: from no stage to the current one, at
     * {@link #stageSince}; no array for it. Read the history with {@link #histSize()} and {@link #histEntryAt(int)}.
     */
    protected static final long[] FIRST_STAGE = new long[0];
    /**
     * The rule (or person) behind each change of {@link #hist}: the name itself while there is one change (the common
     * case: no array for it), a {@code String[]} from the second; see {@link #histRule}.
     */
    protected Object histRules;

    protected int score;
    protected String grade;
    protected String ownerId;
    /**
     * What people and the sales desk did with the lead (who set the stage or the owner by hand, since when the rep
     * has it, the score last reported), allocated when one of them is first set: most customers never have one,
     * and each field here would cost every profile (see {@link CustomerContact#rare}).
     */
    protected Handling handling;
    protected String[] tags;

    protected Warnings warnings;
    protected Notes notes;
    /** RFM scores 1-5, 0 until scored; the segment the rules gave. */
    protected byte rfmR;
    protected byte rfmF;
    protected byte rfmM;
    protected Segment segment;
    protected Sales sales;
    /** Lead-scoring behaviour points, allocated when first earned. */
    protected Behaviour behaviour;

    /**
     * Creates an empty profile. Only the engine creates profiles, when it first sees a customer id.
     *
     * @param id        the customer (or lead) id
     * @param createdAt when the engine first saw it, epoch millis
     */
    protected Customer(String id, long createdAt) {
        super(id, createdAt);
    }

    // ---------------------------------------------------------------- lifecycle

    /** @return the lifecycle stage, or null when the profile has no lifecycle evidence yet */
    public Stage getStage() {
        return stage;
    }

    /** @return when the customer entered its current stage, or null without a stage */
    public Instant getStageSince() {
        return Times.instant(stageSince);
    }

    /** @return whole days in the current stage (0 without a stage) */
    public int getDaysInStage() {
        return stageSince == Times.NEVER ? 0 : Times.daysBetween(stageSince, now);
    }

    /**
     * @return the host's id of the person who set the current stage by hand and keeps it there (a {@code StageSet}
     *         event), or null while the rules move the stage; rules read it to leave such a customer alone, and
     *         {@code actions.changeStage} does nothing while it is set
     */
    public String getStageSetBy() {
        return handling == null ? null : handling.stageSetBy;
    }

    /** @return true while a person keeps the stage where they set it ({@link #getStageSetBy()}) */
    public boolean isStageSetByPerson() {
        return getStageSetBy() != null;
    }

    /** @return every stage change, oldest first */
    public List<StageChange> getStageHistory() {
        int n = histSize();
        if (n == 0) {
            return List.of();
        }
        List<StageChange> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long entry = histEntryAt(i);
            int code = histCode(entry);
            out.add(new StageChange(stageOf(code >> 8), stageOf(code & 0xFF), Instant.ofEpochMilli(histAt(entry)),
                    histRule(i)));
        }
        return out;
    }

    /**
     * @param code the change, {@code (from.ordinal+1) << 8 | (to.ordinal+1)}
     * @param at   when, epoch millis
     * @return an entry of {@link #hist}
     */
    protected static long histEntry(int code, long at) {
        return (long) code << HIST_TIME_BITS | at & (1L << HIST_TIME_BITS) - 1;
    }

    /** @return the rule (or person) behind the {@code i}-th change of {@link #hist} */
    protected final String histRule(int i) {
        return histSize() == 1 ? (String) histRules : ((String[]) histRules)[i];
    }

    /** @return how many changes {@link #hist} holds */
    protected final int histSize() {
        return hist == null ? 0 : hist == FIRST_STAGE ? 1 : hist.length;
    }

    /** @return the {@code i}-th entry of {@link #hist} */
    protected final long histEntryAt(int i) {
        return hist == FIRST_STAGE ? histEntry(stage.ordinal() + 1, stageSince) : hist[i];
    }

    /**
     * @param entries the stage history as entries, with {@link #stage} and {@link #stageSince} already those after
     *                its last change
     * @return what {@link #hist} holds for it: {@link #FIRST_STAGE} where that stands for it exactly
     */
    protected final long[] histOf(long[] entries) {
        return entries != null && entries.length == 1 && stage != null
                && entries[0] == histEntry(stage.ordinal() + 1, stageSince) && histAt(entries[0]) == stageSince
                ? FIRST_STAGE : entries;
    }

    /** @param entry an entry of {@link #hist} @return the change it holds */
    protected static int histCode(long entry) {
        return (int) (entry >>> HIST_TIME_BITS);
    }

    /** @param entry an entry of {@link #hist} @return when, epoch millis */
    protected static long histAt(long entry) {
        return entry << Long.SIZE - HIST_TIME_BITS >> Long.SIZE - HIST_TIME_BITS;
    }

    /**
     * @param s a stage
     * @return true if the customer has ever been in that stage
     */
    public boolean hasBeen(Stage s) {
        for (int i = 0, n = histSize(); i < n; i++) {
            if ((histCode(histEntryAt(i)) & 0xFF) == s.ordinal() + 1) {
                return true;
            }
        }
        return false;
    }

    private static Stage stageOf(int code) {
        return code == 0 ? null : Stage.values()[code - 1];
    }

    // ---------------------------------------------------------------- score, owner, tags

    /** @return the lead score (fit + behaviour), 0 until scored */
    public int getScore() {
        return score;
    }

    /** @return the grade A-D, or null until scored */
    public String getGrade() {
        return grade;
    }

    /** @return the score sales last heard of (LEAD_SCORED), 0 until reported; {@link #getScore()} is exact */
    public int getReportedScore() {
        return handling == null ? 0 : handling.reportedScore;
    }

    /** @return the grade sales last heard of (LEAD_SCORED), or null until reported */
    public String getReportedGrade() {
        return handling == null ? null : handling.reportedGrade;
    }

    /** @return when sales last heard of the score, or null until reported (or when an older snapshot did not say) */
    public Instant getScoreReportedAt() {
        return Times.instant(scoreReportedMillis());
    }

    /**
     * @param days a quiet period in days
     * @return true if the score was reported less than that many days ago
     */
    public boolean scoreReportedWithinDays(int days) {
        long reported = scoreReportedMillis();
        return reported != Times.NEVER && now - reported < days * Times.DAY_MILLIS;
    }

    private long scoreReportedMillis() {
        return handling == null ? Times.NEVER : handling.scoreReportedAt;
    }

    private long ownerSinceOrNever() {
        return handling == null ? Times.NEVER : handling.ownerSince;
    }

    /**
     * @param step a number of points
     * @return true if the score was reported before and since then the grade changed or the score moved by at
     *         least {@code step} points (up or down)
     */
    public boolean scoreMovedSinceReport(int step) {
        String reportedGrade = getReportedGrade();
        return reportedGrade != null && grade != null
                && (!grade.equals(reportedGrade) || Math.abs(score - getReportedScore()) >= step);
    }

    /** @return the owning rep's id, or null while unassigned */
    public String getOwnerId() {
        return ownerId;
    }

    /**
     * @return the host's id of the person who gave the customer to its rep by hand (an {@code OwnerSet} event), or
     *         null when the assignment rules did; the automatic reassignment after missed responses leaves such a
     *         lead with its rep
     */
    public String getOwnerSetBy() {
        return handling == null ? null : handling.ownerSetBy;
    }

    /**
     * @param tag a tag
     * @return true if the customer carries it
     */
    public boolean hasTag(String tag) {
        if (tags == null) {
            return false;
        }
        for (String t : tags) {
            if (t.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** @return the tags, sorted */
    public Set<String> getTags() {
        return tags == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(tags)));
    }

    // ---------------------------------------------------------------- lead scoring

    /**
     * @return true for a lead still to be won, the leads the scoring pack grades: captured from a channel,
     *         reachable, in stage LEAD or PROSPECT (or without a stage, when the lifecycle pack is off), and
     *         without an order, a won opportunity or a contract. Read from the facts, not only the stage, so
     *         it holds whatever order the rules of one evaluation fire in.
     */
    public boolean isOpenLead() {
        return channel != null && (stage == null || stage == Stage.LEAD || stage == Stage.PROSPECT)
                && !isHasOrdered() && getOpportunitiesWon() == 0 && getContracts().isEmpty() && isContactable();
    }

    // ---------------------------------------------------------------- a lead's life: won, lost, recycled

    /**
     * @return whole days since the lead last engaged: the latest of its last interaction (its own or a rep's), its
     *         last capture, its getting its rep and its entering the current stage; what
     *         {@code leads.recycleAfterDays} is measured on
     */
    public int getDaysWithoutEngagement() {
        return Times.daysBetween(lastEngagedAt(), now);
    }

    /**
     * @param days a number of days
     * @return the instant {@code days} after the lead last engaged (see {@link #getDaysWithoutEngagement()}): when a
     *         lead that stays quiet falls due for recycling
     */
    public Instant daysAfterLastEngagement(int days) {
        return Instant.ofEpochMilli(lastEngagedAt() + days * Times.DAY_MILLIS);
    }

    /**
     * @return true when something was logged with the customer (an interaction, a new capture) since it entered its
     *         current stage, at the same moment included (the stage changed first, in stream order): a recycled lead
     *         that engages again
     */
    public boolean isEngagedInStage() {
        return stageSince != Times.NEVER && (lastInteractionMillis() >= stageSince || lastCaptureMillis() >= stageSince);
    }

    /** @return true when the person came in as a lead again (a new capture) since entering the current stage */
    public boolean isCapturedInStage() {
        return stageSince != Times.NEVER && lastCaptureMillis() >= stageSince;
    }

    private long lastEngagedAt() {
        long last = Math.max(Math.max(createdAt, ownerSinceOrNever()), lastInteractionMillis());
        return Math.max(Math.max(last, lastCaptureMillis()), stageSince == Times.NEVER ? last : stageSince);
    }

    private long lastInteractionMillis() {
        Instant at = getLastInteractionAt();
        return at == null ? Long.MIN_VALUE : at.toEpochMilli();
    }

    private long lastCaptureMillis() {
        long last = Long.MIN_VALUE;
        for (ChannelTouch t : getChannelTouches()) {
            last = Math.max(last, t.at().toEpochMilli());
        }
        return last;
    }

    /**
     * @param halfLifeDays the half-life of behaviour points
     * @return the behaviour points at the engine's clock in thousandths: the running total decayed from the
     *         minute it was last added to (0 when nothing was earned)
     */
    public long behaviourMilliAt(int halfLifeDays) {
        return behaviour == null ? 0 : behaviour.at(Times.minute(now), halfLifeDays * (long) Times.DAY_MINUTES);
    }

    /**
     * @param halfLifeDays the half-life of behaviour points
     * @return the behaviour points at the engine's clock, rounded half up to whole points
     */
    public int behaviourPoints(int halfLifeDays) {
        return (int) Math.min(Integer.MAX_VALUE, (behaviourMilliAt(halfLifeDays) + 500) / 1000);
    }

    /**
     * When decay alone brings the behaviour points down to {@code points}: the due time of a grade that
     * falls without anything happening.
     *
     * @param points       a number of behaviour points
     * @param halfLifeDays the half-life of behaviour points
     * @return the first minute at which {@link #behaviourPoints} is at most {@code points}, or null when it
     *         already is or never will be (negative {@code points})
     */
    public Instant behaviourFallsToAt(int points, int halfLifeDays) {
        if (points < 0 || behaviour == null) {
            return null;
        }
        long minute = behaviour.fallsToMinute(points, Times.minute(now), halfLifeDays * (long) Times.DAY_MINUTES);
        return minute == Long.MIN_VALUE ? null : Instant.ofEpochMilli(minute * Times.MINUTE_MILLIS);
    }

    /** @return what earned behaviour points and how many, e.g. {@code page view=3}, in the order first earned */
    public Map<String, Integer> getBehaviourTally() {
        return behaviour == null ? Map.of() : behaviour.tally();
    }

    /** @return when behaviour points were last earned (to the minute), or null */
    public Instant getLastBehaviourAt() {
        return behaviour == null ? null : Instant.ofEpochMilli(behaviour.minute * Times.MINUTE_MILLIS);
    }

    // ---------------------------------------------------------------- churn warnings

    /**
     * @param cause a churn cause, e.g. NO_ORDER
     * @return true if a warning for it is open
     */
    public boolean hasWarning(String cause) {
        return warnings != null && warnings.indexOf(cause) >= 0;
    }

    /** @return the causes of the open churn warnings, oldest first */
    public List<String> getOpenWarnings() {
        return warnings == null ? List.of() : List.of(warnings.causes);
    }

    /** @return true if any churn warning is open */
    public boolean isAtRisk() {
        return warnings != null && warnings.causes.length > 0;
    }

    /** @return the highest level of the open churn warnings, or null when there is none */
    public Level getRiskLevel() {
        return warnings == null ? null : warnings.highest();
    }

    // ---------------------------------------------------------------- RFM and segment

    /** @return the recency score, 1 (longest ago) to 5 (most recent), 0 until scored (no order yet) */
    public int getRfmR() {
        return rfmR;
    }

    /** @return the frequency score, 1 to 5, 0 until scored */
    public int getRfmF() {
        return rfmF;
    }

    /** @return the monetary score, 1 to 5, 0 until scored */
    public int getRfmM() {
        return rfmM;
    }

    /** @return true once the customer has RFM scores */
    public boolean isRfmScored() {
        return rfmR > 0;
    }

    /** @return the RFM segment, or null until a rule assigns one */
    public Segment getSegment() {
        return segment;
    }

    // ---------------------------------------------------------------- notes

    /**
     * @param key what was done, e.g. {@code ONBOARDING} or {@code CROSS_SELL:A>B}
     * @return true if a rule noted it for this customer ({@code actions.note})
     */
    public boolean noted(String key) {
        return notes != null && notes.has(key);
    }

    // ---------------------------------------------------------------- sales

    /** @return budget confirmed (BANT) */
    public boolean isBudgetConfirmed() {
        return (flags & BUDGET) != 0;
    }

    /** @return decision maker reached (BANT) */
    public boolean isAuthorityConfirmed() {
        return (flags & AUTHORITY) != 0;
    }

    /** @return need confirmed (BANT) */
    public boolean isNeedConfirmed() {
        return (flags & NEED) != 0;
    }

    /** @return timeline confirmed (BANT) */
    public boolean isTimelineConfirmed() {
        return (flags & TIMELINE) != 0;
    }

    /** @return all four of budget, authority, need and timeline confirmed */
    public boolean isBantComplete() {
        return (flags & (BUDGET | AUTHORITY | NEED | TIMELINE)) == (BUDGET | AUTHORITY | NEED | TIMELINE);
    }

    /** @return the expected deal amount from BANT, or 0 */
    public BigDecimal getBantAmount() {
        return Money.of(sales == null ? 0 : sales.bantAmountCents);
    }

    /** @return the open opportunity's id, or null */
    public String getOpenOpportunityId() {
        return sales == null ? null : sales.openOpportunityId;
    }

    /** @return opportunities won */
    public int getOpportunitiesWon() {
        return sales == null ? 0 : sales.won;
    }

    /** @return opportunities lost */
    public int getOpportunitiesLost() {
        return sales == null ? 0 : sales.lost;
    }

    /** @return the contracts, in signing order */
    public List<Contract> getContracts() {
        return sales == null || sales.contracts == null ? List.of() : Collections.unmodifiableList(sales.contracts);
    }

    /**
     * @return referrals credited to this customer as the referrer (each REFERRAL_REWARDED naming them, less each
     *         REFERRAL_REVERSED); the engine counts them and evaluates the referrer again right after
     */
    public int getReferralsRewarded() {
        return sales == null ? 0 : sales.referralsRewarded;
    }

    @Override
    public String toString() {
        return "Customer{" + id + ", " + stage + ", orders=" + getOrderCount() + "}";
    }

    /** See {@link #handling}. Written by the engine only. */
    protected static final class Handling {
        /** Who set the stage by hand and keeps it there (a StageSet event), or null while the rules move it. */
        public String stageSetBy;
        /** The score and grade sales last heard of (LEAD_SCORED), and when; null and NEVER until first reported. */
        public int reportedScore;
        public String reportedGrade;
        public long scoreReportedAt = Times.NEVER;
        /** When the lead got its current rep (epoch millis), or {@link Times#NEVER}. */
        public long ownerSince = Times.NEVER;
        /** Who gave the customer to its rep by hand (an OwnerSet event), or null when the assignment rules did. */
        public String ownerSetBy;

        /** Allocated by the engine when a profile first needs one of these fields. */
        public Handling() {
        }
    }
}
