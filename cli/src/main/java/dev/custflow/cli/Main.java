package dev.custflow.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code custflow} command line: {@code bin/custflow --help} lists the commands. */
@Command(name = "custflow", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Customer-lifecycle rules for an ERP: JSON events in, JSON actions out.", ""},
        subcommands = {ReplayCommand.class, LintCommand.class, TestCommand.class, CommandLine.HelpCommand.class,
                DemoCommand.class, CalibrateCommand.class, WhatIfCommand.class},
        footer = {"", "Events and actions: docs/events.md. Rules and settings: docs/rules.md."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @param args the command line */
    public static void main(String[] args) {
        StandardInput.checkAtStart();
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command with the given output streams (for tests and embedding).
     *
     * @param args the command line
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine();
        // over the PrintStream itself, so that checkError() sees what the PrintStream swallows (a closed pipe)
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = cl.execute(args);
        if (cl.getOut().checkError() && code != CommandErrors.OUTPUT) {
            cl.getErr().println("custflow: standard output could not be written (closed or full): what the command "
                    + "printed is incomplete");
            code = CommandErrors.OUTPUT;
        }
        cl.getErr().flush();
        return code;
    }

    /**
     * What one run of the command line printed: for tests, and for hosts that call the CLI in-process.
     *
     * @param code the exit code
     * @param out  what it wrote to standard output
     * @param err  what it wrote to standard error
     */
    public record Result(int code, String out, String err) {
    }

    /**
     * Runs a command and captures its output.
     *
     * @param args the command line
     * @return the exit code and what was printed
     */
    public static Result capture(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("custflow: " + ex.getMessage());
            return 2;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest, or "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"custflow " + (v == null ? "(development build)" : v)};
        }
    }
}
