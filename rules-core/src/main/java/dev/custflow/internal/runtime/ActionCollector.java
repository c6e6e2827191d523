package dev.custflow.internal.runtime;

import dev.custflow.internal.index.DueIndex;
import dev.custflow.internal.index.StableIds;

import dev.custflow.internal.packs.AssignmentDesk;

import dev.custflow.action.Action;
import dev.custflow.model.Channel;
import dev.custflow.action.ChurnCleared;
import dev.custflow.action.ChurnWarning;
import dev.custflow.action.LeadAssigned;
import dev.custflow.action.LeadClosed;
import dev.custflow.action.LeadRecycled;
import dev.custflow.action.LeadWaiting;
import dev.custflow.action.LeadDisqualified;
import dev.custflow.action.LeadReassigned;
import dev.custflow.action.AccountLinked;
import dev.custflow.action.LeadsMerged;
import dev.custflow.action.SlaEscalated;
import dev.custflow.action.LeadScored;
import dev.custflow.model.Level;
import dev.custflow.action.MessageRequested;
import dev.custflow.action.OpportunityCreated;
import dev.custflow.action.StageChanged;
import dev.custflow.action.TagAdded;
import dev.custflow.action.TagRemoved;
import dev.custflow.action.TaskCreated;
import dev.custflow.action.TaskKind;
import dev.custflow.action.Template;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.internal.profile.FiringUndo;
import dev.custflow.internal.profile.FiringUndo.Part;
import dev.custflow.model.Customer;
import dev.custflow.model.InvalidContact;
import dev.custflow.model.OpenOrder;
import dev.custflow.model.OrderItem;
import dev.custflow.event.OwnerSet;
import dev.custflow.event.StageSet;
import dev.custflow.model.Stage;
import dev.custflow.model.Times;
import dev.custflow.rules.Actions;
import dev.custflow.rules.Schedule;
import dev.custflow.settings.Settings;
import dev.custflow.text.PersonalData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The {@code actions} and {@code schedule} globals of one partition's session. It knows which rule
 * is firing (from the agenda listener), which customer is being evaluated and what caused the
 * evaluation, so each action gets the rule's name and a stable id without the rule saying so.
 */
public class ActionCollector implements Actions, Schedule {
    /** Stands in for a missing reason; lint flags such rules. */
    static final String NO_REASON = "(the rule gave no reason)";

    private final KieSession session;
    private final Settings settings;
    /** The engine's reason templates, for the reasons the engine writes itself (a person's decision, the desk). */
    private final dev.custflow.rules.Reasons reasons;
    private final List<Action> out = new ArrayList<>();
    private final ObjectIntHashMap<String> sequence = new ObjectIntHashMap<>();
    private final List<String> fired = new ArrayList<>();
    private Customer customer;
    private FactHandle handle;
    private String cause;
    private long now;
    private Instant nowInstant;
    private String rule = "(engine)";
    private long wake;
    /** Lead assignment's shared state, or null when the assignment pack is off. */
    private AssignmentDesk desk;
    /** Where the firing rule's actions start, the wake-up before it fired, and whether it changed a customer. */
    private int matchOut;
    private long matchWake;
    private boolean matchChanged;
    private boolean matchChangedOther;
    /** The firing rule is a user's: what it changes in the customer is saved first, to be undone if it fails. */
    private boolean guardFiring;
    /** What the firing rule changed in the customer, as it was before (a user's rule only). */
    private final FiringUndo undo = new FiringUndo();
    /** Behaviour points granted in this evaluation, by rule and what: a re-firing rule grants once. */
    private final Set<String> granted = new HashSet<>();
    private final OrderActions orders = new OrderActions(this);

