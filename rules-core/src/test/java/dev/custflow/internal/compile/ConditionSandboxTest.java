package dev.custflow.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The condition check reads every condition the way MVEL will, and accepts what the rules of this repository write:
 * the built-in packs, checked as if a user had written them, pass it.
 */
class ConditionSandboxTest {

    @Test
    void theBuiltInPacks_checkedAsUserFiles_pass() {
        List<ConditionSandbox.Source> packs = new ArrayList<>();
        for (RulePack p : RulePack.values()) {
            RuleSource s = RuleSource.ofClasspath(p.resource(), getClass().getClassLoader());
            packs.add(new ConditionSandbox.Source(s.name(), s.text()));
        }

        assertThat(ConditionSandbox.check(packs, List.of(), Sandbox.DEFAULT)).isEmpty();
    }

    @Test
    void theParser_readsTheWholeCondition_orRefusesIt() throws Exception {
        for (String fine : List.of("orderCount > 2 && < 9", "$n : orderCount", "stage in (Stage.LEAD, Stage.CUSTOMER)",
                "stage not in (Stage.LEAD)", "name str[startsWith] \"A\"", "tags contains \"vip\"", "x ? y : z",
                "(String) id != null", "[1, 2].size() > 0", "[\"a\" : 1].size() > 0", "!hasTag('v')",
                "totalSpentCents >= 500000L", "amount * 1.5B > 0", "this != $other")) {
            assertThat(ConditionParser.parse(fine, true)).as(fine).isNotNull();
        }
        for (String refused : List.of("a.{ b = 1 }", "a = 5", "a!.b", "a?.b", "a.?b", "a#Foo.b", "x++", "def f() { }",
                "a; b", "a -> b", "a::b", "@x", "new int[3]", "\"unclosed", "1x", "if (a) b", "a & b",
                "Run\u0001time", "Sys\u00ADtem", "Sys\u200Btem", "foo\u202Ebar")) {
            assertThatThrownBy(() -> ConditionParser.parse(refused, true)).as(refused)
                    .isInstanceOf(ConditionParser.SyntaxException.class);
        }
    }

    @Test
    void aNameThatCouldMeanTwoThings_isCheckedInEveryReading() {
        // Array is MVEL's own name for java.lang.reflect.Array, whatever the file imports
        String drl = """
                package my.rules;
                import dev.custflow.model.Customer;
                rule "r"
                when
                    $c : Customer( Array.getLength(tags.toArray()) > 0 )
                then
                end
                """;

        Map<String, List<dev.custflow.RuleMessage>> found = ConditionSandbox.check(
                List.of(new ConditionSandbox.Source("r.drl", drl)), List.of(), Sandbox.DEFAULT);

        assertThat(found.get("r.drl")).anyMatch(m -> m.message().contains("uses java.lang.reflect.Array"));
    }

    @Test
    void theHostCanWidenTheList_forConditionsToo() {
        String drl = """
                package my.rules;
                import dev.custflow.model.Customer;
                rule "r"
                when
                    $c : Customer( new java.util.concurrent.atomic.AtomicInteger(1).get() > 0 )
                then
                end
                """;
        List<ConditionSandbox.Source> file = List.of(new ConditionSandbox.Source("r.drl", drl));

        assertThat(ConditionSandbox.check(file, List.of(), Sandbox.DEFAULT)).containsKey("r.drl");
        assertThat(ConditionSandbox.check(file, List.of(), new Sandbox(List.of("java.util.concurrent.atomic.*"))))
                .isEmpty();
    }
}
