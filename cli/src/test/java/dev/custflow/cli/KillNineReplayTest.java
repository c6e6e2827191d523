package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.connectors.jdbc.JdbcCustomerStore;
import dev.custflow.event.Event;
import dev.custflow.examples.CompanySimulator;
import dev.custflow.model.CustomerProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 item 4, crash-safe restart proven: {@code custflow replay --store} on an H2 file, in a child JVM, killed
 * with SIGKILL ({@link Process#destroyForcibly()}) many times at seeded points and restarted each time, ends exactly
 * like one uninterrupted in-process run: the actions written to {@code --out}, de-duplicated by id, are the actions of
 * that run (an action written twice is written the same both times), and the customers in the store are the same.
 *
 * <p>When to kill is decided by progress, not by the clock: each round kills the child once the actions file has
 * grown by a seeded number of lines (it grows only after a batch was committed and delivered from the outbox); where
 * in its work the kill then lands (mid-batch, mid-commit, between a commit and the outbox delivery, during the
 * delivery) varies, and the assertions hold for every case.
 */
class KillNineReplayTest {
    private static final long SEED = 20_251_125L;
    private static final int KILLS = 10;
    private static final int BATCH = 50;

    @Test
    void killedWithSigkillManyTimes_andRestarted_deliversTheActionsOfOneRun_andEndsInTheSameState(@TempDir Path dir)
            throws Exception {
        List<Event> history;
        try (Stream<Event> s = CompanySimulator.of(CompanySimulator.Config.ofDefaults().withCustomers(300)
                .withDays(150).withSeed(SEED)).events()) {
            history = s.toList();
        }
        Path events = dir.resolve("events.jsonl");
        Files.write(events, history.stream().map(Json::write).toList(), StandardCharsets.UTF_8);

        Map<String, String> once = new LinkedHashMap<>();
        Map<String, CustomerProfile> expected;
        try (Engine e = Custflow.builder().build()) {
            for (int i = 0; i < history.size(); i += BATCH) {
                e.acceptAll(history.subList(i, Math.min(history.size(), i + BATCH))).actions()
                        .forEach(a -> once.put(a.id(), Json.write(a)));
            }
            expected = profiles(e);
        }
        assertThat(history.size()).isGreaterThan(2_000);
        assertThat(once.size()).isGreaterThan(2_000);

        Path db = dir.resolve("custflow");
        Path out = dir.resolve("actions.jsonl");
        Random random = new Random(SEED);
        int kills = 0;
        int resumed = 0;
        long started = System.nanoTime();
        for (int round = 0; round < KILLS; round++) {
            long before = lines(out);
            long target = before + 1 + random.nextInt(once.size() / (KILLS + 4));
            Process child = replay(dir, round, events, db, out);
            while (child.isAlive() && lines(out) < target) {
                Thread.onSpinWait();
            }
            if (!child.isAlive()) {
                break; // it finished before the target: nothing left to interrupt
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close, no flush
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            kills++;
            if (Files.readString(dir.resolve("err-" + round + ".txt")).contains("resumed at line ")) {
                resumed++;
            }
        }
        Process last = replay(dir, KILLS, events, db, out);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String lastErr = Files.readString(dir.resolve("err-" + KILLS + ".txt"));
        assertThat(last.exitValue()).as(lastErr).isZero();
        assertThat(lastErr).contains("resumed at line ");
        double secs = (System.nanoTime() - started) / 1e9;

        List<String> written = Files.readAllLines(out, StandardCharsets.UTF_8);
        Map<String, String> delivered = new HashMap<>();
        for (String line : written) {
            Action a = Json.readAction(line);
            String earlier = delivered.putIfAbsent(a.id(), line);
            assertThat(earlier == null || earlier.equals(line)).as("action %s written twice, differently", a.id())
                    .isTrue();
        }
        assertThat(delivered).isEqualTo(once);
        try (JdbcCustomerStore store = JdbcCustomerStore.builder().h2File(db).build();
             Engine e = Custflow.builder().store(store).build()) {
            assertThat(e.position()).isEqualTo(history.size());
            assertThat(profiles(e)).isEqualTo(expected);
            assertThat(store.pendingActions()).isZero();
        }

        // Once more on the finished store: resumes at the end, delivers nothing again.
        Process again = replay(dir, KILLS + 1, events, db, out);
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isZero();
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSameSizeAs(written);

        assertThat(kills).isGreaterThanOrEqualTo(10);
        assertThat(resumed).as("killed runs that had resumed from an earlier one").isGreaterThan(0);
        System.out.printf("KillNineReplayTest: survived %d kills (kill -9 of custflow replay --store in a child JVM); "
                        + "%,d events, %,d actions, %,d lines written (%,d repeats dropped by id), %.1f s%n",
                kills, history.size(), once.size(), written.size(), written.size() - delivered.size(), secs);
    }

    private static Process replay(Path dir, int round, Path events, Path db, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), "dev.custflow.cli.Main", "replay",
                "--events", events.toString(), "--store", db.toString(), "--out", out.toString(),
                "--batch", String.valueOf(BATCH), "-q"));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve("out-" + round + ".txt").toFile())
                .redirectError(dir.resolve("err-" + round + ".txt").toFile()).start();
    }

    /** Whole lines in the actions file so far (a kill may leave half a line at its end, which the next run drops). */
    private static long lines(Path out) throws IOException {
        if (!Files.exists(out)) {
            return 0;
        }
        long n = 0;
        for (byte b : Files.readAllBytes(out)) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private static Map<String, CustomerProfile> profiles(Engine e) {
        Map<String, CustomerProfile> m = new TreeMap<>();
        e.forEachCustomer(p -> m.put(p.id(), p));
        return m;
    }
}
