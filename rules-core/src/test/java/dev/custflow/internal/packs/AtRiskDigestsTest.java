package dev.custflow.internal.packs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.action.AtRiskDigest;
import dev.custflow.model.Level;
import dev.custflow.internal.index.Emitted;
import dev.custflow.internal.index.StableIds;
import dev.custflow.settings.ChurnSettings;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weekly at-risk digest: per rep and position, highest risk first, at most digestMaxCustomers listed. */
class AtRiskDigestsTest {
    private static final long DUE = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
    private static final long CLOCK = Instant.parse("2024-03-04T01:30:00Z").toEpochMilli();
    private static final long[] DUE_AT = {0, 0, DUE, DUE + 7 * 86_400_000L};
    private static final long[] CLOCK_AT = {0, 0, CLOCK, CLOCK + 7 * 86_400_000L};

    private static AtRiskDigests digests(int maxCustomers) {
        ChurnSettings d = ChurnSettings.ofDefaults();
        ChurnSettings churn = new ChurnSettings(d.noOrderDays(), d.longNoOrderDays(), d.fallingOrders(), d.complaints(),
                d.complaintsDays(), d.intervalFactor(), d.intervalMinOrders(), d.returns(), d.returnsDays(),
                d.detractorNps(), d.lowCsat(), d.contactDroppedDays(), d.regularContactWeeks(), d.regularContactMin(),
                d.levels(), true, d.digestDay(), d.digestTime(), maxCustomers, d.silenceBands(), d.offCauses());
        return new AtRiskDigests(new Settings(null, null, null, null, null, null, null, churn, null, null, null, null,
                null, null, null, null, null));
    }

    private static AtRiskDigests.Entry entry(int position, String owner, String id, Level level, int days,
                                             String... causes) {
        return new AtRiskDigests.Entry(position, owner, id, level, List.of(causes), days);
    }

    private static AtRiskDigest digest(Emitted e) {
        return (AtRiskDigest) e.action();
    }

    @Test
    void digests_listARepsCustomers_highestLevelFirst_thenMoreCauses_thenLongerWithoutOrder_thenId() {
        List<Emitted> out = digests(50).digests(List.of(
                entry(2, "r1", "C5", Level.MEDIUM, 40, "NO_ORDER"),
                entry(2, "r1", "C4", Level.MEDIUM, 40, "NO_ORDER"),
                entry(2, "r1", "C3", Level.MEDIUM, 41, "NO_ORDER"),
                entry(2, "r1", "C2", Level.MEDIUM, 10, "RETURNS", "COMPLAINTS"),
                entry(2, "r1", "C1", Level.HIGH, 95, "NO_ORDER_LONG")), DUE_AT, CLOCK_AT);
        assertThat(out).hasSize(1);
        AtRiskDigest d = digest(out.get(0));
        assertThat(d.customers()).extracting(AtRiskDigest.AtRisk::customerId)
                .containsExactly("C1", "C2", "C3", "C4", "C5");
        assertThat(d.repId()).isEqualTo("r1");
        assertThat(d.total()).isEqualTo(5);
        assertThat(d.reason()).isEqualTo("5 customer(s) of r1 with open churn warnings, 1 at high risk");
    }

    @Test
    void digests_listAtMostTheMaximum_theRiskiest_butCountEveryone() {
        List<Emitted> out = digests(2).digests(List.of(
                entry(2, "r1", "C1", Level.MEDIUM, 40, "NO_ORDER"),
                entry(2, "r1", "C2", Level.HIGH, 95, "NO_ORDER_LONG"),
                entry(2, "r1", "C3", Level.MEDIUM, 30, "NO_ORDER"),
                entry(2, "r1", "C4", Level.HIGH, 91, "COMPLAINTS")), DUE_AT, CLOCK_AT);
        AtRiskDigest d = digest(out.get(0));
        assertThat(d.customers()).extracting(AtRiskDigest.AtRisk::customerId).containsExactly("C2", "C4");
        assertThat(d.total()).isEqualTo(4);
        assertThat(d.reason()).endsWith("2 at high risk");
    }

    @Test
    void digests_onePerRepAndPosition_customersWithoutOwnerTogether() {
        List<Emitted> out = digests(50).digests(List.of(
                entry(2, "r2", "C1", Level.MEDIUM, 40, "NO_ORDER"),
                entry(2, null, "C2", Level.MEDIUM, 40, "NO_ORDER"),
                entry(2, "r1", "C3", Level.HIGH, 95, "NO_ORDER_LONG"),
                entry(3, "r1", "C3", Level.HIGH, 102, "NO_ORDER_LONG")), DUE_AT, CLOCK_AT);
        assertThat(out).extracting(e -> e.position() + ":" + digest(e).repId())
                .containsExactly("2:null", "2:r1", "2:r2", "3:r1");
        assertThat(digest(out.get(0)).reason()).isEqualTo("1 customer(s) without an owner with open churn warnings, "
                + "0 at high risk");
        assertThat(digest(out.get(3)).customers().get(0).daysSinceLastOrder()).isEqualTo(102);
    }

    @Test
    void digests_areStampedWithTheClock_andIdentifiedByRepAndDigestTime() {
        Emitted e = digests(50).digests(List.of(entry(2, "r1", "C1", Level.MEDIUM, 40, "NO_ORDER")), DUE_AT,
                CLOCK_AT).get(0);
        AtRiskDigest d = digest(e);
        String cause = "digest@2024-03-04T00:00:00Z";
        assertThat(d.at()).isEqualTo(Instant.ofEpochMilli(CLOCK));
        assertThat(d.rule()).isEqualTo(AtRiskDigests.RULE);
        assertThat(d.id()).isEqualTo(StableIds.of(AtRiskDigests.RULE, "AT_RISK_DIGEST", "r1", cause, 0));
        assertThat(e.cause()).isEqualTo(cause);
        assertThat(e.phase()).isEqualTo(Emitted.PHASE_WAKE);
        assertThat(e.customerId()).isEqualTo("r1");
        assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.EMITTED);
    }

    @Test
    void digests_ofNothingAtRisk_areNone() {
        assertThat(digests(50).digests(List.of(), DUE_AT, CLOCK_AT)).isEmpty();
    }

    @Test
    void crossed_theDigestTime_MondayAt8InTheBusinessZone() {
        AtRiskDigests d = digests(50);
        long sunday = Instant.parse("2024-03-03T12:00:00Z").toEpochMilli();
        assertThat(d.weekly().crossed(Long.MIN_VALUE, sunday)).isZero();
        assertThat(d.weekly().crossed(sunday, DUE - 1)).isZero();
        assertThat(d.weekly().crossed(DUE - 1, CLOCK)).isEqualTo(DUE);
        assertThat(d.weekly().next()).isEqualTo(DUE + 7 * 86_400_000L);
    }
}
