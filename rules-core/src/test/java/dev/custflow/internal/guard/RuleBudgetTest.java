package dev.custflow.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-thread budget and the size limits instrumented rule code calls. No test waits: a spent budget is armed. */
class RuleBudgetTest {

    @AfterEach
    void disarm() {
        RuleBudget.disarm();
    }

    @Test
    void withoutABudget_ruleCodeRunsUnlimited() {
        for (int i = 0; i < 10_000; i++) {
            RuleBudget.check();
        }
        assertThat(RuleBudget.takeTripped()).isFalse();
    }

    @Test
    void aBudgetNotSpent_letsRuleCodeRun() {
        RuleBudget.arm(60_000_000_000L);
        for (int i = 0; i < 10_000; i++) {
            RuleBudget.check();
        }
        assertThat(RuleBudget.takeTripped()).isFalse();
    }

    @Test
    void aSpentBudget_stopsRuleCodeWithinAFewHundredChecks_andAtEveryCheckAfter() {
        RuleBudget.arm(-1); // already spent
        int checks = 0;
        try {
            while (checks < 1_000) {
                checks++;
                RuleBudget.check();
            }
        } catch (RuleLimitExceeded e) {
            assertThat(e).hasMessageContaining("stopped after its time budget of 0 ms");
        }
        assertThat(checks).isLessThanOrEqualTo(256);
        assertThatThrownBy(RuleBudget::check).isInstanceOf(RuleLimitExceeded.class); // caught, still stopped
        assertThat(RuleBudget.takeTripped()).isTrue();
        assertThat(RuleBudget.takeTripped()).isFalse();
    }

    @Test
    void armingAgain_givesAFreshBudget() {
        RuleBudget.arm(-1);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1_000; i++) {
                RuleBudget.check();
            }
        }).isInstanceOf(RuleLimitExceeded.class);
        RuleBudget.arm(60_000_000_000L);
        RuleBudget.check();
        assertThat(RuleBudget.takeTripped()).isFalse();
    }

    @Test
    void sizes_upToAMillion_pass_andLargerOnesAreStopped() {
        assertThat(RuleBudget.arrayLength(RuleBudget.MAX_ELEMENTS)).isEqualTo(1_000_000);
        assertThatThrownBy(() -> RuleBudget.arrayLength(1_000_001)).isInstanceOf(RuleLimitExceeded.class)
                .hasMessage("stopped: it asked for an array of 1000001 elements, more than the 1000000 a rule may have");
        assertThat(RuleBudget.size(10)).isEqualTo(10);
        assertThatThrownBy(() -> RuleBudget.size(Integer.MAX_VALUE)).isInstanceOf(RuleLimitExceeded.class);
        assertThat(RuleBudget.repeat("ab", 3)).isEqualTo("ababab");
        assertThatThrownBy(() -> RuleBudget.repeat("ab", 500_001)).isInstanceOf(RuleLimitExceeded.class)
                .hasMessageContaining("a string of 1000002 characters");
    }

    @Test
    void aMultiDimensionalArray_countsItsCells_anEmptyDimensionAsOne() {
        assertThat(RuleBudget.cells(RuleBudget.cells(1, 1000), 1000)).isEqualTo(1_000_000);
        assertThat(RuleBudget.cells(RuleBudget.cells(1, 1000), 0)).isEqualTo(1000);
        assertThatThrownBy(() -> RuleBudget.cells(RuleBudget.cells(1, 1001), 1000))
                .isInstanceOf(RuleLimitExceeded.class);
        assertThatThrownBy(() -> RuleBudget.cells(1, 2_000_000)).isInstanceOf(RuleLimitExceeded.class);
    }
}
