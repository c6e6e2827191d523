package dev.custflow.dsl;

import static dev.custflow.testdata.RefusedRules.names;
import static dev.custflow.testdata.RefusedRules.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RuleSource;
import dev.custflow.action.Action;
import dev.custflow.testdata.Events;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules in sentences (DSL) and decision tables written to get past the sandbox (docs/rules.md, "The sandbox"): a
 * value an author writes is pasted between quotes as text, escaped, however it is written; a value pasted as code is
 * checked as the code it makes. Each class of attack has its own test.
 */
class DslSandboxAttacksTest {
    private static final String BREAKOUT = "\"); System.exit(1); (\"";

    private static RuleSource dslr(String name, String text) {
        return new RuleSource(name, RuleSource.Kind.DSLR, text.getBytes(StandardCharsets.UTF_8));
    }

    private static RuleSource dsl(String name, String text) {
        return new RuleSource(name, RuleSource.Kind.DSL, text.getBytes(StandardCharsets.UTF_8));
    }

    private static RuleSource csv(String name, String text) {
        return new RuleSource(name, RuleSource.Kind.DECISION_TABLE_CSV, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The actions the rules take for one new lead (the rules must load). */
    private static List<Action> actionsFor(RuleSource... sources) {
        try (Engine engine = Custflow.builder().packs().rules(sources).build()) {
            return engine.accept(Events.lead("L1", "2024-01-01T09:00:00Z", "WEBSITE"));
        }
    }

    @Test
    void aReasonThatWouldCloseItsString_staysText_inEnglish() {
        List<Action> actions = actionsFor(dslr("a.dslr", """
                rule "attack"
                when
                    There is a customer
                then
                    Tag the customer x because %s
                end
                """.formatted(BREAKOUT)));

        assertThat(actions).anyMatch(a -> a.reason().equals(BREAKOUT));
    }

    @Test
    void aReasonThatWouldCloseItsString_staysText_inChinese() {
        List<Action> actions = actionsFor(dslr("a.dslr", """
                expander custflow-zh.dsl
                规则 "攻击"
                当
                    客户
                那么
                    添加 标签 x 原因 %s
                结束
                """.formatted(BREAKOUT + "\\")));

        assertThat(actions).anyMatch(a -> a.reason().equals(BREAKOUT + "\\"));
    }

    @Test
    void chineseWithoutSpaces_aTagAndAReasonThatWouldCloseTheirStrings_stayText() {
        // the line is rewritten in the sentence's own spacing first; its values are escaped as any other
        List<Action> actions = actionsFor(dslr("a.dslr", """
                expander custflow-zh.dsl
                规则 "攻击"
                当
                    客户
                    - 没有标签x")||java.lang.System.exit(1)==null||hasTag("y
                那么
                    添加标签x")||true||("原因%s
                结束
                """.formatted(BREAKOUT)));

        assertThat(actions).anyMatch(a -> a.reason().equals(BREAKOUT));
    }

    @Test
    void aTagThatWouldCloseItsStringInACondition_isOnlyATag() {
        // no spaces, so it matches {tag:\S+}: unescaped it would make the condition call System.exit
        List<Action> actions = actionsFor(dslr("a.dslr", """
                rule "attack"
                when
                    There is a customer
                    - not tagged x")||java.lang.System.exit(1)==null||hasTag("y
                then
                    Tag the customer seen because the tag above is text
                end
                """));

        assertThat(actions).anyMatch(a -> a.reason().equals("the tag above is text"));
    }

    @Test
    void aFoldersOwnDslThatPastesAValueAsCode_mayNotTakeQuotes() {
        String dsl = "[when]There is a customer=$c : dev.custflow.model.Customer()\n"
                + "[when]- scored {n}=score > {n}\n"
                + "[then]Note {text}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal(\"actions\"))"
                + ".note($c, \"{text}\");\n";
        String rules = """
                expander mine.dsl
                rule "attack"
                when
                    There is a customer
                    - scored 1 || java.lang.System.getenv() != null
                then
                    Note x
                end
                """;
        assertThat(refused(dsl("mine.dsl", dsl), dslr("a.dslr", rules)))
                .anyMatch(m -> m.startsWith("a.dslr:") && m.contains("System.getenv"));
        String quoted = rules.replace("java.lang.System.getenv() != null", "\"x\" == \"x\"");
        assertThat(refused(dsl("mine.dsl", dsl), dslr("a.dslr", quoted)))
                .anyMatch(m -> m.startsWith("a.dslr:5:") && m.contains("cannot contain quotes or a backslash"));
    }

    @Test
    void aFoldersOwnDslValueInACondition_isCheckedAsTheCodeItMakes() {
        String dsl = "[when]There is a customer=$c : dev.custflow.model.Customer()\n"
                + "[then]Note {text}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal(\"actions\"))"
                + ".note($c, {text});\n";
        String rules = """
                expander mine.dsl
                rule "attack"
                when
                    There is a customer
                then
                    Note "" + Integer.getInteger("k")
                end
                """;
        assertThat(refused(dsl("mine.dsl", dsl), dslr("a.dslr", rules)))
                .anyMatch(m -> names(m, "a.dslr:6", "Integer.getInteger"));
    }

    @Test
    void aWakeUpStatementThatSmugglesARule_isCheckedLikeTheFoldersOwnRules() {
        // the wake-up statements of a folder's DSL go into the generated support rules, which are not trusted
        String dsl = "[when]There is a customer=$c : dev.custflow.model.Customer()\n"
                + "# wake: schedule.wakeAt($c, $c.getNow()); end rule \"smuggled\" dialect \"mvel\" when "
                + "$x : dev.custflow.model.Customer( Runtime.getRuntime().availableProcessors() > {n} ) then\n"
                + "[when]- scored {n:\\d+}=score > {n}\n"
                + "[then]Nothing=int nothing = 0;\n";
        String rules = """
                expander mine.dsl
                rule "attack"
                when
                    There is a customer
                    - scored 1
                then
                    Nothing
                end
                """;
        assertThat(refused(dsl("mine.dsl", dsl), dslr("a.dslr", rules)))
                .anyMatch(m -> m.startsWith("dev/custflow/dsl/dsl-support.drl:") && m.contains("Runtime"));
    }

    @Test
    void aDslNamedLikeTheBuiltInLanguage_isCheckedLikeAnyOther() {
        // a folder's own DSL under the built-in DSL's name: its code is checked, as text and as bytecode
        String dsl = "[then]Leak=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal(\"actions\"))"
                + ".note($c, \"\" + Long.get\u00ADLong(\"x\"));\n[when]There is a customer=$c : dev.custflow.model.Customer()\n";
        String rules = "expander custflow-en.dsl\nrule \"attack\"\nwhen\n    There is a customer\nthen\n    Leak\nend\n";
        assertThat(refused(dsl("dev/custflow/dsl/custflow-en.dsl", dsl), dslr("a.dslr", rules)))
                .anyMatch(m -> m.contains("java.lang.Long.getLong(String)"));
    }

    /** A decision table that tags customers: its condition and its action quote the cell. */
    private static String tagTable(String conditionCell, String actionCell) {
        return """
                RuleSet,rules.tables.t
                Import,dev.custflow.model.Customer
                Variables,dev.custflow.rules.Actions actions
                ,
                RuleTable Tags
                CONDITION,ACTION
                $c : Customer,
                "!hasTag(""$param"")","actions.addTag($c, ""seen"", ""$param"");"
                Not tagged,Reason
                %s,%s
                """.formatted(csvCell(conditionCell), csvCell(actionCell));
    }

    private static String csvCell(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    @Test
    void aTableCellThatWouldCloseItsString_staysText() {
        List<Action> actions = actionsFor(csv("t.drl.csv", tagTable("x\")||java.lang.System.exit(1)==null||hasTag(\"y",
                BREAKOUT)));

        assertThat(actions).anyMatch(a -> a.reason().equals(BREAKOUT));
    }

    @Test
    void aTableCellPastedAsCode_isCheckedAtItsCell() {
        String table = """
                RuleSet,rules.tables.t
                Import,dev.custflow.model.Customer
                Variables,dev.custflow.rules.Actions actions
                ,
                RuleTable Scores
                CONDITION,ACTION
                $c : Customer,
                score > $param,"actions.addTag($c, ""scored"", ""high score"");"
                Score above,Tag
                "1 || java.lang.System.getenv() != null",x
                """;

        assertThat(refused(csv("t.drl.csv", table))).anyMatch(m -> m.startsWith("t.drl.csv:10:1: error: cell A10: ")
                && m.contains("System.getenv"));
    }
}
