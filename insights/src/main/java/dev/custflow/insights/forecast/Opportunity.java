package dev.custflow.insights.forecast;

import dev.custflow.action.OpportunityCreated;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.model.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An opportunity as the pipeline forecast sees it: what was known when it was created, and how it closed, if it has.
 *
 * @param id           the opportunity
 * @param customerId   the customer
 * @param createdAt    when it was created
 * @param amount       the amount expected when it was created (the budget confirmed), or null when none was given
 * @param score        the lead score when it was created
 * @param channel      the channel the lead came from, or null when unknown
 * @param leadSince    when the lead was captured, or null
 * @param interactions the interactions logged with the lead before it was created
 * @param outcome      WON or LOST once closed; null while open
 * @param closedAmount the amount it closed with (for a won one, the revenue); null while open
 * @param closedAt     when it closed; null while open
 */
public record Opportunity(String id, String customerId, Instant createdAt, BigDecimal amount, int score,
                          String channel, Instant leadSince, int interactions, Outcome outcome,
                          BigDecimal closedAmount, Instant closedAt) {
    /** Checks the required fields, that an amount is not negative, and that a closing has an outcome and a time. */
    public Opportunity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (amount != null && amount.signum() < 0) {
            throw new IllegalArgumentException("the opportunity " + id + " has a negative amount (" + amount + ")");
        }
        if ((outcome == null) != (closedAt == null)) {
            throw new IllegalArgumentException("the opportunity " + id + " has " + (outcome == null
                    ? "a closing time but no outcome" : "an outcome but no closing time") + "; give both or neither");
        }
        if (closedAt != null && closedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("the opportunity " + id + " closed (" + closedAt
                    + ") before it was created (" + createdAt + ")");
        }
        if (closedAmount != null && closedAmount.signum() < 0) {
            throw new IllegalArgumentException("the opportunity " + id + " closed with a negative amount ("
                    + closedAmount + ")");
        }
    }

    /**
     * @param id         the opportunity
     * @param customerId the customer
     * @param createdAt  when it was created
     * @param amount     the amount expected, or null
     * @param score      the lead score at creation
     * @param channel    the lead's channel, or null
     * @return an open opportunity, without lead age or interactions
     */
    public static Opportunity open(String id, String customerId, Instant createdAt, BigDecimal amount, int score,
                                   String channel) {
        return new Opportunity(id, customerId, createdAt, amount, score, channel, null, 0, null, null, null);
    }

    /**
     * @param created the engine's action
     * @return the open opportunity it created
     */
    public static Opportunity of(OpportunityCreated created) {
        return new Opportunity(created.opportunityId(), created.customerId(), created.at(), created.amount(),
                created.score(), created.channel(), created.leadSince(), created.interactions(), null, null, null);
    }

    /**
     * @param outcome won or lost
     * @param amount  the amount it closed with (for a won one, the revenue), or null
     * @param at      when
     * @return this opportunity, closed
     */
    public Opportunity closed(Outcome outcome, BigDecimal amount, Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        return new Opportunity(id, customerId, createdAt, this.amount, score, channel, leadSince, interactions,
                outcome, amount, at);
    }

    /**
     * @param event the closing event (matched to this opportunity by the caller)
     * @return this opportunity, closed as the event says
     */
    public Opportunity closedBy(OpportunityClosed event) {
        return closed(event.outcome(), event.amount(), event.at());
    }

    /** @param at a moment @return whether it was created by then and not yet closed */
    public boolean isOpenAt(Instant at) {
        return !createdAt.isAfter(at) && (closedAt == null || closedAt.isAfter(at));
    }

    /** @param at a moment @return whether it had closed by then (at or before) */
    public boolean closedBy(Instant at) {
        return closedAt != null && !closedAt.isAfter(at);
    }

    /** @return the revenue it brought: the closing amount of a won opportunity (or its expected one), else zero */
    public BigDecimal wonAmount() {
        if (outcome != Outcome.WON) {
            return BigDecimal.ZERO;
        }
        return closedAmount != null ? closedAmount : amount != null ? amount : BigDecimal.ZERO;
    }
}
