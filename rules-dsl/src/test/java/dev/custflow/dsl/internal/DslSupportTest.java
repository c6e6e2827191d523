package dev.custflow.dsl.internal;

import dev.custflow.text.Suggest;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.RuleSource;
import dev.custflow.action.TaskKind;
import dev.custflow.action.Template;
import dev.custflow.model.Channel;
import dev.custflow.model.Level;
import dev.custflow.model.Review;
import dev.custflow.model.Segment;
import dev.custflow.model.Stage;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in business language cannot grow a sentence that no example uses (and so no test runs). */
class DslSupportTest {
    /** The examples of docs/dsl.md; DslExamplesTest (rules-dsl) runs them against their events. */
    private static final Path EXAMPLES = Path.of("../docs/examples/dsl");

    @Test
    void everySentenceOfTheBuiltInDsl_isUsedByAnExample() {
        Map<String, Integer> usage = DslSupport.usage(examples("en", "zh", "every-sentence/en", "every-sentence/zh"));

        // the customer line, 55 conditions and 10 actions, in each language
        assertThat(usage).hasSize(132);
        assertThat(usage.entrySet()).filteredOn(e -> e.getValue() == 0).as("sentences no example uses").isEmpty();
    }

    @Test
    void eachLanguageExample_usesEverySentenceOfItsLanguage() {
        Map<String, Integer> english = DslSupport.usage(examples("en", "every-sentence/en"));
        Map<String, Integer> chinese = DslSupport.usage(examples("zh", "every-sentence/zh"));

        assertThat(english).containsEntry("There is a customer", 24)
                .containsEntry("- with no order for {days} days", 2).containsEntry("客户", 0);
        assertThat(chinese).containsEntry("客户", 24).containsEntry("- 连续 {days} 天 未下单", 2)
                .containsEntry("There is a customer", 0);
        assertThat(english.entrySet()).filteredOn(e -> e.getValue() == 0).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrderElementsOf(chinese.entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(Map.Entry::getKey).toList());
    }

    private static List<RuleSource> examples(String... folders) {
        List<RuleSource> out = new ArrayList<>();
        for (String f : folders) {
            out.addAll(RuleSource.allIn(EXAMPLES.resolve(f)));
        }
        return out;
    }

    @Test
    void sentencesAreRankedByTheWordsThatDiffer_aValuePlaceholderMatchingAnyWord() {
        List<String> sentences = List.of("- with no order for {days} days", "- with at least {orders} orders",
                "- in stage {stage}", "- 连续 {days} 天 未下单", "- 订单 至少 {orders} 笔");

        assertThat(Suggest.sentences("- with no orders for 60 days", sentences, 3))
                .startsWith("- with no order for {days} days");
        assertThat(Suggest.sentences("- 连续 60 天 没下单", sentences, 3)).containsExactly("- 连续 {days} 天 未下单");
        assertThat(Suggest.sentences("completely unrelated words here", sentences, 3)).isEmpty();
    }

    @Test
    void everyConstantASentenceNames_hasAChineseLabelOfItsOwn() {
        for (Enum<?>[] kind : List.<Enum<?>[]>of(Stage.values(), Segment.values(), Level.values(), Channel.values(),
                Template.values(), TaskKind.values(), Review.values())) {
            List<String> labels = Arrays.stream(kind).map(DslSupport::chinese).toList();
            assertThat(labels).as(kind[0].getDeclaringClass().getSimpleName()).doesNotHaveDuplicates()
                    .allSatisfy(l -> assertThat(l).isNotBlank().doesNotContain(" ")
                            .isNotIn(Arrays.stream(kind).map(Enum::name).toList()));
        }
    }

    @Test
    void aChineseLineWithoutSpaces_thatIsNoSentence_getsTheClosestSentence() {
        RuleSource rule = dslr("""
                规则 "流失: 两个月"
                当
                    客户
                    - 连续60天没有下单
                那么
                    发出高级流失预警原因两个月未下单
                结束
                """);

        assertThatThrownBy(() -> DslSupport.usage(List.of(rule))).hasMessageContaining(
                "no sentence of the DSL matches '- 连续60天没有下单'. Did you mean '- 连续 {days} 天 未下单'?");
    }

    @Test
    void aValueThatIsNeitherANameNorALabel_isRefused_withBothNamesOfTheClosest() {
        RuleSource rule = dslr("""
                规则 "营销: 券"
                当
                    客户
                    - 阶段为忠实客户
                那么
                    通过微信发送优惠卷消息原因欢迎券
                结束
                """);

        assertThatThrownBy(() -> DslSupport.usage(List.of(rule)))
                .hasMessageContaining("unknown stage '忠实客户'. Did you mean LOYAL (忠诚客户)?")
                .hasMessageContaining("unknown message template '优惠卷'. Did you mean COUPON (优惠券)?");
    }

    @Test
    void aSentenceIsShownAsAuthorsWriteIt() {
        assertThat(DslSupport.display("- in stage {stage:\\w+}")).isEqualTo("- in stage {stage}");
        assertThat(DslSupport.display("^\\s*客户")).isEqualTo("客户");
    }

    private static RuleSource dslr(String text) {
        return new RuleSource("x.dslr", RuleSource.Kind.DSLR, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
