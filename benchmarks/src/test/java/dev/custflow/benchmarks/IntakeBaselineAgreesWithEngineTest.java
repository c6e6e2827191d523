package dev.custflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.event.LeadCaptured;
import dev.custflow.model.CustomerProfile;
import dev.custflow.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fairness of W1i's ratio: {@link PlainIntake} merges exactly the leads the engine's leads pack merges, into the
 * same survivors, with the same channel touches, on W1i's streams at a small size.
 */
class IntakeBaselineAgreesWithEngineTest {

    @Test
    void theBaselineAndTheLeadsPack_mergeTheSameLeadsIntoTheSameSurvivors() {
        int existing = 20_000;
        List<LeadCaptured> all = new ArrayList<>(Workload.existingLeads(existing));
        for (int round = 0; round < 3; round++) {
            all.addAll(Workload.intake(round, 4_000, existing, round * 4_000L));
        }
        Settings s = Settings.ofDefaults();
        PlainIntake base = new PlainIntake(s.intake().contactData());
        all.forEach(base::accept);
        try (Engine engine = Custflow.builder().packs(RulePack.LEADS).settings(s).partitions(2).build()) {
            long merged = 0;
            for (int i = 0; i < all.size(); i += 1_000) {
                merged += engine.acceptAll(all.subList(i, Math.min(all.size(), i + 1_000))).actions().stream()
                        .filter(a -> a.type().equals("LEADS_MERGED")).count();
            }
            assertThat(merged).isEqualTo(base.merges()).isGreaterThan(1_500);
            assertThat(engine.customerCount()).isEqualTo(base.recordCount());
            for (LeadCaptured l : all) {
                CustomerProfile p = engine.customer(l.leadId()).orElseThrow();
                assertThat(p.id()).as(l.leadId()).isEqualTo(base.survivorOf(l.leadId()));
                if (p.id().equals(l.leadId())) {
                    assertThat(p.channelTouches()).as(l.leadId()).hasSize(base.touches(l.leadId()));
                }
            }
        }
    }
}
