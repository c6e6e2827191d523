package dev.custflow.rules;

import dev.custflow.action.Channel;
import dev.custflow.action.Level;
import dev.custflow.action.TaskKind;
import dev.custflow.action.Template;
import dev.custflow.model.Customer;
import dev.custflow.model.Stage;
import java.time.Instant;
import java.util.Map;

/**
 * The action builders a rule calls, through the global {@code actions}. Each call emits one
 * action (EVENTS.md) stamped with the firing rule's name, the engine's clock and a stable id, and
 * changes the fact model where the action implies it (a stage change moves the customer).
 *
 * <p>Every builder takes a {@code reason}: one sentence a sales manager understands, saying what
 * was seen and which threshold was met ("no order for 181 days; the dormancy period is 180 days").
 */
public interface Actions {

    /**
     * Moves the customer to another stage, records it in the stage history and emits STAGE_CHANGED.
     * The rules that match the customer are re-evaluated at once, so transitions can cascade.
     *
     * @param customer the customer
     * @param to       the new stage
     * @param reason   why
     */
    void changeStage(Customer customer, Stage to, String reason);

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
     * @param cause    a stable name of the cause, e.g. {@code NO_ORDER}
     * @param level    LOW, MEDIUM or HIGH
     * @param reason   why
     */
    void warnChurn(Customer customer, String cause, Level level, String reason);

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
     * Sets the lead's score and grade and emits LEAD_SCORED; nothing happens if neither changed.
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
     * reward).
     *
     * @param referred   the new customer
     * @param referrerId the customer whose code it came with
     * @param reward     what is credited, e.g. {@code 100 points}
     * @param reason     why
     */
    void rewardReferral(Customer referred, String referrerId, String reward, String reason);

    /**
     * Converts a qualified lead into an opportunity in one step: opens {@code OPP-<id>-<n>} on the
     * profile and emits OPPORTUNITY_CREATED with the lead's channel, confirmed budget, score, age and
     * interactions. Does nothing while the customer has an open opportunity.
     *
     * @param customer the lead
     * @param reason   why
     */
    void createOpportunity(Customer customer, String reason);
}
