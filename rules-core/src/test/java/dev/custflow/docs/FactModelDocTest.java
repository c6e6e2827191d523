package dev.custflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/fact-model.md is generated from the sources' Javadoc and must not drift from them. After a change to the
 * fact model, regenerate it: {@code mvn -B -q test -pl rules-core -am -Dtest=FactModelDocTest -Dfactmodel.write=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FactModelDocTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path DOC = Path.of("../docs/fact-model.md");

    @Test
    void theFactModelReference_matchesTheSources() throws IOException {
        String generated = FactModelDoc.generate(SOURCES);
        if (Boolean.getBoolean("factmodel.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/fact-model.md is out of date: regenerate it with -Dfactmodel.write=true (see this test's "
                        + "Javadoc)")
                .isEqualTo(generated);
    }

    @Test
    void theReference_namesGettersAsConditionsWriteThem_andLeavesOutWhatTheEngineKeeps() throws IOException {
        String generated = FactModelDoc.generate(SOURCES);
        assertThat(generated)
                .contains("| `orderCount` | The number of orders ever placed. |")
                .contains("| `hasTag(tag)` |")
                .contains("| `addTag(customer, tag, reason)` | Puts a tag on the customer and emits TAG_ADDED; nothing "
                        + "happens if the tag is already there. |")
                .contains("| `wakeAt(customer, when)` |")
                .contains("| `LeadScore.of(")
                .doesNotContain("`setNow(")
                .doesNotContain("`apply(")
                .doesNotContain("`moveTo(");
    }

    @Test
    void theFirstSentence_isTakenUpToTheFirstFullStop_orFromTheReturnTag() {
        assertThat(FactModelDoc.firstSentence(" * Moves the customer. The rules re-run.\n * @param c x\n"))
                .isEqualTo("Moves the customer.");
        assertThat(FactModelDoc.firstSentence(" @return the number of orders ever placed ")).isEqualTo(
                "The number of orders ever placed.");
        assertThat(FactModelDoc.firstSentence(" * Reads {@code hasTag(\"x\")}, e.g. a tag. Then more.")).isEqualTo(
                "Reads `hasTag(\"x\")`, e.g. a tag.");
    }
}
