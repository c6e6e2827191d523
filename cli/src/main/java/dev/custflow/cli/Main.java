package dev.custflow.cli;

import dev.custflow.text.Wording;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code custflow} command line: {@code bin/custflow --help} lists the commands. */
@Command(name = "custflow", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Customer-lifecycle rules for an ERP: JSON events in, JSON actions out.", ""},
        subcommands = {ReplayCommand.class, LintCommand.class, TestCommand.class, CommandLine.HelpCommand.class,
                DemoCommand.class, CalibrateCommand.class, WhatIfCommand.class, ForecastCommand.class,
                ReportCommand.class, ExportCommand.class},
        footer = {"", "Events and actions: docs/events.md. Rules and settings: docs/rules.md."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The language for every command: --locale before the command, else CUSTFLOW_LOCALE, else English. */
    private Locale locale = Locale.ENGLISH;

    @CommandLine.Option(names = "--locale", paramLabel = "zh-CN|en", descriptionKey = "locale",
            description = "the language of what every command writes for people: zh-CN (简体中文) or en (English, "
                    + "the default; or the environment variable " + Wording.ENVIRONMENT + ")")
    void locale(String tag) {
        if (tag != null) { // null: picocli resetting the option, nothing was asked for
            locale = LocaleOption.parse(spec.commandLine(), tag);
        }
    }

    /** @return the language given to {@code custflow} (or by the environment) */
    Locale locale() {
        return locale;
    }

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
        return run(args, out, err, System.getenv(Wording.ENVIRONMENT));
    }

    static int run(String[] args, PrintStream out, PrintStream err, String environmentLocale) {
        CommandLine cl = commandLine();
        // over the PrintStream itself, so that checkError() sees what the PrintStream swallows (a closed pipe)
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        if (environmentLocale != null && !environmentLocale.isBlank()) {
            try {
                ((Main) cl.getCommand()).locale = Wording.locale(environmentLocale);
                LocaleOption.helpIn(cl, ((Main) cl.getCommand()).locale);
            } catch (IllegalArgumentException e) {
                cl.getErr().println("custflow: " + Wording.ENVIRONMENT + "=" + environmentLocale + ": "
                        + e.getMessage());
                return CommandErrors.EXIT;
            }
        }
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
        return captureWith(System.getenv(Wording.ENVIRONMENT), args);
    }

    /** Runs a command as if the environment set CUSTFLOW_LOCALE to {@code environmentLocale} (null: unset). */
    static Result captureWith(String environmentLocale, String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environmentLocale);
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
