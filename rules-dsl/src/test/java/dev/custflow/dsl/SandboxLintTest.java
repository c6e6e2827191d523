package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RuleCompilationException;
import dev.custflow.RuleMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox of a rules folder, through lint and through loading: DRL, a DSLR after its
 * expansion (and the DSL that expands it), a decision table at its cell; {@code --allow} widens it.
 */
class SandboxLintTest {
    private static final String HEADER = LintFolder.HEADER;

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        new LintFolder(dir).write(name, text);
    }

    private List<String> lint(boolean errorsExpected, String... allow) {
        return new LintFolder(dir).lint(errorsExpected, allow);
    }

    private List<String> load() {
        RuleCompilationException e = catchThrowableOfType(RuleCompilationException.class, () -> {
            try (Engine ignored = Custflow.builder().rules(RulesFolder.load(dir).sources()).build()) {
                // must not load
            }
        });
        assertThat(e).isNotNull();
        return e.messages().stream().filter(m -> m.severity() == RuleMessage.Severity.ERROR)
                .map(RuleMessage::toString).toList();
    }

    @Test
    void aDrlRuleThatExits_isAnErrorOfLintAndOfLoading_atItsLine() throws IOException {
        write("exit.drl", HEADER + """
                rule "sandbox: stop everything"
                when
                    $c : Customer( orderCount > 100 )
                then
                    System.exit(0);
                end
                """);
        String expected = "exit.drl:10:5: error: rules may not call System.exit: it would stop the host";
        assertThat(load()).containsExactly(expected);
        assertThat(lint(true)).containsExactly(expected);
    }

    @Test
    void aDslOfTheFolder_isCheckedInItsCode_andEveryDslrLineUsingIt() throws IOException {
        write("words.dsl", """
                [when]There is a customer=$c : dev.custflow.model.Customer( )
                [then]Read the file {name}=new java.io.FileReader("{name}").close();
                """);
        write("read.dslr", """
                package my.dsl;

                rule "dsl: reads a file"
                when
                    There is a customer
                then
                    Read the file secrets.txt
                end
                """);
        List<String> errors = load();
        String why = ": error: rules may not use java.io.FileReader: files and streams belong to the host. Rules read "
                + "the fact model and act through actions and schedule; a host can allow more classes "
                + "(docs/rules.md#the-sandbox)";
        assertThat(errors).containsExactlyInAnyOrder("read.dslr:7:9" + why, "words.dsl:2:32" + why);
        assertThat(lint(true)).containsAll(errors);
    }

    @Test
    void theBuiltInLanguage_passes() throws IOException {
        write("churn.dslr", """
                package my.dsl;

                rule "dsl: two months without an order"
                when
                    There is a customer
                    - with no order for 60 days
                then
                    Warn of churn at level HIGH because no order for two months
                    Create a task CARE_CALL due in 3 days because no order for two months
                end
                """);
        assertThat(lint(false)).isEmpty();
    }

    @Test
    void aDecisionTableCallingSystem_isReportedAtItsCell() throws IOException {
        write("exit.drl.csv", """
                RuleSet,rules.tables.exit,
                Import,dev.custflow.model.Customer,
                Variables,dev.custflow.rules.Actions actions,
                ,,
                RuleTable Exit,,
                CONDITION,ACTION,
                $c : Customer,,
                orderCount >= $param,System.exit($param);,
                Orders,Exit code,
                1,3,
                """);
        String expected = "exit.drl.csv:10:2: error: cell B10: rules may not call System.exit: it would stop the host";
        assertThat(load()).containsExactly(expected);
        assertThat(lint(true)).containsExactly(expected);
    }

    @Test
    void allow_widensTheSandboxForLint() throws IOException {
        write("map.drl", HEADER + """
                rule "sandbox: a concurrent map"
                when
                    $c : Customer( )
                then
                    java.util.concurrent.ConcurrentMap<String, String> m = new java.util.concurrent.ConcurrentHashMap<>();
                end
                """);
        assertThat(lint(true)).hasSize(2);
        assertThat(lint(false, "java.util.concurrent.*")).isEmpty();
    }
}
