package dev.custflow.spi;

import java.util.Objects;

/**
 * One event as a source delivered it: its JSON text and where it came from, so that a rejection can name the
 * place (for example {@code "queue custflow.events, delivery 42"} or {@code "topic custflow.events-3, offset 1170"}).
 *
 * @param origin where the record came from, for messages
 * @param json   the event in the JSON contract (docs/events.md)
 */
public record SourceRecord(String origin, String json) {

    /** Checks both are present. */
    public SourceRecord {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(json, "json");
    }
}
