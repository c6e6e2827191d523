package dev.custflow.action;

import java.time.Instant;

/**
 * A referrer's credit is taken back: the referred customer's order that earned it was cancelled or returned and
 * no other order of theirs counts. JSON type {@code REFERRAL_REVERSED}; the host takes back what it booked for the
 * {@link ReferralRewarded} of the same referrer and referred customer.
 *
 * @param id         stable action id
 * @param at         when the engine decided it
 * @param rule       the rule that decided it
 * @param reason     why, in words a sales manager understands
 * @param referrerId who referred, and loses the credit
 * @param referredId who was referred
 * @param reward     what is taken back (the reward in force, as credited)
 * @param orderId    the order cancelled or returned
 */
public record ReferralReversed(String id, Instant at, String rule, String reason, String referrerId,
                               String referredId, String reward, String orderId) implements Action {

    @Override
    public String customerId() {
        return referrerId;
    }

    @Override
    public String type() {
        return "REFERRAL_REVERSED";
    }
}
