package dev.custflow.rules;

import dev.custflow.model.Channel;
import dev.custflow.model.Level;
import dev.custflow.action.TaskKind;
import dev.custflow.action.Template;
import dev.custflow.model.ChurnCause;
import dev.custflow.model.Customer;
import dev.custflow.model.OpenOrder;
import dev.custflow.model.OrderItem;
import dev.custflow.model.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The action builders a rule calls, through the global {@code actions}. Each call emits one
 * action (docs/events.md) stamped with the firing rule's name, the engine's clock and a stable id, and
 * changes the fact model where the action implies it (a stage change moves the customer).
 *
 * <p>Every builder takes a {@code reason}: one sentence a sales manager understands, saying what
 * was seen and which threshold was met ("no order for 181 days; the dormancy period is 180 days").
 */
public interface Actions {

    /**
     * Moves the customer to another stage, records it in the stage history and emits STAGE_CHANGED.
     * The rules that match the customer are re-evaluated at once, so transitions can cascade. Nothing happens while
     * a person keeps the stage where they set it ({@link Customer#isStageSetByPerson()}; see {@link #overruleStage}).
     *
     * @param customer the customer
     * @param to       the new stage
     * @param reason   why
     */
    void changeStage(Customer customer, Stage to, String reason);

    /**
     * Moves the customer to another stage even when a person set the current one by hand ({@code StageSet}):
     * {@link #changeStage} leaves such a stage alone, so a rule that must overrule a person says so with this call.
     * The stage is the rules' again afterwards.
     *
     * @param customer the customer
     * @param to       the new stage
     * @param reason   why the person's decision no longer holds
     */
    void overruleStage(Customer customer, Stage to, String reason);

    /**
     * Sets a lead aside: moves it to DISQUALIFIED (STAGE_CHANGED, recorded in the stage history) and emits
     * LEAD_DISQUALIFIED with the cause. Nothing happens if it is already DISQUALIFIED.
     *
     * @param customer the lead
     * @param cause    a stable name of the cause a host can act on, e.g. {@code NO_CONTACT}
     * @param reason   why, naming what was seen, e.g. {@code no way to contact: phone '12345' is not a valid
     *                 phone number (...); no e-mail}
     */
    void disqualifyLead(Customer customer, String cause, String reason);

    /**
     * Emits TASK_CREATED for the customer's owner.
     *
     * @param customer the customer
     * @param kind     what kind of task
     * @param dueAt    when it is due
     * @param reason   why
     */
    void createTask(Customer customer, TaskKind kind, Instant dueAt, String reason);

    /**
     * Opens a churn warning and emits CHURN_WARNING, unless one is already open for the cause: a
     * customer has at most one open warning per cause, until {@link #clearChurn} closes it.
     *
     * @param customer the customer
     * @param cause    a stable name of the cause, e.g. {@code NO_ORDER} (the built-in ones are {@link ChurnCause})
     * @param level    LOW, MEDIUM or HIGH
     * @param reason   why
     */
    void warnChurn(Customer customer, String cause, Level level, String reason);

    /**
     * Opens a churn warning of a built-in cause: {@link #warnChurn(Customer, String, Level, String)} with the
     * cause's name.
     *
     * @param customer the customer
     * @param cause    the cause
     * @param level    LOW, MEDIUM or HIGH
     * @param reason   why
     */
    default void warnChurn(Customer customer, ChurnCause cause, Level level, String reason) {
        warnChurn(customer, cause.name(), level, reason);
    }

    /**
     * Closes the open churn warning of a cause and emits CHURN_CLEARED; nothing happens if none is
     * open. The same cause may warn again later.
     *
     * @param customer the customer
     * @param cause    the cause
     * @param reason   why the cause went away
     */
    void clearChurn(Customer customer, String cause, String reason);

    /**
     * Closes the open churn warning of a built-in cause: {@link #clearChurn(Customer, String, String)} with the
     * cause's name.
     *
     * @param customer the customer
     * @param cause    the cause
     * @param reason   why the cause went away
     */
    default void clearChurn(Customer customer, ChurnCause cause, String reason) {
        clearChurn(customer, cause.name(), reason);
    }

