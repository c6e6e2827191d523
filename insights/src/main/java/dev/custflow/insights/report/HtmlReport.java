package dev.custflow.insights.report;

import dev.custflow.insights.export.BiExport;
import dev.custflow.text.Wording;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The report a sales director opens: one HTML file that needs nothing else (the charts' library, Apache ECharts, is
 * inside it), drawn from an export's figures (docs/report.md): funnel by stage, leads by channel, a league table of
 * reps and teams, churn warnings by cause over time, RFM segments, KPI trends by month, the forecast against what
 * happened, and late deliveries. Its numbers are the export's rows, so it agrees with the BI tables.
 *
 * <pre>{@code
 * BiExport figures = BiExport.query(book, warnings, Scope.everything(), end);
 * HtmlReport.of(figures, Locale.SIMPLIFIED_CHINESE).describing("2025", List.of()).write(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
    private final BiExport export;
    private final Locale locale;
    private final String description;
    private final List<String> lines;

    private HtmlReport(BiExport export, Locale locale, String description, List<String> lines) {
        this.export = export;
        this.locale = locale;
        this.description = description;
        this.lines = List.copyOf(lines);
    }

    /**
     * @param export the figures to show (personal data never appears: the report shows figures, not customers)
     * @param locale the reader's language: Chinese ({@code zh-CN}) or English
     * @return the report
     * @throws IllegalArgumentException for another language
     */
    public static HtmlReport of(BiExport export, Locale locale) {
        Objects.requireNonNull(export, "export");
        return new HtmlReport(export, Wording.supported(locale), "", List.of());
    }

    /**
     * @param history what was replayed, for the title (e.g. "simulated company, 3,000 leads")
     * @param notes   more lines under the title, in the report's language
     * @return the same report with that title and those lines
     */
    public HtmlReport describing(String history, List<String> notes) {
        return new HtmlReport(export, locale, Objects.requireNonNull(history, "history"), notes);
    }

    /** @return the lines under the title: these notes, then the scope and the end of the history */
    private List<String> lines() {
        List<String> all = new ArrayList<>(lines);
        all.add(Wording.of(HtmlReport.class, "report", locale).text("lines.scope", export.scope(), export.asOf(),
                export.zone()));
        return all;
    }

    /**
     * @param out where to write the page
     * @throws IOException if writing fails
     */
    public void write(Writer out) throws IOException {
        HtmlPage.write(ReportPage.of(export, locale, description, lines()), out);
    }

    /**
     * @param file the HTML file to write (replaced if it exists), UTF-8
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out);
        }
    }
}
