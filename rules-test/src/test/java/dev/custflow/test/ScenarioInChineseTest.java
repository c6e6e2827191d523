package dev.custflow.test;

import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.RulePack;
import dev.custflow.testdata.Bundles;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A failing scenario's diff for a Chinese rule author: the same facts, in Chinese, the columns still aligned. */
class ScenarioInChineseTest {
    private static ScenarioResult inChinese(Scenario s) {
        return s.run(null, b -> b.packs(RulePack.LIFECYCLE), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aMismatch_isReportedInChinese_withTheClosestActionAndTheFieldThatDiffers() {
        ScenarioResult r = inChinese(Scenario.builder("wrong").given(List.of(lead("L1", "2024-01-01", "WECHAT")))
                .expect(ExpectedAction.of("STAGE_CHANGED").with("customerId", "L1").with("to", "PROSPECT")).build());

        assertThat(r.passed()).isFalse();
        assertThat(r.report("  ")).isEqualTo("""
                  期望的动作（不应再有其他动作）：
                    缺少     STAGE_CHANGED customerId=L1, to=PROSPECT
                             最接近的： STAGE_CHANGED customerId=L1, to=LEAD  [lifecycle: captured lead becomes LEAD]
                               to：期望 PROSPECT，实际是 LEAD
                  实际：1 个动作；触发了的规则：
                    lifecycle: captured lead becomes LEAD
                  结束时规则眼中的客户（没有触发的规则，就是在这里发现某个条件不成立）：
                    L1：阶段 LEAD 潜在客户 (新建 -> LEAD)，0 笔订单，评分 0
                """);
    }

    @Test
    void theCustomersFacts_readInChinese_theNumbersAsInEnglish() {
        Scenario s = Scenario.builder("two orders").given(List.of(order("o1", "C1", "2024-01-01", 100)))
                .when(List.of(order("o2", "C1", "2024-02-01", 150)))
                .expect(ExpectedAction.of("TAG_ADDED").with("customerId", "C1").with("tag", "two-orders")).build();
        ScenarioResult zh = inChinese(s);
        ScenarioResult en = s.run(null, b -> b.packs(RulePack.LIFECYCLE));

        assertThat(zh.customers()).singleElement().asString()
                .startsWith("C1：阶段 LOYAL 忠诚客户 (新建 -> CUSTOMER -> LOYAL)，2 笔订单，累计消费 250")
                .contains("最近一次下单 2024-02-01");
        assertThat(en.customers()).singleElement().asString().startsWith("C1: stage LOYAL 忠诚客户");
        assertThat(zh.report("")).contains("  缺少     TAG_ADDED customerId=C1, tag=two-orders");
        assertThat(en.locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aLanguageWithoutWording_isRefused() {
        Scenario s = Scenario.builder("x").given(List.of(lead("L1", "2024-01-01", "WECHAT"))).build();
        assertThatThrownBy(() -> s.run(null, b -> b.packs(RulePack.LIFECYCLE), Locale.FRENCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zh-CN");
    }

    @Test
    void everyLineOfTheReport_hasAChineseTemplate_withTheSameArguments() {
        Bundles.assertChineseMatchesEnglish("dev/custflow/test/scenario.properties");
    }
}
