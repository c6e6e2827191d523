package dev.custflow;

import java.util.Objects;

/**
 * An event that cannot be accepted: malformed JSON, an unknown type, a missing, ill-typed or
 * out-of-range field, or a reference to an order or ticket the engine does not know. A rejected
 * event changes nothing; the rest of the stream goes on.
 *
 * <p>The message names where (line, when the event came from a file or stream), what (the event
 * type and id) and why (the field, its value and the rule it broke), and suggests a fix when one
 * is likely.
 */
public final class EventRejectedException extends CustflowException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final String eventType;
    private final String eventId;
    private final String field;
    private final String value;
    private final String problem;
    private final boolean shown;

    /**
     * @param line      1-based line of the event in its stream, or 0 when it did not come from a stream
     * @param eventType the event's {@code type}, or null if it could not be read
     * @param eventId   the event's {@code id}, or null if it could not be read
     * @param field     the offending field (a JSON path such as {@code lines[2].amount}), or null for the whole event
     * @param value     the offending value as text, or null when it was missing
     * @param problem   what is wrong, in a sentence, possibly followed by a suggestion on a new line
     */
    public EventRejectedException(long line, String eventType, String eventId, String field, String value,
                                  String problem) {
        this(line, eventType, eventId, field, value, problem, true);
    }

    private EventRejectedException(long line, String eventType, String eventId, String field, String value,
                                   String problem, boolean shown) {
        super(format(line, eventType, eventId, field, value, problem, shown));
        this.shown = shown;
        this.line = line;
        this.eventType = eventType;
        this.eventId = eventId;
        this.field = field;
        this.value = value;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * A rejection found while building an event, before its line is known.
     *
     * @param eventType the event type
     * @param field     the offending field
     * @param value     the offending value, or null when missing
     * @param problem   what is wrong
     * @return the exception, with line 0 and no id
     */
    public static EventRejectedException ofField(String eventType, String field, Object value, String problem) {
        return new EventRejectedException(0, eventType, null, field, value == null ? null : String.valueOf(value),
                problem);
    }

    /**
     * @param newLine the line the event was read from
     * @param id      the event id, if known
     * @return the same rejection placed at a line of a stream
     */
    public EventRejectedException at(long newLine, String id) {
        return new EventRejectedException(newLine, eventType, id != null ? id : eventId, field, value, problem, shown);
    }

    /**
     * A field refused without repeating its value: it may be personal data (a name, a phone number, a birthday).
     *
     * @param eventType the event's type
     * @param field     the field
     * @param problem   what is wrong with it
     * @return the exception; its message says the value is not shown
     */
    public static EventRejectedException withheld(String eventType, String field, String problem) {
        return new EventRejectedException(0, eventType, null, field, null, problem, false);
    }

    private static String format(long line, String type, String id, String field, String value, String problem,
                                 boolean shown) {
        StringBuilder sb = new StringBuilder("The event");
        StringBuilder where = new StringBuilder();
        if (line > 0) {
            where.append("line ").append(line);
        }
        if (type != null) {
            where.append(where.length() > 0 ? ", " : "").append(type);
        }
        if (id != null) {
            where.append(where.length() > 0 ? " " : "").append('"').append(printable(abbreviate(id))).append('"');
        }
        if (where.length() > 0) {
            sb.append(" (").append(where).append(')');
        }
        sb.append(" was rejected: ");
        if (field != null) {
            sb.append("field '").append(field).append("' ");
            sb.append(!shown ? "(value not shown: it may be personal data)" : value == null ? "(missing)"
                    : "= " + printable(abbreviate(value))).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** Control characters shown as {@code \\uXXXX}: a refused value must not move a terminal's cursor or end a log line. */
    private static String printable(String v) {
        StringBuilder sb = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean bad = Character.isISOControl(c) || Character.isSurrogate(c);
            if (bad && sb == null) {
                sb = new StringBuilder(v.length() + 8).append(v, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return sb == null ? v : sb.toString();
    }

    private static String abbreviate(String v) {
        return v.length() > 80 ? v.substring(0, 77) + "..." : v;
    }

    /** @return the 1-based line in the stream, or 0 when the event did not come from a stream */
    public long line() {
        return line;
    }

    /** @return the event type, or null when it could not be read */
    public String eventType() {
        return eventType;
    }

    /** @return the event id, or null when it could not be read */
    public String eventId() {
        return eventId;
    }

    /** @return the offending field, or null when the whole event is at fault */
    public String field() {
        return field;
    }

    /** @return the offending value as text, or null when missing */
    public String value() {
        return value;
    }

    /** @return the problem alone, without the location prefix */
    public String problem() {
        return problem;
    }
}
