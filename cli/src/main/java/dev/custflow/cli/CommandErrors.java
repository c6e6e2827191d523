package dev.custflow.cli;

import dev.custflow.RuleCompilationException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;

/**
 * How every command reports what stops it before it does its work — rules that do not compile, a
 * missing file, a bad setting or option, a malformed data file: the problem in one line (or every
 * rule message, each with file:line:column), and exit code 2. Shared so that all commands word it
 * the same way.
 */
public final class CommandErrors {
    /** The exit code of a usage, rules, settings or input-file error. */
    public static final int EXIT = 2;
    /** The exit code when the output could not be written (standard output closed, a full disk): it is incomplete. */
    public static final int OUTPUT = 3;

    private CommandErrors() {
    }

    /**
     * @param command     the command's name, e.g. {@code replay}
     * @param problem     what stopped it
     * @param err         where to report it
     * @param nothingDone what the user should know was not done, e.g. {@code nothing was replayed}
     * @return {@link #EXIT}
     */
    public static int report(String command, Exception problem, PrintWriter err, String nothingDone) {
        String prefix = "custflow " + command + ": ";
        if (problem instanceof RuleCompilationException r) {
            r.messages().forEach(err::println);
            err.println(prefix + "the rules did not compile; " + nothingDone);
        } else if (problem instanceof NoSuchFileException f) {
            err.println(prefix + "no such file: " + f.getFile() + (f.getReason() == null ? "" : " (" + f.getReason()
                    + ")"));
        } else {
            err.println(prefix + problem.getMessage());
        }
        return EXIT;
    }
}
