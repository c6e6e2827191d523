package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The form of a churn sweep, KEY=FROM..TO/STEP. */
class ChurnSweepTest {
    @Test
    void aSweep_namesAKeyAndItsValues() {
        ChurnSweep.Sweep s = ChurnSweep.parse("longNoOrderDays=30..180/15");
        assertThat(s.cause()).isEqualTo("NO_ORDER_LONG");
        assertThat(s.values()).hasSize(11).startsWith(30, 45).endsWith(180);
        assertThat(ChurnSweep.parse("churn.noOrderDays=10..12").values()).containsExactly(10, 11, 12);
        assertThat(ChurnSweep.parse("noOrderDays=10..20/7").values()).as("the last step may stop short")
                .containsExactly(10, 17);
    }

    @Test
    void progress_countsTheOrdersBeforeTheCutoff_oncePerValue() {
        java.util.List<dev.custflow.event.OrderPlaced> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            java.time.Instant at = java.time.Instant.parse("1997-01-01T10:00:00Z").plus(java.time.Duration.ofDays(9L * i));
            orders.add(new dev.custflow.event.OrderPlaced("o" + i, at, "O-" + i, "C" + (i % 7),
                    java.math.BigDecimal.TEN, null, null, null));
        }
        java.time.Instant cutoff = java.time.Instant.parse("1997-10-01T00:00:00Z");
        long before = orders.stream().filter(o -> o.at().isBefore(cutoff)).count();
        RecordedProgress progress = new RecordedProgress();

        ChurnSweep.Result r = ChurnSweep.run(orders, dev.custflow.settings.Settings.ofDefaults(),
                ChurnSweep.parse("noOrderDays=30..50/10"), cutoff, java.time.Instant.parse("1998-01-01T00:00:00Z"),
                "forty orders", progress);

        assertThat(r.rows()).hasSize(3);
        progress.assertRanTo(3 * before);
    }

    @Test
    void mistakes_sayTheForm() {
        assertThatThrownBy(() -> ChurnSweep.parse("longNoOrderDays 30-180")).hasMessageContaining("KEY=FROM..TO/STEP");
        assertThatThrownBy(() -> ChurnSweep.parse("returns=1..3")).hasMessageContaining("cannot move 'returns'");
        assertThatThrownBy(() -> ChurnSweep.parse("noOrderDays=90..30")).hasMessageContaining("1 <= FROM <= TO");
        assertThatThrownBy(() -> ChurnSweep.parse("noOrderDays=1..365")).hasMessageContaining("use a larger step");
    }
}
