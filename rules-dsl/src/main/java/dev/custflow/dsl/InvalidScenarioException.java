package dev.custflow.dsl;

import dev.custflow.CustflowException;

/**
 * A scenario file that cannot be read: the message names the file, the line and the field, then what
 * is wrong, e.g. {@code scenarios/dormancy.yaml:14: field 'at' = 'yesterday': must be an ISO-8601 instant}.
 */
public final class InvalidScenarioException extends CustflowException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;

    /**
     * @param file    the scenario file as the user named it, e.g. {@code scenarios/dormancy.yaml}
     * @param line    the 1-based line, or 0 when not known
     * @param field   the offending field as a path, e.g. {@code scenarios[1].given[2].at}, or null for the whole file
     * @param detail  what is wrong, naming the field and its value, and, when likely, what was meant
     */
    public InvalidScenarioException(String file, int line, String field, String detail) {
        super(file + (line > 0 ? ":" + line : "") + ": " + detail);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /** @return the scenario file */
    public String file() {
        return file;
    }

    /** @return the 1-based line, or 0 */
    public int line() {
        return line;
    }

    /** @return the offending field, or null */
    public String field() {
        return field;
    }
}
