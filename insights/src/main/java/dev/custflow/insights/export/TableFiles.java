package dev.custflow.insights.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The export's tables as files: CSV (Jackson's CSV writer) and JSON Lines. */
final class TableFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private TableFiles() {
    }

    /**
     * @param export the export
     * @param folder where
     * @return the files written
     * @throws IOException if one cannot be written
     */
    public static List<Path> csv(BiExport export, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (BiSchema.Table table : BiSchema.tables()) {
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            table.columnNames().forEach(schema::addColumn);
            Path file = folder.resolve(table.name() + ".csv");
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 var out = CSV.writer(schema.build()).writeValues(w)) {
                for (List<Object> row : export.rows(table)) {
                    List<String> cells = new ArrayList<>(row.size());
                    row.forEach(v -> cells.add(text(v)));
                    out.write(cells);
                }
            }
            written.add(file);
        }
        return written;
    }

    /**
     * @param export the export
     * @param folder where
     * @return the files written
     * @throws IOException if one cannot be written
     */
    public static List<Path> jsonLines(BiExport export, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (BiSchema.Table table : BiSchema.tables()) {
            Path file = folder.resolve(table.name() + ".jsonl");
            List<String> names = table.columnNames();
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (List<Object> row : export.rows(table)) {
                    ObjectNode o = JSON.createObjectNode();
                    for (int i = 0; i < names.size(); i++) {
                        Object v = row.get(i);
                        if (v == null || v instanceof Double d && !Double.isFinite(d)) {
                            o.putNull(names.get(i));
                        } else if (v instanceof Long l) {
                            o.put(names.get(i), l);
                        } else if (v instanceof Double d) {
                            o.put(names.get(i), d);
                        } else {
                            o.put(names.get(i), text(v));
                        }
                    }
                    JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(w, o);
                    w.write('\n');
                }
            }
            written.add(file);
        }
        return written;
    }

    /** @return a value as a file writes it: ISO dates and instants, plain numbers, empty for none */
    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : BigDecimal.valueOf(d).toPlainString();
        }
        if (v instanceof Instant || v instanceof LocalDate) {
            return v.toString();
        }
        return v.toString();
    }
}
