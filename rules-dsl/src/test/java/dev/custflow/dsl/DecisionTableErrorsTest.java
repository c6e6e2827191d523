package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RuleCompilationException;
import dev.custflow.RuleMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad cell in a decision table is reported at its sheet, row (as the line) and column (as a number), with the cell
 * named in the message, both by lint and when an engine loads the folder. Each case is the
 * shipped churn table (docs/examples/tables) with one cell changed.
 */
class DecisionTableErrorsTest {
    @TempDir
    Path dir;

    /** The shipped churn table as rows of cells, for one to be spoiled. */
    private static List<List<String>> churn() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : ExampleWorkbooks.rows(ExampleWorkbooks.CSV.resolve("churn.drl.csv"))) {
            rows.add(new ArrayList<>(row));
        }
        return rows;
    }

    private void writeCsv(String name, List<List<String>> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            List<String> quoted = row.stream().map(c -> c.contains(",") || c.contains("\"")
                    ? "\"" + c.replace("\"", "\"\"") + "\"" : c).toList();
            sb.append(String.join(",", quoted)).append('\n');
        }
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, sb, StandardCharsets.UTF_8);
    }

    private void writeXlsx(String name, List<List<String>> rows) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        ExampleWorkbooks.write(rows, "Churn", f);
    }

    /** @return the problems lint finds in the folder, which must include an error */
    private List<String> lint() {
        return new LintFolder(dir).lint(true);
    }

    /** @return the errors building an engine on the folder reports */
    private List<String> load() {
        RulesFolder folder = RulesFolder.load(dir);
        RuleCompilationException e = catchThrowableOfType(RuleCompilationException.class, () -> {
            try (Engine ignored = Custflow.builder().rules(folder.sources()).build()) {
                // must not compile
            }
        });
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("The rules did not compile");
        return e.messages().stream().filter(m -> m.severity() == RuleMessage.Severity.ERROR)
                .map(RuleMessage::toString).toList();
    }

    @Test
    void aConditionValueThatDoesNotCompile_isReportedAtItsCell() throws IOException {
        List<List<String>> rows = churn();
        rows.get(12).set(0, "2 orders"); // row 13, column A: "Orders from"
        writeXlsx("tables/churn.drl.xlsx", rows);

        String expected = "tables/churn.drl.xlsx:13:1: error: sheet \"Churn\", cell A13: expected a number, e.g. 500, "
                + "not '2 orders'";
        assertThat(load()).containsExactly(expected);
        assertThat(lint()).containsExactly(expected);
    }

    @Test
    void anUnknownFactField_isReportedAtTheHeaderCellThatNamesIt_once_withASuggestion() throws IOException {
        List<List<String>> rows = churn();
        rows.get(8).set(0, "orderCont >= $param"); // row 9, column A: the code row of "Orders from"
        writeCsv("churn.drl.csv", rows);

        String expected = "churn.drl.csv:9:1: error: cell A9: Customer has no property or method 'orderCont'; did you "
                + "mean 'orderCount'?";
        assertThat(load()).containsExactly(expected);
        assertThat(lint()).containsExactly(expected);
    }

    @Test
    void aMissingRuleTableHeader_isReportedAtTheConditionRow_becauseDroolsWouldIgnoreTheTable() throws IOException {
        List<List<String>> rows = churn();
        rows.get(5).set(0, ""); // row 6: "RuleTable Churn by tier"
        writeXlsx("churn.drl.xlsx", rows);

        String expected = "churn.drl.xlsx:7:1: error: sheet \"Churn\", cell A7: 'CONDITION' has no 'RuleTable <name>' "
                + "cell above it, so Drools would ignore this table: put 'RuleTable <name>' in A6 (the row above the "
                + "CONDITION and ACTION headers, in the table's first column)";
        assertThat(load()).containsExactly(expected);
        assertThat(lint()).containsExactly(expected);
    }

    @Test
    void anEmptyCellAnActionNeeds_isReportedAtTheCellThatUsesIt() throws IOException {
        List<List<String>> rows = churn();
        rows.get(10).set(3, ""); // row 11, column D: "Days without an order" of the first-time MEDIUM row
        writeCsv("churn.drl.csv", rows);

        String expected = "churn.drl.csv:11:4: error: cell D11: empty, but the row's actions use 'days', which this "
                + "column sets (int days = $param; schedule.wakeAt($c, $c.daysAfterLastOrder(days));): fill it in";
        assertThat(load()).containsExactly(expected);
        assertThat(lint()).containsExactly(expected);
    }

    @Test
    void everyCellOfTheWrongType_isReportedAtOnce_asWhatTheColumnExpects() throws IOException {
        List<List<String>> rows = churn();
        rows.get(10).set(3, "five hundred"); // D11: "Days without an order", int days = $param
        rows.get(12).set(0, "500 人");       // A13: "Orders from", orderCount >= $param
        rows.get(14).set(1, "5 orders");    // B15: "Orders to", orderCount <= $param
        rows.get(13).set(2, "regular, 2");  // C14: "Tier", text between quotes: any text is fine
        writeCsv("churn.drl.csv", rows);

        assertThat(load()).containsExactly(
                "churn.drl.csv:11:4: error: cell D11: expected a number, e.g. 500, not 'five hundred'",
                "churn.drl.csv:13:1: error: cell A13: expected a number, e.g. 500, not '500 人'",
                "churn.drl.csv:15:2: error: cell B15: expected a number, e.g. 500, not '5 orders'");
    }

    @Test
    void aWrongTypeCell_doesNotHideAnotherErrorOfTheFile() throws IOException {
        List<List<String>> rows = churn();
        rows.get(10).set(3, "sixty");                 // D11: a number expected
        rows.get(8).set(1, "orderCont <= $param");   // B9: a property the customer lacks
        writeCsv("churn.drl.csv", rows);

        assertThat(lint()).containsExactly(
                "churn.drl.csv:9:2: error: cell B9: Customer has no property or method 'orderCont'; did you mean "
                        + "'orderCount'?",
                "churn.drl.csv:11:4: error: cell D11: expected a number, e.g. 500, not 'sixty'");
    }

    @Test
    void yesInATrueOrFalseColumn_isReportedAsSuch() throws IOException {
        Files.writeString(dir.resolve("leads.drl.csv"), """
                RuleSet,rules.tables.leads,
                Import,dev.custflow.model.Customer,
                Variables,dev.custflow.rules.Actions actions,
                RuleTable Open leads,,
                CONDITION,ACTION,
                $c : Customer,,
                openLead == $param,"actions.addTag($c, ""$param"", ""an open lead"");",
                Open lead,Tag,
                yes,open,
                false,closed,
                """, StandardCharsets.UTF_8);

        assertThat(load()).containsExactly("leads.drl.csv:9:1: error: cell A9: expected true or false, not 'yes'");
    }
}
