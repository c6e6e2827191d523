package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custflow replay --store}: a run stopped part way and started again on the whole file resumes at the line it
 * reached and writes, over both runs, each action of one run once (the CLI opens the store with
 * {@link JdbcStoreProvider}). The kill -9 case is {@link KillNineReplayTest}.
 */
class ReplayStoreCommandTest {
    private static final Path EXAMPLE = Path.of("../docs/examples/lifecycle.jsonl");

    @TempDir
    Path dir;

    private static List<String> sorted(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().sorted().toList();
    }

    @Test
    void aStoppedRun_resumesWhereItStopped_withoutLosingOrRepeatingAnAction_onAnH2Path() throws Exception {
        resumes(dir.resolve("data/custflow").toString(), List.of());
    }

    @Test
    void aJdbcUrl_withUserAndPassword_resumesTheSame() throws Exception {
        resumes("jdbc:h2:file:" + dir.resolve("url-db").toAbsolutePath() + ";WRITE_DELAY=0",
                List.of("--user", "cf", "--password", "secret"));
    }

    private void resumes(String store, List<String> credentials) throws Exception {
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        int half = lines.size() / 2;
        Path part = dir.resolve("part.jsonl");
        Files.write(part, lines.subList(0, half), StandardCharsets.UTF_8);
        Path plain = dir.resolve("plain.jsonl");
        assertThat(Main.capture("replay", "--events", EXAMPLE.toString(), "--out", plain.toString()).code()).isZero();

        Path out = dir.resolve("out.jsonl");
        String[] first = args(part, store, out, credentials);
        Main.Result stopped = Main.capture(first);
        assertThat(stopped.code()).as(stopped.err()).isZero();
        assertThat(stopped.err()).doesNotContain("resumed");
        long writtenBefore = Files.readAllLines(out).size();
        assertThat(writtenBefore).isPositive();

        Main.Result resumed = Main.capture(args(EXAMPLE, store, out, credentials));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("custflow replay: resumed at line " + half + " of ");
        assertThat(sorted(out)).isEqualTo(sorted(plain)).doesNotHaveDuplicates();
        assertThat(Files.readAllLines(out).stream().map(l -> Json.readAction(l).id()).distinct().count())
                .isEqualTo(Files.readAllLines(plain).size());

        Main.Result again = Main.capture(args(EXAMPLE, store, out, credentials));
        assertThat(again.code()).isZero();
        assertThat(again.err()).contains("resumed at line " + lines.size() + " of ").contains(" 0 delivered");
        assertThat(sorted(out)).isEqualTo(sorted(plain));
    }

    private static String[] args(Path events, String store, Path out, List<String> credentials) {
        List<String> a = new java.util.ArrayList<>(List.of("replay", "--events", events.toString(), "--store", store,
                "--out", out.toString(), "--batch", "3"));
        a.addAll(credentials);
        return a.toArray(String[]::new);
    }

    @Test
    void userWithoutStore_isAUsageError() {
        Main.Result r = Main.capture("replay", "--events", EXAMPLE.toString(), "--user", "u");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--user and --password go with --store");
    }

    @Test
    void passwordWithoutStore_isAUsageError() {
        Main.Result r = Main.capture("replay", "--events", EXAMPLE.toString(), "--password", "p");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--user and --password go with --store");
        assertThat(r.out()).isEmpty();
    }
}
