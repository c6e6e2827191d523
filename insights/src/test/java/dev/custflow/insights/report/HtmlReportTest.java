package dev.custflow.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.insights.Scope;
import dev.custflow.insights.export.BiExport;
import dev.custflow.insights.export.MonthlyBuyers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a small history: the export's numbers, drawn; the same in Chinese; no personal data. */
class HtmlReportTest {
    private static final Instant END = MonthlyBuyers.END;

    /** The figures of {@link MonthlyBuyers}, personal data granted (the report must still show none). */
    private static BiExport figures() {
        MonthlyBuyers fed = MonthlyBuyers.fed();
        return BiExport.query(fed.book(), fed.warnings(), Scope.everything().withPersonalData(), END);
    }

    @Test
    void everyNumberDrawn_isTheExportsFigure(@TempDir Path dir) throws Exception {
        BiExport figures = figures();
        Path page = dir.resolve("report.html");
        HtmlReport.of(figures, Locale.ENGLISH).describing("two leads", List.of()).write(page);
        figures.writeCsv(dir);

        Map<String, Double> drawn = ReportChecks.chartValues(Files.readString(page, StandardCharsets.UTF_8));
        Map<String, Double> exported = ReportChecks.exportValues(dir.resolve("custflow_bi_kpi.csv"));

        assertThat(drawn).isNotEmpty().containsKey("revenue|month|2025-06-01|all|all")
                .containsKey("revenue_forecast|month|2025-07-01|all|all");
        drawn.forEach((key, value) -> assertThat(exported).as(key).containsEntry(key, value));
    }

    @Test
    void inChinese_theSameNumbersAreDrawn_underChineseTitles(@TempDir Path dir) throws Exception {
        BiExport figures = figures();
        Path en = dir.resolve("en.html");
        Path zh = dir.resolve("zh.html");
        HtmlReport.of(figures, Locale.ENGLISH).describing("h", List.of()).write(en);
        HtmlReport.of(figures, Locale.SIMPLIFIED_CHINESE).describing("h", List.of()).write(zh);

        String chinese = Files.readString(zh, StandardCharsets.UTF_8);
        assertThat(chinese).contains("<html lang=\"zh-CN\">").contains("各阶段漏斗").contains("预测与实际");
        assertThat(ReportChecks.chartValues(chinese))
                .isEqualTo(ReportChecks.chartValues(Files.readString(en, StandardCharsets.UTF_8)));
    }

    @Test
    void personalData_isNeverInTheReport_evenWhenTheScopeGrantsIt(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("report.html");
        HtmlReport.of(figures(), Locale.ENGLISH).describing("h", List.of()).write(page);

        assertThat(Files.readString(page, StandardCharsets.UTF_8)).doesNotContain("王小明").doesNotContain("13812348002")
                .doesNotContain("zhang.san");
    }

    @Test
    void report_inHeadlessChromium_drawsEveryChart_withoutAnError(@TempDir Path dir) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.orSkip();
        Path page = dir.resolve("report.html");
        HtmlReport.of(figures(), Locale.SIMPLIFIED_CHINESE).describing("h", List.of()).write(page);

        HeadlessChromium.Rendered r = chromium.render(page);

        assertThat(r.pageErrors()).isZero();
        assertThat(r.consoleErrors()).isEmpty();
        assertThat(r.pointsPerChart()).containsKeys("funnel", "channels-total", "segments", "trends-money", "forecast")
                .isEqualTo(r.expectedPerChart()).allSatisfy((chart, points) -> assertThat(points).isPositive());
    }
}
