package dev.custflow.action;

import java.time.Instant;

/**
 * A new lead was not contacted within the first-response time; the team lead is told. JSON type {@code SLA_ESCALATED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the lead
 * @param repId the rep who missed it
 * @param minutesLate working minutes (on the rep's calendar) the lead has waited since it was assigned, without a
 *                    response
 */
public record SlaEscalated(String id, Instant at, String rule, String reason, String customerId, String repId, long minutesLate) implements Action {

    @Override
    public String type() {
        return "SLA_ESCALATED";
    }
}
