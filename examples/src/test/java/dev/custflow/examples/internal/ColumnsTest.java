package dev.custflow.examples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.action.AtRiskDigest;
import dev.custflow.model.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Terminal columns: a Chinese character is two wide; counts say "1 customer"; a digest reads as text. */
class ColumnsTest {

    @Test
    void aChineseCharacter_takesTwoColumns() {
        assertThat(Columns.width("营销: 券")).isEqualTo(2 + 2 + 1 + 1 + 2);
        assertThat(Columns.width("churn")).isEqualTo(5);
    }

    @Test
    void paddingAndClipping_countColumns_soTheNextColumnStartsAtTheSamePlace() {
        assertThat(Columns.pad("营销", 6)).isEqualTo("营销  ");
        assertThat(Columns.pad("ab", 6)).isEqualTo("ab    ");
        assertThat(Columns.pad("流失: 成交客户两个月未下单", 12)).isEqualTo("流失: 成... ").satisfies(
                s -> assertThat(Columns.width(s)).isEqualTo(12));
    }

    @Test
    void oneIsSingular() {
        assertThat(Columns.count(1, "customer")).isEqualTo("1 customer");
        assertThat(Columns.count(0, "customer")).isEqualTo("0 customers");
        assertThat(Columns.count(1234, "action")).isEqualTo("1,234 actions");
    }

    @Test
    void aDigestsCustomers_readAsText_notAsJavaRecords() {
        AtRiskDigest.AtRisk c = new AtRiskDigest.AtRisk("C-1", Level.HIGH, List.of("NO_ORDER_LONG"), 95);

        assertThat(ReportText.readable(List.of(c, c)))
                .isEqualTo("[C-1 HIGH NO_ORDER_LONG, 95 days since the last order; "
                        + "C-1 HIGH NO_ORDER_LONG, 95 days since the last order]")
                .doesNotContain("AtRisk[");
    }
}
