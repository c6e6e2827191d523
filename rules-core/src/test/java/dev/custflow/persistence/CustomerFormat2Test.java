package dev.custflow.persistence;

import static dev.custflow.testdata.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.LeadCaptured;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.internal.runtime.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * Customer snapshot format 2: the score last reported to sales (and when), and the referrer a host-issued referral
 * code named, survive a snapshot; a profile of format 1 loads with its score counted as reported.
 */
class CustomerFormat2Test {

    @Test
    void reportedScoreAndReferrer_roundTrip() {
        CustomerRecord c = new CustomerRecord("L1", at("2024-01-01"));
        c.apply(LeadCaptured.builder("lead:L1", at("2024-01-01"), "L1", "REFERRAL").phone("13800000000")
                .referralCode("VIP-7K3QXM").build());
        c.setScore(62, "B");
        c.scoreReported(at("2024-01-02").toEpochMilli());
        c.setScore(71, "B");
        c.referrerId("C9");

        byte[] bytes = Snapshots.customer(c);
        assertThat(bytes[0]).isEqualTo((byte) Snapshots.VERSION);
        CustomerRecord back = Snapshots.customer(bytes);
        assertThat(back.getScore()).isEqualTo(71);
        assertThat(back.getReportedScore()).isEqualTo(62);
        assertThat(back.getReportedGrade()).isEqualTo("B");
        assertThat(back.getScoreReportedAt()).isEqualTo(at("2024-01-02"));
        assertThat(back.getReferralCode()).isEqualTo("VIP-7K3QXM");
        assertThat(back.getReferrerId()).isEqualTo("C9");
        assertThat(Snapshots.customer(back)).isEqualTo(bytes);
    }

    @Test
    void aProfileNeverReported_hasNoReportedScore() {
        CustomerRecord back = Snapshots.customer(Snapshots.customer(new CustomerRecord("L1", at("2024-01-01"))));
        assertThat(back.getReportedGrade()).isNull();
        assertThat(back.getScoreReportedAt()).isNull();
    }

    @Test
    void format1_theScoreItHeldCountsAsReported_longAgo() {
        // format 1 reported every change, so its score is what sales last heard; without a profile's rare part, a
        // reported score or hand-set fields, format 2 writes format 1's bytes and then the account tail: no account
        // key and no other phones or e-mails, one byte each
        CustomerRecord c = new CustomerRecord("L1", at("2024-01-01"));
        c.setScore(44, "C");
        byte[] bytes = Snapshots.customer(c);
        bytes = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        bytes[0] = 1;
        CustomerRecord back = Snapshots.customer(bytes);
        assertThat(back.getScore()).isEqualTo(44);
        assertThat(back.getReportedScore()).isEqualTo(44);
        assertThat(back.getReportedGrade()).isEqualTo("C");
        assertThat(back.getScoreReportedAt()).isNull();
        assertThat(back.scoreReportedWithinDays(10_000)).isFalse();
    }
}
