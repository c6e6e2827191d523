package dev.custflow.insights.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BiExportFilesTest {

    @Test
    void csv_readBack_givesEveryRowAndValue_underTheSchemaHeader(@TempDir Path dir) throws Exception {
        BiExport export = ExportSamples.export("everything");

        List<Path> files = export.writeCsv(dir);

        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("custflow_bi_kpi.csv", "custflow_bi_customer.csv");
        for (BiSchema.Table t : BiSchema.tables()) {
            List<List<String>> lines = readCsv(dir.resolve(t.name() + ".csv"));
            assertThat(lines.get(0)).isEqualTo(t.columnNames());
            List<List<Object>> rows = export.rows(t);
            assertThat(lines).hasSize(rows.size() + 1);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(lines.get(i + 1)).isEqualTo(rows.get(i).stream().map(TableFiles::text).toList());
            }
        }
        assertThat(Files.readString(dir.resolve("custflow_bi_kpi.csv"))).contains("\"web, \"\"paid\"\"\"")
                .contains("12345678.9").doesNotContain("E7");
    }

    @Test
    void jsonLines_readBack_givesTypedValues_andNullWhereUndefined(@TempDir Path dir) throws Exception {
        BiExport export = ExportSamples.export("everything");

        export.writeJsonLines(dir);

        List<JsonNode> kpis = Files.readAllLines(dir.resolve("custflow_bi_kpi.jsonl")).stream()
                .map(ExportSamplesJson::parse).toList();
        assertThat(kpis).hasSize(4);
        assertThat(kpis.get(1).get("kpi_value").asDouble()).isEqualTo(0.25);
        assertThat(kpis.get(1).get("numerator").asDouble()).isEqualTo(3.0);
        assertThat(kpis.get(2).get("kpi_value").isNull()).isTrue();
        assertThat(kpis.get(2).get("period_start").isNull()).isTrue();
        assertThat(kpis.get(0).get("schema_version").asInt()).isEqualTo(BiSchema.VERSION);
        assertThat(kpis.get(0).get("as_of").asText()).isEqualTo("2025-03-31T23:59:59Z");
        for (JsonNode n : kpis) {
            assertThat(n.fieldNames()).toIterable().containsExactlyElementsOf(BiSchema.KPIS.columnNames());
        }
    }

    private static List<List<String>> readCsv(Path file) throws Exception {
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = csv.readerForListOf(String.class).readValues(file.toFile())) {
            return it.readAll();
        }
    }

    /** Parses one line of JSON. */
    static final class ExportSamplesJson {
        private static final ObjectMapper JSON = new ObjectMapper();

        static JsonNode parse(String line) {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new IllegalStateException(line, e);
            }
        }
    }
}
