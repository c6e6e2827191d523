package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The default demo (3,000 leads over 2025, seed 42) as a rep sees a lead's timeline: at most 3 LEAD_SCORED for a
 * lead in any calendar month, and the referral loop closed (codes issued, first orders rewarded, unknown and
 * mistyped codes reported).
 */
class LeadNewsTest {

    @Test
    void defaultDemo_atMostThreeScoreReportsPerLeadAndMonth_andReferralsAreRewardedOrReported() {
        DemoReport report = Demo.builder().build().run(CompanySimulator.of(CompanySimulator.Config.ofDefaults()));

        long[] perLeadMonth = report.leadScoredPerLeadMonth(); // 1, 2, 3, more than 3, the most for one lead
        assertThat(perLeadMonth[0] + perLeadMonth[1] + perLeadMonth[2]).as("lead-months with a score report")
                .isGreaterThan(3_000);
        assertThat(perLeadMonth[3]).as("lead-months with more than 3 LEAD_SCORED").isZero();
        assertThat(perLeadMonth[4]).isLessThanOrEqualTo(3);
        assertThat(report.actionCount("LEAD_SCORED")).as("one a day of decay no more").isLessThan(10_000);

        long[] referrals = report.referrals(); // rewarded, referrers, unknown codes, with a suggestion
        assertThat(referrals[0]).as("first orders of referred leads rewarded").isGreaterThan(50);
        assertThat(referrals[2]).as("unknown codes reported").isPositive();
        assertThat(referrals[3]).as("mistyped codes with the issued code suggested").isPositive()
                .isLessThanOrEqualTo(referrals[2]);
        assertThat(report.toText()).contains("LEAD_SCORED per lead and calendar month")
                .contains("more than 3: 0 (0.0%)").contains("Referrals: ");
    }
}
