package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.examples.CdnowHistory;
import dev.custflow.examples.TestData;
import dev.custflow.insights.Scope;
import dev.custflow.insights.export.BiExport;
import dev.custflow.insights.report.HeadlessChromium;
import dev.custflow.insights.report.HtmlReport;
import dev.custflow.insights.report.ReportChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custflow report} and {@code custflow export} over the demo's simulated company (smaller than the default, to
 * keep the test short), a host's events and CDNOW: the report renders in headless chromium with every chart drawn
 * and no error, and draws the numbers the export writes.
 */
class ReportCommandTest {
    /** A smaller company than the default: half a year, 250 leads. */
    private static final List<String> SMALL_COMPANY = List.of("--customers", "250", "--days", "181", "--seed", "7");

    private static String[] args(String command, List<String> more, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(command, "-q"));
        all.addAll(more);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private static void assertRendered(HeadlessChromium chromium, Path page, String... charts) throws Exception {
        HeadlessChromium.Rendered r = chromium.render(page);
        assertThat(r.pageErrors()).as("errors recorded by the page").isZero();
        assertThat(r.consoleErrors()).as("console errors").isEmpty();
        assertThat(r.pointsPerChart()).containsKeys(charts).isEqualTo(r.expectedPerChart())
                .allSatisfy((chart, points) -> assertThat(points).as(chart).isPositive());
    }

    private static void assertSameNumbers(Path page, Path exportFolder) throws Exception {
        Map<String, Double> drawn = ReportChecks.chartValues(Files.readString(page, StandardCharsets.UTF_8));
        Map<String, Double> exported = ReportChecks.exportValues(exportFolder.resolve("custflow_bi_kpi.csv"));
        assertThat(drawn).hasSizeGreaterThan(50);
        drawn.forEach((key, value) -> assertThat(exported).as(key).containsEntry(key, value));
    }

