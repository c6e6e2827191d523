package dev.custflow;

import static dev.custflow.testdata.RefusedRules.HEADER;
import static dev.custflow.testdata.RefusedRules.names;
import static dev.custflow.testdata.RefusedRules.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditions written to get past the sandbox (docs/rules.md, "The sandbox"). Drools interprets a rule's conditions
 * with MVEL instead of compiling them to classes, so they are checked before anything is compiled, by what they
 * reach: each class of attack has its own test, with the file, the line and what the condition really reaches.
 */
class ConditionAttacksTest {
    @TempDir
    Path dir;

    /** A rule whose first pattern is {@code $c : Customer( <constraint> )}, on line 8. */
    private static String ruleWhen(String constraint) {
        return ruleWhen(HEADER, "$c : Customer( " + constraint + " )");
    }

    private static String ruleWhen(String header, String conditions) {
        return header + """
                rule "attack"
                when
                    %s
                then
                    actions.note($c, "x");
                end
                """.formatted(conditions);
    }

    @Test
    void aControlCharacterMvelTrimsOffAName_isRefused() {
        // MVEL reads "ProcessBuilder\u0001" as ProcessBuilder; a reader, and a text filter, see another name
        assertThat(refused(ruleWhen("new ProcessBuilder\u0001(\"true\").start() != null")))
                .anyMatch(m -> m.startsWith("r.drl:8:38: error: the rule \"attack\": the sandbox cannot read a condition")
                        && m.contains("an invisible character (U+0001)"));
        assertThat(refused(ruleWhen("Runtime\u0001.getRuntime().availableProcessors() > 0")))
                .anyMatch(m -> m.startsWith("r.drl:8:") && m.contains("U+0001"));
    }

    @Test
    void aSoftHyphenOrAZeroWidthSpaceInAName_isRefused() {
        // lineSeparator is harmless, but a name the reader cannot see is refused whatever it calls
        assertThat(refused(ruleWhen("id == Sys\u00ADtem.lineSeparator()")))
                .anyMatch(m -> m.startsWith("r.drl:8:") && m.contains("U+00AD"));
        assertThat(refused(ruleWhen("id == Sys\u200Btem.lineSeparator()"))) // Drools' parser stops at this one
                .anyMatch(m -> m.startsWith("r.drl:8:"));
    }

    @Test
    void aDeclaredTypeNamedLikeAClass_doesNotHideTheClass() {
        // the text check takes Runtime for the declared type; MVEL's own list of names makes it java.lang.Runtime
        String drl = ruleWhen(HEADER + "declare Runtime\nend\n", "$c : Customer( Runtime.getRuntime().availableProcessors() > 0 )");
        assertThat(refused(drl)).anyMatch(m -> m.startsWith("r.drl:10:") && m.contains("the rule \"attack\" uses "
                + "java.lang.Runtime in a condition, which rules may not use (Runtime starts processes and stops the host)"));
    }

