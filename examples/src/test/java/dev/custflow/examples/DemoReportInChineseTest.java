package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.action.StageChanged;
import dev.custflow.model.Stage;
import dev.custflow.testdata.Bundles;
import dev.custflow.text.DisplayWidth;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo report for a Chinese reader: Chinese headings, the same numbers, columns aligned by display width. */
class DemoReportInChineseTest {
    private static final Instant T0 = Instant.parse("2025-01-06T01:00:00Z");
    private static final DemoReport.Run RUN = new DemoReport.Run("十二个动作", 9, 1, Duration.ofMillis(1500),
            Duration.ofSeconds(2), ZoneId.of("Asia/Shanghai"));

    private static DemoReport twelveActions() {
        DemoReport.Tally t = DemoReport.tally();
        IntStream.range(0, 7).forEach(i -> t.add(new StageChanged("a" + i, T0.plus(i, ChronoUnit.HOURS),
                "大客户: 三笔订单", "第 " + i + " 笔", "C" + i, Stage.CUSTOMER, Stage.LOYAL)));
        IntStream.range(7, 12).forEach(i -> t.add(new StageChanged("a" + i, T0.plus(i, ChronoUnit.HOURS),
                "lifecycle: common", "reason " + i, "C" + i, Stage.LEAD, Stage.PROSPECT)));
        return t.build(RUN);
    }

    @Test
    void headings_areChinese_theNumbersTheSameAsInEnglish() {
        DemoReport r = twelveActions();
        String zh = r.toText(Locale.SIMPLIFIED_CHINESE);
        String en = r.toText();

        assertThat(en).isEqualTo(r.toText(Locale.ENGLISH)).contains("Actions by type and rule (12)");
        assertThat(zh).contains("Custflow 演示：十二个动作", "按类型和规则统计的动作（共 12）", "最新示例（每种动作类型最近 5 条",
                "日期和时间按 Asia/Shanghai 时区").doesNotContain("Actions by type", "Latest examples");
        assertThat(zh.replaceAll("[^0-9]+", " ")).isEqualTo(en.replaceAll("[^0-9]+", " "));
    }

    @Test
    void aChineseRuleName_keepsTheCountsInOneColumn() {
        List<String> rows = twelveActions().toText(Locale.SIMPLIFIED_CHINESE).lines()
                .filter(l -> l.startsWith("    大客户") || l.startsWith("    lifecycle: common")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(DisplayWidth::of).containsOnly(DisplayWidth.of(rows.get(0)));
    }

    @Test
    void everyHeading_hasAChineseTemplate_withTheSameArguments() {
        Bundles.assertChineseMatchesEnglish("dev/custflow/examples/internal/report.properties");
    }
}
