package dev.custflow.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Standard input as the source of events ({@code --events -}), unless it was closed. A process started with its
 * standard input closed ({@code 0<&-}) gives descriptor 0 to the first file the JVM opens, and {@link System#in} then
 * reads the JDK's own modules or a jar as if they were events. On Linux that shows in {@code /proc/self/fd/0}.
 */
final class StandardInput {
    private static volatile boolean closed;

    /** Standard input was closed when the process started. */
    static final class ClosedException extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedException() {
            super("standard input is closed (the command was started with 0<&-), so no events can be read from it; "
                    + "give them with --events FILE, through a pipe or with < FILE");
        }
    }

    private StandardInput() {
    }

    /** Called once by {@link Main#main}, before the command runs; in-process runs keep their {@link System#in}. */
    static void checkAtStart() {
        closed = takenByTheJvm(Path.of("/proc/self/fd/0"));
    }

    /**
     * @return {@link System#in}, not closed by the caller
     * @throws ClosedException when standard input was closed when the process started
     */
    static InputStream open() throws ClosedException {
        if (closed) {
            throw new ClosedException();
        }
        return System.in;
    }

    /** @return true when the descriptor links to a file of the JDK or of the class path */
    static boolean takenByTheJvm(Path descriptor) {
        try {
            if (!Files.isSymbolicLink(descriptor)) {
                return false;
            }
            Path target = Files.readSymbolicLink(descriptor);
            if (!target.isAbsolute()) {
                return false; // a pipe or a socket
            }
            if (target.startsWith(Path.of(System.getProperty("java.home")).toRealPath())) {
                return true;
            }
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                Path p = entry.isEmpty() ? null : Path.of(entry);
                if (p != null && Files.exists(p) && target.equals(p.toRealPath())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | InvalidPathException | UnsupportedOperationException | SecurityException e) {
            return false; // no /proc: nothing to tell
        }
    }
}
