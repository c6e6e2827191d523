package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint warns about rules that would loop: a rule that changes what it matches without a guard,
 * and two rules (or a rule and a built-in one) that undo each other's change. Each at the rule's line.
 */
class LoopLintTest {
    private static final String HEADER = """
            package my.rules;

            import dev.custflow.model.*;
            global dev.custflow.rules.Actions actions;

            """;

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        new LintFolder(dir).write(name, text);
    }

    /** @return the warnings lint finds in the folder, which must have no error */
    private List<String> warnings() {
        return new LintFolder(dir).lint(false).stream().filter(l -> l.contains(": warning: ")).toList();
    }

    @Test
    void aRuleThatAddsATagWithoutCheckingIt_isWarnedAtItsLine() throws IOException {
        write("vip.drl", HEADER + """
                // Big buyers are VIPs.
                rule "vip: big buyers are tagged"
                when
                    $c : Customer( orderCount > 10 )
                then
                    actions.addTag($c, "vip", "more than 10 orders");
                end
                """);
        assertThat(warnings()).containsExactly("vip.drl:7:6: warning: rule \"vip: big buyers are tagged\" adds the tag "
                + "\"vip\" but its conditions do not exclude customers already in that state: it matches again after "
                + "its own change and fires a second time (a loop, if another rule undoes the change); add "
                + "!hasTag(\"vip\") to its conditions");
    }

    @Test
    void aGuardedRule_isFine() throws IOException {
        write("vip.drl", HEADER + """
                rule "vip: big buyers are tagged"
                when
                    $c : Customer( orderCount > 10, !hasTag("vip") )
                then
                    actions.addTag($c, "vip", "more than 10 orders");
                end

                rule "vip: loyal customers move on"
                when
                    $c : Customer( stage == Stage.CUSTOMER, orderCount > 3 )
                then
                    actions.changeStage($c, Stage.LOYAL, "more than 3 orders");
                end
                """);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void twoRulesThatAddAndRemoveTheSameTag_areAPingPong_namingBoth() throws IOException {
        write("pingpong.drl", HEADER + """
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
                    actions.removeTag($c, "watch", "a big buyer");
                end
                """);
        assertThat(warnings()).containsExactly("pingpong.drl:6:6: warning: rule \"tags: complainers are watched\" adds "
                + "the tag \"watch\" and rule \"tags: big buyers are not watched\" (pingpong.drl:13) removes the tag "
                + "\"watch\"; each still matches after the other's change and nothing in their conditions keeps them "
                + "apart, so on a customer both match they undo each other until the engine stops at 10,000 firings");
    }

    @Test
    void conditionsThatExcludeEachOther_keepTwoRulesApart() throws IOException {
        write("apart.drl", HEADER + """
                rule "tags: complainers are watched"
                when
                    $c : Customer( hasOpenComplaint, !hasTag("watch") )
                then
                    actions.addTag($c, "watch", "an open complaint");
                end

                rule "tags: no complaint, no watch"
                when
                    $c : Customer( !hasOpenComplaint, hasTag("watch") )
                then
                    actions.removeTag($c, "watch", "no open complaint");
                end
                """);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aRuleFightingABuiltInRule_isWarned() throws IOException {
        write("demote.drl", HEADER + """
                rule "lifecycle: advocates with a complaint are only loyal"
                when
                    $c : Customer( stage == Stage.ADVOCATE || hasOpenComplaint, orderCount > 1 )
                then
                    actions.changeStage($c, Stage.LOYAL, "a complaint");
                end
                """);
        List<String> warnings = warnings();
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("demote.drl:6:6: warning: rule \"lifecycle: "
                + "advocates with a complaint are only loyal\" moves the customer to LOYAL and rule \"lifecycle: ")
                .contains("(dev/custflow/rules/lifecycle/lifecycle.drl:").contains("moves the customer to ADVOCATE"));
    }

    @Test
    void aRuleThatUndoesItsOwnChange_loopsByItself() throws IOException {
        write("flip.drl", HEADER + """
                rule "tags: refresh the tag"
                when
                    $c : Customer( orderCount > 1 )
                then
                    actions.removeTag($c, "fresh", "refresh");
                    actions.addTag($c, "fresh", "refresh");
                end
                """);
        assertThat(warnings()).containsExactly("flip.drl:6:6: warning: rule \"tags: refresh the tag\" both sets and "
                + "undoes tag \"fresh\" and still matches afterwards: every firing changes the customer, which fires "
                + "it again, until the engine stops it at 10,000 firings");
    }

    @Test
    void aDslrRule_isCheckedAfterExpansion() throws IOException {
        write("coupon.dslr", """
                package my.dsl;

                规则 "营销: 微信新客户送券"
                当
                    客户
                    - 渠道 为 WECHAT
                那么
                    添加 标签 已发券 原因 欢迎优惠券只发一次
                结束
                """);
        assertThat(warnings()).singleElement().asString().startsWith("coupon.dslr:3:4: warning: rule \"营销: 微信新客户送券\" "
                + "adds the tag \"已发券\" but its conditions do not exclude");
    }
}
