package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custflow replay --store}: a run stopped part way and started again on the whole file resumes at the line it
 * reached and writes, over both runs, each action of one run once; a run on a store that has seen the whole file adds
 * nothing. On an H2 path, on H2 JDBC URLs, and on PostgreSQL when a server answers (the drivers come with this
 * module). The kill -9 case is {@link KillNineReplayTest}.
 */
class ReplayStoreCommandTest {
    private static final Path EXAMPLE = Path.of("../docs/examples/lifecycle.jsonl");
    private static final Path RETENTION = Path.of("../docs/examples/retention.jsonl");
    /** The PostgreSQL server of the replay test: host and port, as for the JDBC connector's tests. */
    private static final String PG_HOST = System.getProperty("custflow.test.postgres", "127.0.0.1:5432");

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
    void anH2FileUrl_withUserAndPasswordFile_resumesTheSame() throws Exception {
        Path secret = Files.writeString(dir.resolve("db-password"), "secret\n");
        resumes("jdbc:h2:file:" + dir.resolve("url-db").toAbsolutePath() + ";WRITE_DELAY=0",
                List.of("--user", "cf", "--password-file", secret.toString()));
    }

    @Test
    void anH2MemoryUrl_replayedTwice_theSecondRunAddsNothing() throws Exception {
        replaysTwice("jdbc:h2:mem:replay-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", List.of());
    }

    @Test
    void onPostgreSql_replayedTwice_theSecondRunAddsNothing() throws Exception {
        onANewPostgreSqlDatabase(url -> replaysTwice(url, List.of("--user", "postgres")));
    }

