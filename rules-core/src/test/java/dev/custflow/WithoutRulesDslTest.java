package dev.custflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * rules-core compiles DRL only: rules in sentences and decision tables come with the rules-dsl module, and
 * without it such a file fails to load with its name and the module to add (this module's tests run without it).
 */
class WithoutRulesDslTest {
    private static final String DSLR = """
            rule "care: a customer in stage CUSTOMER gets a call"
            when
                There is a customer
                - in stage CUSTOMER
            then
                Create a CARE_CALL task in 1 days because a first order
            end
            """;

    private static RuleMessage onlyMessage(RuleSource source) {
        RuleCompilationException e = catchThrowableOfType(RuleCompilationException.class,
                () -> Custflow.builder().packs().rules(source).build().close());
        assertThat(e).as("the rules loaded without rules-dsl").isNotNull();
        assertThat(e.messages()).hasSize(1);
        return e.messages().get(0);
    }

    @Test
    void dslrFile_withoutRulesDsl_failsNamingTheFileAndTheModule() {
        RuleMessage m = onlyMessage(new RuleSource("care.dslr", RuleSource.Kind.DSLR,
                DSLR.getBytes(StandardCharsets.UTF_8)));

        assertThat(m.file()).isEqualTo("care.dslr");
        assertThat(m.severity()).isEqualTo(RuleMessage.Severity.ERROR);
        assertThat(m.message()).startsWith("rules in sentences (.dslr) need the rules-dsl module")
                .contains("dev.custflow:rules-dsl");
    }

    @Test
    void decisionTable_withoutRulesDsl_failsNamingTheFileAndTheModule() {
        RuleMessage m = onlyMessage(new RuleSource("tiers.drl.csv", RuleSource.Kind.DECISION_TABLE_CSV,
                "RuleTable tiers\nCONDITION,ACTION\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(m.file()).isEqualTo("tiers.drl.csv");
        assertThat(m.message()).startsWith("decision tables (.drl.xlsx, .drl.csv) need the rules-dsl module")
                .contains("dev.custflow:rules-dsl");
    }
}
