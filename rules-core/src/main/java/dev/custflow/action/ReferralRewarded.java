package dev.custflow.action;

import java.time.Instant;

/**
 * A referrer is credited for a referred customer's first order. JSON type {@code REFERRAL_REWARDED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param referrerId who referred
 * @param referredId who was referred
 * @param reward what to credit
 */
public record ReferralRewarded(String id, Instant at, String rule, String reason, String referrerId, String referredId, String reward) implements Action {

    @Override
    public String customerId() {
        return referrerId;
    }

    @Override
    public String type() {
        return "REFERRAL_REWARDED";
    }
}
