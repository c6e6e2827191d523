package dev.custflow;

/**
 * An event the engine did not accept, with where and why; the same facts as
 * {@link EventRejectedException}, as a value in a {@link BatchResult}.
 *
 * @param line      1-based line in the stream, or 0 when not from a stream
 * @param eventId   the event id, or null when it could not be read
 * @param eventType the event type, or null when it could not be read
 * @param field     the offending field, or null for the whole event
 * @param value     the offending value, or null when missing
 * @param problem   what is wrong, without the location
 * @param message   the whole message, naming line, field and value
 */
public record Rejection(long line, String eventId, String eventType, String field, String value, String problem,
                        String message) {

    /**
     * @param e a rejection
     * @return the same facts as a value
     */
    public static Rejection of(EventRejectedException e) {
        return new Rejection(e.line(), e.eventId(), e.eventType(), e.field(), e.value(), e.problem(), e.getMessage());
    }

    /**
     * @return the same facts as an exception, to throw; a field refused without its value (personal data) is
     *         refused so again
     */
    public EventRejectedException toException() {
        EventRejectedException e = new EventRejectedException(line, eventType, eventId, field, value, problem);
        if (value == null && field != null && !e.getMessage().equals(message)) {
            EventRejectedException withheld = EventRejectedException.withheld(eventType, field, problem)
                    .at(line, eventId);
            if (withheld.getMessage().equals(message)) {
                return withheld;
            }
        }
        return e;
    }
}
