package dev.custflow.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code custflow} command line: {@code bin/custflow --help} lists the commands. */
@Command(name = "custflow", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Customer-lifecycle rules for an ERP: JSON events in, JSON actions out.", ""},
        subcommands = {ReplayCommand.class, LintCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Events and actions: docs/events.md. Rules and settings: docs/rules.md."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @param args the command line */
    public static void main(String[] args) {
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
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (CliCommand extra : ServiceLoader.load(CliCommand.class)) {
            cl.addSubcommand(extra);
        }
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
