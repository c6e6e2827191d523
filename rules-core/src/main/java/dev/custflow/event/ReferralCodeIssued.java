package dev.custflow.event;

import java.time.Instant;

/**
 * The host gave a customer a referral code of its own making (a coupon code, a link token, a code printed on a card):
 * a lead or profile that later comes with this code ({@code referralCode} of {@link LeadCaptured} or
 * {@link ProfileUpdated}) was referred by this customer, who is credited at the lead's first order. A code is matched
 * ignoring case and surrounding spaces; issuing it again to another customer moves it to them. A code nobody was
 * issued is reported (REFERRAL_CODE_UNKNOWN), so issue a code before it is handed out. The engine's own codes
 * ({@code R-...}, see {@code Customer.getOwnReferralCode()}) name their customer and need no issuing.
 *
 * @param id         event id
 * @param at         when the code was issued
 * @param customerId the customer who refers with the code
 * @param code       the code, as the host prints it, at most 128 characters
 */
public record ReferralCodeIssued(String id, Instant at, String customerId, String code) implements Event {

    /** Validates the contract: customerId and code are required. */
    public ReferralCodeIssued {
        Check.envelope("ReferralCodeIssued", id, at);
        Check.id("ReferralCodeIssued", "customerId", customerId);
        Check.id("ReferralCodeIssued", "code", code);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
