package dev.custflow.cli;

import dev.custflow.RuleCompilationException;
import dev.custflow.text.Wording;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

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
        return report(command, problem, err, nothingDone, Locale.ENGLISH);
    }

    /**
     * @param command     the command's name, e.g. {@code lint}
     * @param problem     what stopped it
     * @param err         where to report it
     * @param nothingDone what the user should know was not done, in the reader's language ({@link #text})
     * @param locale      the reader's language: Custflow's own words are in it; a problem's message as it came
     * @return {@link #EXIT}
     */
    public static int report(String command, Exception problem, PrintWriter err, String nothingDone, Locale locale) {
        String prefix = "custflow " + command + ": ";
        if (problem instanceof RuleCompilationException r) {
            r.messages().forEach(err::println);
            err.println(prefix + text(locale, "rules.didNotCompile", nothingDone));
        } else if (problem instanceof NoSuchFileException f) {
            err.println(prefix + text(locale, "noSuchFile", f.getFile() + (f.getReason() == null ? ""
                    : " (" + f.getReason() + ")")));
        } else {
            err.println(prefix + problem.getMessage());
        }
        return EXIT;
    }

    /**
     * @param locale the reader's language
     * @param key    a message of the command line's own ({@code messages.properties})
     * @param args   its arguments
     * @return the message in that language
     */
    static String text(Locale locale, String key, Object... args) {
        return Wording.of(CommandErrors.class, "messages", locale).text(key, args);
    }
}
