package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assignment routing by region and industry as a decision table (docs/decision-tables.md): a row tags the lead,
 * the route of settings.yaml that names the tag hands it to a team. The folder's own scenarios say what happens;
 * the same table as a spreadsheet does the same.
 */
class RoutingTableTest {
    private static final Path ROUTING = Path.of("../docs/examples/tables/routing");

    @Test
    void theRoutingExample_passesItsScenarios() {
        Main.Result run = Main.capture("test", ROUTING.toString());

        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("3 scenarios, 3 passed, 0 failed");
    }

    @Test
    void theSameTableAsASpreadsheet_passesTheSameScenarios(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.copy(ROUTING.resolve("settings.yaml"), dir.resolve("settings.yaml"));
        Files.copy(ROUTING.resolve("scenarios/routing.yaml"), dir.resolve("scenarios/routing.yaml"));
        ExampleWorkbooks.write(ExampleWorkbooks.rows(ROUTING.resolve("routing.drl.csv")), "Routing",
                dir.resolve("routing.drl.xlsx"));

        Main.Result run = Main.capture("test", dir.toString());

        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("3 scenarios, 3 passed, 0 failed");
    }
}
