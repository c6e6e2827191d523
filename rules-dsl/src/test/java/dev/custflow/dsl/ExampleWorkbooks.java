package dev.custflow.dsl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * Writes the spreadsheet form of each example table (docs/examples/tables/xlsx) from its CSV form, the one kept
 * readable in version control: the same cells on a sheet named for the table, Drools' {@code ...} merge marks turned
 * into merged cells, the keyword and label rows in bold. {@code ExampleWorkbooksTest} checks that the committed
 * workbooks hold exactly these cells and rewrites them when run with {@code -Dtables.write=true}.
 */
final class ExampleWorkbooks {
    static final Path CSV = Path.of("../docs/examples/tables/csv");
    static final Path XLSX = Path.of("../docs/examples/tables/xlsx");
    /** file name without {@code .drl.csv} → sheet name */
    static final Map<String, String> SHEETS = Map.of("leads", "Leads", "churn", "Churn", "marketing", "Marketing");

    private ExampleWorkbooks() {
    }

    /** @return the CSV's rows of cells, as Drools' CSV parser splits them */
    static List<List<String>> rows(Path csv) throws IOException {
        CsvLineParser parser = new CsvLineParser();
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            rows.add(parser.parse(line));
        }
        return rows;
    }

    /** Writes {@code xlsx/<name>.drl.xlsx} from {@code csv/<name>.drl.csv}. */
    static void write(String name) throws IOException {
        write(rows(CSV.resolve(name + ".drl.csv")), SHEETS.get(name), XLSX.resolve(name + ".drl.xlsx"));
    }

    /** Writes rows of cells as a one-sheet workbook. */
    static void write(List<List<String>> rows, String sheetName, Path file) throws IOException {
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet(sheetName);
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            CellStyle bold = wb.createCellStyle();
            bold.setFont(boldFont);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            int ruleTable = -1;
            int widest = 0;
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = rows.get(r);
                Row row = sheet.createRow(r);
                if (!cells.isEmpty() && cells.get(0).startsWith("RuleTable")) {
                    ruleTable = r;
                }
                int mergeFrom = -1;
                for (int c = 0; c < cells.size(); c++) {
                    String v = cells.get(c);
                    boolean merged = v.endsWith("...");
                    if (merged && mergeFrom < 0) {
                        mergeFrom = c;
                        row.createCell(c).setCellValue(v.substring(0, v.length() - 3));
                    } else if (merged) {
                        row.createCell(c); // blank, but present: Drools' parser skips a merged cell that is absent
                    } else if (!v.isEmpty()) {
                        row.createCell(c).setCellValue(v);
                    }
                    if (!merged && mergeFrom >= 0) {
                        merge(sheet, r, mergeFrom, c - 1);
                        mergeFrom = -1;
                    }
                    if (row.getCell(c) != null) {
                        boolean header = ruleTable >= 0 && (r == ruleTable || r == ruleTable + 1 || r == ruleTable + 4)
                                || ruleTable < 0 && c == 0;
                        row.getCell(c).setCellStyle(header ? bold : wrap);
                    }
                }
                if (mergeFrom >= 0) {
                    merge(sheet, r, mergeFrom, cells.size() - 1);
                }
                widest = Math.max(widest, cells.size());
            }
            for (int c = 0; c < widest; c++) {
                sheet.setColumnWidth(c, 28 * 256);
            }
            wb.write(out);
        }
    }

    private static void merge(Sheet sheet, int row, int from, int to) {
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, from, to));
        }
    }
}