    /**
     * Emits MESSAGE_REQUESTED.
     *
     * @param customer the customer
     * @param channel  how to reach the customer
     * @param template which message
     * @param params   template parameters (may be empty)
     * @param reason   why
     */
    void requestMessage(Customer customer, Channel channel, Template template, Map<String, String> params,
                        String reason);

    /**
     * Puts a tag on the customer and emits TAG_ADDED; nothing happens if the tag is already there.
     *
     * @param customer the customer
     * @param tag      the tag
     * @param reason   why
     */
    void addTag(Customer customer, String tag, String reason);

    /**
     * Takes a tag off the customer and emits TAG_REMOVED; nothing happens if the tag is not there.
     *
     * @param customer the customer
     * @param tag      the tag
     * @param reason   why
     */
    void removeTag(Customer customer, String tag, String reason);

    /**
     * Sets the lead's exact score and grade without telling sales: the profile follows every point (the MQL test
     * and the nurture pool read it), {@link #reportScore} says when a change is news. No action is emitted.
     *
     * @param customer the lead
     * @param score    the score, 0-100
     * @param grade    the grade, A-D
     */
    void setScore(Customer customer, int score, String grade);

    /**
     * Tells sales the lead's current score and grade: emits LEAD_SCORED and remembers them as reported (and when),
     * for the scoring pack's step and quiet period. Nothing happens for a lead never scored.
     *
     * @param customer  the lead
     * @param fit       the fit points in its score (profile)
     * @param behaviour the behaviour points in it (engagement, decayed)
     * @param reason    what changed since the last report, and the points and where they come from
     */
    void reportScore(Customer customer, int fit, int behaviour, String reason);

    /**
     * Sets the lead's score and grade and reports them at once (LEAD_SCORED), for rules of one's own that score
     * leads their way; nothing happens if neither changed. The scoring pack uses {@link #setScore} and
     * {@link #reportScore}, which report less often.
     *
     * @param customer  the lead
     * @param score     the score, 0-100
     * @param grade     the grade, A-D
     * @param fit       the fit points in it (profile)
     * @param behaviour the behaviour points in it (engagement, decayed)
     * @param reason    why: the points and where they come from
     */
    void scoreLead(Customer customer, int score, String grade, int fit, int behaviour, String reason);

    /**
     * Gives the customer behaviour points: they join its running total, which halves every
     * {@code settings.scoring.halfLifeDays}, and the scoring pack turns the total into a score. No
     * action is emitted. A rule grants the same {@code what} once per evaluation, however often it
     * re-fires (a stage change re-matches it), so points are counted once per event.
     *
     * @param customer the customer
     * @param what     what earned them, shown in the score's reason, e.g. {@code page view}
     * @param count    how many of {@code what} (for the reason)
     * @param points   the points, at least 0
     */
    void addBehaviourPoints(Customer customer, String what, int count, int points);

    /**
     * Remembers that something was done for the customer, so that a trigger fires once per cause:
     * a rule tests {@code !noted("ONBOARDING")} and calls {@code actions.note($c, "ONBOARDING")}. No
     * action is emitted.
     *
     * @param customer the customer
     * @param key      what was done, e.g. {@code ONBOARDING} or {@code CROSS_SELL:A>B}
     */
    void note(Customer customer, String key);

    /**
     * Forgets a note, so the trigger may fire again (for example a win-back after the next order).
     *
     * @param customer the customer
     * @param key      what was done
     */
    void forget(Customer customer, String key);

    /**
     * Moves the customer to an RFM segment and emits SEGMENT_CHANGED with its scores; nothing happens
     * if it is already in that segment.
     *
     * @param customer the customer
     * @param segment  the segment
     * @param reason   why
     */
    void changeSegment(Customer customer, dev.custflow.model.Segment segment, String reason);

    /**
     * Credits a referrer for the customer it brought: emits REFERRAL_REWARDED (the host books the
     * reward), and the engine counts it on the referrer's profile ({@code referralsRewarded}) and evaluates the
     * referrer again right after. A referrer with no profile is not created: the action goes out, and its audit entry
     * notes that nothing was counted. A firing that fails counts nothing.
     *
     * @param referred   the new customer
     * @param referrerId the customer whose code it came with
     * @param reward     what is credited, e.g. {@code 100 points}
     * @param reason     why
     */
    void rewardReferral(Customer referred, String referrerId, String reward, String reason);

