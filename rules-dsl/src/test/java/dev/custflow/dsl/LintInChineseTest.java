package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.RuleMessage;
import dev.custflow.testdata.Bundles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Chinese rule author reads lint's findings in Chinese, still at file:line:column, with the same facts. */
class LintInChineseTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenFolder_isReportedInChinese_atTheSameFileLineAndColumn() throws IOException {
        LintFolder folder = new LintFolder(dir);
        folder.write("tags.drl", LintFolder.HEADER + """
                rule "tags: complainers are watched"
                when
                    $c : Customer( hasOpenComplaint, !hasTag("watch") )
                then
                    actions.addTag($c, "watch", "an open complaint");
                end

                rule "tags: big buyers are not watched"
                when
                    $c : Customer( orderCount > 5, hasTag("watch") )
                then
                    actions.removeTag($c, "watch", "");
                end
                """);
        folder.write("twice.drl", LintFolder.HEADER + """
                rule "tags: complainers are watched"
                when
                    $c : Customer( hasOpenComplaint, hasTag("watch") )
                then
                end
                """);
        List<RuleMessage> problems = Lint.check(dir, List.of(), Locale.SIMPLIFIED_CHINESE);
        List<String> lines = problems.stream().map(m -> Lint.format(m, Locale.SIMPLIFIED_CHINESE)).toList();

        assertThat(lines).contains(
                "tags.drl:6:6: 警告: 规则“tags: complainers are watched”添加标签“watch”，而规则“tags: big buyers are "
                        + "not watched”（tags.drl:13）去掉标签“watch”；双方在对方改动之后都仍然满足条件，条件里也没有把两者"
                        + "区分开，因此遇到两条都满足的客户时，它们会来回撤销对方的改动，直到引擎在第 10,000 次触发时叫停",
                "tags.drl:17:5: 警告: actions.removeTag 的原因为空：请用销售经理看得懂的话写明为什么（原因会随动作一起发出）",
                "twice.drl:6:6: 错误: 规则“tags: complainers are watched”已在 tags.drl:6 定义过；每条规则请用不同的名字");
        long errors = problems.stream().filter(m -> m.severity() == RuleMessage.Severity.ERROR).count();
        assertThat(Lint.summary(problems, "rules", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("custflow lint：rules：" + errors + " 个错误，2 个警告");
        // the same findings at the same places as in English: only the words differ
        assertThat(problems).extracting(m -> m.file() + ":" + m.line() + ":" + m.column() + ":" + m.severity())
                .isEqualTo(Lint.check(dir, List.of()).stream()
                        .map(m -> m.file() + ":" + m.line() + ":" + m.column() + ":" + m.severity()).toList());
    }

    @Test
    void english_staysTheDefault() throws IOException {
        new LintFolder(dir).write("empty.drl", LintFolder.HEADER + """
                rule "x: empty reason"
                when
                    $c : Customer( orderCount > 5 )
                then
                    actions.addTag($c, "x", "");
                end
                """);
        assertThat(Lint.check(dir, List.of()).stream().map(Lint::format))
                .anyMatch(l -> l.contains(": warning: actions.addTag with an empty reason"));
    }

    @Test
    void aLanguageWithoutTemplates_isRefused() {
        assertThatThrownBy(() -> Lint.check(dir, List.of(), Locale.JAPANESE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zh-CN").hasMessageContaining("en");
    }

    @Test
    void everyFindingHasAChineseTemplate_withTheSameArguments() {
        Bundles.assertChineseMatchesEnglish("dev/custflow/dsl/lint.properties");
    }
}
