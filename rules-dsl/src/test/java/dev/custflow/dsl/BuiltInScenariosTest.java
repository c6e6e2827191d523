package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.RulePack;
import dev.custflow.test.Scenario;
import dev.custflow.test.ScenarioResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The scenario files the built-in packs ship ({@code dev/custflow/scenarios/<pack>.yaml} in rules-core's jar):
 * each pack has some, and every one passes with the built-in rules and default settings.
 */
class BuiltInScenariosTest {

    @TestFactory
    Stream<DynamicTest> everyPackShipsScenarios_andTheyAllPass() {
        return Arrays.stream(RulePack.values()).flatMap(pack -> {
            String resource = "dev/custflow/scenarios/" + pack.packName() + ".yaml";
            var scenarios = ScenarioFiles.read(read(resource), resource);
            assertThat(scenarios).as(resource).hasSizeGreaterThanOrEqualTo(2);
            return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.source() + " " + s.name(), () -> run(s)));
        });
    }

    private static void run(Scenario s) {
        ScenarioResult r = s.run(null, b -> { });
        assertThat(r.passed()).as("%s %s%n%s", s.source(), s.name(), r.report("  ")).isTrue();
    }

    private static String read(String resource) {
        try (InputStream in = BuiltInScenariosTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("no scenario file %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
