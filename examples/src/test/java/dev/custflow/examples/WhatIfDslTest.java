package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Json;
import dev.custflow.dsl.RulesFolder;
import dev.custflow.event.Event;
import dev.custflow.examples.internal.Columns;
import dev.custflow.examples.internal.WhatIfText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What-if of a folder of Chinese rules in the business language (docs/examples/dsl/zh-natural) against the built-in
 * packs alone, on the example's events: the table lines up with Chinese rule names, and the rule the language
 * generates to wake customers is not reported as one the author added.
 */
class WhatIfDslTest {
    private static final Path FOLDER = Path.of("../docs/examples/dsl/zh-natural");
    private static WhatIfReport report;

    @BeforeAll
    static void run() throws IOException {
        List<Event> events = Files.readAllLines(Path.of("../docs/examples/dsl/events.jsonl")).stream()
                .filter(l -> !l.isBlank()).map(Json::readEvent).toList();
        report = WhatIf.builder().base("built-in packs", Custflow.builder())
                .proposed("zh-natural", Custflow.builder().rules(RulesFolder.load(FOLDER).sources()))
                .withinDays(30).examples(1).build().run("the DSL example", events);
    }

    @Test
    void theRulesAdded_areTheAuthorsFive_notTheGeneratedWakeUpRule() {
        assertThat(report.rulesAdded()).hasSize(5).doesNotContain(WhatIf.DSL_WAKE_RULE)
                .contains("流失: 成交客户两个月未下单", "营销: 微信新客户送优惠券");
        assertThat(report.proposedRules() - report.baseRules()).isEqualTo(5);
        assertThat(WhatIfText.format(report)).doesNotContain("dsl: wake");
    }

    @Test
    void theChangesTable_linesUpInDisplayColumns_withChineseRuleNames() {
        List<String> rows = WhatIfText.format(report).lines()
                .dropWhile(l -> !l.startsWith("  type / rule")).takeWhile(l -> !l.isBlank())
                .filter(l -> !l.startsWith("  (")).toList();

        assertThat(rows).hasSizeGreaterThan(3).anySatisfy(l -> assertThat(l).contains("营销: 微信新客户送优惠券"));
        assertThat(rows.stream().map(Columns::width).distinct()).as("%s", String.join("\n", rows)).hasSize(1);
    }
}
