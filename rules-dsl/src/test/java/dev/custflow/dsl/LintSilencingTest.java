package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table in settings.yaml replaces the default table whole, which lint says; and a warning the author has
 * considered is silenced by a comment that gives the reason, and by nothing else.
 */
class LintSilencingTest {
    private static final String RULE = LintFolder.HEADER + """
            %s
            rule "vip: big buyers are tagged"
            when
                $c : Customer( orderCount > 10 )
            then
                actions.addTag($c, "vip", "more than 10 orders");
            end
            """;

    @TempDir
    Path dir;

    private List<String> warnings() {
        return new LintFolder(dir).lint(false).stream().filter(l -> l.contains(": warning: ")).toList();
    }

    @Test
    void oneRowOfASettingsTable_asATable_isWarned_theOtherRowsAreGone() throws IOException {
        new LintFolder(dir).write("settings.yaml", """
                scoring:
                  channelPoints: {WECHAT: 10}
                """);

        assertThat(warnings()).singleElement().asString()
                .startsWith("settings.yaml:2:1: warning: setting 'scoring.channelPoints' replaces the whole default "
                        + "table, so its rows ")
                .contains("WEBSITE", "REFERRAL")
                .endsWith("are gone. To change one row and keep the others, write 'scoring.channelPoints.WECHAT: 10'; "
                        + "if leaving them out is meant, say so above it: '# lint: allow table-replaced because <why>'");
    }

    @Test
    void oneRowAsADottedKey_orATableReplacedOnPurpose_isFine() throws IOException {
        LintFolder folder = new LintFolder(dir);
        folder.write("settings.yaml", """
                scoring.channelPoints.WECHAT: 10
                scoring:
                  # lint: allow table-replaced because we sell only in these two regions
                  regionPoints: {华东: 10, 华南: 10}
                """);

        assertThat(warnings()).isEmpty();
    }

    @Test
    void aLoopWarning_isSilencedByAReasonAboveTheRule() throws IOException {
        new LintFolder(dir).write("vip.drl", RULE.formatted(
                "// Big buyers are VIPs.\n// lint: allow loop because the second firing adds nothing: addTag is once"));

        assertThat(warnings()).isEmpty();
    }

    @Test
    void anAllowWithoutAReason_silencesNothing_andSaysSo() throws IOException {
        new LintFolder(dir).write("vip.drl", RULE.formatted("// lint: allow loop"));

        assertThat(warnings()).singleElement().asString().contains("adds the tag \"vip\"")
                .endsWith("('lint: allow loop' silences it only with a reason: 'lint: allow loop because <why>')");
    }

    @Test
    void anAllowForAnotherCheck_orFarAboveTheRule_silencesNothing() throws IOException {
        new LintFolder(dir).write("vip.drl", RULE.formatted(
                "// lint: allow empty-reason because reasons are filled in later\n"));

        assertThat(warnings()).singleElement().asString().contains("adds the tag \"vip\"");
    }
}
