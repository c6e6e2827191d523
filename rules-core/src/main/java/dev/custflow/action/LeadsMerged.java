package dev.custflow.action;

import java.time.Instant;
import java.util.List;

/**
 * A duplicate lead was merged into the earliest record. JSON type {@code LEADS_MERGED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param survivorId the record that stays
 * @param mergedId the record merged into it
 * @param matchedOn what matched: PHONE, EMAIL, NAME_COMPANY (the same name at the same account)
 */
public record LeadsMerged(String id, Instant at, String rule, String reason, String survivorId, String mergedId, List<String> matchedOn) implements Action {

    /** Copies collections so the action stays immutable. */
    public LeadsMerged {
        matchedOn = matchedOn == null ? List.of() : List.copyOf(matchedOn);
    }

    @Override
    public String customerId() {
        return survivorId;
    }

    @Override
    public String type() {
        return "LEADS_MERGED";
    }
}