    /**
     * Takes back a referrer's credit when the order that earned it no longer counts: emits REFERRAL_REVERSED (the
     * host takes back what it booked), and the engine takes one off the referrer's {@code referralsRewarded} (never
     * below 0) and evaluates the referrer again; a stage the referral earned is not taken back.
     *
     * @param referred   the referred customer, whose order was cancelled or returned
     * @param referrerId the customer who was credited
     * @param reward     what is taken back, e.g. {@code 100 points}
     * @param orderId    the order cancelled or returned
     * @param reason     why
     */
    void reverseReferral(Customer referred, String referrerId, String reward, String orderId, String reason);

    /**
     * Records who referred the customer, from a referral code a host issued ({@link ReferralCodeCheck}), so that its
     * first order credits them ({@code Customer.getReferrerId()}). No action is emitted.
     *
     * @param customer   the referred lead or customer
     * @param referrerId the customer the code was issued to
     */
    void recordReferrer(Customer customer, String referrerId);

    /**
     * Reports a referral code nobody was issued: emits REFERRAL_CODE_UNKNOWN with the code (phone numbers and e-mail
     * addresses in it masked) and the issued code it is a near miss of, if any.
     *
     * @param customer   the lead or customer who gave the code
     * @param code       the code as given
     * @param suggestion an issued code it is a near miss of, or null
     * @param reason     why
     */
    void reportUnknownReferralCode(Customer customer, String code, String suggestion, String reason);

    /**
     * Converts a qualified lead into an opportunity in one step: opens {@code OPP-<id>-<n>} on the
     * profile and emits OPPORTUNITY_CREATED with the lead's channel, confirmed budget, score, age and
     * interactions. Does nothing while the customer has an open opportunity.
     *
     * @param customer the lead
     * @param reason   why
     */
    void createOpportunity(Customer customer, String reason);

    /**
     * Reports a duplicate lead merged into the survivor (the engine has already folded it in): emits
     * LEADS_MERGED naming what matched.
     *
     * @param survivor  the record that stays
     * @param duplicate the merge, from the {@link DuplicateLead} fact
     * @param reason    why
     */
    void mergeLeads(Customer survivor, DuplicateLead duplicate, String reason);

    /**
     * Reports a lead listed under the account of a company with other known contacts (the engine has already listed
     * it): emits ACCOUNT_LINKED with the account key, its contacts and how many of them buy.
     *
     * @param lead   the lead's record
     * @param link   the link, from the {@link AccountLink} fact
     * @param reason why
     */
    void linkAccount(Customer lead, AccountLink link, String reason);

    /**
     * Gives a lead a rep by the routing table ({@code settings.assignment.routes}): the first route that applies
     * and has an available rep below capacity picks one, the lead's owner is set and LEAD_ASSIGNED lists the
     * candidates and why the chosen rep won. When no rep can take it, the lead waits and is offered again when
     * capacity frees up. Only while the engine hands out leads (an {@link AssignmentDue} or {@link SlaBreach}
     * fact is present); elsewhere it fails, because assignment must see every rep's load in stream order.
     *
     * @param lead   the lead
     * @param reason why it is assigned now (the routing's explanation is added)
     */
    void assignLead(Customer lead, String reason);

    /**
     * Tells the team lead that a rep has not responded to an assigned lead in time: emits SLA_ESCALATED.
     *
     * @param lead   the lead
     * @param breach the breach, from the {@link SlaBreach} fact
     * @param reason why
     */
    void escalateSla(Customer lead, SlaBreach breach, String reason);

    /**
     * Takes a lead from a rep who did not respond and gives it to the next candidate of its route (available,
     * below capacity, not tried before for this lead): emits LEAD_REASSIGNED and starts a new response window.
     * Does nothing when no other rep can take it, or the lead was reassigned {@code maxReassignments} times already
     * (the escalation stands).
     *
     * @param lead   the lead
     * @param breach the second breach, from the {@link SlaBreach} fact
     * @param reason why
     */
    void reassignLead(Customer lead, SlaBreach breach, String reason);

