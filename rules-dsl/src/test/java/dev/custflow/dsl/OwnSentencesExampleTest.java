package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.RuleSource;
import dev.custflow.dsl.internal.DslSupport;
import dev.custflow.test.Scenario;
import dev.custflow.test.ScenarioResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/dsl.md's worked example of extending the language (docs/examples/dsl/own-sentences): a folder with a sentence
 * file of its own, the built-in sentences copied into it and the team's own added, loads, lints clean and passes its
 * scenarios; the copy keeps up with the built-in language.
 */
class OwnSentencesExampleTest {
    private static final Path FOLDER = Path.of("../docs/examples/dsl/own-sentences");

    @Test
    void theFoldersOwnSentences_actLikeBuiltInOnes_inItsScenarios() {
        RulesFolder rules = RulesFolder.load(FOLDER);
        List<Scenario> scenarios = new ArrayList<>();
        rules.scenarioFiles().forEach(f -> scenarios.addAll(ScenarioFiles.read(f, FOLDER.relativize(f).toString())));

        assertThat(scenarios).hasSize(2).allSatisfy(s -> {
            ScenarioResult r = s.run(null, b -> b.rules(rules.sources()));
            assertThat(r.passed()).as("%s %s%n%s", s.source(), s.name(), r.report("  ")).isTrue();
        });
    }

    @Test
    void theFolder_lintsClean_andUsesEachOfItsOwnSentences() {
        assertThat(Lint.check(FOLDER)).extracting(Lint::format)
                .noneMatch(m -> m.contains(": error: ") || m.contains(": warning: "));

        Map<String, Integer> usage = DslSupport.usage(RuleSource.allIn(FOLDER));
        assertThat(usage).containsEntry("- with at least {orders} orders in fulfilment", 1)
                .containsEntry("- 在途 订单 至少 {orders} 笔", 1)
                .containsEntry("Ask the account manager to call within {days} days because {reason}", 1)
                .containsEntry("请 客户经理 {days} 天内 致电 原因 {reason}", 1);
    }

    @Test
    void theCopiedSentences_areEveryBuiltInSentence_unchanged() throws IOException {
        List<String> own = Files.readAllLines(FOLDER.resolve("our-sentences.dsl"));
        for (String builtIn : DslSupport.BUILT_IN) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(builtIn)) {
                List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> l.startsWith("[") || l.startsWith("# wake:")).toList();
                assertThat(own).as("our-sentences.dsl has every sentence of %s; copy the new ones in", builtIn)
                        .containsSubsequence(lines);
            }
        }
    }
}
