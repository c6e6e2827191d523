package dev.custflow.examples;

import dev.custflow.CustflowException;
import java.nio.file.Path;

/**
 * A data file the demo reads has a line it cannot understand; names the file, the line and, when
 * known, the column: {@code Leads.csv:12:57: ...} like a compiler's message.
 */
public final class DataFileException extends CustflowException {
    private static final long serialVersionUID = 1L;

    /** The file, kept as text: {@link Path} is not serializable. */
    private final String file;
    private final long line;
    private final int column;

    /**
     * @param file    the file
     * @param line    the 1-based line number
     * @param problem what is wrong with the line, naming the value
     */
    public DataFileException(Path file, long line, String problem) {
        this(file, line, 0, problem);
    }

    /**
     * @param file    the file
     * @param line    the 1-based line number
     * @param column  the 1-based character column where the bad value starts, or 0 when unknown
     * @param problem what is wrong with the value, naming it and its column's name
     */
    public DataFileException(Path file, long line, int column, String problem) {
        this(file.toString(), line, column, problem);
    }

    /**
     * @param source  where the data comes from when it is not a file, e.g. {@code query} for a query's result
     * @param line    the 1-based line (or row of a query's result), or 0 when the problem is not in one
     * @param column  the 1-based character column where the bad value starts, or 0 when unknown
     * @param problem what is wrong with the value, naming it and its column's name
     */
    public DataFileException(String source, long line, int column, String problem) {
        super(source + (line > 0 ? ":" + line : "") + (line > 0 && column > 0 ? ":" + column : "") + ": " + problem);
        this.file = source;
        this.line = line;
        this.column = column;
    }

    /** @return the file, as given (or the source that is not a file, e.g. {@code query}) */
    public String file() {
        return file;
    }

    /** @return the 1-based line number */
    public long line() {
        return line;
    }

    /** @return the 1-based character column, or 0 when the problem is the whole line */
    public int column() {
        return column;
    }
}
