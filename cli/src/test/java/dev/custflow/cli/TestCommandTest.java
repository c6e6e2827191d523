package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custflow test DIR} on the example folder of docs/scenarios.md, and on broken copies of it. */
class TestCommandTest {
    private static final Path EXAMPLE = Path.of("../docs/examples/scenarios");

    @Test
    void exampleFolder_everyScenarioPasses() {
        Main.Result r = Main.capture("test", EXAMPLE.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains(
                "PASS  scenarios/key-accounts.yaml:3  a customer who spent 50000 becomes a key account",
                "PASS  scenarios/churn.json:3  with settings.yaml, no order for 45 days (not 30) warns of churn");
        assertThat(r.out()).doesNotContain("FAIL");
        long passed = r.out().lines().filter(l -> l.startsWith("PASS  ")).count();
        assertThat(r.out()).endsWith("custflow test: " + EXAMPLE + ": " + passed + " scenarios, " + passed
                + " passed, 0 failed\n");
    }

    @Test
    void wrongExpectation_failsWithTheDiff(@TempDir Path dir) throws IOException {
        Main.Result r = testEdited(dir, "scenarios/key-accounts.yaml", "kind: CARE_CALL", "kind: FOLLOW_UP");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(
                "FAIL  scenarios/key-accounts.yaml:13  a key account's complaint gets a care call the same day",
                "  MISSING  TASK_CREATED customerId=C-1, kind=FOLLOW_UP, dueAt=2024-04-02T10:30:00Z",
                "closest: TASK_CREATED customerId=C-1, kind=CARE_CALL, dueAt=2024-04-02T10:30:00Z  "
                        + "[service: complaint from a key account gets a care call]",
                "kind: expected FOLLOW_UP, was CARE_CALL",
                "rules that fired:", "service: complaint from a key account gets a care call");
        long passed = r.out().lines().filter(l -> l.startsWith("PASS  ")).count();
        assertThat(r.out()).contains((passed + 1) + " scenarios, " + passed + " passed, 1 failed");
    }

    @Test
    void unexpectedAction_isListedWithItsRule(@TempDir Path dir) throws IOException {
        Path copy = copyExample(dir);
        Path file = copy.resolve("scenarios/key-accounts.yaml");
        // the scenario expects no action; a rule that tags every complainer makes one
        Files.writeString(copy.resolve("complainers.drl"), """
                package rules.mycompany
                import dev.custflow.model.*
                global dev.custflow.rules.Actions actions
                rule "service: complainers are tagged"
                when $c : Customer( hasOpenComplaint, !hasTag("complained") )
                then actions.addTag($c, "complained", "opened a complaint");
                end
                """);
        Main.Result r = Main.capture("test", copy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  scenarios/key-accounts.yaml:30  an ordinary customer's complaint",
                "expected (and no others):", "(no actions)",
                "UNEXPECTED TAG_ADDED customerId=C-2, tag=complained  [service: complainers are tagged]");
        assertThat(Files.readString(file)).contains("expect: none");
    }

    @Test
    void unknownEventType_isAUsageErrorNamingFileLineAndField(@TempDir Path dir) throws IOException {
        Main.Result r = testEdited(dir, "scenarios/key-accounts.yaml", "type: TicketOpened", "type: TicketOpen");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("scenarios/key-accounts.yaml:18: field 'scenarios[2].when[1].type' = "
                        + "TicketOpen: unknown event type. Did you mean TicketOpened?",
                "1 scenario file could not be read; nothing was tested");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void malformedInstant_isAUsageErrorNamingFileLineAndField(@TempDir Path dir) throws IOException {
        Main.Result r = testEdited(dir, "scenarios/churn.json", "{\"advanceTo\": \"2024-02-01T09:00:00Z\"}",
                "{\"advanceTo\": \"2024-02-01 09:00\"}");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("scenarios/churn.json:10: field 'scenarios[1].steps[1].advanceTo' = "
                + "\"2024-02-01 09:00\": must be an ISO-8601 instant such as 2024-03-01T09:30:00Z");
    }

    @Test
    void badSetting_isAUsageErrorNamingTheKey(@TempDir Path dir) throws IOException {
        Main.Result r = testEdited(dir, "scenarios/churn.json", "churn.noOrderDays", "churn.noOrderDay");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("scenarios/churn.json:23: field 'scenarios[2].settings.churn.noOrderDay': "
                + "setting 'churn.noOrderDay'", "Did you mean 'noOrderDays'?");
    }

    @Test
    void folderWithoutScenarios_isAUsageError(@TempDir Path dir) {
        Main.Result r = Main.capture("test", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no scenario files in");
    }

    @Test
    void missingFolder_isAUsageError(@TempDir Path dir) {
        Main.Result r = Main.capture("test", dir.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("custflow test: not a folder of rules");
    }

    @Test
    void rulesThatDoNotCompile_areAUsageError(@TempDir Path dir) throws IOException {
        Main.Result r = testEdited(dir, "key-accounts.drl", "totalSpent >= 50000", "totalSpend >= 50000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("key-accounts.drl:", "the rules did not compile");
    }

    /** @return the result of {@code custflow test} on a copy of the example with one text in one file replaced */
    private static Main.Result testEdited(Path dir, String file, String text, String replacement) throws IOException {
        Path copy = copyExample(dir);
        Path edited = copy.resolve(file);
        Files.writeString(edited, Files.readString(edited).replace(text, replacement));
        return Main.capture("test", copy.toString());
    }

    private static Path copyExample(Path dir) throws IOException {
        Path copy = dir.resolve("rules");
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(EXAMPLE.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(f, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                }
            }
        }
        return copy;
    }
}
