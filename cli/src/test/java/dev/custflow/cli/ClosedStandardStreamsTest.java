package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Started with standard input closed ({@code 0<&-}), replay once read the JDK's own files as events and ended in a
 * stack trace. Now the launcher refuses before it starts Java, and the command line refuses when started without the
 * launcher. With standard output closed the launcher refuses to run: the JVM may put /dev/null there, and the actions
 * would be lost without an error. The cases run a real process through bash, skipped where bash or /proc is missing.
 */
class ClosedStandardStreamsTest {
    private static final Path LAUNCHER = Path.of("../bin/custflow").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** What a process printed and how it ended. */
    private record Ended(int code, String out, String err) {
    }

    /** Runs a bash command line in the module directory; skipped when there is no bash. */
    private Ended bash(String commandLine) throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        Assumptions.assumeTrue(Files.isExecutable(bash), "no /bin/bash to start the process with");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(bash.toString(), "-c", commandLine).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("still running after 60 s: " + commandLine + "\n" + Files.readString(err));
        }
        return new Ended(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    void theLauncher_withStandardInputClosed_refusesToReadEventsFromIt_beforeStartingJava() throws Exception {
        for (String events : List.of("--events -", "--events=-")) {
            Ended r = bash("exec bash " + quoted(LAUNCHER.toString()) + " replay " + events + " 0<&-");

            assertThat(r.code()).as(r.err()).isEqualTo(CommandErrors.EXIT);
            assertThat(r.err()).isEqualTo("custflow: standard input is closed, so no events can be read from it "
                    + "(--events -); nothing was run. Give the events with --events FILE, through a pipe or with "
                    + "< FILE\n");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void theLauncher_withStandardOutputClosed_refusesToRun_withExitCode3() throws Exception {
        Ended r = bash("exec bash " + quoted(LAUNCHER.toString()) + " replay --events x.jsonl 1>&-");

        assertThat(r.code()).as(r.err()).isEqualTo(CommandErrors.OUTPUT);
        assertThat(r.err()).isEqualTo("custflow: standard output is closed, so nothing could be written to it; "
                + "nothing was run. Send it to a file, a pipe or /dev/null\n");
    }

    @Test
    void theCommandLine_startedWithStandardInputClosed_refusesToReadEventsFromIt() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc/self/fd on this system");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Ended r = bash("exec " + quoted(java) + " -cp " + quoted(System.getProperty("java.class.path"))
                + " dev.custflow.cli.Main replay --events - 0<&-");

        assertThat(r.code()).as(r.err()).isEqualTo(CommandErrors.EXIT);
        assertThat(r.err()).startsWith("custflow replay: standard input is closed (the command was started with "
                + "0<&-), so no events can be read from it").doesNotContain("Exception", "The event");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aDescriptorLinkedToAFileOfTheJdk_isTakenByTheJvm_aPipeOrAnOrdinaryFileIsNot() throws IOException {
        Path modules = Path.of(System.getProperty("java.home"), "lib", "modules").toRealPath();
        Path ordinary = Files.writeString(dir.resolve("events.jsonl"), "{}\n");

        assertThat(StandardInput.takenByTheJvm(Files.createSymbolicLink(dir.resolve("fd-jdk"), modules))).isTrue();
        assertThat(StandardInput.takenByTheJvm(Files.createSymbolicLink(dir.resolve("fd-file"), ordinary))).isFalse();
        assertThat(StandardInput.takenByTheJvm(Files.createSymbolicLink(dir.resolve("fd-pipe"), Path.of("pipe:[42]"))))
                .isFalse();
        assertThat(StandardInput.takenByTheJvm(ordinary)).as("not a link").isFalse();
    }
}
