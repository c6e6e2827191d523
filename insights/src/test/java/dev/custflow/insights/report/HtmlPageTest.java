package dev.custflow.insights.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPageTest {

    private static Chart bars(String id, Double... values) {
        List<String> categories = Arrays.stream(values).map(v -> "c" + v).toList();
        return new Chart(id, "Bars <" + id + ">", Chart.Kind.BAR, categories,
                List.of(new Chart.Series("s", Arrays.asList(values), categories)), "count");
    }

    private static Page page(Chart... charts) {
        return new Page("en", "A & B report", List.of("line one"), List.of(new Page.Section("s1", "Section",
                "what it shows", List.of(charts), List.of(new Page.Table("t1", List.of("name", "n"),
                        List.of(List.of("<script>alert(1)</script>", "3")), List.of(false, true))))), "footer");
    }

    private static String html(Page page) throws Exception {
        StringWriter out = new StringWriter();
        HtmlPage.write(page, out);
        return out.toString();
    }

    @Test
    void page_carriesEchartsInside_andLoadsNothingFromOutside() throws Exception {
        String html = html(page(bars("a", 1.0, 2.0)));

        assertThat(html).contains("echarts").contains("Apache");
        assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+href=")
                .doesNotContain("@import");
        assertThat(HtmlPage.echartsVersion()).isEqualTo("5.3.1");
    }

    @Test
    void text_fromTheData_isEscaped_soItCannotBecomeMarkup() throws Exception {
        String html = html(page(bars("a", 1.0)));

        assertThat(html).contains("A &amp; B report").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Bars &lt;a&gt;").doesNotContain("<script>alert(1)");
        assertThat(HtmlPage.script("x = \"</script><!--\"")).isEqualTo("x = \"<\\/script><\\!--\"");
    }

    @Test
    void chart_withValuesMissingACategory_isRefused() {
        assertThatThrownBy(() -> new Chart("a", "t", Chart.Kind.LINE, List.of("x", "y"),
                List.of(new Chart.Series("s", List.of(1.0), List.of("k"))), "count"))
                .hasMessageContaining("series 's' of chart a has 1 values for 2 categories");
    }

    @Test
    void chart_countsItsPoints_withoutTheMissingOnes() {
        assertThat(bars("a", 1.0, null, 3.0).points()).isEqualTo(2);
    }

    @Test
    void page_inHeadlessChromium_drawsEveryChartWithItsPoints_andNoError(@TempDir Path dir) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.orSkip();
        Path file = dir.resolve("page.html");
        Chart pie = new Chart("p", "Pie", Chart.Kind.PIE, List.of("x", "y"),
                List.of(new Chart.Series("s", List.of(4.0, 5.0), List.of("kx", "ky"))), "count");
        Chart funnel = new Chart("f", "Funnel", Chart.Kind.FUNNEL, List.of("x", "y", "z"),
                List.of(new Chart.Series("s", List.of(9.0, 5.0, 1.0), List.of("a", "b", "c"))), "count");
        Chart line = new Chart("l", "Line", Chart.Kind.LINE, List.of("m1", "m2"), List.of(
                new Chart.Series("r1", List.of(0.5, 0.25), List.of("a", "b")),
                new Chart.Series("r2", Arrays.asList(0.1, null), Arrays.asList("c", null))), "ratio");
        Files.writeString(file, html(page(bars("b", 1.0, 2.0, 3.0), pie, funnel, line)), StandardCharsets.UTF_8);

        HeadlessChromium.Rendered r = chromium.render(file);

        assertThat(r.pageErrors()).as(r.dom()).isZero();
        assertThat(r.consoleErrors()).isEmpty();
        assertThat(r.pointsPerChart()).isEqualTo(Map.of("b", 3, "p", 2, "f", 3, "l", 3));
    }

    @Test
    void page_whoseScriptFails_isSeenFailing(@TempDir Path dir) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.orSkip();
        Path file = dir.resolve("page.html");
        // a page the check must catch: a script error after the charts
        String html = html(page(bars("b", 1.0))).replace("</body>", "<script>undefinedFunction();</script></body>");
        Files.writeString(file, html, StandardCharsets.UTF_8);

        HeadlessChromium.Rendered r = chromium.render(file);

        assertThat(r.pageErrors()).isEqualTo(1);
        assertThat(r.dom()).contains("undefinedFunction");
    }
}
