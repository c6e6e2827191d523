package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.custflow.Custflow;
import dev.custflow.RuleCompilationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line of a .dslr that is not a sentence of the DSL is reported with its file, line and the
 * closest sentences, by lint and when the folder is loaded, instead of whatever the DRL parser makes
 * of the unexpanded text.
 */
class DslErrorsTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aMisspeltChineseSentence_lint_namesFileLineAndTheClosestSentences() throws IOException {
        write("流失.dslr", """
                expander custflow-zh.dsl

                规则 "流失: 两个月未下单"
                当
                    客户
                    - 阶段 为 CUSTOMER
                    - 连续 60 天 没有下单
                那么
                    发出 HIGH 级 流失预警 原因 两个月未下单
                结束
                """);

        assertThat(new LintFolder(dir).lint(true)).containsExactly(
                "流失.dslr:7:5: error: no sentence of the DSL matches '- 连续 60 天 没有下单'. Did you mean "
                        + "'- 连续 {days} 天 未下单'?");
    }

    @Test
    void aMisspeltEnglishAction_failsTheEngineBuild_withTheSentencesToChooseFrom() throws IOException {
        write("churn.dslr", """
                rule "churn: quiet customers"
                when
                    There is a customer
                    - with no orders for 60 days
                then
                    Warn of churn at HIGH because no order for two months
                end
                """);

        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> Custflow.builder().rules(RulesFolder.load(dir).sources()).build());

        assertThat(e.getMessage()).isEqualTo("""
                The rules did not compile (2 errors):
                churn.dslr:4:5: error: no sentence of the DSL matches '- with no orders for 60 days'. Did you mean \
                '- with no order for {days} days', '- with no interaction for {days} days' or '- with grade {grade}'?
                churn.dslr:6:5: error: no sentence of the DSL matches 'Warn of churn at HIGH because no order for two \
                months'. Did you mean 'Warn of churn at level {level} because {reason}'?""");
    }

    @Test
    void aValueThatIsNotAStage_isReportedWithTheStageMeant() throws IOException {
        write("stages.dslr", """
                规则 "销售: 成交客户"
                当
                    客户
                    - 阶段 为 成交
                    - 分层 为 HIGH_VALU
                那么
                    添加 标签 vip 原因 高价值成交客户
                结束
                """);

        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> Custflow.builder().rules(RulesFolder.load(dir).sources()).build());

        assertThat(e.messages()).extracting(Object::toString).containsExactly(
                "stages.dslr:4:12: error: unknown stage '成交'. Did you mean CUSTOMER (成交客户)? (stages: "
                        + "LEAD (潜在客户), PROSPECT (意向客户), CUSTOMER (成交客户), LOYAL (忠诚客户), ADVOCATE (拥护客户), "
                        + "DISQUALIFIED (无效线索), DORMANT (沉睡客户), NURTURE (培育线索), LOST (战败线索))",
                "stages.dslr:5:12: error: unknown segment 'HIGH_VALU'. Did you mean HIGH_VALUE (高价值客户)? (segments: "
                        + "HIGH_VALUE (高价值客户), POTENTIAL (潜力客户), NEW (新客户), AT_RISK (风险客户), "
                        + "SLEEPING (沉睡客户), LOST (流失客户))");
    }

    @Test
    void aWholeRuleOnOneLine_isAskedToPutOneSentenceOnEachLine() throws IOException {
        write("one-line.dslr", """
                规则 "流失: 两个月未下单"
                当 客户
                那么
                    发出 HIGH 级 流失预警 原因 两个月未下单
                结束
                """);

        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> Custflow.builder().rules(RulesFolder.load(dir).sources()).build());

        assertThat(e.messages()).extracting(Object::toString).containsExactly(
                "one-line.dslr:2:1: error: '当' stands on a line of its own: put '客户' on the next line, one sentence "
                        + "a line");
    }

    @Test
    void aConditionWithoutTheCustomerLine_saysWhichLineIsMissing() throws IOException {
        write("no-customer.dslr", """
                rule "tags: big spenders"
                when
                    - who spent at least 5000 in total
                then
                    Tag the customer big-spender because spent 5000 or more
                end
                """);

        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> Custflow.builder().rules(RulesFolder.load(dir).sources()).build());

        assertThat(e.messages()).extracting(Object::toString).containsExactly(
                "no-customer.dslr:3:5: error: '- who spent at least 5000 in total' adds a condition to the customer, "
                        + "but no line above names one: start the conditions with '客户' or 'There is a customer'");
    }

    @Test
    void aHashCommentInsideARule_isAskedToBeWrittenWithSlashes() throws IOException {
        write("comment.dslr", """
                rule "tags: big spenders"
                when
                    There is a customer
                    # big spenders only
                    - who spent at least 5000 in total
                then
                    Tag the customer big-spender because spent 5000 or more
                end
                """);

        assertThat(new LintFolder(dir).lint(true)).containsExactly(
                "comment.dslr:4:5: error: '#' does not start a comment inside a rule: write '//' instead");
    }
}
