package dev.custflow.insights.report;

import static dev.custflow.testdata.Events.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.insights.KpiBook;
import dev.custflow.insights.Scope;
import dev.custflow.insights.export.BiExport;
import dev.custflow.insights.export.WarningLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a small history: the export's numbers, drawn; the same in Chinese; no personal data. */
class HtmlReportTest {
    private static final Instant END = Instant.parse("2025-06-30T23:59:59Z");

    /** Two leads from two channels (one with a name, phone and e-mail) who order every month, January to June. */
    private static BiExport figures() {
        List<Event> events = new ArrayList<>();
        events.add(LeadCaptured.builder("e1", Instant.parse("2025-01-02T09:00:00Z"), "c-1", "web")
                .name("王小明").phone("13812348002").email("zhang.san@example.com").build());
        events.add(LeadCaptured.builder("e2", Instant.parse("2025-01-03T09:00:00Z"), "c-2", "fair").build());
        for (int m = 1; m <= 6; m++) {
            events.add(order("o1-" + m, "c-1", String.format("2025-%02d-10", m), 100 * m));
            events.add(order("o2-" + m, "c-2", String.format("2025-%02d-12", m), 50));
        }
        try (Engine engine = Custflow.builder().eventTime().build()) {
            KpiBook book = KpiBook.builder().settings(engine.settings()).build();
            WarningLog warnings = WarningLog.in(engine.settings().timeZone());
            events.forEach(e -> warnings.record(book.accept(engine, e)));
            return BiExport.query(book, warnings, Scope.everything().withPersonalData(), END);
        }
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
