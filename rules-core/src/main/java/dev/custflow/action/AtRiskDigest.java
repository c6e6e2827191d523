package dev.custflow.action;

import dev.custflow.model.Level;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * The weekly list of one rep's customers with open churn warnings, highest risk first. JSON type
 * {@code AT_RISK_DIGEST}.
 *
 * @param id        stable action id
 * @param at        when the engine saw the weekly digest time pass (the id names the digest time itself)
 * @param rule      the rule that decided it
 * @param reason    why, in words a sales manager understands
 * @param repId     the rep (owner) the digest is for; null for customers without an owner
 * @param total     how many of the rep's customers are at risk (the list may be shorter)
 * @param customers the at-risk customers, highest risk first
 */
public record AtRiskDigest(String id, Instant at, String rule, String reason, String repId, int total,
                           List<AtRisk> customers) implements Action {

    /** Copies the list. */
    public AtRiskDigest {
        customers = List.copyOf(customers);
    }

    /**
     * One at-risk customer in a digest.
     *
     * @param customerId         the customer
     * @param level              the highest level of its open warnings
     * @param causes             the causes of its open warnings
     * @param daysSinceLastOrder days since its last order
     */
    public record AtRisk(String customerId, Level level, List<String> causes, int daysSinceLastOrder) {
        /** Copies the list. */
        public AtRisk {
            causes = List.copyOf(causes);
        }
    }

    @Override
    @JsonIgnore
    public String customerId() {
        return null; // about a rep's customers, not one customer
    }

    @Override
    public String type() {
        return "AT_RISK_DIGEST";
    }
}
