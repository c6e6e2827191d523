package dev.custflow.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Chinese sentences match with or without spaces next to their Chinese words; English ones keep their spaces. */
class SpacingTest {

    @Test
    void aChineseSentence_matchesWithoutSpaces_andIsRewrittenInItsOwnSpacing() {
        Spacing s = Spacing.of("- 连续 {days:\\d+} 天 未下单").orElseThrow();

        assertThat(s.match("- 连续45天未下单")).contains(Map.of("days", "45"));
        assertThat(s.match("-连续 45天 未下单")).contains(Map.of("days", "45"));
        assertThat(s.match("- 连续 45 天 未下单")).contains(Map.of("days", "45"));
        assertThat(s.match("- 连续45天没下单")).isEmpty();
        assertThat(s.render(Map.of("days", "45"))).isEqualTo("- 连续 45 天 未下单");
    }

    @Test
    void aWordValue_endsWhereTheSentencesNextWordStarts() {
        Spacing s = Spacing.of("通过 {via:\\S+} 发送 {template:\\S+} 消息 原因 {reason}").orElseThrow();

        assertThat(s.match("通过微信发送优惠券消息原因新客户的欢迎券"))
                .contains(Map.of("via", "微信", "template", "优惠券", "reason", "新客户的欢迎券"));
        assertThat(s.match("通过 WECHAT 发送 COUPON 消息 原因 欢迎券"))
                .contains(Map.of("via", "WECHAT", "template", "COUPON", "reason", "欢迎券"));
    }

    @Test
    void anEnglishSentence_hasNoLooseForm_itsWordsNeedTheirSpaces() {
        assertThat(Spacing.of("- with no order for {days:\\d+} days")).isEmpty();
        assertThat(Spacing.of("^\\s*客户")).isPresent();
    }

    @Test
    void betweenTwoLatinWords_aSpaceIsStillNeeded() {
        Spacing s = Spacing.of("- 有 标签 {tag:\\S+}").orElseThrow();

        assertThat(s.match("- 有标签vip")).contains(Map.of("tag", "vip"));
        assertThat(s.match("- 有标签 vip")).contains(Map.of("tag", "vip"));
    }

    @Test
    void anUnmatchedLine_isSpacedByTheLanguagesWords_forSuggestions() {
        assertThat(Spacing.spaced("- 连续45天没下单", Set.of("-", "连续", "天", "未下单")))
                .isEqualTo("- 连续 45 天 没下单");
        assertThat(Spacing.spaced("添加标签vip原因大客户", Set.of("添加", "标签", "原因")))
                .isEqualTo("添加 标签 vip 原因 大客户");
    }
}
