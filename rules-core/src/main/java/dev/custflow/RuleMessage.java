package dev.custflow;

import java.util.Objects;

/**
 * One problem found while compiling or checking rules, located in its file.
 *
 * @param file     the rule file as the author knows it (a path relative to the rules folder or a classpath name)
 * @param line     1-based line, or 0 when the compiler gave none
 * @param column   1-based column, or 0 when the compiler gave none
 * @param severity ERROR stops a rule set from loading; WARNING does not
 * @param message  what is wrong, and a suggestion when one is likely
 */
public record RuleMessage(String file, int line, int column, Severity severity, String message) {

    /** How bad a rule problem is. */
    public enum Severity { ERROR, WARNING, INFO }

    /** Validates the fields. */
    public RuleMessage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code file:line:column: severity: message}, the form editors and CI logs understand */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + message;
    }
}
