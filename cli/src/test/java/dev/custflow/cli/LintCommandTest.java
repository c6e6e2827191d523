package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custflow lint DIR}: a line per problem, a summary that counts them, and the exit code says if one is an error. */
class LintCommandTest {
    private static final String HEADER = """
            package my.rules;

            import dev.custflow.model.Customer;
            global dev.custflow.rules.Actions actions;

            """;

    @TempDir
    Path dir;

    @Test
    void aFolderWithAnError_printsItAtItsPlace_countsIt_andExitsWithOne() throws IOException {
        Files.writeString(dir.resolve("settings.yaml"), "churn:\n  longNoOrderDay: 120\n");
        writeQuietRule("");

        Main.Result run = Main.capture("lint", dir.toString());

        assertThat(run.code()).as(run.out()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).hasSize(3).satisfiesExactly(
                warning -> assertThat(warning).startsWith("quiet.drl:10:5: warning: ").contains("empty reason"),
                error -> assertThat(error).startsWith("settings.yaml:2:0: error: ").contains("longNoOrderDay"),
                summary -> assertThat(summary).isEqualTo("custflow lint: " + dir + ": 1 error, 1 warning"));
    }

    @Test
    void aGoodFolder_exitsZero() throws IOException {
        writeQuietRule("no order for 45 days");

        Main.Result run = Main.capture("lint", dir.toString());

        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).isEqualTo("custflow lint: " + dir + ": 0 errors, 0 warnings\n");
    }

    @Test
    void catchingThrowable_isAnErrorAtItsLine_evenWithTheClassAllowed() throws IOException {
        Files.writeString(dir.resolve("catch.drl"), HEADER + """
                rule "my: swallows everything"
                when
                    $c : Customer( )
                then
                    try { actions.addTag($c, "x", "tagged"); } catch (Throwable t) { }
                end
                """);

        Main.Result run = Main.capture("lint", "--allow", "java.lang.Throwable", dir.toString());

        assertThat(run.code()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("catch.drl:10:0: error: the rule \"my: swallows everything\" uses a catch of "
                + "java.lang.Throwable, which rules may not use (the engine stops a rule that runs too long");
    }

    @Test
    void notAFolder_isAUsageError() {
        Main.Result run = Main.capture("lint", dir.resolve("missing").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("custflow lint: not a folder of rules: ");
    }

    /** A rule file that tags customers quiet after 45 days without an order, with this reason. */
    private void writeQuietRule(String reason) throws IOException {
        Files.writeString(dir.resolve("quiet.drl"), HEADER + """
                rule "my: quiet customers are tagged"
                when
                    $c : Customer( hasOrdered, daysSinceLastOrder >= 45, !hasTag("quiet") )
                then
                    actions.addTag($c, "quiet", "%s");
                end
                """.formatted(reason));
    }
}