    /**
     * Issue "Hostile input never wins", item 3: a customer id longer than the store's column (200) or with a NUL used
     * to fail the commit, so the position never moved and every later run failed the same way. Now both lines are
     * rejected when read, the rest of the file is committed, and the next run starts after the last line.
     */
    @Test
    void onPostgreSql_poisonCustomerIds_areRejectedAlone_andThePositionMovesPastThem() throws Exception {
        String order = "{\"type\":\"OrderPlaced\",\"id\":\"o-x%d\",\"at\":\"2024-02-01T00:00:00Z\","
                + "\"orderId\":\"SO-x%1$d\",\"customerId\":\"%s\",\"amount\":100}";
        List<String> lines = new ArrayList<>(Files.readAllLines(RETENTION, StandardCharsets.UTF_8));
        lines.add(6, order.formatted(1, "C".repeat(201)));
        lines.add(12, order.formatted(2, "C\\u0000-1"));
        Path events = Files.write(dir.resolve("poison.jsonl"), lines, StandardCharsets.UTF_8);
        Path plain = dir.resolve("plain.jsonl");
        assertThat(Main.capture("replay", "--events", RETENTION.toString(), "--out", plain.toString()).code()).isZero();
        Path out = dir.resolve("out.jsonl");

        onANewPostgreSqlDatabase(url -> {
            Main.Result first = Main.capture(args(events, url, out, List.of("--user", "postgres"), "4"));
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.err().lines().filter(l -> l.startsWith("The event"))).satisfiesExactly(
                    l -> assertThat(l).startsWith("The event (line 7, OrderPlaced \"o-x1\") was rejected: field "
                            + "'customerId'").contains("at most 128 characters"),
                    l -> assertThat(l).startsWith("The event (line 13, OrderPlaced \"o-x2\") was rejected: field "
                            + "'customerId'").contains("U+0000"));
            assertThat(sorted(out)).isEqualTo(sorted(plain));

            Main.Result next = Main.capture(args(events, url, out, List.of("--user", "postgres"), "4"));
            assertThat(next.code()).as(next.err()).isZero();
            assertThat(next.err()).contains("resumed at line " + lines.size() + " of ").doesNotContain("The event")
                    .contains("0 events accepted, 0 rejected");
            assertThat(sorted(out)).isEqualTo(sorted(plain));
        });
    }

    /** A database that the test works on. */
    private interface DatabaseTest {
        void run(String url) throws Exception;
    }

    /** Runs the test on a new database of the local PostgreSQL, dropped after; skipped when no server answers. */
    private static void onANewPostgreSqlDatabase(DatabaseTest test) throws Exception {
        String admin = "jdbc:postgresql://" + PG_HOST + "/postgres?connectTimeout=3";
        String db = "cf_cli_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                .toLowerCase(Locale.ROOT);
        try (Connection c = postgres(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        try {
            test.run("jdbc:postgresql://" + PG_HOST + "/" + db);
        } finally {
            try (Connection c = postgres(admin); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    /** @return a connection as postgres to the admin URL, or the test is skipped with the reason printed */
    private static Connection postgres(String adminUrl) {
        try {
            return DriverManager.getConnection(adminUrl, "postgres", "");
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + adminUrl + " as postgres (" + e.getMessage()
                    + "): the replay on it is skipped. Start the server (or set -Dcustflow.test.postgres=HOST:PORT) "
                    + "to run it.";
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
            throw new IllegalStateException(reason); // not reached: abort throws
        }
    }

    @Test
    void aLastBatchOfUnreadableLines_isCommittedWithThePosition_andNotReportedAgain() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8));
        lines.add("not json");
        lines.add("{\"type\":\"Nope\",\"id\":\"x\"}");
        Path events = Files.write(dir.resolve("events.jsonl"), lines, StandardCharsets.UTF_8);
        String store = dir.resolve("custflow").toString();
        Path out = dir.resolve("out.jsonl");

        Main.Result first = Main.capture(args(events, store, out, List.of(), "1"));
        assertThat(first.err()).contains("(line " + (lines.size() - 1) + ")", "(line " + lines.size() + " \"x\")");
        Main.Result again = Main.capture(args(events, store, out, List.of(), "1"));

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("resumed at line " + lines.size() + " of ")
                .doesNotContain("The event", "(line ").contains(" 0 rejected", " 0 actions, 0 delivered");
    }

    @Test
    void anOutputThatFails_endsTheRunWithExitCode3_andTheNextRunWritesWhatTheOutboxKept() throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full on this system");
        Path plain = dir.resolve("plain.jsonl");
        assertThat(Main.capture("replay", "--events", RETENTION.toString(), "--out", plain.toString()).code()).isZero();
        String store = dir.resolve("custflow").toString();

        Main.Result failed = Main.capture(args(RETENTION, store, full, List.of(), "5"));
        assertThat(failed.code()).as(failed.err()).isEqualTo(CommandErrors.OUTPUT);
        assertThat(failed.err()).contains("custflow replay: the actions file /dev/full could not be written (",
                "0 actions written; the actions not written stay in the store's outbox, and the next run writes "
                        + "them first").doesNotContain(" delivered from the store's outbox");

        Path out = dir.resolve("out.jsonl");
        Main.Result next = Main.capture(args(RETENTION, store, out, List.of(), "5"));
        assertThat(next.code()).as(next.err()).isZero();
        assertThat(next.err()).contains("resumed at line 5 of ");
        assertThat(sorted(out)).isEqualTo(sorted(plain));
    }

    /** Replays the whole file on a new store, then again: the second run resumes at its end and writes nothing. */
    private void replaysTwice(String store, List<String> credentials) throws Exception {
        Path plain = dir.resolve("plain.jsonl");
        assertThat(Main.capture("replay", "--events", RETENTION.toString(), "--out", plain.toString()).code())
                .isZero();
        Path out = dir.resolve("out.jsonl");

        Main.Result first = Main.capture(args(RETENTION, store, out, credentials, "1000"));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).doesNotContain("resumed")
                .contains(" " + Files.readAllLines(plain).size() + " delivered from the store's outbox");
        assertThat(sorted(out)).isEqualTo(sorted(plain)).isNotEmpty();

        Main.Result second = Main.capture(args(RETENTION, store, out, credentials, "1000"));
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err())
                .contains("custflow replay: resumed at line " + Files.readAllLines(RETENTION).size() + " of " + store)
                .contains("0 events accepted, 0 rejected, 0 duplicates; 0 actions, 0 delivered");
        assertThat(sorted(out)).isEqualTo(sorted(plain));
    }

    /** Replays half the file, then the whole file: the second run starts at the line the first stopped at. */
    private void resumes(String store, List<String> credentials) throws Exception {
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        int half = lines.size() / 2;
        Path part = dir.resolve("part.jsonl");
        Files.write(part, lines.subList(0, half), StandardCharsets.UTF_8);
        Path plain = dir.resolve("plain.jsonl");
        assertThat(Main.capture("replay", "--events", EXAMPLE.toString(), "--out", plain.toString()).code()).isZero();

        Path out = dir.resolve("out.jsonl");
        Main.Result stopped = Main.capture(args(part, store, out, credentials, "3"));
        assertThat(stopped.code()).as(stopped.err()).isZero();
        assertThat(stopped.err()).doesNotContain("resumed");
        long writtenBefore = Files.readAllLines(out).size();
        assertThat(writtenBefore).isPositive();

        Main.Result resumed = Main.capture(args(EXAMPLE, store, out, credentials, "3"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("custflow replay: resumed at line " + half + " of ");
        assertThat(sorted(out)).isEqualTo(sorted(plain)).doesNotHaveDuplicates();
        assertThat(Files.readAllLines(out).stream().map(l -> Json.readAction(l).id()).distinct().count())
                .isEqualTo(Files.readAllLines(plain).size());

        Main.Result again = Main.capture(args(EXAMPLE, store, out, credentials, "3"));
        assertThat(again.code()).isZero();
        assertThat(again.err()).contains("resumed at line " + lines.size() + " of ").contains(" 0 delivered");
        assertThat(sorted(out)).isEqualTo(sorted(plain));
    }

    private static String[] args(Path events, String store, Path out, List<String> credentials, String batch) {
        List<String> a = new ArrayList<>(List.of("replay", "--events", events.toString(), "--store", store,
                "--out", out.toString(), "--batch", batch));
        a.addAll(credentials);
        return a.toArray(String[]::new);
    }

    @Test
    void userWithoutStore_isAUsageError() {
        Main.Result r = Main.capture("replay", "--events", EXAMPLE.toString(), "--user", "u");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--user, --password-env and --password-file go with --store");
    }

    @Test
    void passwordFileWithoutStore_isAUsageError() {
        Main.Result r = Main.capture("replay", "--events", EXAMPLE.toString(), "--password-file", "p");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--user, --password-env and --password-file go with --store");
        assertThat(r.out()).isEmpty();
    }
}
