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
        super(format(line, eventType, eventId, field, value, problem));
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
        return new EventRejectedException(newLine, eventType, id != null ? id : eventId, field, value, problem);
    }

    private static String format(long line, String type, String id, String field, String value, String problem) {
        StringBuilder sb = new StringBuilder("The event");
        StringBuilder where = new StringBuilder();
        if (line > 0) {
            where.append("line ").append(line);
        }
        if (type != null) {
            where.append(where.length() > 0 ? ", " : "").append(type);
        }
        if (id != null) {
            where.append(where.length() > 0 ? " " : "").append('"').append(id).append('"');
        }
        if (where.length() > 0) {
            sb.append(" (").append(where).append(')');
        }
        sb.append(" was rejected: ");
        if (field != null) {
            sb.append("field '").append(field).append("' ");
            sb.append(value == null ? "(missing)" : "= " + abbreviate(value)).append(": ");
        }
        return sb.append(problem).toString();
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