    protected ActionCollector(KieSession session, Settings settings, dev.custflow.rules.Reasons reasons) {
        this.session = session;
        this.reasons = Objects.requireNonNull(reasons, "reasons");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    void begin(Customer c, FactHandle h, String newCause, long clock) {
        this.customer = c;
        this.handle = h;
        this.cause = newCause;
        this.now = clock;
        this.nowInstant = null;
        this.wake = DueIndex.NONE;
        this.rule = "(engine)";
        out.clear();
        sequence.clear();
        fired.clear();
        granted.clear();
        matchOut = 0;
        matchWake = wake;
        matchChanged = false;
        matchChangedOther = false;
        guardFiring = false;
        undo.clear();
    }

    void desk(AssignmentDesk d) {
        this.desk = d;
    }

    /**
     * A rule starts firing.
     *
     * @param name    the rule
     * @param guarded true for a rule of the user's files: the customer is checkpointed before the firing first
     *                changes it, so that the change can be undone if the firing fails half-way
     */
    void ruleFiring(String name, boolean guarded) {
        this.rule = name;
        fired.add(name);
        matchOut = out.size();
        matchWake = wake;
        matchChanged = false;
        matchChangedOther = false;
        guardFiring = guarded;
        undo.clear(); // saved as the firing changes the customer (record)
    }

    /**
     * Forgets what the failed firing did: the actions it emitted, the wake-up it asked for and, when it was
     * checkpointed, what it changed in the customer. A firing that changed the customer without a checkpoint (a
     * built-in rule) or another customer keeps its work, since its actions say what changed.
     *
     * @return true if the firing rule's work was dropped, false if it had changed a customer and was kept
     */
    boolean dropFiring() {
        if (matchChangedOther || matchChanged && undo.isEmpty()) {
            return false;
        }
        if (!undo.isEmpty()) {
            undo.restore((CustomerRecord) customer);
            if (matchChanged) {
                changed(customer); // the rules see the customer as it was before the firing
            }
        }
        out.subList(matchOut, out.size()).clear();
        wake = matchWake;
        return true;
    }

    /** @return the actions of the evaluation that just ended, in firing order */
    List<Action> actions() {
        return out;
    }

    /** @return the rules fired in the evaluation that just ended, in order */
    List<String> fired() {
        return fired;
    }

    /** @return the earliest wake-up asked for, or {@link DueIndex#NONE} */
    long wake() {
        return wake;
    }

    /** @return the clock of this evaluation */
    protected Instant now() {
        if (nowInstant == null) {
            nowInstant = Instant.ofEpochMilli(now);
        }
        return nowInstant;
    }

    /** @return the name of the rule firing now */
    protected String rule() {
        return rule;
    }

    /**
     * @param type       the action's JSON type
     * @param customerId the customer
     * @return the stable id of the next action of this type by the firing rule in this evaluation
     */
    protected String nextId(String type, String customerId) {
        String key = rule + '|' + type;
        int n = sequence.getIfAbsent(key, 0);
        sequence.put(key, n + 1);
        return StableIds.of(rule, type, customerId, cause, n);
    }

    /**
     * A reason is written for people and kept in the audit trail, so personal data in it is masked
     * (docs/personal-data.md): the evaluated customer's own name, phone, e-mail, birthday and unusable contact
     * values wherever they stand (a rule may write {@code $c.getName()} into it), then every phone- or e-mail-shaped
     * text.
     *
     * @param reason the rule's reason
     * @return the reason with personal data masked, or a stand-in when the rule gave none
     */
    protected String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return NO_REASON;
        }
        String r = reason;
        if (customer != null) {
            r = PersonalData.mask(r, "phone", customer.getPhone());
            r = PersonalData.mask(r, "email", customer.getEmail());
            r = PersonalData.mask(r, "name", customer.getName());
            r = PersonalData.mask(r, "birthday", customer.getBirthday());
            if (customer.isHasInvalidContact()) {
                for (InvalidContact bad : customer.getInvalidContacts()) {
                    r = PersonalData.mask(r, bad.field(), bad.value());
                }
            }
        }
        return PersonalData.scrub(r);
    }

    /**
     * Emits an action, unless the same rule already emitted the same action (all but the id) in this
     * evaluation: a rule that reacts to the event re-fires when another rule changes the customer, and
     * that must not send the coupon twice.
     *
     * @param action an action to emit
     */
    protected void emit(Action action) {
        for (Action earlier : out) {
            if (earlier.getClass() == action.getClass() && earlier.rule().equals(action.rule())
                    && sameButId(earlier, action)) {
                return;
            }
        }
        out.add(action);
    }

    private static boolean sameButId(Action a, Action b) {
        try {
            for (java.lang.reflect.RecordComponent c : a.getClass().getRecordComponents()) {
                if (!c.getName().equals("id")
                        && !Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                    return false;
                }
            }
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot compare actions of " + a.getClass(), e);
        }
    }

    /** Tells the session a customer changed, so matching rules are re-evaluated (and cascades happen). */
    protected void changed(Customer c) {
        if (c == customer) {
            matchChanged = true;
        } else {
            matchChangedOther = true;
        }
        FactHandle h = c == customer ? handle : session.getFactHandle(c);
        if (h != null) {
            session.update(h, c);
        }
    }

    /**
     * Applies a person's decision on the stage of the customer being evaluated, before its rules run: STAGE_CHANGED
     * naming who decided (when the stage moves), and the stage kept there unless the event says not to.
     */
    void applyStageSet(StageSet e) {
        CustomerRecord c = record(customer);
        decidedBy("manual: stage set by " + e.by(), () -> {
            Stage from = c.getStage();
            if (c.setStageByPerson(e.stage(), now(), rule, e.pinned() ? e.by() : null)) {
                emit(new StageChanged(nextId("STAGE_CHANGED", c.getId()), now(), rule,
                        reason(reasons.say("manual.stageSet", e.by(), e.stage(), because(e.reason()),
                                e.pinned() ? reasons.say("manual.pinned") : "")),
                        c.getId(), from, e.stage()));
            }
            changed(c);
        });
    }

    /**
     * Applies a person's hand-over of the customer being evaluated, before its rules run: the desk moves the load
     * (when the assignment pack is on), and LEAD_REASSIGNED (LEAD_ASSIGNED for a lead without a rep) names who
     * decided. The rep chosen keeps the lead: the automatic reassignment leaves it alone from now on.
     */
    void applyOwnerSet(OwnerSet e) {
        CustomerRecord c = record(customer);
        String from = c.getOwnerId();
        long heldSince = c.ownerSinceMillis() == Times.NEVER ? now : c.ownerSinceMillis();
        c.ownerSetBy(e.by());
        if (e.repId().equals(from)) {
            changed(c);
            return; // already theirs: only kept there from now on
        }
        if (desk != null) {
            desk.handOver(c, e.repId(), now);
        } else {
            c.ownerId(e.repId());
            c.ownerSince(now);
        }
        decidedBy("manual: owner set by " + e.by(), () -> {
            String why = because(e.reason()) + reasons.say("manual.keptWith", e.repId());
            if (from == null) {
                emit(new LeadAssigned(nextId("LEAD_ASSIGNED", c.getId()), now(), rule,
                        reason(reasons.say("manual.gaveTo", e.by(), e.repId(), why)), c.getId(), e.repId(), "MANUAL",
                        List.of(e.repId())));
            } else {
                emit(new LeadReassigned(nextId("LEAD_REASSIGNED", c.getId()), now(), rule,
                        reason(reasons.say("manual.moved", e.by(), from, e.repId(), why)), c.getId(), e.repId(),
                        Math.max(0, (now - heldSince) / 60_000L)));
            }
            changed(c);
        });
    }

    /** Emits what a person decided under a rule name that says who, for the audit; the engine's name after. */
    private void decidedBy(String decision, Runnable apply) {
        String engine = rule;
        rule = decision;
        try {
            apply.run();
        } finally {
            rule = engine;
        }
    }

    /** @return ": " and a person's own words with personal data masked, or nothing */
    private String because(String reason) {
        return reason == null ? "" : reasons.say("manual.because", PersonalData.scrub(reason));
    }

    @Override
    public void changeStage(Customer c, Stage to, String reason) {
        if (c.isStageSetByPerson()) {
            return; // a person set this stage and keeps it there: only overruleStage moves it
        }
        overruleStage(c, to, reason);
    }

    @Override
    public void overruleStage(Customer c, Stage to, String reason) {
        Objects.requireNonNull(to, "to");
        Stage from = c.getStage();
        boolean wasSetByPerson = c.isStageSetByPerson();
        record(c, Part.STAGE).releaseStage();
        if (from == to) {
            if (wasSetByPerson) {
                changed(c); // the rules may move it again from now on
            }
            return;
        }
        record(c, Part.STAGE).moveTo(to, now(), rule);
        emit(new StageChanged(nextId("STAGE_CHANGED", c.getId()), now(), rule, reason(reason), c.getId(), from, to));
        changed(c);
    }

    @Override
    public void disqualifyLead(Customer c, String disqualifyCause, String reason) {
        Objects.requireNonNull(disqualifyCause, "cause");
        if (c.getStage() == Stage.DISQUALIFIED || c.isStageSetByPerson()) {
            return;
        }
        changeStage(c, Stage.DISQUALIFIED, reason);
        emit(new LeadDisqualified(nextId("LEAD_DISQUALIFIED", c.getId()), now(), rule, reason(reason), c.getId(),
                disqualifyCause));
    }

    @Override
    public void createTask(Customer c, TaskKind kind, Instant dueAt, String reason) {
        emit(new TaskCreated(nextId("TASK_CREATED", c.getId()), now(), rule, reason(reason), c.getId(),
                c.getOwnerId(), Objects.requireNonNull(kind, "kind"), dueAt == null ? now() : dueAt));
    }

    @Override
    public void warnChurn(Customer c, String churnCause, Level level, String reason) {
        if (record(c, Part.WARNINGS).openWarning(Objects.requireNonNull(churnCause, "cause"), Objects.requireNonNull(level, "level"))) {
            emit(new ChurnWarning(nextId("CHURN_WARNING", c.getId()), now(), rule, reason(reason), c.getId(),
                    churnCause, level));
            changed(c);
        }
    }

    @Override
    public void clearChurn(Customer c, String churnCause, String reason) {
        // read first: a call that changes nothing needs no checkpoint (record)
        if (c.hasWarning(Objects.requireNonNull(churnCause, "cause")) && record(c, Part.WARNINGS).closeWarning(churnCause)) {
            emit(new ChurnCleared(nextId("CHURN_CLEARED", c.getId()), now(), rule, reason(reason), c.getId(),
                    churnCause));
            changed(c);
        }
    }

    @Override
    public void requestMessage(Customer c, Channel channel, Template template, Map<String, String> params,
                               String reason) {
        emit(new MessageRequested(nextId("MESSAGE_REQUESTED", c.getId()), now(), rule, reason(reason), c.getId(),
                Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(template, "template"), params));
    }

    @Override
    public void addTag(Customer c, String tag, String reason) {
        if (!c.hasTag(tag) && record(c, Part.TAGS).addTag(tag)) { // read first: a tag already there needs no checkpoint
            emit(new TagAdded(nextId("TAG_ADDED", c.getId()), now(), rule, reason(reason), c.getId(), tag, null));
            changed(c);
        }
    }

    @Override
    public void removeTag(Customer c, String tag, String reason) {
        if (c.hasTag(tag) && record(c, Part.TAGS).removeTag(tag)) {
            emit(new TagRemoved(nextId("TAG_REMOVED", c.getId()), now(), rule, reason(reason), c.getId(), tag, null));
            changed(c);
        }
    }

    @Override
    public void scoreLead(Customer c, int score, String grade, int fit, int behaviour, String reason) {
        Objects.requireNonNull(grade, "grade");
        if (score == c.getScore() && grade.equals(c.getGrade())) {
            return;
        }
        record(c, Part.SCORE).setScore(score, grade);
        reportScore(c, fit, behaviour, reason);
    }

    @Override
    public void setScore(Customer c, int score, String grade) {
        Objects.requireNonNull(grade, "grade");
        if (score != c.getScore() || !grade.equals(c.getGrade())) {
            record(c, Part.SCORE).setScore(score, grade);
            changed(c);
        }
    }

    @Override
    public void reportScore(Customer c, int fit, int behaviour, String reason) {
        if (c.getGrade() == null) {
            return;
        }
        record(c, Part.SCORE).scoreReported(now);
        emit(new LeadScored(nextId("LEAD_SCORED", c.getId()), now(), rule, reason(reason), c.getId(), c.getScore(),
                c.getGrade(), fit, behaviour));
        changed(c);
    }

    @Override
    public void addBehaviourPoints(Customer c, String what, int count, int points) {
        Objects.requireNonNull(what, "what");
        if (points < 0) {
            throw new IllegalArgumentException("behaviour points must not be negative, got " + points + " for " + what);
        }
        if (points == 0 || !granted.add(rule + '|' + c.getId() + '|' + what)) {
            return;
        }
        record(c).addBehaviour(what, Math.max(count, 0), points, settings.scoring().halfLifeDays());
        changed(c);
    }

    @Override
    public void wakeAt(Customer c, Instant when) {
        if (when != null) {
            long t = when.toEpochMilli();
            if (t > now && t < wake) {
                wake = t;
            }
        }
    }

    @Override
    public void note(Customer c, String key) {
        if (record(c, Part.NOTES).note(Objects.requireNonNull(key, "key"))) {
            changed(c);
        }
    }

    @Override
    public void forget(Customer c, String key) {
        if (record(c, Part.NOTES).forget(Objects.requireNonNull(key, "key"))) {
            changed(c);
        }
    }

    @Override
    public void changeSegment(Customer c, dev.custflow.model.Segment segment, String reason) {
        Objects.requireNonNull(segment, "segment");
        if (c.getSegment() != segment) {
            record(c, Part.SEGMENT).segment(segment);
            emit(new dev.custflow.action.SegmentChanged(nextId("SEGMENT_CHANGED", c.getId()), now(), rule,
                    reason(reason), c.getId(), segment.name(),
                    new dev.custflow.action.Rfm(c.getRfmR(), c.getRfmF(), c.getRfmM())));
            changed(c);
        }
    }

    @Override
    public void rewardReferral(Customer referred, String referrerId, String reward, String reason) {
        emit(new dev.custflow.action.ReferralRewarded(nextId("REFERRAL_REWARDED", referred.getId()), now(), rule,
                reason(reason), Objects.requireNonNull(referrerId, "referrerId"), referred.getId(),
                Objects.requireNonNull(reward, "reward")));
    }

    @Override
    public void reverseReferral(Customer referred, String referrerId, String reward, String orderId, String reason) {
        emit(new dev.custflow.action.ReferralReversed(nextId("REFERRAL_REVERSED", referred.getId()), now(), rule,
                reason(reason), Objects.requireNonNull(referrerId, "referrerId"), referred.getId(),
                Objects.requireNonNull(reward, "reward"), Objects.requireNonNull(orderId, "orderId")));
    }

    @Override
    public void recordReferrer(Customer c, String referrerId) {
        Objects.requireNonNull(referrerId, "referrerId");
        if (!referrerId.equals(c.getReferrerId())) {
            record(c).referrerId(referrerId);
            changed(c);
        }
    }

    @Override
    public void reportUnknownReferralCode(Customer c, String code, String suggestion, String reason) {
        emit(new dev.custflow.action.ReferralCodeUnknown(nextId("REFERRAL_CODE_UNKNOWN", c.getId()), now(), rule,
                reason(reason), c.getId(), PersonalData.scrub(Objects.requireNonNull(code, "code")),
                PersonalData.scrub(suggestion)));
    }

    @Override
    public void createOpportunity(Customer c, String reason) {
        if (c.getOpenOpportunityId() != null) {
            return;
        }
        String opportunityId = "OPP-" + c.getId() + "-" + (c.getOpportunitiesWon() + c.getOpportunitiesLost() + 1);
        record(c).openOpportunity(opportunityId);
        BigDecimal amount = c.getBantAmount();
        emit(new OpportunityCreated(nextId("OPPORTUNITY_CREATED", c.getId()), now(), rule, reason(reason), c.getId(),
                opportunityId, c.getOwnerId(), c.getChannel(), amount == null || amount.signum() == 0 ? null : amount,
                c.getScore(), c.getCreatedAt(), c.getInteractionCount()));
        changed(c);
    }

    @Override
    public void mergeLeads(Customer survivor, dev.custflow.rules.DuplicateLead d, String reason) {
        emit(new LeadsMerged(nextId("LEADS_MERGED", survivor.getId()), now(), rule, reason(reason), survivor.getId(),
                d.mergedId(), d.matchedOn()));
    }

    @Override
    public void linkAccount(Customer lead, dev.custflow.rules.AccountLink link, String reason) {
        emit(new AccountLinked(nextId("ACCOUNT_LINKED", lead.getId()), now(), rule, reason(reason), lead.getId(),
                link.accountKey(), link.contactCount(), link.customerCount(), link.accountOwnerId()));
    }

    @Override
    public void assignLead(Customer lead, String reason) {
        if (lead.getOwnerId() != null) {
            return;
        }
        AssignmentDesk.Choice c = desk().assign(record(lead), now);
        if (c != null) {
            emit(new LeadAssigned(nextId("LEAD_ASSIGNED", lead.getId()), now(), rule,
                    reasons.say("assignment.withDesk", reason(reason), c.explanation()), lead.getId(), c.repId(),
                    c.route().strategy().name(),
                    c.candidates()));
            changed(lead);
        } else if (desk.joinedLine()) {
            AssignmentDesk.Wait w = desk.whyWaiting(lead);
            emit(new LeadWaiting(nextId("LEAD_WAITING", lead.getId()), now(), rule,
                    reasons.say("assignment.waiting", reason(reason), w.explanation()), lead.getId(), w.route()));
        }
    }

    @Override
    public void loseLead(Customer c, dev.custflow.event.LeadLost lost, String reason) {
        Objects.requireNonNull(lost, "lost");
        if (c.getStage() == Stage.LOST) {
            return;
        }
        overruleStage(c, Stage.LOST, reason); // the sales team's decision is newer than any stage a person set
        emit(new LeadClosed(nextId("LEAD_CLOSED", c.getId()), now(), rule, reason(reason), c.getId(), c.getOwnerId(),
                lost.reason(), lost.note() == null ? null : reason(lost.note())));
    }

    @Override
    public void recycleLead(Customer c, String reason) {
        if (c.getStage() == Stage.NURTURE || c.isStageSetByPerson()) {
            return; // a person's stage is kept: the lead is not recycled behind their back
        }
        int idle = c.getDaysWithoutEngagement(); // before the stage change restarts the count
        changeStage(c, Stage.NURTURE, reason);
        emit(new LeadRecycled(nextId("LEAD_RECYCLED", c.getId()), now(), rule, reason(reason), c.getId(),
                c.getOwnerId(), idle));
    }

    @Override
    public void escalateSla(Customer lead, dev.custflow.rules.SlaBreach b, String reason) {
        emit(new SlaEscalated(nextId("SLA_ESCALATED", lead.getId()), now(), rule, reason(reason), lead.getId(),
                b.repId(), b.minutesWaited()));
    }

    @Override
    public void reassignLead(Customer lead, dev.custflow.rules.SlaBreach b, String reason) {
        AssignmentDesk.Choice c = desk().reassign(record(lead), now);
        if (c != null) {
            emit(new LeadReassigned(nextId("LEAD_REASSIGNED", lead.getId()), now(), rule,
                    reasons.say("assignment.withDesk", reason(reason), c.explanation()), lead.getId(), c.repId(),
                    b.minutesWaited()));
            changed(lead);
        }
    }

    @Override
    public void requestInvoice(Customer c, OpenOrder o, String reason) {
        orders.invoice(c, o, reason);
    }

    @Override
    public void requestStockCheck(Customer c, OpenOrder o, String reason) {
        orders.stockCheck(c, o, reason);
    }

    @Override
    public void requestProduction(Customer c, OpenOrder o, List<OrderItem> lines, String reason) {
        orders.production(c, o, lines, reason);
    }

    @Override
    public void requestPurchase(Customer c, OpenOrder o, List<OrderItem> lines, String reason) {
        orders.purchase(c, o, lines, reason);
    }

    @Override
    public void requestShipment(Customer c, OpenOrder o, String reason) {
        orders.shipment(c, o, reason);
    }

    @Override
    public void reportLateDelivery(Customer c, OpenOrder o, int daysLate, String reason) {
        orders.late(c, o, daysLate, reason);
    }

    @Override
    public void createTaskFor(Customer c, String repId, TaskKind kind, Instant dueAt, String reason) {
        orders.taskFor(c, repId, kind, dueAt, reason);
    }

    @Override
    public void noteOverdue(Customer c, OpenOrder o, int daysOverdue) {
        orders.overdue(c, o, daysOverdue);
    }

    CustomerRecord recordOf(Customer c) {
        return record(c);
    }

    /** @return the record, before a change that may touch any part of it */
    private CustomerRecord record(Customer c) {
        return record(c, Part.ANY);
    }

    /**
     * Every customer a rule sees is the engine's own record: the rule-facing type is read-only, so the changes an
     * action makes go through the record. A user's rule that changes the customer being evaluated has the part it
     * changes saved first, so that a failure of the firing puts it back ({@link #dropFiring}).
     *
     * @param part what the caller is about to change; {@link Part#ANY} when it may be more than one part
     */
    private CustomerRecord record(Customer c, Part part) {
        CustomerRecord r = (CustomerRecord) c;
        if (guardFiring && c == customer) {
            undo.before(r, part);
        }
        return r;
    }

    private AssignmentDesk desk() {
        if (desk == null) {
            throw new IllegalStateException("lead assignment is off: switch the assignment pack on to assign leads");
        }
        return desk;
    }
}
