package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Output that cannot be written fails the run with exit code 3 and says how many actions were written: a closed
 * standard output once ended with exit code 0 and a summary claiming actions that went nowhere.
 */
class ReplayOutputErrorsTest {
    private static final Path RETENTION = Path.of("../docs/examples/retention.jsonl");
    private static final Pattern WRITTEN = Pattern.compile("; (\\d+) actions written");
    private static final Path FULL = Path.of("/dev/full");

    /** Standard output that takes {@code limit} bytes, then fails as a closed pipe does. */
    private static final class ClosesAfter extends OutputStream {
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        final int limit;

        ClosesAfter(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (taken.size() >= limit) {
                throw new IOException("Broken pipe");
            }
            taken.write(b);
        }
    }

    private static Main.Result run(OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Main.Result(code, "", err.toString(StandardCharsets.UTF_8));
    }

    private static long written(String err) {
        Matcher m = WRITTEN.matcher(err);
        assertThat(m.find()).as("how many actions were written, in%n%s", err).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void standardOutputClosedPartWay_failsWithExitCode3_andCountsOnlyTheActionsWritten() {
        String all = Main.capture("replay", "--events", RETENTION.toString()).out();
        ClosesAfter stdout = new ClosesAfter(all.length() / 3);

        Main.Result r = run(stdout, "replay", "--events", RETENTION.toString(), "--batch", "5");

        assertThat(r.code()).as(r.err()).isEqualTo(CommandErrors.OUTPUT);
        assertThat(r.err()).contains("custflow replay: standard output could not be written (it is closed or full), "
                + "so the replay stopped. Up to line ").doesNotContain(" actions in ");
        String received = stdout.taken.toString(StandardCharsets.UTF_8);
        long whole = received.chars().filter(c -> c == '\n').count();
        assertThat(written(r.err())).isPositive().isLessThanOrEqualTo(whole).isLessThan(all.lines().count());
        assertThat(all).startsWith(received);
    }

    @Test
    void standardOutputClosedFromTheStart_writesNothing_andSaysSo() {
        Main.Result r = run(new ClosesAfter(0), "replay", "--events", RETENTION.toString());

        assertThat(r.code()).isEqualTo(CommandErrors.OUTPUT);
        assertThat(written(r.err())).isZero();
    }

    @Test
    void aFullDiskUnderTheActionsFile_failsWithExitCode3() {
        Assumptions.assumeTrue(Files.isWritable(FULL), "no /dev/full on this system");

        Main.Result r = Main.capture("replay", "--events", RETENTION.toString(), "--out", FULL.toString());

        assertThat(r.code()).isEqualTo(CommandErrors.OUTPUT);
        assertThat(r.err()).contains("custflow replay: the actions file /dev/full could not be written (")
                .contains("; 0 actions written");
    }

    @Test
    void aFullDiskUnderTheAuditTrail_failsWithExitCode3() {
        Assumptions.assumeTrue(Files.isWritable(FULL), "no /dev/full on this system");

        Main.Result r = Main.capture("replay", "--events", RETENTION.toString(), "--audit", FULL.toString());

        assertThat(r.code()).isEqualTo(CommandErrors.OUTPUT);
        assertThat(r.err()).contains("custflow replay: the audit trail /dev/full could not be written (");
    }

    @Test
    void anyCommandWhoseOutputCannotBeWritten_endsWithExitCode3() {
        Main.Result r = run(new ClosesAfter(10), "--help");

        assertThat(r.code()).isEqualTo(CommandErrors.OUTPUT);
        assertThat(r.err()).contains("custflow: standard output could not be written (closed or full)");
    }
}
