package dev.custflow.action;

import java.time.Instant;
import java.util.List;

/**
 * A lead was assigned to a rep, with the candidates considered. JSON type {@code LEAD_ASSIGNED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the lead
 * @param repId the chosen rep
 * @param strategy the routing strategy used
 * @param candidates the reps considered, best first
 */
public record LeadAssigned(String id, Instant at, String rule, String reason, String customerId, String repId, String strategy, List<String> candidates) implements Action {

    /** Copies collections so the action stays immutable. */
    public LeadAssigned {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    @Override
    public String type() {
        return "LEAD_ASSIGNED";
    }
}
