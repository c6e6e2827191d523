package dev.custflow.action;

import java.time.Instant;

/**
 * A lead was reassigned after a second missed response window. JSON type {@code LEAD_REASSIGNED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the lead
 * @param repId the new rep
 * @param minutesLate working minutes (on that rep's calendar) the lead has waited since it was assigned to the rep
 *                    who missed it
 */
public record LeadReassigned(String id, Instant at, String rule, String reason, String customerId, String repId, long minutesLate) implements Action {

    @Override
    public String type() {
        return "LEAD_REASSIGNED";
    }
}