    /**
     * Closes an open lead as lost, on the host's word (a {@code LeadLost} event): moves it to LOST (STAGE_CHANGED,
     * recorded in the stage history) and emits LEAD_CLOSED with the reason code, the rep who had it and the note
     * (masked). Its rep's load is freed. Nothing happens if it is LOST already.
     *
     * @param lead   the lead
     * @param lost   the event, for its reason code and note
     * @param reason why, in words a sales manager understands
     */
    void loseLead(Customer lead, dev.custflow.event.LeadLost lost, String reason);

    /**
     * Recycles a lead that has gone quiet to marketing: moves it to NURTURE (STAGE_CHANGED) and emits LEAD_RECYCLED
     * with the rep who had it and the days without engagement. Its rep's load is freed; it keeps its rep, who gets
     * it back when it engages again. Nothing happens if it is in NURTURE already.
     *
     * @param lead   the lead
     * @param reason why
     */
    void recycleLead(Customer lead, String reason);

    // ---------------------------------------------------------------- fulfilment (orders and payments)

    /**
     * Asks finance to invoice an order: emits INVOICE_REQUESTED and remembers when, so payment terms count from
     * now ({@link OpenOrder#paymentDueDate}). Nothing happens if the order was invoiced already.
     *
     * @param customer the customer
     * @param order    one of the customer's tracked orders
     * @param reason   why, for people
     */
    void requestInvoice(Customer customer, OpenOrder order, String reason);

    /**
     * Asks the warehouse to check stock for an order: emits STOCK_CHECK_REQUESTED.
     *
     * @param customer the customer
     * @param order    the order
     * @param reason   why, for people
     */
    void requestStockCheck(Customer customer, OpenOrder order, String reason);

    /**
     * Asks production to make what an order lacks: emits PRODUCTION_REQUESTED with the lines to make.
     *
     * @param customer the customer
     * @param order    the order
     * @param lines    the lines to make (sku and quantity)
     * @param reason   why, for people
     */
    void requestProduction(Customer customer, OpenOrder order, List<OrderItem> lines, String reason);

    /**
     * Asks purchasing to buy what an order lacks: emits PURCHASE_REQUESTED with the lines to buy.
     *
     * @param customer the customer
     * @param order    the order
     * @param lines    the lines to buy (sku and quantity)
     * @param reason   why, for people
     */
    void requestPurchase(Customer customer, OpenOrder order, List<OrderItem> lines, String reason);

    /**
     * Asks the warehouse to ship an order: emits SHIPMENT_REQUESTED.
     *
     * @param customer the customer
     * @param order    the order
     * @param reason   why, for people
     */
    void requestShipment(Customer customer, OpenOrder order, String reason);

    /**
     * Reports an order past its promised date: emits DELIVERY_LATE and remembers the days late reported
     * ({@link OpenOrder#getLateNoticeDays()}), so the next report waits for the cadence.
     *
     * @param customer the customer
     * @param order    the order
     * @param daysLate whole days past the promised date
     * @param reason   why, for people
     */
    void reportLateDelivery(Customer customer, OpenOrder order, int daysLate, String reason);

    /**
     * Emits TASK_CREATED for a named rep or team rather than the owner (finance, for instance). Nothing happens when
     * {@code repId} is null.
     *
     * @param customer the customer
     * @param repId    who should do it
     * @param kind     what kind of task
     * @param dueAt    when it is due (now when null)
     * @param reason   why, for people
     */
    void createTaskFor(Customer customer, String repId, TaskKind kind, Instant dueAt, String reason);

    /**
     * Remembers that an overdue invoice was chased at this many days overdue
     * ({@link OpenOrder#getOverdueNoticeDays()}), so the next reminder waits for the cadence. No action is emitted.
     *
     * @param customer    the customer
     * @param order       the order
     * @param daysOverdue whole days past the payment due date
     */
    void noteOverdue(Customer customer, OpenOrder order, int daysOverdue);
}
