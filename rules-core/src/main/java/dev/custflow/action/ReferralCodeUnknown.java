package dev.custflow.action;

import java.time.Instant;

/**
 * A lead or profile came with a referral code that was never issued (no ReferralCodeIssued, and not one of the
 * engine's own codes): nobody is credited for it until someone fixes it. The host shows it to whoever can ask the
 * customer or correct the code. JSON type {@code REFERRAL_CODE_UNKNOWN}.
 *
 * @param id         stable action id
 * @param at         when the engine decided it
 * @param rule       the rule that decided it
 * @param reason     why, in words a sales manager understands
 * @param customerId the lead or customer who gave the code
 * @param code       the code as given (phone numbers and e-mail addresses in it masked)
 * @param suggestion an issued code it is a near miss of (a typo), or null
 */
public record ReferralCodeUnknown(String id, Instant at, String rule, String reason, String customerId, String code,
                                  String suggestion) implements Action {

    @Override
    public String type() {
        return "REFERRAL_CODE_UNKNOWN";
    }
}
