package dev.custflow.spi;

import java.util.Objects;

/**
 * One event as a source delivered it: its JSON text and where it came from, so that a rejection can name the
 * place (for example {@code "queue custflow.events, delivery 42"} or {@code "topic custflow.events-3, offset 1170"}).
 * A record the source could not even read as text (bytes that are not UTF-8, a line over the size limit) is
 * {@linkplain #unreadable unreadable}: the pump rejects it with the source's reason, like any other bad event.
 *
 * @param origin  where the record came from, for messages
 * @param json    the event in the JSON contract (docs/events.md); empty for an unreadable record
 * @param problem why the source could not read the record as text, or null when it could
 */
public record SourceRecord(String origin, String json, String problem) {

    /** Checks origin and JSON are present. */
    public SourceRecord {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(json, "json");
    }

    /**
     * @param origin where the record came from, for messages
     * @param json   the event in the JSON contract (docs/events.md)
     */
    public SourceRecord(String origin, String json) {
        this(origin, json, null);
    }

    /**
     * @param origin  where the record came from, for messages
     * @param problem why it could not be read as text, e.g. {@code "the line is not valid UTF-8 (byte 0xC3 ...)"}
     * @return a record the pump rejects with that reason
     */
    public static SourceRecord unreadable(String origin, String problem) {
        return new SourceRecord(origin, "", Objects.requireNonNull(problem, "problem"));
    }

    /** @return true when the source read the record as text (it may still be no valid event) */
    public boolean readable() {
        return problem == null;
    }
}
