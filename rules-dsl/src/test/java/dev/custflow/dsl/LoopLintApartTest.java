package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two rules that set and undo the same tag are no loop when a pattern one requires the other forbids
 * ({@code exists ... from}, or the pattern alone, against {@code not ... from}).
 */
class LoopLintApartTest {
    private static final String HEADER = """
            package my.rules;

            import dev.custflow.model.*;
            global dev.custflow.rules.Actions actions;

            """;

    @TempDir
    Path dir;

    private List<String> warnings(String drl) throws IOException {
        LintFolder folder = new LintFolder(dir);
        folder.write("watch.drl", HEADER + drl);
        return folder.lint(false).stream().filter(l -> l.contains(": warning: ")).toList();
    }

    @Test
    void notFrom_againstExistsFrom_keepsTwoRulesApart() throws IOException {
        assertThat(warnings("""
                rule "contracts: customers without a contract are watched"
                when
                    $c : Customer( orderCount >= 0, !hasTag("watch") )
                    not Contract( ) from $c.contracts
                then
                    actions.addTag($c, "watch", "no contract");
                end

                rule "contracts: a contract ends the watch"
                when
                    $c : Customer( orderCount >= 0, hasTag("watch") )
                    exists Contract( ) from $c.contracts
                then
                    actions.removeTag($c, "watch", "a contract");
                end
                """)).isEmpty();
    }

    @Test
    void aPlainPatternFromASource_isRequired_likeExists() throws IOException {
        assertThat(warnings("""
                rule "contracts: customers without a contract are watched"
                when
                    $c : Customer( orderCount >= 0, !hasTag("watch") )
                    not Contract( ) from $c.contracts
                then
                    actions.addTag($c, "watch", "no contract");
                end

                rule "contracts: a contract ends the watch"
                when
                    $c : Customer( orderCount >= 0, hasTag("watch") )
                    $k : Contract( ) from $c.contracts
                then
                    actions.removeTag($c, "watch", "a contract");
                end
                """)).isEmpty();
    }

    @Test
    void differentPatterns_keepNothingApart_theWarningStays() throws IOException {
        assertThat(warnings("""
                rule "contracts: customers without a contract are watched"
                when
                    $c : Customer( orderCount >= 0, !hasTag("watch") )
                    not Contract( ) from $c.contracts
                then
                    actions.addTag($c, "watch", "no contract");
                end

                rule "contracts: complainers are not watched"
                when
                    $c : Customer( orderCount >= 0, hasTag("watch") )
                    exists String( ) from $c.openWarnings
                then
                    actions.removeTag($c, "watch", "an open warning");
                end
                """)).singleElement().asString().contains("undo each other");
    }
}