    @Test
    void demoReport_rendersEveryChart_withTheNumbersOfTheExport(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("demo.html");
        Path export = dir.resolve("bi");

        Main.Result report = Main.capture(args("report", SMALL_COMPANY, "--out", page.toString()));
        Main.Result exported = Main.capture(args("export", SMALL_COMPANY, "--to", export.toString()));

        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.err()).contains("custflow report: " + page + " written");
        assertThat(exported.code()).as(exported.err()).isZero();
        assertSameNumbers(page, export);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html.length()).as("ECharts is inside the page").isGreaterThan(1_000_000);
        // nothing to load at view time: no element of the page (outside the scripts' own text) has a source
        String markup = html.replaceAll("(?s)(<script[^>]*>).*?</script>", "$1</script>");
        assertThat(java.util.regex.Pattern.compile("<(script|link|img|iframe)[^>]+(src|href)=").matcher(markup)
                .find()).as("an element loading from elsewhere").isFalse();
        assertRendered(HeadlessChromium.orSkip(), page, "funnel", "channels-total", "channels-monthly",
                "league-conversion", "league-sla", "warnings", "segments", "trends-counts", "trends-ratios",
                "trends-money", "forecast", "late", "late-on-time");
    }

    @Test
    void cdnowReport_rendersEveryChart_withTheNumbersOfTheExport(@TempDir Path dir) throws Exception {
        Path cdnow = TestData.sharedOrSkip("cdnow", ReportCommandTest.class);
        // one replay of the 69,659 purchases for both, as the two commands each do
        InsightsReplay replay = InsightsReplay.run(CdnowHistory.load(cdnow), dev.custflow.Custflow.builder(), null);
        BiExport figures = replay.figures(Scope.everything());
        Path page = dir.resolve("cdnow.html");
        HtmlReport.of(figures, Locale.ENGLISH).describing("CDNOW", List.of()).write(page);
        figures.writeCsv(dir);

        assertSameNumbers(page, dir);
        assertThat(figures.kpis()).anyMatch(f -> f.kpi().equals("revenue_forecast_mape"));
        assertRendered(HeadlessChromium.orSkip(), page, "warnings", "segments", "trends-counts",
                "trends-money", "forecast");
    }

    @Test
    void cdnowSample_throughTheCommand_inChinese_rendersWithoutError(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("报告.html");

        Main.Result run = Main.capture("report", "-q", "--locale", "zh-CN", "--cdnow",
                TestData.CDNOW_FIXTURE.toString(), "--out", page.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("已写出");
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains("各阶段漏斗");
        assertRendered(HeadlessChromium.orSkip(), page, "segments");
    }

    @Test
    void hostEvents_withALineThatIsNoEvent_reportTheRest_andSayWhichLine(@TempDir Path dir) throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, String.join("\n",
                "{\"type\":\"LeadCaptured\",\"id\":\"e1\",\"at\":\"2025-01-02T09:00:00Z\",\"leadId\":\"L1\","
                        + "\"channel\":\"WEBSITE\"}",
                "{\"type\":\"OrderPlaced\",\"id\":\"e2\",\"at\":\"2025-01-05T09:00:00Z\",\"orderId\":\"O1\","
                        + "\"customerId\":\"L1\",\"amount\":120.00}",
                "not json",
                "{\"type\":\"OrderPlaced\",\"id\":\"e3\",\"at\":\"2025-02-05T09:00:00Z\",\"orderId\":\"O2\","
                        + "\"customerId\":\"L1\",\"amount\":80.00}") + "\n", StandardCharsets.UTF_8);
        Path page = dir.resolve("mine.html");

        Main.Result run = Main.capture("report", "-q", "--events", events.toString(), "--out", page.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("1 lines are no valid event").contains("line 3");
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains("\"revenue|month|2025-02-01|all|all\"");
    }

    @Test
    void export_toH2_writesTheTables_andMasksPersonalData(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("bi");

        Main.Result run = Main.capture(args("export", List.of("--customers", "60", "--days", "40"), "--to", url,
                "--scope", "everything"));

        assertThat(run.code()).as(run.err()).isZero();
        try (Connection c = DriverManager.getConnection(url, "", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(phone), SUM(CASE WHEN phone LIKE '%****%' THEN 1 "
                     + "ELSE 0 END) FROM custflow_bi_customer WHERE scope = 'everything'")) {
            r.next();
            assertThat(r.getLong(1)).isPositive();
            assertThat(r.getLong(2)).as("customers with a phone").isPositive();
            assertThat(r.getLong(3)).as("every phone masked").isEqualTo(r.getLong(2));
        }
    }

    @Test
    void repScopedExport_showsOnlyThatRepsCustomersAndFigures() {
        InsightsReplay replay = InsightsReplay.run(dev.custflow.examples.CompanySimulator.of(
                dev.custflow.examples.CompanySimulator.Config.ofDefaults().withCustomers(150).withDays(60)),
                dev.custflow.Custflow.builder(), null);
        String rep = replay.figures(Scope.everything()).customers().stream().map(c -> c.rep())
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();

        BiExport mine = replay.figures(Scope.rep(rep));

        assertThat(mine.scope()).isEqualTo("rep:" + rep);
        assertThat(mine.customers()).isNotEmpty().allSatisfy(c -> assertThat(c.rep()).isEqualTo(rep));
        assertThat(mine.kpis()).isNotEmpty().filteredOn(f -> f.dimension().equals("rep"))
                .allSatisfy(f -> assertThat(f.member()).isEqualTo(rep));
        assertThat(mine.customers().size()).isLessThan(replay.figures(Scope.everything()).customers().size());
    }

    @Test
    void eventsAndCdnow_orAnUnknownScope_areUsageErrors(@TempDir Path dir) {
        Main.Result both = Main.capture("report", "--events", "a.jsonl", "--cdnow", "b", "--out",
                dir.resolve("x.html").toString());
        Main.Result scope = Main.capture("export", "--scope", "boss", "--to", dir.toString());

        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("give --events or --cdnow, not both");
        assertThat(scope.code()).isEqualTo(2);
        assertThat(scope.err()).contains("--scope boss: give everything, rep:ID, team:ID or partner:ID");
        assertThat(dir.resolve("x.html")).doesNotExist();
    }
}