    @Test
    void aResourceReadThroughAClassObject_isRefused() {
        assertThat(refused(ruleWhen("this.class.getResource(\"/\").toURI().resolve(\"file:/etc/passwd\") != null")))
                .anyMatch(m -> m.startsWith("r.drl:8:") && m.contains(".class") && m.contains("reflection"));
        assertThat(refused(ruleWhen("getClass().getResource(\"/\") != null")))
                .anyMatch(m -> names(m, "r.drl:8", "getClass"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // system properties and the environment
            "id == String.valueOf(Integer.getInteger(\"user.home\")) | Integer.getInteger",
            "id == String.valueOf(Long.getLong(\"user.home\")) | Long.getLong",
            "id == String.valueOf(Boolean.getBoolean(\"debug\")) | Boolean.getBoolean",
            "id == System.getenv(\"HOME\") | System.getenv",
            // reflection and class loading
            "Class.forName(\"java.lang.Runtime\") != null | Class",
            "Thread.currentThread().getContextClassLoader() != null | Thread",
            "tags.getClass().getClassLoader() != null | getClass"})
    void systemPropertiesTheEnvironmentReflectionAndClassLoadingInAConstraint_areRefused(String condition,
                                                                                          String member) {
        assertThat(refused(ruleWhen(condition))).anyMatch(m -> names(m, "r.drl:8", member));
    }

    @Test
    void aLibrarysPackage_doesNotOpenItsClassesToConditions() {
        String header = HEADER.replace("package my.rules;", "package org.mvel2;");
        assertThat(refused(ruleWhen(header, "$c : Customer( MVEL.eval(\"1 + 1\") != null )")))
                .anyMatch(m -> m.startsWith("r.drl:1:1: error: rules may not be in package org.mvel2"));
        assertThat(refused(ruleWhen(header, "$c : Customer( )\n    $x : Object( ) from MVEL.eval(\"[1]\")")))
                .anyMatch(m -> m.startsWith("r.drl:1:1: error: rules may not be in package org.mvel2"));
    }

    @Test
    void aTextBlockInAConstraint_isRefused() {
        // Drools' parser refuses it; what it accepts, MVEL would read as strings the sandbox reads too
        assertThat(refused(ruleWhen("id == \"\"\"\n        x\"\"\" + \"\""))).anyMatch(m -> m.startsWith("r.drl:8:"));
        assertThat(refused(ruleWhen("id == \"\"\" + System.lineSeparator() + \"\""))).anyMatch(m -> m.startsWith("r.drl:8:"));
    }

    @Test
    void mvelWithBlocksAndAssignmentsInAConstraint_areRefused() {
        assertThat(refused(ruleWhen("this.{ score = 0 } != null"))).anyMatch(m -> m.startsWith("r.drl:8:"));
        assertThat(refused(ruleWhen("hasTag(\"x\") == (score = 0)"))).anyMatch(m -> m.startsWith("r.drl:8:")
                && m.contains("'=' is not part of a condition the sandbox reads"));
    }

    @Test
    void anEvalCondition_isRefusedAtItsLine() {
        String drl = ruleWhen(HEADER, "$c : Customer( )\n    eval( Long.getLong(\"x\") == null )");
        assertThat(refused(drl)).anyMatch(m -> names(m, "r.drl:9", "Long.getLong"));
    }

    @Test
    void aFunctionCalledFromAConstraint_isCheckedAsTheJavaItIs() {
        String header = HEADER + """
                function String home() {
                    return String.valueOf(Long.get\u00ADLong("user.home"));
                }
                """;
        assertThat(refused(ruleWhen(header, "$c : Customer( id != home() )")))
                .anyMatch(m -> m.contains("the function \"home\" calls java.lang.Long.getLong(String)"));
        String harmless = HEADER + """
                function boolean vip(dev.custflow.model.Customer c) {
                    return c.hasTag("vip");
                }
                """;
        try (Engine engine = Custflow.builder().packs().rules(RuleSource.drl("ok.drl",
                ruleWhen(harmless, "$c : Customer( vip(this) )"))).build()) {
            assertThat(engine.ruleNames()).contains("attack");
        }
    }

    @Test
    void aFromSource_isChecked() {
        assertThat(refused(ruleWhen(HEADER, "$c : Customer( )\n    $e : Object( ) from System.getenv().entrySet()")))
                .anyMatch(m -> names(m, "r.drl:9", "System.getenv"));
        assertThat(refused(ruleWhen(HEADER, "$c : Customer( )\n    $e : Object( ) from java.nio.file.Files.lines("
                + "java.nio.file.Path.of(\"/etc/passwd\"))"))).anyMatch(m -> names(m, "r.drl:9", "java.nio.file"));
    }

    @Test
    void anAccumulateFunctionsArgument_isChecked() {
        String drl = ruleWhen(HEADER, "$c : Customer( )\n    $n : Number( ) from accumulate( $o : Customer( ), "
                + "sum( Runtime.getRuntime().availableProcessors() ) )");
        assertThat(refused(drl)).anyMatch(m -> names(m, "r.drl:9", "Runtime"));
        String inline = ruleWhen(HEADER, "$c : Customer( )\n    $n : Number( ) from accumulate( $o : Customer( ), "
                + "init( int n = 0; ), action( n++; ), result( n ) )");
        assertThat(refused(inline)).anyMatch(m -> m.startsWith("r.drl:9:") && m.contains("init/action/result code"));
        String sum = ruleWhen(HEADER, "$c : Customer( )\n    $n : Number( intValue > 0 ) from accumulate( "
                + "$o : Customer( ), sum( $o.getOrderCount() ) )");
        try (Engine engine = Custflow.builder().packs().rules(RuleSource.drl("sum.drl", sum)).build()) {
            assertThat(engine.ruleNames()).contains("attack");
        }
    }

    @Test
    void anAccumulateFunction_loadsInARuleNamedLikeThePacks() {
        // Drools names the rule's classes from its name, ':' escaped with '$': no nested class
        String count = HEADER + """
                rule "service: three open complaints"
                when
                    $c : Customer( )
                    Number( intValue >= 3 ) from accumulate( $t : dev.custflow.model.OpenTicket( ) from $c.openTickets,
                        count( $t ) )
                then
                    actions.note($c, "x");
                end
                """;
        try (Engine engine = Custflow.builder().packs().rules(RuleSource.drl("count.drl", count)).build()) {
            assertThat(engine.ruleNames()).contains("service: three open complaints");
        }
    }

    @Test
    void aSalienceOrEnabledExpression_isChecked() {
        String salience = ruleWhen("").replace("rule \"attack\"\n", "rule \"attack\"\n    salience ( Runtime.getRuntime()"
                + ".availableProcessors() )\n");
        assertThat(refused(salience)).anyMatch(m -> names(m, "r.drl:7", "Runtime"));
        String enabled = ruleWhen("").replace("rule \"attack\"\n", "rule \"attack\"\n    enabled ( System.getenv(\"X\") "
                + "!= null )\n");
        assertThat(refused(enabled)).anyMatch(m -> names(m, "r.drl:7", "System.getenv"));
    }

    @Test
    void whatDroolsEvaluatesWhileCompiling_mustBeALiteral_andNothingRuns() {
        Path meta = dir.resolve("meta");
        String annotated = ruleWhen("").replace("rule \"attack\"", "rule \"attack\" @meta(new java.io.File\u0001(\""
                + meta + "\").createNewFile())");
        assertThat(refused(annotated)).anyMatch(m -> m.startsWith("r.drl:6:") && m.contains("an annotation's value "
                + "(@meta) must be a literal"));
        Path field = dir.resolve("field");
        String declared = ruleWhen(HEADER + "declare Note\n    text : String = new java.io.File\u0001(\"" + field
                + "\").createNewFile() + \"\"\nend\n", "$c : Customer( )");
        assertThat(refused(declared)).anyMatch(m -> m.startsWith("r.drl:7:") && m.contains("the type Note: a field's "
                + "default value must be a literal"));
        assertThat(meta).doesNotExist();
        assertThat(field).doesNotExist();
    }

    @Test
    void timersCalendarsAndTheMvelDialectOfAFile_areRefused() {
        String timer = ruleWhen("").replace("rule \"attack\"\n", "rule \"attack\"\n    timer ( int: 1s )\n");
        assertThat(refused(timer)).anyMatch(m -> m.startsWith("r.drl:7:") && m.contains("uses timer, which rules may not use"));
        String calendars = ruleWhen("").replace("rule \"attack\"\n", "rule \"attack\"\n    calendars \"weekdays\"\n");
        assertThat(refused(calendars)).anyMatch(m -> m.startsWith("r.drl:7:") && m.contains("uses calendars"));
        String dialect = HEADER.replace("package my.rules;", "package my.rules;\ndialect \"mvel\"") + ruleWhen("")
                .substring(HEADER.length());
        assertThat(refused(dialect)).anyMatch(m -> m.contains("uses the MVEL dialect, which rules may not use"));
    }

    @Test
    void conditionsThatReadTheFactModel_load() throws Exception {
        String drl = """
                package my.rules;

                import dev.custflow.model.*;
                import dev.custflow.settings.MarketingSettings.CrossSell;
                global dev.custflow.rules.Actions actions;
                global dev.custflow.settings.Settings settings;

                rule "fine"
                    salience ( 10 )
                when
                    $c : Customer( stage in (Stage.LEAD, Stage.CUSTOMER), orderCount >= 2 && < 9,
                                   $n : orderCount, hasTag("vip") || !hasOpenComplaint,
                                   daysSinceLastOrder > settings.churn.noOrderDays, tags.size() > 0,
                                   (String) id != null, id matches "L.*", (grade != null ? true : false) )
                    $p : CrossSell( afterDays > $n ) from settings.marketing.crossSell
                    not Customer( id == $c.id + "x" )
                    eval( $n > 1 )
                then
                    actions.note($c, "x");
                end
                """;
        Files.writeString(dir.resolve("fine.drl"), drl);
        try (Engine engine = Custflow.builder().packs().rules(RuleSource.drl("fine.drl", drl)).build()) {
            assertThat(engine.ruleNames()).contains("fine");
        }
    }
}
