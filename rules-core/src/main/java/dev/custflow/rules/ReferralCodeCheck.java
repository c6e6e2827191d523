package dev.custflow.rules;

/**
 * A fact the engine puts beside a profile when its event ({@code LeadCaptured} or {@code ProfileUpdated}) carries a
 * referral code that is not one of the engine's own: what the code names among the codes hosts issued
 * ({@code ReferralCodeIssued}) up to that event. The {@code advocacy} pack records the referrer, or reports an
 * unknown code as REFERRAL_CODE_UNKNOWN.
 *
 * @param code       the code as the event gave it
 * @param referrerId the customer the code was issued to, or null when nobody was
 * @param suggestion for an unknown code, the issued code it is a near miss of (a typo), or null
 */
public record ReferralCodeCheck(String code, String referrerId, String suggestion) {

    /** @return true when the code was issued to somebody */
    public boolean isKnown() {
        return referrerId != null;
    }
}
