package dev.custflow.action;

import java.time.Instant;

/**
 * A lead went back to marketing (stage NURTURE) after {@code leads.recycleAfterDays} without engagement: it no
 * longer counts toward its rep's load, and it becomes a LEAD again, with the same rep, when it engages. JSON type
 * {@code LEAD_RECYCLED}.
 *
 * @param id         stable action id
 * @param at         when the engine decided it
 * @param rule       the rule that decided it
 * @param reason     why, in words a sales manager understands
 * @param customerId the lead
 * @param repId      the rep who had it, or null when it never had one
 * @param idleDays   whole days since its last engagement
 */
public record LeadRecycled(String id, Instant at, String rule, String reason, String customerId, String repId,
                           int idleDays) implements Action {

    @Override
    public String type() {
        return "LEAD_RECYCLED";
    }
}
