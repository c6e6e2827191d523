package dev.custflow.dsl.internal;

import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/**
 * A decision table ({@code .drl.xlsx}, first sheet, or {@code .drl.csv}) turned into DRL by Drools'
 * own decision-table compiler, keeping its cells, so that a problem the DRL compiler finds in the
 * generated rules is reported at the cell it came from: the sheet, the row (as the line) and the
 * column (as a number), with the cell named like {@code C7} in the message.
 *
 * <p>Drools names a generated rule {@code <RuleTable name>_<row>} and writes
 * {@code // rule values at A12, header at A5} above it; the row comes from that comment, the column
 * from the cell whose snippet (its column's template with the cell's value) the error points into,
 * or, for a name the fact class lacks, from the header cell that wrote it.
 */
public final class DecisionTable {
    private static final Pattern RULE_VALUES = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+), header at");
    /** How Drools' parser names a cell in its messages: "in cell C7", "Data cell C7". */
    private static final Pattern CELL = Pattern.compile("[Cc]ell:? ([A-Z]{1,3})(\\d{1,7})\\b");
    private static final Pattern ROW = Pattern.compile("on row:? (\\d+)");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):\\s*(?:\\[|$)");
    private static final Pattern MEMBER = Pattern.compile("has no property or method '(\\w+)'");
    private static final Pattern MISSING_VARIABLE = Pattern.compile("cannot find symbol symbol: variable (\\w+)");
    private static final Pattern UNRESOLVABLE = Pattern.compile("(\\w+) cannot be resolved");
    /** Places in the generated DRL mean nothing to the author of the table: the cell replaces them. */
    private static final Pattern DRL_PLACE = Pattern.compile("\\s*\\[Line: \\d+, Column: \\d+\\]");
    private static final Pattern DRL_PARSER_PLACE = Pattern.compile("^(\\[ERR \\d+\\] )Line \\d+:\\d+ ");
    private static final String PARSER_ECHO = "Parser returned a null Package";
    /** Where a column's code takes the cell: {@code $param}, {@code $1}, or {@code $} in a forall. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(?:param\\b|\\d+\\b|(?![\\w$]))");

    private final String file;
    private final String sheet;
    /** 0-based row → 0-based column → text, as the decision-table parser saw them. */
    private final Map<Integer, Map<Integer, String>> cells;
    private final String drl;
    private final String[] drlLines;

    private DecisionTable(String file, String sheet, Map<Integer, Map<Integer, String>> cells, String drl) {
        this.file = file;
        this.sheet = sheet;
        this.cells = cells;
        this.drl = drl;
        this.drlLines = drl.split("\n", -1);
    }

    /**
     * @param source a decision table
     * @param errors receives the problems that stop it from becoming DRL, each at its cell
     * @return the table with its DRL, or empty if it could not be read
     */
    static Optional<DecisionTable> compile(RuleSource source, List<RuleMessage> errors) {
        Recorder recorder = new Recorder();
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener(true, true);
        QuotingListener quoting = new QuotingListener(listener);
        List<DataListener> listeners = List.of(recorder, quoting);
        String sheet = null;
        try {
            if (source.kind() == RuleSource.Kind.DECISION_TABLE_XLSX) {
                try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(source.content()))) {
                    sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetName(0);
                    new ExcelParser(listeners).parseWorkbook(workbook);
                }
            } else {
                new CsvParser(listeners, new CsvLineParser()).parseFile(new ByteArrayInputStream(source.content()));
            }
        } catch (IOException | RuntimeException e) {
            DecisionTable partial = new DecisionTable(source.name(), sheet, recorder.cells, "");
            errors.add(partial.parseError(e));
            return Optional.empty();
        }
        DecisionTable table = new DecisionTable(source.name(), sheet, recorder.cells, "");
        // every cell of the wrong type at once; each was given to Drools as a stand-in, so the rest is checked too
        quoting.wrongType.forEach((cell, kind) -> errors.add(table.at(cell, RuleMessage.Severity.ERROR, "expected "
                + kind.described() + ", not '" + table.row(cell[0]).get(cell[1]) + "'")));
        Optional<RuleMessage> headerless = table.keywordOutsideRuleTable();
        if (headerless.isPresent()) {
            errors.add(headerless.get());
            return Optional.empty();
        }
        try {
            String drl = new SpreadsheetCompiler().listenerToString(listener);
            return Optional.of(new DecisionTable(source.name(), sheet, recorder.cells, drl));
        } catch (RuntimeException e) {
            errors.add(table.parseError(e));
            return Optional.empty();
        }
    }

    /** @return the generated DRL */
    String drl() {
        return drl;
    }

    /** @return the generated DRL by line, for the DRL compiler's messages */
    String[] drlLines() {
        return drlLines.clone();
    }

    /**
     * @param m a message of the DRL compiler about the generated DRL (line and column in it)
     * @return the same problem at the cell it came from, or null for the parser's echo of errors already reported
     */
    RuleMessage locate(RuleMessage m) {
        if (m.message().startsWith(PARSER_ECHO)) {
            return null; // follows every syntax error in the generated DRL, each already reported at its cell
        }
        String text = DRL_PARSER_PLACE.matcher(DRL_PLACE.matcher(m.message()).replaceAll("")).replaceAll("$1");
        int line = m.line();
        if (line <= 0 || line > drlLines.length) {
            return at(firstCell(), m.severity(), text);
        }
        int dataRow = ruleRowOf(line);
        if (dataRow < 0) { // package, import or global: the RuleSet, Import or Variables cell that wrote it
            String code = drlLines[line - 1].strip().replaceFirst("^(package|import|global)\\s+", "").replace(";", "");
            return at(findCell(c -> c.contains(code.strip()), 0, Integer.MAX_VALUE).orElse(firstCell()), m.severity(),
                    text);
        }
        int tableRow = ruleTableRowAbove(dataRow);
        Map<Integer, String> keywords = row(tableRow + 1);
        // a local variable an ACTION column declares ("int days = $param;") is missing when that cell is empty
        Matcher symbol = MISSING_VARIABLE.matcher(text);
        if (symbol.find()) {
            Pattern declares = Pattern.compile("[\\w<>,]+\\s+" + Pattern.quote(symbol.group(1)) + "\\s*=");
            for (int col : keywords.keySet()) {
                String template = row(tableRow + 3).get(col);
                if (template != null && declares.matcher(template).find() && row(dataRow).get(col) == null) {
                    return at(new int[] {dataRow, col}, m.severity(), "empty, but the row's actions use '"
                            + symbol.group(1) + "', which this column sets (" + template + "): fill it in");
                }
            }
        }
        // a name the fact class lacks was written in a header (object type or code row), not in the data cell
        Matcher member = MEMBER.matcher(text);
        Matcher unresolvable = UNRESOLVABLE.matcher(text);
        String name = member.find() ? member.group(1) : unresolvable.find() ? unresolvable.group(1) : null;
        if (name != null) {
            Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "\\b");
            for (int r : new int[] {tableRow + 3, tableRow + 2}) {
                for (int col : keywords.keySet()) {
                    String header = row(r).get(col);
                    if (header != null && word.matcher(header).find()) {
                        return at(new int[] {r, col}, m.severity(), headerMessage(text));
                    }
                }
            }
        }
        // otherwise the data cell whose snippet the error is in
        String drlLine = drlLines[line - 1];
        Matcher expression = EXPRESSION.matcher(text);
        String expr = expression.find() ? expression.group(1).strip() : null;
        int best = -1;
        for (int col : keywords.keySet()) {
            String value = row(dataRow).get(col);
            String template = row(tableRow + 3).get(col);
            if (value == null || value.isBlank() || template == null) {
                continue;
            }
            String snippet = snippet(template, value);
            int at = drlLine.indexOf(snippet);
            boolean inExpression = expr != null && (expr.contains(snippet) || snippet.contains(expr));
            boolean underColumn = at >= 0 && m.column() - 1 >= at && m.column() - 1 <= at + snippet.length();
            if (inExpression || underColumn) {
                return at(new int[] {dataRow, col}, m.severity(), text);
            }
            if (at >= 0 && best < 0) {
                best = col;
            }
        }
        int col = best >= 0 ? best : keywords.keySet().stream().findFirst().orElse(0);
        return at(new int[] {dataRow, col}, m.severity(), text);
    }

    /** A header error is the same for every row: say it once, without the row's own values. */
    private static String headerMessage(String text) {
        int cut = text.indexOf(" (Unable to Analyse Expression");
        return cut > 0 ? text.substring(0, cut) : text;
    }

    /** Drools' substitution: {@code $param} is the value, {@code $1, $2...} its comma-separated parts. */
    private static String snippet(String template, String value) {
        value = quoted(template, value);
        String s = template.replace("$param", value);
        String[] parts = value.split(",");
        for (int i = parts.length; i >= 1; i--) {
            s = s.replace("$" + i, parts[i - 1].strip());
        }
        return s;
    }

    /** The data row (0-based) whose rule holds the DRL line, or -1 outside every rule. */
    private int ruleRowOf(int line) {
        for (int i = line - 1; i >= 0; i--) {
            Matcher m = RULE_VALUES.matcher(drlLines[i]);
            if (m.find()) {
                return Integer.parseInt(m.group(1)) - 1;
            }
            if (drlLines[i].strip().equals("end") && i < line - 1) {
                return -1;
            }
        }
        return -1;
    }

    private int ruleTableRowAbove(int row) {
        for (int r = row; r >= 0; r--) {
            for (String v : row(r).values()) {
                if (isRuleTable(v)) {
                    return r;
                }
            }
        }
        return 0;
    }

    /** A CONDITION or ACTION header with no "RuleTable name" cell above: Drools would ignore the table. */
    private Optional<RuleMessage> keywordOutsideRuleTable() {
        boolean anyRuleTable = false;
        for (Map.Entry<Integer, Map<Integer, String>> r : cells.entrySet()) {
            for (Map.Entry<Integer, String> c : r.getValue().entrySet()) {
                String v = c.getValue().strip().toUpperCase(Locale.ROOT);
                anyRuleTable |= isRuleTable(c.getValue());
                if ((v.equals("CONDITION") || v.equals("ACTION"))
                        && row(r.getKey() - 1).values().stream().noneMatch(DecisionTable::isRuleTable)) {
                    return Optional.of(at(new int[] {r.getKey(), c.getKey()}, RuleMessage.Severity.ERROR, "'"
                            + c.getValue().strip() + "' has no 'RuleTable <name>' cell above it, so Drools would "
                            + "ignore this table: put 'RuleTable <name>' in " + name(r.getKey() - 1, c.getKey())
                            + " (the row above the CONDITION and ACTION headers, in the table's first column)"));
                }
            }
        }
        if (!anyRuleTable) {
            return Optional.of(at(firstCell(), RuleMessage.Severity.ERROR, "no 'RuleTable <name>' cell, so the "
                    + "file holds no rules: a decision table starts with 'RuleTable <name>' above its CONDITION and "
                    + "ACTION headers (docs/decision-tables.md)"));
        }
        return Optional.empty();
    }

    private static boolean isRuleTable(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("ruletable") || v.startsWith("ruletable ");
    }

    /** An error of the decision-table parser, at the cell (or row) its message names. */
    private RuleMessage parseError(Exception e) {
        String text = e.getMessage() == null ? e.toString() : e.getMessage().strip().replaceAll("\\s*\\n\\s*", " ");
        if (e.getCause() != null && e.getCause().getMessage() != null && !text.contains(e.getCause().getMessage())) {
            text += " (" + e.getCause().getMessage() + ")";
        }
        Matcher cell = CELL.matcher(text);
        if (cell.find()) {
            return at(new int[] {Integer.parseInt(cell.group(2)) - 1, column(cell.group(1))}, RuleMessage.Severity.ERROR,
                    text);
        }
        Matcher row = ROW.matcher(text);
        if (row.find()) {
            return at(new int[] {Integer.parseInt(row.group(1)), 0}, RuleMessage.Severity.ERROR, text);
        }
        return at(cells.isEmpty() ? new int[] {-1, -1} : firstCell(), RuleMessage.Severity.ERROR, text);
    }

    /** @return the message at a 0-based row and column: line = row, column = column, both 1-based */
    private RuleMessage at(int[] rowCol, RuleMessage.Severity severity, String text) {
        if (rowCol[0] < 0) {
            return new RuleMessage(file, 0, 0, severity, (sheet == null ? "" : "sheet \"" + sheet + "\": ") + text);
        }
        String where = (sheet == null ? "" : "sheet \"" + sheet + "\", ") + "cell " + name(rowCol[0], rowCol[1]) + ": ";
        return new RuleMessage(file, rowCol[0] + 1, rowCol[1] + 1, severity, where + text);
    }

    private int[] firstCell() {
        for (Map.Entry<Integer, Map<Integer, String>> r : cells.entrySet()) {
            for (Integer c : r.getValue().keySet()) {
                return new int[] {r.getKey(), c};
            }
        }
        return new int[] {0, 0};
    }

    private Optional<int[]> findCell(java.util.function.Predicate<String> test, int fromRow, int toRow) {
        for (Map.Entry<Integer, Map<Integer, String>> r : cells.entrySet()) {
            if (r.getKey() < fromRow || r.getKey() > toRow) {
                continue;
            }
            for (Map.Entry<Integer, String> c : r.getValue().entrySet()) {
                if (test.test(c.getValue())) {
                    return Optional.of(new int[] {r.getKey(), c.getKey()});
                }
            }
        }
        return Optional.empty();
    }

    private Map<Integer, String> row(int r) {
        return cells.getOrDefault(r, Map.of());
    }

    /** @return a cell's name, e.g. C7, from 0-based row and column */
    static String name(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + (row + 1);
    }

    private static int column(String letters) {
        int c = 0;
        for (char ch : letters.toCharArray()) {
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }

    /** @return the cell as Drools must paste it into its column's code: escaped if the code quotes it */
    static String quoted(String template, String value) {
        QuotedValues.Use use = QuotedValues.use(template, PLACEHOLDER);
        boolean quoted = use == QuotedValues.Use.QUOTED || use == QuotedValues.Use.BOTH;
        return quoted && QuotedValues.needsEscape(value) ? QuotedValues.escape(value) : value;
    }

    /**
     * Passes the cells on to Drools' listener, each data cell escaped where its column's code row puts it between
     * quotes ({@code hasTag("$param")}): a cell is a value, never code that closes the string.
     */
    private static final class QuotingListener implements DataListener {
        private final DataListener next;
        private final Map<Integer, String> code = new java.util.HashMap<>();
        /** The data cells of the wrong type for their column (row and column), with what the column expects. */
        final Map<int[], CellTypes.Kind> wrongType = new java.util.LinkedHashMap<>();
        private int tableRow = -1;

        QuotingListener(DataListener next) {
            this.next = next;
        }

        @Override
        public void startSheet(String name) {
            next.startSheet(name);
        }

        @Override
        public void finishSheet() {
            next.finishSheet();
        }

        @Override
        public void newRow(int rowNumber, int columns) {
            next.newRow(rowNumber, columns);
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            String v = value;
            if (v != null && isRuleTable(v)) {
                tableRow = row;
                code.clear();
            } else if (tableRow >= 0 && row == tableRow + 3 && v != null) {
                code.put(column, v); // the code row: RuleTable, keywords, object types, code, labels, data
            } else if (tableRow >= 0 && row > tableRow + 4 && v != null && !v.isBlank() && code.containsKey(column)) {
                Optional<CellTypes.Kind> kind = CellTypes.of(code.get(column));
                if (kind.isPresent() && !CellTypes.fits(kind.get(), v)) {
                    wrongType.put(new int[] {row, column}, kind.get());
                    v = CellTypes.standIn(kind.get());
                }
                v = quoted(code.get(column), v);
            }
            next.newCell(row, column, v, mergedColStart);
        }
    }

    /** Keeps every non-blank cell the parser reports, as it reports it (merged cells included). */
    private static final class Recorder implements DataListener {
        final Map<Integer, Map<Integer, String>> cells = new TreeMap<>();

        @Override
        public void startSheet(String name) {
        }

        @Override
        public void finishSheet() {
        }

        @Override
        public void newRow(int rowNumber, int columns) {
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (value != null && !value.isBlank()) {
                cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value.strip());
            }
        }
    }

    @Override
    public String toString() {
        return "DecisionTable[" + file + (sheet == null ? "" : ", sheet " + sheet) + ", " + new ArrayList<>(
                cells.keySet()).size() + " rows]";
    }
}
