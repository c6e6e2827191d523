package dev.custflow.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import dev.custflow.internal.compile.RuleTranslator.Translation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.io.ResourceType;

/** What the sandbox is shown of a DSL and a DSLR file, line for line with the file as written. */
class DslTranslatorTest {
    private static final String DSL = """
            # a comment
            [when]- tagged {tag:\\S+}=hasTag("{tag}")
            # wake: schedule.wakeAt($c, $c.getNow());
            [then]Note {reason}=System.out.println("{reason}");
            [when]There is a customer=$c : dev.custflow.model.Customer( )
            """;

    private static RuleSource source(String name, RuleSource.Kind kind, String text) {
        return new RuleSource(name, kind, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dslCode_isWhatTheSentencesExpandTo_atTheirColumns_andTheWakeUps() {
        String[] written = DSL.split("\n", -1);

        String[] code = DslTranslator.dslCode(DSL).split("\n", -1);

        assertThat(code[0]).isBlank(); // a comment is no code
        assertThat(code[1]).isEqualTo(" ".repeat(written[1].indexOf("hasTag")) + "hasTag(\"{tag}\")");
        assertThat(code[2]).isEqualTo(" schedule.wakeAt($c, $c.getNow());");
        assertThat(code[3].indexOf("System.out")).isEqualTo(written[3].indexOf("System.out"));
    }

    @Test
    void dslCode_anEscapedEqualsSignBelongsToTheSentence() {
        String line = "[when]- score \\= {n:\\d+}=score == {n}";

        assertThat(DslTranslator.dslCode(line).strip()).isEqualTo("score == {n}");
    }

    @Test
    void dslr_goesToDroolsAsItsExpansion_theCodeTheSandboxChecks() {
        RuleSource dsl = source("my.dsl", RuleSource.Kind.DSL, DSL);
        RuleSource dslr = source("care.dslr", RuleSource.Kind.DSLR, """
                rule "care: tagged customers"
                when
                    There is a customer
                    - tagged vip
                then
                    Note a vip
                end
                """);
        List<RuleMessage> errors = new ArrayList<>();

        Translation t = new DslTranslator().translate(dslr, List.of(dsl, dslr), errors).orElseThrow();

        assertThat(errors).isEmpty();
        assertThat(t.type()).isEqualTo(ResourceType.DRL);
        assertThat(new String(t.content(), StandardCharsets.UTF_8)).isEqualTo(t.code());
        assertThat(t.lines()).containsExactly(dslr.text().split("\n", -1));
        assertThat(t.code()).contains("$c : dev.custflow.model.Customer( hasTag(\"vip\"))")
                .contains("System.out.println(\"a vip\");");
    }

    @Test
    void aValueTheSentencePutsBetweenQuotes_isEscaped_soItStaysText() {
        RuleSource dsl = source("my.dsl", RuleSource.Kind.DSL, DSL);
        RuleSource dslr = source("care.dslr", RuleSource.Kind.DSLR, """
                rule "care: tagged customers"
                when
                    There is a customer
                    - tagged x")||hasTag("y
                then
                    Note a "quoted" \\ reason"); System.exit(1); ("
                end
                """);
        List<RuleMessage> errors = new ArrayList<>();

        Translation t = new DslTranslator().translate(dslr, List.of(dsl, dslr), errors).orElseThrow();

        assertThat(errors).isEmpty();
        assertThat(t.code()).contains("hasTag(\"x\\042)||hasTag(\\042y\")")
                .contains("System.out.println(\"a \\042quoted\\042 \\\\ reason\\042); System.exit(1); (\\042\");");
        assertThat(t.lines()).hasSameSizeAs(t.code().split("\n", -1));
    }
}
