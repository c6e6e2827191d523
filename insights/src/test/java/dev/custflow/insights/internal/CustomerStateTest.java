package dev.custflow.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.model.Stage;
import org.junit.jupiter.api.Test;

class CustomerStateTest {

    @Test
    void theStock_isActiveForBuyingStages_dormantForDormant_noneOtherwise() {
        CustomerState c = new CustomerState("c1");
        assertThat(c.stock()).isZero();
        for (Stage s : Stage.values()) {
            c.stage = s;
            int expected = s == Stage.CUSTOMER || s == Stage.LOYAL || s == Stage.ADVOCATE ? 1
                    : s == Stage.DORMANT ? 2 : 0;
            assertThat(c.stock()).as(s.name()).isEqualTo(expected);
        }
    }

    @Test
    void sharedWith_looksUpTheSortedPartners() {
        CustomerState c = new CustomerState("c1");
        c.partners = new int[] {3, 8};
        assertThat(c.sharedWith(8)).isTrue();
        assertThat(c.sharedWith(5)).isFalse();
        assertThat(c.sharedWith(-1)).isFalse();
    }
}
