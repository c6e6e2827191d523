package dev.custflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.event.ClockTick;
import dev.custflow.settings.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fairness of W5's ratios: over a year of history and a year of daily ticks, the hand-written
 * {@link PlainRetention} decides exactly what the engine's churn, reminders, marketing and segments
 * packs decide — the same number of actions of every type and detail, and the same messages held
 * by the policy gate.
 */
class RetentionBaselineAgreesWithEngineTest {

    @Test
    void aYearOfRetention_givesTheSameActionsByTypeAndDetail() {
        Workload.RetentionYear year = Workload.retentionYear(3_000, 11);
        Settings settings = Workload.retentionSettings();
        PlainRetention base = new PlainRetention(settings);
        year.history().forEach(base::accept);
        year.ticks().forEach(base::accept);

        ActionCounts engineCounts = new ActionCounts();
        java.util.List<String> lastDigest = new java.util.ArrayList<>();
        try (Engine engine = Custflow.builder()
                .packs(RulePack.CHURN, RulePack.REMINDERS, RulePack.MARKETING, RulePack.SEGMENTS)
                .settings(settings).auditLog(engineCounts).build()) {
            for (int i = 0; i < year.history().size(); i += 1_000) {
                engine.acceptAll(year.history().subList(i, Math.min(year.history().size(), i + 1_000)))
                        .actions().forEach(engineCounts::add);
            }
            for (ClockTick tick : year.ticks()) {
                for (var a : engine.accept(tick)) {
                    engineCounts.add(a);
                    if (a instanceof dev.custflow.action.AtRiskDigest d) {
                        lastDigest.clear();
                        d.customers().forEach(c -> lastDigest.add(c.customerId()));
                    }
                }
            }
        }
        Map<String, Long> engine = engineCounts.counts();
        System.out.println("W5 agreement, 3,000 customers: " + engine);
        assertThat(base.counts()).isEqualTo(engine);
        assertThat(base.lastDigest()).hasSize(settings.churn().digestMaxCustomers()).isEqualTo(lastDigest);
        // every kind of time rule had its day
        assertThat(engine.keySet()).contains("CHURN_WARNING NO_ORDER", "CHURN_WARNING NO_ORDER_LONG",
                "CHURN_WARNING INTERVAL_LENGTHENING", "CHURN_CLEARED NO_ORDER", "MESSAGE_REQUESTED BIRTHDAY",
                "MESSAGE_REQUESTED ONBOARDING", "MESSAGE_REQUESTED WIN_BACK", "MESSAGE_REQUESTED CROSS_SELL",
                "TASK_CREATED RENEWAL", "TASK_CREATED REVISIT", "SEGMENT_CHANGED LOST", "TAG_ADDED frequent-buyer",
                "AT_RISK_DIGEST", "DEFERRED");
    }
}
