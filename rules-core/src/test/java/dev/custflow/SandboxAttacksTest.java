package dev.custflow;

import static dev.custflow.testdata.RefusedRules.HEADER;
import static dev.custflow.testdata.RefusedRules.names;
import static dev.custflow.testdata.RefusedRules.refused;
import static dev.custflow.testdata.RefusedRules.ruleCalling;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Rules written to get past a text filter are refused by the bytecode check (docs/rules.md, "The sandbox"): each
 * class of attack has its own test, with the file, the line and the member the compiled rule really calls.
 */
class SandboxAttacksTest {
    @Test
    void systemPropertiesThroughBoxedNumbers_areRefusedWithTheMemberAndWhy() {
        assertThat(refused(ruleCalling("actions.note($c, \"\" + Integer.getInteger(\"user.home\", 1));")))
                .anyMatch(m -> names(m, "r.drl:10", "Integer.getInteger") && m.contains("it reads system properties"));
        assertThat(refused(ruleCalling("java.util.function.Predicate<String> p = Boolean::getBoolean;\n"
                + "        if (p.test(\"debug\")) { actions.note($c, \"x\"); }"))).containsExactly("r.drl:10:0: error: the rule "
                + "\"attack\" calls java.lang.Boolean.getBoolean(String), which rules may not use (it reads system properties)");
        assertThat(refused(ruleCalling("actions.note($c, \"\"\n        + Long.get\u00ADLong(\"x\"));")))
                .containsExactly("r.drl:11:0: error: the rule \"attack\" calls java.lang.Long.getLong(String), "
                        + "which rules may not use (it reads system properties)");
    }

    @Test
    void systemPropertiesInAConstraint_areRefused() {
        String drl = HEADER + """
                rule "attack"
                when
                    $c : Customer( id == String.valueOf(Boolean.getBoolean("debug")) )
                then
                    actions.note($c, "x");
                end
                """;
        assertThat(refused(drl)).anyMatch(m -> names(m, "r.drl:8", "Boolean.getBoolean"));
    }

    @Test
    void charactersJavacIgnoresInANameDoNotHideIt() {
        // U+00AD (soft hyphen) is ignorable in Java identifiers and Drools' parser keeps it: javac reads "System"
        assertThat(refused(ruleCalling("actions.note($c, Sys\u00ADtem.get\u00ADenv(\"HOME\"));")))
                .anyMatch(m -> m.startsWith("r.drl:10:0: error: the rule \"attack\" calls java.lang.System.getenv(String)"));
        assertThat(refused(ruleCalling("Runt\u00ADime.get\u00AD\u00ADRuntime().availableProcessors();")))
                .anyMatch(m -> m.startsWith("r.drl:10:0: error: the rule \"attack\" calls java.lang.Runtime.getRuntime()"));
    }

    @Test
    void aLocalNamedDeclare_doesNotHideWhatFollows() {
        assertThat(refused(ruleCalling("{ class declare { } declare System = null; }\n"
                + "        actions.note($c, System.getenv(\"HOME\"));")))
                .anyMatch(m -> m.startsWith("r.drl:11:") && m.contains("System.getenv"));
        assertThat(refused(ruleCalling("{ class declare { } declare Runtime = null; } Runtime.getRuntime().availableProcessors();")))
                .anyMatch(m -> m.startsWith("r.drl:10:") && m.contains("Runtime.getRuntime"));
        assertThat(refused(ruleCalling("{ class declare { } declare Integer = null; }\n"
                + "        actions.note($c, \"\" + Integer.getInteger(\"k\"));")))
                .anyMatch(m -> names(m, "r.drl:11", "Integer.getInteger"));
    }

    @Test
    void codeAfterATextBlock_isCompiledCode_andChecked() {
        assertThat(refused(ruleCalling("String s = \"\"\"\n        x\"\"\"; Runtime.getRuntime().availableProcessors();")))
                .anyMatch(m -> m.startsWith("r.drl:11:0: error: the rule \"attack\" calls java.lang.Runtime.getRuntime()"));
        assertThat(refused(ruleCalling("String s = \"\"\"\n        \"\"\" + System.getenv(\"PATH\");")))
                .anyMatch(m -> m.startsWith("r.drl:11:0: error: the rule \"attack\" calls java.lang.System.getenv(String)"));
    }

