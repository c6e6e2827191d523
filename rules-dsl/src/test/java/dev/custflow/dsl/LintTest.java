package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lint: every problem of a rules folder with its place, nothing run. */
class LintTest {
    private static final String HEADER = LintFolder.HEADER;

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        new LintFolder(dir).write(name, text);
    }

    private List<String> lint(boolean errorsExpected) {
        return new LintFolder(dir).lint(errorsExpected);
    }

    @Test
    void aFolderWithProblems_everyOneIsReportedWithFileLineAndColumn() throws IOException {
        write("settings.yaml", "churn:\n  noOrderDays: 45\n  longNoOrderDay: 120\n");
        write("vip.drl", HEADER + """
                rule "vip: big spenders are tagged"
                when
                    $c : Customer( orderCount > 10, !hasTag("vip") )
                then
                    actions.addTag($c, "vip", "");
                end

                rule "churn: no order for a while"
                when
                    $c : Customer( hasOrdered, daysSinceLastOrdr >= 45 )
                then
                    actions.addTag($c, "quiet", "no order for 45 days");
                end
                """);
        write("more/dup.drl", HEADER.replace("my.rules", "my.more") + """
                rule "vip: big spenders are tagged"
                when
                    $c : Customer( orderCount > 20, !hasTag("vip") )
                then
                    actions.addTag($c, "vip", "many orders");
                end
                """);

        assertThat(lint(true)).containsExactly(
                "settings.yaml:3:0: error: setting 'churn.longNoOrderDay': unknown key. Did you mean 'longNoOrderDays'?",
                "vip.drl:6:6: error: rule \"vip: big spenders are tagged\" is already defined at more/dup.drl:6; give "
                        + "each rule its own name",
                "vip.drl:10:5: warning: actions.addTag with an empty reason: say why, in words a sales manager "
                        + "understands (the reason travels with the action)",
                "vip.drl:13:6: info: rule \"churn: no order for a while\" replaces the built-in rule of the churn pack",
                "vip.drl:15:32: error: Customer has no property or method 'daysSinceLastOrdr'; did you mean "
                        + "'daysSinceLastOrder'?");
    }

    @Test
    void aGoodFolder_hasNoError_andAnOverrideIsOnlyInformation() throws IOException {
        write("settings.json", "{\"churn\": {\"noOrderDays\": 45}}");
        write("quiet.drl", HEADER + """
                rule "churn: no order for a while"
                when
                    $c : Customer( hasOrdered, daysSinceLastOrder >= 45, !hasTag("quiet") )
                then
                    actions.addTag($c, "quiet", "no order for " + $c.getDaysSinceLastOrder() + " days");
                end
                """);

        assertThat(lint(false)).containsExactly(
                "quiet.drl:6:6: info: rule \"churn: no order for a while\" replaces the built-in rule of the churn pack");
    }

    @Test
    void notAFolder_isRefused_namingIt() {
        assertThatThrownBy(() -> Lint.check(dir.resolve("missing"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a folder of rules: ").hasMessageContaining("missing");
    }
}
