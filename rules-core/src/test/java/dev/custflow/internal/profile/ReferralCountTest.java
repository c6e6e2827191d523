package dev.custflow.internal.profile;

import static dev.custflow.testdata.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The referrals counted on a referrer's record: one per referral rewarded, one back per reversal, never below 0. */
class ReferralCountTest {
    @Test
    void aReferralTakenBack_undoesOneCredit_andNothingIsTakenFromZero() {
        CustomerRecord referrer = new CustomerRecord("VIP1", at("2024-03-01"));

        boolean fromNothing = referrer.takeReferralRewarded();
        referrer.addReferralRewarded();
        referrer.addReferralRewarded();
        boolean oneBack = referrer.takeReferralRewarded();

        assertThat(fromNothing).isFalse();
        assertThat(oneBack).isTrue();
        assertThat(referrer.getReferralsRewarded()).isOne();
        assertThat(referrer.takeReferralRewarded()).isTrue();
        assertThat(referrer.takeReferralRewarded()).isFalse();
        assertThat(referrer.getReferralsRewarded()).isZero();
    }
}
