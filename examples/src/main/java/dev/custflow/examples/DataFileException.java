package dev.custflow.examples;

import dev.custflow.CustflowException;
import java.nio.file.Path;

/** A data file the demo reads has a line it cannot understand; names the file and the line. */
public final class DataFileException extends CustflowException {
    private static final long serialVersionUID = 1L;

    /** The file, kept as text: {@link Path} is not serializable. */
    private final String file;
    private final long line;

    /**
     * @param file    the file
     * @param line    the 1-based line number
     * @param problem what is wrong with the line, naming the value
     */
    public DataFileException(Path file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file.toString();
        this.line = line;
    }

    /** @return the file, as given */
    public String file() {
        return file;
    }

    /** @return the 1-based line number */
    public long line() {
        return line;
    }
}
