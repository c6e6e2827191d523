package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.settings.Settings;
import dev.custflow.test.Scenario;
import dev.custflow.test.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assignment routing by region and industry as a decision table (docs/decision-tables.md): a row tags the lead,
 * the route of settings.yaml that names the tag hands it to a team. The folder's own scenarios say what happens;
 * the same table as a spreadsheet does the same.
 */
class RoutingTableTest {
    private static final Path ROUTING = Path.of("../docs/examples/tables/routing");

    /** Runs the folder's scenarios with its rules and settings, as {@code custflow test DIR} does. */
    private static List<String> failures(Path folder) {
        RulesFolder rules = RulesFolder.load(folder);
        Settings settings = rules.settingsOver(Settings.ofDefaults());
        List<Scenario> scenarios = new ArrayList<>();
        for (Path f : rules.scenarioFiles()) {
            scenarios.addAll(ScenarioFiles.read(f, folder.relativize(f).toString()));
        }
        assertThat(scenarios).hasSize(3);
        List<String> failures = new ArrayList<>();
        for (Scenario s : scenarios) {
            ScenarioResult r = s.run(settings, b -> b.rules(rules.sources()));
            if (!r.passed()) {
                failures.add(s.source() + " " + s.name() + "\n" + r.report("  "));
            }
        }
        return failures;
    }

    @Test
    void theRoutingExample_passesItsScenarios() {
        assertThat(failures(ROUTING)).isEmpty();
    }

    @Test
    void theSameTableAsASpreadsheet_passesTheSameScenarios(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.copy(ROUTING.resolve("settings.yaml"), dir.resolve("settings.yaml"));
        Files.copy(ROUTING.resolve("scenarios/routing.yaml"), dir.resolve("scenarios/routing.yaml"));
        ExampleWorkbooks.write(ExampleWorkbooks.rows(ROUTING.resolve("routing.drl.csv")), "Routing",
                dir.resolve("routing.drl.xlsx"));

        assertThat(failures(dir)).isEmpty();
    }
}
