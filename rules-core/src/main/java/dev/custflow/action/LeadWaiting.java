package dev.custflow.action;

import java.time.Instant;

/**
 * A new lead found no rep with room on any route that applies to it: it waits, and is offered again, oldest
 * first, as soon as capacity frees up (LEAD_ASSIGNED then). JSON type {@code LEAD_WAITING}.
 *
 * @param id         stable action id
 * @param at         when the engine decided it
 * @param rule       the rule that decided it
 * @param reason     why, naming the reps that are away or full
 * @param customerId the lead
 * @param route      the first route of the routing table that applies to the lead, or null when none applies
 */
public record LeadWaiting(String id, Instant at, String rule, String reason, String customerId, String route)
        implements Action {

    @Override
    public String type() {
        return "LEAD_WAITING";
    }
}
