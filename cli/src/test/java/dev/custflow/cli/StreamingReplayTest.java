package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code replay --events -} acts on each line as the host writes it: the actions of a lead are on standard output while
 * the host has not written anything more. The test reads the actions before it writes the next line, so it would hang,
 * not pass, if replay waited for a batch of a thousand (the timeout only ends such a hang).
 */
class StreamingReplayTest {
    private static final String REP = """
            {"type":"RepUpdated","id":"rep-1","at":"2024-01-01T00:00:00Z","repId":"r-zhang","team":"EAST","capacity":40}""";
    private static final String LEAD = """
            {"type":"LeadCaptured","id":"ev-1","at":"2024-01-02T09:00:00Z","leadId":"L-1001","channel":"WECHAT"}""";
    private static final String ORDER = """
            {"type":"OrderPlaced","id":"ev-2","at":"2024-01-20T10:00:00Z","orderId":"SO-1","customerId":"L-1001","amount":12800.00}""";

    @Test
    void eachLineWritten_getsItsActionsBeforeTheHostWritesTheNext() throws Exception {
        PipedOutputStream host = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(host, 1 << 16);
        PipedInputStream actions = new PipedInputStream(1 << 20);
        PrintStream stdout = new PrintStream(new PipedOutputStream(actions), true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream previous = System.in;
        System.setIn(stdin);
        ExecutorService replay = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> code = replay.submit(() -> Main.run(new String[] {"replay", "--events", "-"}, stdout,
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
            BufferedReader out = new BufferedReader(new InputStreamReader(actions, StandardCharsets.UTF_8));
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                write(host, REP + "\n" + LEAD + "\n");
                String first = out.readLine(); // arrives while the host writes nothing more
                assertThat(first).contains("\"customerId\":\"L-1001\"");

                write(host, ORDER + "\n");
                String next = out.readLine();
                while (next != null && !next.contains("\"at\":\"2024-01-20")) {
                    next = out.readLine(); // the rest of the lead's actions, then the order's
                }
                assertThat(next).as("an action of the order").isNotNull();

                host.close();
                assertThat(code.get()).as(err.toString(StandardCharsets.UTF_8)).isZero();
            });
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("3 events accepted");
        } finally {
            replay.shutdownNow();
            System.setIn(previous);
        }
    }

    private static void write(PipedOutputStream host, String lines) throws java.io.IOException {
        host.write(lines.getBytes(StandardCharsets.UTF_8));
        host.flush();
    }
}
