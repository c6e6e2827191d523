package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.test.Scenario;
import dev.custflow.test.ScenarioResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/examples/dsl/every-sentence: rules that use every sentence of the business language, English and Chinese,
 * with scenarios. Each folder loads, lints clean and passes its scenarios (DslCoverageTest checks that together
 * with the other examples they use every sentence).
 */
class EverySentenceExamplesTest {
    static final Path EXAMPLES = Path.of("../docs/examples/dsl/every-sentence");

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void theRulesOfEverySentence_lintClean(String language) {
        assertThat(Lint.check(EXAMPLES.resolve(language))).extracting(Lint::format)
                .noneMatch(m -> m.contains(": error: ") || m.contains(": warning: "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void theRulesOfEverySentence_passTheirScenarios(String language) {
        Path folder = EXAMPLES.resolve(language);
        RulesFolder rules = RulesFolder.load(folder);
        List<Scenario> scenarios = new ArrayList<>();
        rules.scenarioFiles().forEach(f -> scenarios.addAll(ScenarioFiles.read(f, folder.relativize(f).toString())));

        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(10).allSatisfy(s -> {
            ScenarioResult r = s.run(null, b -> b.rules(rules.sources()));
            assertThat(r.passed()).as("%s %s%n%s", s.source(), s.name(), r.report("  ")).isTrue();
        });
    }
}
