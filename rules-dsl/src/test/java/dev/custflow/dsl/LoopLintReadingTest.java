package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop check reads rules the way Drools does: what a comment, a string or a text block says is not code, a key
 * built at run time is not a literal, and a built-in churn cause means the same whether written as the enum or as
 * its name.
 */
class LoopLintReadingTest {
    private static final String HEADER = """
            package my.rules;

            import dev.custflow.model.Customer;
            import dev.custflow.model.ChurnCause;
            global dev.custflow.rules.Actions actions;

            """;

    @TempDir
    Path dir;

    private List<String> warnings(String file, String rules) throws IOException {
        LintFolder folder = new LintFolder(dir);
        folder.write(file, HEADER + rules);
        return folder.lint(false).stream().filter(l -> l.contains(": warning: ")).toList();
    }

    @Test
    void actionsInCommentsAndStrings_areNotActions() throws IOException {
        assertThat(warnings("quiet.drl", """
                rule "vip: big buyers are tagged once"
                when
                    $c : Customer( orderCount > 10, !hasTag("vip") ) // , hasTag("vip")
                then
                    char quote = '"'; // actions.removeTag($c, "vip", "after a quote character");
                    // actions.removeTag($c, "vip", "commented out");
                    /* actions.note($c, "seen"); */
                    actions.addTag($c, "vip", "not actions.note($c, \\"seen\\") but a tag");
                end
                """)).isEmpty();
    }

    @Test
    void aTextBlockInTheConsequence_isText_evenWithEndInIt() throws IOException {
        assertThat(warnings("block.drl", """
                rule "vip: a letter for big buyers"
                when
                    $c : Customer( orderCount > 10, !noted("letter") )
                then
                    String letter = \"""
                        actions.addTag($c, "vip", "in the letter");
                        end
                        \""";
                    actions.note($c, "letter");
                end
                """)).isEmpty();
    }

    @Test
    void aKeyBuiltAtRunTime_isNotFollowed() throws IOException {
        assertThat(warnings("yearly.drl", """
                rule "vip: one note per order count"
                when
                    $c : Customer( orderCount > 10, !noted("ORDERS:" + orderCount) )
                then
                    actions.note($c, "ORDERS:" + $c.getOrderCount());
                end
                """)).isEmpty();
    }

    @Test
    void aChurnCauseAsEnum_isReadAsItsName() throws IOException {
        String rule = """
                rule "vip: big buyers are never warned"
                when
                    $c : Customer( orderCount > 10, hasWarning(%s) )
                then
                    actions.clearChurn($c, %s, "a big buyer");
                end
                """;
        String loop = "warning: rule \"vip: big buyers are never warned\" clears the churn warning \"NO_ORDER\" and "
                + "rule \"churn: no order for a while\" (dev/custflow/rules/churn/churn.drl:";
        List<String> asEnum = warnings("enum.drl", rule.formatted("ChurnCause.NO_ORDER.name()", "ChurnCause.NO_ORDER"));
        assertThat(asEnum).singleElement().asString().startsWith("enum.drl:7:6: " + loop);
        assertThat(warnings("enum.drl", rule.formatted("\"NO_ORDER\"", "\"NO_ORDER\""))).isEqualTo(asEnum);
    }
}
