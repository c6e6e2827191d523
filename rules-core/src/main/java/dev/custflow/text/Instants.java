package dev.custflow.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Instants as the event contract writes them (docs/events.md): ISO-8601 text, in UTC or with an offset. */
public final class Instants {
    private Instants() {
    }

    /**
     * @param text e.g. {@code 2024-03-01T09:30:00Z} or {@code 2024-03-01T17:30:00+08:00}; white space around it is
     *             ignored
     * @return the instant (an offset is converted to UTC), or null if the text is not an ISO-8601 instant
     */
    public static Instant parseOrNull(String text) {
        Instant common = IsoTimes.utcOrNull(text);
        if (common != null) {
            return common;
        }
        String s = text.strip();
        try {
            return Instant.parse(s);
        } catch (DateTimeException notUtc) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException notIso) {
                return null;
            }
        }
    }
}
