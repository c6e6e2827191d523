package dev.custflow.dsl;

import dev.custflow.RuleSource;

import static dev.custflow.testdata.RefusedRules.names;
import static dev.custflow.testdata.RefusedRules.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Rules in sentences (DSL) written to get past a text filter are refused by the bytecode check (docs/rules.md, "The sandbox"): each
 * class of attack has its own test, with the file, the line and the member the compiled rule really calls.
 */
class DslSandboxAttacksTest {
    @Test
    void aDslValueThatBreaksOutOfItsString_isRefused() {
        String dslr = """
                expander custflow-en.dsl
                rule "attack"
                when
                    There is a customer
                then
                    Tag the customer x because "+Integer.getInteger("k")+"
                end
                """;
        // the built-in language refuses quotes in a value; a folder's own DSL that pastes a value into code gets
        // the code checked as what it compiles to
        assertThat(refused(new RuleSource("a.dslr", RuleSource.Kind.DSLR, dslr.getBytes(StandardCharsets.UTF_8))))
                .anyMatch(m -> m.startsWith("a.dslr:6:") && m.contains("Integer.getInteger"));
        String dsl = "[when]There is a customer=$c : dev.custflow.model.Customer()\n"
                + "[then]Note {text}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal(\"actions\"))"
                + ".note($c, \"{text}\");\n";
        String own = dslr.replace("custflow-en.dsl", "mine.dsl").replace("Tag the customer x because", "Note");
        assertThat(refused(new RuleSource("mine.dsl", RuleSource.Kind.DSL, dsl.getBytes(StandardCharsets.UTF_8)),
                new RuleSource("a.dslr", RuleSource.Kind.DSLR, own.getBytes(StandardCharsets.UTF_8))))
                .anyMatch(m -> names(m, "a.dslr:6", "Integer.getInteger"));
    }

    @Test
    void aDslNamedLikeTheBuiltInLanguage_isCheckedLikeAnyOther() {
        // a folder's own DSL under the built-in DSL's name: its code is checked, as text and as bytecode
        String dsl = "[then]Leak=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal(\"actions\"))"
                + ".note($c, \"\" + Long.get\u00ADLong(\"x\"));\n[when]There is a customer=$c : dev.custflow.model.Customer()\n";
        String dslr = "expander custflow-en.dsl\nrule \"attack\"\nwhen\n    There is a customer\nthen\n    Leak\nend\n";
        assertThat(refused(new RuleSource("dev/custflow/dsl/custflow-en.dsl", RuleSource.Kind.DSL,
                dsl.getBytes(StandardCharsets.UTF_8)), new RuleSource("a.dslr", RuleSource.Kind.DSLR,
                dslr.getBytes(StandardCharsets.UTF_8)))).anyMatch(m -> m.contains("java.lang.Long.getLong(String)"));
    }
}
