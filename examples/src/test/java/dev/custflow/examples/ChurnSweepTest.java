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
    void mistakes_sayTheForm() {
        assertThatThrownBy(() -> ChurnSweep.parse("longNoOrderDays 30-180")).hasMessageContaining("KEY=FROM..TO/STEP");
        assertThatThrownBy(() -> ChurnSweep.parse("returns=1..3")).hasMessageContaining("cannot move 'returns'");
        assertThatThrownBy(() -> ChurnSweep.parse("noOrderDays=90..30")).hasMessageContaining("1 <= FROM <= TO");
        assertThatThrownBy(() -> ChurnSweep.parse("noOrderDays=1..365")).hasMessageContaining("use a larger step");
    }
}
