package dev.custflow.insights.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numbers back from both ends, as a reader would: the values each chart of a report file draws (with the
 * key of the figure each one is), and the KPI table of an export folder's CSV, so that a test compares them.
 */
public final class ReportChecks {
    private static final Pattern CHARTS = Pattern.compile(
            "<script type=\"application/json\" id=\"custflow-charts\">(.*?)</script>", Pattern.DOTALL);

    private ReportChecks() {
    }

    /**
     * @param html a report file's text
     * @return per figure key, the value a chart draws for it
     * @throws IOException if the charts' data is not JSON
     */
    public static Map<String, Double> chartValues(String html) throws IOException {
        Matcher m = CHARTS.matcher(html);
        if (!m.find()) {
            throw new IllegalArgumentException("no chart data in the page");
        }
        JsonNode charts = new ObjectMapper().readTree(m.group(1).replace("<\\/", "</").replace("<\\!--", "<!--"));
        Map<String, Double> values = new LinkedHashMap<>();
        for (JsonNode chart : charts) {
            for (JsonNode series : chart.get("series")) {
                for (int i = 0; i < series.get("values").size(); i++) {
                    JsonNode v = series.get("values").get(i);
                    JsonNode ref = series.get("refs").get(i);
                    if (!v.isNull()) {
                        values.put(ref.asText(), v.asDouble());
                    }
                }
            }
        }
        return values;
    }

    /**
     * @param kpiCsv an export's {@code custflow_bi_kpi.csv}
     * @return per figure key ({@code kpi|grain|period_start|dimension|member}), its kpi_value
     * @throws IOException if the file cannot be read
     */
    public static Map<String, Double> exportValues(Path kpiCsv) throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        CsvMapper csv = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(kpiCsv.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> r = rows.next();
                String key = String.join("|", r.get("kpi"), r.get("grain"), r.get("period_start"), r.get("dimension"),
                        r.get("member"));
                values.put(key, r.get("kpi_value").isEmpty() ? null : Double.valueOf(r.get("kpi_value")));
            }
        }
        return values;
    }
}
