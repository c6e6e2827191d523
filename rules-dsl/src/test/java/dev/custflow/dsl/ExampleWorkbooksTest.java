package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed spreadsheets in docs/examples/tables/xlsx are what docs/decision-tables.md says they are: the CSV
 * tables cell for cell, on one sheet each, the {@code ...} merges as merged cells. Run with
 * {@code -Dtables.write=true} to rewrite them from the CSV after changing a table.
 */
class ExampleWorkbooksTest {

    @ParameterizedTest
    @ValueSource(strings = {"leads", "churn", "marketing"})
    void committedWorkbook_holdsExactlyTheCellsOfItsCsv_onOneNamedSheet(String name) throws IOException {
        if (Boolean.getBoolean("tables.write")) {
            ExampleWorkbooks.write(name);
        }
        List<List<String>> csv = ExampleWorkbooks.rows(ExampleWorkbooks.CSV.resolve(name + ".drl.csv"));
        try (InputStream in = Files.newInputStream(ExampleWorkbooks.XLSX.resolve(name + ".drl.xlsx"));
             Workbook wb = WorkbookFactory.create(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo(ExampleWorkbooks.SHEETS.get(name));
            assertThat(cells(sheet)).isEqualTo(expected(csv));
            assertThat(merges(sheet)).isEqualTo(expectedMerges(csv));
        }
    }

    /** Non-empty cells as "C7=text", row by row. */
    private static List<String> cells(Sheet sheet) {
        DataFormatter f = new DataFormatter(Locale.ENGLISH);
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String v = f.formatCellValue(cell);
                if (!v.isEmpty()) {
                    out.add(cell.getAddress().formatAsString() + "=" + v);
                }
            }
        }
        return out;
    }

    private static List<String> expected(List<List<String>> csv) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < csv.size(); r++) {
            boolean inMerge = false;
            for (int c = 0; c < csv.get(r).size(); c++) {
                String v = csv.get(r).get(c);
                boolean merged = v.endsWith("...");
                if (merged && !inMerge) {
                    out.add(new org.apache.poi.ss.util.CellAddress(r, c).formatAsString() + "="
                            + v.substring(0, v.length() - 3));
                } else if (!merged && !v.isEmpty()) {
                    out.add(new org.apache.poi.ss.util.CellAddress(r, c).formatAsString() + "=" + v);
                }
                inMerge = merged;
            }
        }
        return out;
    }

    private static List<String> merges(Sheet sheet) {
        return sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).sorted().toList();
    }

    private static List<String> expectedMerges(List<List<String>> csv) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < csv.size(); r++) {
            List<String> row = csv.get(r);
            for (int c = 0; c < row.size(); c++) {
                int end = c;
                while (end < row.size() && row.get(end).endsWith("...")) {
                    end++;
                }
                if (end - c > 1) {
                    out.add(new CellRangeAddress(r, r, c, end - 1).formatAsString());
                }
                c = Math.max(c, end - 1);
            }
        }
        return out.stream().sorted().toList();
    }
}
