package dev.custflow.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * How {@code replay --store} logs in to its database (docs/jdbc.md). The password never comes on the command line,
 * where every user of the machine sees it in the process list ({@code ps}) and the shell keeps it in its history: it
 * is read from an environment variable ({@code --password-env NAME}, by default {@value #DEFAULT_PASSWORD_ENV}) or
 * from a file ({@code --password-file FILE}, e.g. a mounted secret). {@code --password} is refused, saying so. No
 * message ever repeats a password.
 */
public final class DatabaseLogin {
    /** The environment variable read for the password when neither --password-env nor --password-file is given. */
    public static final String DEFAULT_PASSWORD_ENV = "CUSTFLOW_DB_PASSWORD";

    @Option(names = "--user", paramLabel = "U",
            description = "with --store (replay) or --jdbc-url (calibrate): the database user")
    String user;

    @Option(names = "--password-env", paramLabel = "NAME",
            description = "with a database: read its password from this environment variable (default: "
                    + DEFAULT_PASSWORD_ENV + ", when it is set)")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "with a database: read its password from the first line of this file (e.g. a "
                    + "mounted secret; let only yourself read it)")
    Path passwordFile;

    /** Refused: declared so that the refusal can say why, without a parse error that would echo the value. */
    @Option(names = "--password", paramLabel = "P", hidden = true)
    String onCommandLine;

    /** Where environment variables come from (a test gives its own). */
    UnaryOperator<String> environment = System::getenv;

    /** @return the database user, or null */
    public String user() {
        return user;
    }

    /**
     * @param withStore true when the command has a store to log in to
     * @return the password from the environment variable or the file, or null when none was asked for and
     *         {@value #DEFAULT_PASSWORD_ENV} is not set (or there is no store)
     * @throws IllegalArgumentException naming the option, the variable or the file and what is wrong with it (never
     *                                  the password): {@code --password} given, both sources given, a variable
     *                                  not set, a file missing, unreadable or empty, login options without a store
     */
    public String password(boolean withStore) {
        return password(withStore, "--store");
    }

    /**
     * @param withDatabase true when the command has a database to log in to
     * @param option       the option that names the database, for the message when there is none (e.g.
     *                     {@code --jdbc-url})
     * @return as {@link #password(boolean)}
     * @throws IllegalArgumentException as {@link #password(boolean)}
     */
    public String password(boolean withDatabase, String option) {
        boolean withStore = withDatabase;
        if (onCommandLine != null) {
            throw new IllegalArgumentException("--password is not accepted: the process list (ps) shows a command "
                    + "line to every user of the machine, and the shell keeps it in its history; give the password in "
                    + "an environment variable (--password-env NAME, by default " + DEFAULT_PASSWORD_ENV + ") or a "
                    + "file (--password-file FILE)");
        }
        if (!withStore) {
            if (user != null || passwordEnv != null || passwordFile != null) {
                throw new IllegalArgumentException("--user, --password-env and --password-file go with " + option);
            }
            return null;
        }
        if (passwordEnv != null && passwordFile != null) {
            throw new IllegalArgumentException("give the password in --password-env or --password-file, not both");
        }
        if (passwordFile != null) {
            return fromFile(passwordFile);
        }
        String name = passwordEnv != null ? passwordEnv : DEFAULT_PASSWORD_ENV;
        String value = environment.apply(name);
        if (value == null || value.isEmpty()) {
            if (passwordEnv != null) {
                throw new IllegalArgumentException("the environment variable " + name + " (--password-env) is "
                        + (value == null ? "not set" : "empty"));
            }
            return null;
        }
        return value;
    }

    /** The first line of the file, without its line end ({@code echo secret > file} writes one). */
    private static String fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the password file " + file + " (--password-file) does not exist");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("the password file " + file + " (--password-file) cannot be read: "
                    + "permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException("the password file " + file + " (--password-file) cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        String first = text.lines().findFirst().orElse("");
        if (first.isEmpty()) {
            throw new IllegalArgumentException("the password file " + file + " (--password-file) is empty");
        }
        return first;
    }

    /**
     * @param location a store location as given, e.g. a JDBC URL
     * @return the location without any {@code password=...} parameter, to print
     */
    public static String shown(String location) {
        return location == null ? null : location.replaceAll("(?i)password=[^;&]*", "password=…");
    }
}
