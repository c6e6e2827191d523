package dev.custflow.examples;

import dev.custflow.BatchResult;
import dev.custflow.Rejection;
import dev.custflow.action.Action;
import dev.custflow.action.ChurnCleared;
import dev.custflow.action.ChurnWarning;
import dev.custflow.action.LeadScored;
import dev.custflow.action.MessageRequested;
import dev.custflow.action.LeadAssigned;
import dev.custflow.action.LeadReassigned;
import dev.custflow.action.LeadsMerged;
import dev.custflow.action.LeadWaiting;
import dev.custflow.action.StageChanged;
import dev.custflow.action.OpportunityCreated;
import dev.custflow.action.SlaEscalated;
import dev.custflow.examples.internal.LeadWaits;
import dev.custflow.examples.internal.LeadNews;
import dev.custflow.examples.internal.ReportText;
import dev.custflow.model.CustomerProfile;
import dev.custflow.model.Segment;
import dev.custflow.model.Stage;
import dev.custflow.model.StageChange;
import dev.custflow.spi.AuditEntry;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a demo run did, in numbers: customers per lifecycle stage, how far customers went along
 * {@code LEAD → PROSPECT → CUSTOMER → LOYAL → ADVOCATE}, the actions by type and rule with the
 * latest examples of each type, and the event counts and speed. Build one with {@link #tally()};
 * {@link #toText()} lays it out for a terminal.
 *
 * <p>Everything is counted by action type and rule name as they come, so the actions of rule packs
 * added later show up without a change here.
 */
public final class DemoReport {
    /** The main lifecycle path; DISQUALIFIED and DORMANT are side states. */
    public static final List<Stage> MAIN_PATH =
            List.of(Stage.LEAD, Stage.PROSPECT, Stage.CUSTOMER, Stage.LOYAL, Stage.ADVOCATE);
    /** How many recent examples of each action type are kept. */
    public static final int EXAMPLES_PER_TYPE = 5;
    /** How many rejections are kept to show (all are counted). */
    public static final int REJECTIONS_SHOWN = 5;

    /**
     * One step of the lifecycle funnel.
     *
     * @param stage        a stage of the main path
     * @param reached      customers who were ever in it
     * @param wentOn       customers who were ever in the previous stage and later reached this stage or a later one
     *                     (0 for the first stage)
     * @param previous     customers who were ever in the previous stage (0 for the first stage)
     */
    public record Conversion(Stage stage, int reached, int wentOn, int previous) {

        /**
         * @return the share of the previous stage's customers who went on to this stage or further,
         *         or NaN when nobody was in the previous stage
         */
        public double rate() {
            return previous == 0 ? Double.NaN : wentOn / (double) previous;
        }
    }

    /**
     * How a run went.
     *
     * @param description what was run (the history's description)
     * @param rules       rules loaded
     * @param partitions  engine partitions
     * @param build       time to compile the rules and open the engine
     * @param run         time to feed every event (generation or reading included)
     * @param zone        the business's time zone (the engine's settings), in which the report shows times
     */
    public record Run(String description, int rules, int partitions, Duration build, Duration run, ZoneId zone) {
        /** Validates the fields. */
        public Run {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(build, "build");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(zone, "zone");
        }
    }

    private final Run run;
    private final int customers;
    private final Map<Stage, Integer> perStage;
    private final int withoutStage;
    private final List<Conversion> conversion;
    private final Map<Stage, Integer> everIn;
    private final Map<String, Map<String, Long>> actionsByTypeAndRule;
    private final Map<String, List<Action>> latest;
    private final long actions;
    private final long accepted;
    private final long duplicates;
    private final long rejected;
    private final List<Rejection> rejections;
    private final Map<String, long[]> churn;
    private final Map<String, Long> messages;
    private final Map<String, Long> heldBack;
    private final Map<Segment, Integer> perSegment;
    private final Map<String, long[]> funnel;
    private final Map<String, RepWork> perRep;
    private final long merged;
    private final long[] scoredPerLeadMonth;
    private final long[] referrals;

    /**
     * What the assignment pack gave one rep and how the rep answered.
     *
     * @param repId        the rep
     * @param assigned     leads given at capture (or when capacity freed)
     * @param reassignedTo leads taken from another rep who did not respond and given to this one
     * @param inTime       of all those, answered within the first-response time (no SLA_ESCALATED)
     * @param escalated    first responses missed (SLA_ESCALATED)
     * @param takenAway    leads taken from this rep after a second miss (LEAD_REASSIGNED to another)
     */
    public record RepWork(String repId, long assigned, long reassignedTo, long inTime, long escalated,
                          long takenAway) {
        /** @return leads given to the rep, either way */
        public long given() {
            return assigned + reassignedTo;
        }
    }

    /**
     * One month of lead assignment, in the run's time zone.
     *
     * @param month         the month
     * @param captured      new leads captured in it (a lead's first STAGE_CHANGED to LEAD)
     * @param assigned      leads given a rep in it (LEAD_ASSIGNED, whenever they were captured)
     * @param waitingAtEnd  leads waiting for a rep at the end of the month (LEAD_WAITING, not yet assigned or closed)
     * @param oldestWaiting how long the longest-waiting of those had waited then (zero when none waited)
     */
    public record Month(YearMonth month, long captured, long assigned, long waitingAtEnd, Duration oldestWaiting) {
        /** @return assigned as a share of captured, NaN when nothing was captured */
        public double assignedShare() {
            return captured == 0 ? Double.NaN : assigned / (double) captured;
        }
    }

    /**
     * The waiting line of one route (the first route of the routing table that applies to the lead).
     *
     * @param route      the route, or "(none)" when no route applies
     * @param waited     leads that ever waited on it
     * @param waitingNow leads still waiting at the end of the run
     * @param oldestNow  how long the longest-waiting of those has waited (zero when none)
     * @param longest    the longest wait of a lead that got a rep or left the line
     */
    public record RouteWait(String route, long waited, long waitingNow, Duration oldestNow, Duration longest) {
    }

    /**
     * The leads that never got a rep, at the end of the run.
     *
     * @param leads        captured leads without a rep
     * @param disqualified of them, set aside (no way to contact them)
     * @param waiting      of them, still waiting for a rep
     * @param bought       of them, customers anyway (a first order, a won deal or a contract without a rep)
     */
    public record Unassigned(long leads, long disqualified, long waiting, long bought) {
    }

    private List<Month> months = List.of();
    private Map<String, RouteWait> routes = Map.of();
    private Unassigned unassigned = new Unassigned(0, 0, 0, 0);
    private java.util.function.Function<java.util.Locale, List<String>> assignmentNotes = l -> List.of();

    /** @return per month of the run, leads captured, assigned and waiting (empty without lead assignment) */
    public List<Month> assignmentPerMonth() {
        return months;
    }

    /** @return per route, by name, the leads that waited for a rep and how long */
    public Map<String, RouteWait> waitingPerRoute() {
        return routes;
    }

    /** @return the leads that never got a rep */
    public Unassigned unassigned() {
        return unassigned;
    }

    /**
     * @param locale the report's language: zh-CN or en
     * @return the history's sentences about how its reps behave, printed under the assignment table
     */
    public List<String> assignmentNotes(java.util.Locale locale) {
        return assignmentNotes.apply(locale);
    }

    private DemoReport(Run run, Tally t) {
        this.run = run;
        this.customers = t.customers;
        this.perStage = Collections.unmodifiableMap(new EnumMap<>(t.perStage));
        this.withoutStage = t.withoutStage;
        List<Conversion> c = new ArrayList<>();
        for (int k = 0; k < MAIN_PATH.size(); k++) {
            c.add(new Conversion(MAIN_PATH.get(k), t.reached[k], k == 0 ? 0 : t.wentOn[k],
                    k == 0 ? 0 : t.reached[k - 1]));
        }
        this.conversion = List.copyOf(c);
        this.everIn = Collections.unmodifiableMap(new EnumMap<>(t.everIn));
        Map<String, Map<String, Long>> byType = new LinkedHashMap<>();
        t.byTypeAndRule.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) -> -total(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> byType.put(e.getKey(), Collections.unmodifiableMap(sortedByCount(e.getValue()))));
        this.actionsByTypeAndRule = Collections.unmodifiableMap(byType);
        Map<String, List<Action>> ex = new LinkedHashMap<>();
        for (String type : byType.keySet()) {
            List<Action> recent = new ArrayList<>(t.latest.get(type));
            Collections.reverse(recent); // most recent first
            ex.put(type, List.copyOf(recent));
        }
        this.latest = Collections.unmodifiableMap(ex);
        this.actions = t.actions;
        this.accepted = t.accepted;
        this.duplicates = t.duplicates;
        this.rejected = t.rejected;
        this.rejections = List.copyOf(t.rejections);
        Map<String, long[]> byCause = new TreeMap<>();
        t.churn.forEach((cause, counts) -> byCause.put(cause, counts.clone()));
        this.churn = Collections.unmodifiableMap(byCause);
        this.messages = Collections.unmodifiableMap(sortedByCount(t.messages));
        this.heldBack = Collections.unmodifiableMap(sortedByCount(t.heldBack));
        this.perSegment = Collections.unmodifiableMap(new EnumMap<>(t.perSegment));
        Map<String, long[]> f = new LinkedHashMap<>();
        t.funnel.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey)).forEach(e -> f.put(e.getKey(), e.getValue().clone()));
        this.funnel = Collections.unmodifiableMap(f);
        Map<String, RepWork> reps = new TreeMap<>();
        t.perRep.forEach((rep, k) -> reps.put(rep, new RepWork(rep, k[0], k[1], k[0] + k[1] - k[2], k[2], k[3])));
        this.perRep = Collections.unmodifiableMap(reps);
        this.merged = t.merged;
        this.scoredPerLeadMonth = t.news.scoredPerLeadMonth(run.zone());
        this.referrals = t.news.referrals();
    }

    /**
     * @return lead-months (a lead in a calendar month of the run's zone) with 1, 2, 3 and more than 3 LEAD_SCORED,
     *         then the most one lead got in one month
     */
    public long[] leadScoredPerLeadMonth() {
        return scoredPerLeadMonth.clone();
    }

    /**
     * @return REFERRAL_REWARDED actions, the referrers they credited, REFERRAL_CODE_UNKNOWN actions, and how many of
     *         those suggested an issued code
     */
    public long[] referrals() {
        return referrals.clone();
    }

    /** @return per rep (by id), the leads the assignment pack gave and how they were answered; empty without reps */
    public Map<String, RepWork> assignmentPerRep() {
        return perRep;
    }

    /** @return duplicate leads merged into an earlier record (LEADS_MERGED) */
    public long merged() {
        return merged;
    }

    /** The steps of the lead funnel, in the order of {@link #leadFunnel()}'s counts. */
    public static final List<String> FUNNEL_STEPS = List.of("leads", "MQL", "PROSPECT", "opportunity", "CUSTOMER");

    /**
     * @return per channel a lead came from (most leads first), how many leads ever got to each of
     *         {@link #FUNNEL_STEPS}: captured, scored at or above the MQL threshold, PROSPECT (or further
     *         along the main path), an opportunity, CUSTOMER (or further); customers without a channel
     *         (histories of orders only) are not in it
     */
    public Map<String, long[]> leadFunnel() {
        return funnel;
    }

    /** @return customers per RFM segment at the end of the run (segments nobody is in are left out) */
    public Map<Segment, Integer> customersPerSegment() {
        return perSegment;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** @return an empty tally to feed a run's results into */
    public static Tally tally() {
        return new Tally();
    }

    /** @return how the run went */
    public Run run() {
        return run;
    }

    /** @return the customers the engine knows at the end */
    public int customers() {
        return customers;
    }

    /** @return customers per current stage, every stage present (0 when empty), in the order of {@link Stage} */
    public Map<Stage, Integer> customersPerStage() {
        return perStage;
    }

    /** @return customers without a stage (profiles the host created without lifecycle evidence) */
    public int customersWithoutStage() {
        return withoutStage;
    }

    /** @return the funnel along {@link #MAIN_PATH}, counted from every customer's stage history */
    public List<Conversion> conversion() {
        return conversion;
    }

    /** @return customers who were ever in each stage (side states included), every stage present */
    public Map<Stage, Integer> everInStage() {
        return everIn;
    }

    /** @return action counts by type, then by rule; both by count, largest first */
    public Map<String, Map<String, Long>> actionsByTypeAndRule() {
        return actionsByTypeAndRule;
    }

    /**
     * @param type an action type, e.g. STAGE_CHANGED
     * @return how many actions of that type were emitted
     */
    public long actionCount(String type) {
        Map<String, Long> byRule = actionsByTypeAndRule.get(type);
        return byRule == null ? 0 : total(byRule);
    }

    /** @return the latest actions of each type (at most {@value #EXAMPLES_PER_TYPE}), most recent first */
    public Map<String, List<Action>> latestExamples() {
        return latest;
    }

    /** @return per churn cause: warnings raised at LOW, MEDIUM and HIGH, then warnings cleared */
    public Map<String, long[]> churnByCause() {
        return churn;
    }

    /** @return messages that went out, by template and channel */
    public Map<String, Long> messagesSent() {
        return messages;
    }

    /** @return what the policy gate held (deferred) or dropped (suppressed), by action type and reason */
    public Map<String, Long> heldBack() {
        return heldBack;
    }

    /** @return actions emitted */
    public long actions() {
        return actions;
    }

    /** @return events accepted */
    public long accepted() {
        return accepted;
    }

    /** @return events ignored as repeats of an id already seen */
    public long duplicates() {
        return duplicates;
    }

    /** @return events rejected */
    public long rejected() {
        return rejected;
    }

    /** @return the first rejections (at most {@value #REJECTIONS_SHOWN}) */
    public List<Rejection> rejections() {
        return rejections;
    }

    /** @return accepted events per second of run time (generation or reading included) */
    public double eventsPerSecond() {
        double seconds = run.run().toNanos() / 1e9;
        return seconds <= 0 ? 0 : accepted / seconds;
    }

    /** @return the report laid out for a terminal, times in the run's zone */
    public String toText() {
        return ReportText.format(this);
    }

    /**
     * @param locale the reader's language: Chinese ({@code zh-CN}) or English; the numbers are the same in both
     * @return the report laid out for a terminal in that language, times in the run's zone
     * @throws IllegalArgumentException if the locale is neither Chinese nor English
     */
    public String toText(Locale locale) {
        return ReportText.format(this, locale);
    }

    /** Collects a run's results as they come; {@link #build} makes the report. Not thread-safe. */
    public static final class Tally {
        private int customers;
        private final Map<Stage, Integer> perStage = new EnumMap<>(Stage.class);
        private int withoutStage;
        private final int[] reached = new int[MAIN_PATH.size()];
        private final int[] wentOn = new int[MAIN_PATH.size()];
        private final Map<Stage, Integer> everIn = new EnumMap<>(Stage.class);
        private final Map<String, Map<String, Long>> byTypeAndRule = new HashMap<>();
        private final Map<String, ArrayDeque<Action>> latest = new HashMap<>();
        private long actions;
        private long accepted;
        private long duplicates;
        private long rejected;
        private final List<Rejection> rejections = new ArrayList<>();
        /** Per churn cause: warnings raised at LOW, MEDIUM, HIGH, then warnings cleared. */
        private final Map<String, long[]> churn = new TreeMap<>();
        private final Map<String, Long> messages = new TreeMap<>();
        private final Map<String, Long> heldBack = new TreeMap<>();
        private final Map<Segment, Integer> perSegment = new EnumMap<>(Segment.class);
        private final Map<String, Integer> bestScore = new HashMap<>();
        private final Set<String> opportunities = new HashSet<>();
        private final Map<String, long[]> funnel = new HashMap<>();
        /** Per rep: assigned, reassigned to, escalated, taken away. */
        private final Map<String, long[]> perRep = new HashMap<>();
        /** The current owner of each assigned lead, to know whom a reassignment took it from. */
        private final Map<String, String> owner = new HashMap<>();
        private long merged;
        /** Captures, assignments and waits for a rep, over time. */
        private final LeadWaits waits = new LeadWaits();
        private long noRep;
        private long noRepDisqualified;
        private long noRepBought;
        private final LeadNews news = new LeadNews();
        private int mqlThreshold = dev.custflow.settings.ScoringSettings.ofDefaults().mqlThreshold();

        private Tally() {
            for (Stage s : Stage.values()) {
                perStage.put(s, 0);
                everIn.put(s, 0);
            }
        }

        /**
         * Counts one engine call: its events, rejections and actions (in the order given).
         *
         * @param result a batch's result
         * @return this
         */
        public Tally add(BatchResult result) {
            accepted += result.accepted();
            duplicates += result.duplicates();
            rejected += result.rejections().size();
            for (Rejection r : result.rejections()) {
                if (rejections.size() < REJECTIONS_SHOWN) {
                    rejections.add(r);
                }
            }
            for (Action a : result.actions()) {
                add(a);
            }
            return this;
        }

        /**
         * Counts one action by type and rule, and keeps it if it is among the latest of its type.
         *
         * @param action an action
         * @return this
         */
        public Tally add(Action action) {
            actions++;
            news.add(action);
            if (action instanceof ChurnWarning w) {
                churn.computeIfAbsent(w.cause(), k -> new long[4])[w.level().ordinal()]++;
            } else if (action instanceof ChurnCleared c) {
                churn.computeIfAbsent(c.cause(), k -> new long[4])[3]++;
            } else if (action instanceof MessageRequested m) {
                messages.merge(m.template() + " by " + m.channel(), 1L, Long::sum);
            } else if (action instanceof LeadScored s) {
                bestScore.merge(s.customerId(), s.score(), Math::max);
            } else if (action instanceof OpportunityCreated o) {
                opportunities.add(o.customerId());
            } else if (action instanceof LeadAssigned a) {
                rep(a.repId())[0]++;
                owner.put(a.customerId(), a.repId());
                waits.assigned(a.customerId(), a.at().toEpochMilli());
            } else if (action instanceof LeadWaiting w) {
                waits.waits(w.customerId(), w.route(), w.at().toEpochMilli());
            } else if (action instanceof StageChanged c) {
                if (c.from() == null && c.to() == Stage.LEAD) {
                    waits.captured(c.at().toEpochMilli());
                } else if (c.to() != Stage.LEAD && c.to() != Stage.PROSPECT) {
                    waits.left(c.customerId(), c.at().toEpochMilli());
                }
            } else if (action instanceof LeadReassigned a) {
                rep(a.repId())[1]++;
                String from = owner.put(a.customerId(), a.repId());
                if (from != null) {
                    rep(from)[3]++;
                }
            } else if (action instanceof SlaEscalated e) {
                rep(e.repId())[2]++;
            } else if (action instanceof LeadsMerged m) {
                merged++;
                waits.left(m.mergedId(), m.at().toEpochMilli());
            }
            byTypeAndRule.computeIfAbsent(action.type(), k -> new HashMap<>())
                    .merge(String.valueOf(action.rule()), 1L, Long::sum);
            ArrayDeque<Action> recent = latest.computeIfAbsent(action.type(), k -> new ArrayDeque<>());
            if (recent.size() == EXAMPLES_PER_TYPE) {
                recent.removeFirst();
            }
            recent.addLast(action);
            return this;
        }

        /**
         * Counts what the policy gate held back (an audit entry SUPPRESSED or DEFERRED), by its reason.
         *
         * @param entry an audit entry
         * @return this
         */
        public Tally add(AuditEntry entry) {
            if (entry.outcome() == AuditEntry.Outcome.SUPPRESSED || entry.outcome() == AuditEntry.Outcome.DEFERRED) {
                String note = entry.note() == null ? "" : entry.note();
                heldBack.merge(entry.actionType() + " " + entry.outcome().name().toLowerCase(Locale.ROOT) + ": " + note,
                        1L, Long::sum);
            }
            return this;
        }

        /**
         * Counts one customer: its current stage, and from its stage history which stages it ever
         * reached and how far it went on from each.
         *
         * @param customer a customer's profile at the end of the run
         * @return this
         */
        public Tally add(CustomerProfile customer) {
            customers++;
            if (customer.channel() != null && customer.ownerId() == null && !waits.isEmpty()) {
                noRep++;
                noRepDisqualified += customer.stage() == Stage.DISQUALIFIED ? 1 : 0;
                noRepBought += customer.stage() != null && customer.stage().hasBought() ? 1 : 0;
            }
            if (customer.segment() != null) {
                perSegment.merge(customer.segment(), 1, Integer::sum);
            }
            if (customer.stage() == null) {
                withoutStage++;
            } else {
                perStage.merge(customer.stage(), 1, Integer::sum);
            }
            List<StageChange> history = customer.stageHistory();
            int n = history.size();
            // furthest[i]: the furthest main-path stage entered at or after history entry i
            int[] furthest = new int[n + 1];
            furthest[n] = -1;
            for (int i = n - 1; i >= 0; i--) {
                furthest[i] = Math.max(furthest[i + 1], MAIN_PATH.indexOf(history.get(i).to()));
            }
            if (customer.channel() != null) { // furthest[0]: the furthest main-path stage it ever entered
                long[] row = funnel.computeIfAbsent(customer.channel(), k -> new long[FUNNEL_STEPS.size()]);
                row[0]++;
                row[1] += bestScore.getOrDefault(customer.id(), 0) >= mqlThreshold ? 1 : 0;
                row[2] += history.stream().anyMatch(h -> h.to() == Stage.PROSPECT) ? 1 : 0; // as in the conversion
                row[3] += opportunities.contains(customer.id()) ? 1 : 0;
                row[4] += furthest[0] >= MAIN_PATH.indexOf(Stage.CUSTOMER) ? 1 : 0;
            }
            boolean[] ever = new boolean[Stage.values().length];
            for (int i = 0; i < n; i++) {
                Stage to = history.get(i).to();
                if (ever[to.ordinal()]) {
                    continue;
                }
                ever[to.ordinal()] = true;
                everIn.merge(to, 1, Integer::sum);
                int k = MAIN_PATH.indexOf(to);
                if (k >= 0) {
                    reached[k]++;
                    if (k + 1 < MAIN_PATH.size() && furthest[i + 1] >= k + 1) {
                        wentOn[k + 1]++;
                    }
                }
            }
            return this;
        }

        private long[] rep(String repId) {
            return perRep.computeIfAbsent(repId, k -> new long[4]);
        }

        /**
         * @param threshold the score from which a lead counts as MQL in the funnel (the engine's setting)
         * @return this
         */
        public Tally mqlThreshold(int threshold) {
            this.mqlThreshold = threshold;
            return this;
        }

        /**
         * @param run how the run went
         * @return the report
         */
        public DemoReport build(Run run) {
            return new DemoReport(Objects.requireNonNull(run, "run"), this);
        }

        /**
         * @param run   how the run went
         * @param notes the history's sentences about its reps, in a language ({@link EventHistory#assignmentNotes})
         * @param end   when the history ends: the last month closes there
         * @return the report, with lead assignment per month and per route
         */
        public DemoReport build(Run run, java.util.function.Function<java.util.Locale, List<String>> notes,
                                java.time.Instant end) {
            DemoReport r = build(run);
            r.assignmentNotes = Objects.requireNonNull(notes, "notes");
            if (waits.isEmpty()) {
                return r;
            }
            r.months = waits.months(run.zone(), end.toEpochMilli());
            r.routes = waits.routes(end.toEpochMilli());
            r.unassigned = new Unassigned(noRep, noRepDisqualified, waits.waitingNow(), noRepBought);
            return r;
        }
    }
}