    @Test
    void aRuleFileInALibrarysPackage_isRefused() {
        assertThat(refused(ruleCalling(HEADER.replace("package my.rules;", "package org.mvel2;"),
                "actions.note($c, String.valueOf(MVEL.eval(\"1 + 1\")));")))
                .anyMatch(m -> m.startsWith("r.drl:1:1: error: rules may not be in package org.mvel2"));
        assertThat(refused(ruleCalling(HEADER.replace("package my.rules;", "package org.apache.commons.text;"),
                "actions.note($c, StringSubstitutor.createInterpolator().replace(\"${env:HOME}\"));")))
                .anyMatch(m -> m.startsWith("r.drl:1:1: error: rules may not be in package org.apache.commons.text"));
        // whatever the package, the compiled call is what counts: a library's class named through ignorable characters
        assertThat(refused(ruleCalling("actions.note($c, org.apache.commons.text.String\u00ADSubstitutor"
                + ".createInterpolator().replace(\"${env:HOME}\"));"))).anyMatch(m -> m.startsWith("r.drl:10:0: error: "
                + "the rule \"attack\" calls org.apache.commons.text.StringSubstitutor.createInterpolator()"));
    }

    @Test
    void aFileNamedLikeABuiltIn_isCheckedLikeAnyOther() {
        String drl = ruleCalling("actions.note($c, \"\" + Integer.getInteger(\"x\"));");
        assertThat(refused(RuleSource.drl("dev/custflow/rules/churn/churn.drl", drl)))
                .anyMatch(m -> names(m, "dev/custflow/rules/churn/churn.drl:10", "Integer.getInteger"));
        assertThat(refused(RuleSource.drl("dev/custflow/dsl/dsl-support.drl", drl)))
                .anyMatch(m -> names(m, "dev/custflow/dsl/dsl-support.drl:10", "Integer.getInteger"));
    }

    @Test
    void aResourceUrlThroughAClassObject_isRefused() {
        assertThat(refused(ruleCalling("var k = java.util.Optional.of($c).map(Object::getClass).get();\n"
                + "        try { actions.note($c, \"\" + k.getResource(\"/\").toURI().resolve(\"file:/etc/passwd\")); }"
                + " catch (Exception e) { }"))).anyMatch(m -> m.startsWith(
                "r.drl:10:0: error: the rule \"attack\" calls java.lang.Object.getClass(), which rules may not use "
                        + "(reflection gets around the sandbox)"))
                .anyMatch(m -> m.startsWith("r.drl:11:0: error: the rule \"attack\" calls java.lang.Class.getResource(String)"))
                .anyMatch(m -> m.contains("calls java.net.URI.resolve(String)"));
    }

    @Test
    void theMvelDialect_isRefusedInUserRules() {
        String drl = HEADER + """
                rule "attack"
                    dialect "mvel"
                when
                    $c : Customer( )
                then
                    actions.note($c, "x");
                end
                """;
        assertThat(refused(drl)).anyMatch(m -> m.contains("the rule \"attack\" uses the MVEL dialect, which rules may not use"));
    }

    @Test
    void methodHandlesAndOtherDynamicLinking_areRefused() {
        assertThat(refused(ruleCalling("java.util.function.Function<String, Integer> f = Integer::getInteger;\n"
                + "        actions.note($c, \"\" + f.apply(\"k\"));"))).containsExactly("r.drl:10:0: error: the rule \"attack\" "
                + "calls java.lang.Integer.getInteger(String), which rules may not use (it reads system properties)");
    }

    @Test
    void aFunction_isCheckedLikeAConsequence_andDeclaredTypesMayBeUsed() {
        String drl = HEADER + """
                function String home() {
                    return String.valueOf(Long.get\u00ADLong("user.home"));
                }
                rule "attack"
                when
                    $c : Customer( )
                then
                    actions.note($c, home());
                end
                """;
        assertThat(refused(drl)).anyMatch(m -> m.startsWith("r.drl:") && m.contains("the function \"home\" calls "
                + "java.lang.Long.getLong(String), which rules may not use (it reads system properties)"));
        String declared = HEADER + """
                declare Note
                    text : String
                end
                rule "declared"
                when
                    $c : Customer( )
                then
                    Note n = new Note();
                    n.setText("seen");
                    actions.note($c, n.getText());
                end
                """;
        try (Engine engine = Custflow.builder().packs().rules(RuleSource.drl("ok.drl", declared)).build()) {
            assertThat(engine).isNotNull();
        }
    }
}
