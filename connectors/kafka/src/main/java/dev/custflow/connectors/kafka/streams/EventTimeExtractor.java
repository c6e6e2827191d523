package dev.custflow.connectors.kafka.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.custflow.text.Instants;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Stream time from the events themselves: Kafka Streams sees each record at its event's {@code at}, read from the
 * JSON, whatever the record's own timestamp says. So the records on the events topic carry the time they were
 * published (the producer's default) and the topic's time-based retention counts from then. Stamped with their
 * events' time instead, events older than the retention (a backfill of last year's orders, or any replay) were
 * deleted by the broker at its next retention check, and Kafka Streams, finding its position gone, skipped to the
 * log's new start without a word: the throughput harness lost events that way (docs/kafka.md, "Time").
 *
 * <p>The processor parses each record whole afterwards, so this one reads as little as it can: the JSON the engine
 * writes begins {@code {"type":"…","id":"…","at":"…",…}}, and such a beginning (no escapes in those three strings) is
 * read by hand; any other JSON is read token by token up to its top-level {@code at}. The time is read as the engine
 * reads it ({@link Instants#parseOrNull}: the form the engine writes, {@code 2025-01-06T09:00:00Z}, by hand, any other
 * ISO-8601 time by the parsers). The stream threads spent about 1% of their time here with a parser and {@code Instant.parse}
 * for every record, about 0.1% this way.
 *
 * <p>A record whose value has no {@code at} that parses keeps the partition's time (its own timestamp if the
 * partition has none yet, never a negative one, which Kafka Streams would drop silently) and goes on to the
 * processor, which sends it to the dead-letter topic with the reason.
 */
final class EventTimeExtractor implements TimestampExtractor {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long at = eventTime(record.value());
        if (at >= 0) {
            return at;
        }
        return partitionTime >= 0 ? partitionTime : Math.max(record.timestamp(), 0);
    }

    /**
     * @param value a record's value
     * @return the top-level {@code at} of the event's JSON in epoch milliseconds, read the way the engine reads it
     *         (ISO-8601, an offset converted to UTC), or -1 if the value is not a JSON object with such an {@code at}
     *         (or the time is before 1970, which Kafka cannot hold)
     */
    static long eventTime(Object value) {
        if (!(value instanceof String json)) {
            return -1;
        }
        String at = leadingAt(json);
        if (at != null) {
            return epochMillis(at);
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                if ("at".equals(name)) {
                    return token == JsonToken.VALUE_STRING ? epochMillis(p.getText().strip()) : -1;
                }
                p.skipChildren(); // the event's other fields, nested ones whole: an "at" inside them is not its time
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * @param json a record's value
     * @return the text of its {@code at} if it begins as the engine writes events,
     *         {@code {"type":"…","id":"…","at":"…",…}} with no backslash in those strings (so the three are
     *         top-level fields and their text is as written), else null: the parser decides
     */
    static String leadingAt(String json) {
        int type = json.startsWith("{\"type\":\"") ? 9 : -1;
        int id = next(json, type, ",\"id\":\"");
        int at = next(json, id, ",\"at\":\"");
        int end = at < 0 ? -1 : endOfString(json, at);
        return end < 0 ? null : json.substring(at, end).strip();
    }

    /**
     * @return where the string value of the field that {@code prefix} opens begins, right after the string that
     *         begins at {@code from} (-1: none), or -1 if the JSON goes on otherwise
     */
    private static int next(String json, int from, String prefix) {
        int end = from < 0 ? -1 : endOfString(json, from);
        return end >= 0 && json.startsWith(prefix, end + 1) ? end + 1 + prefix.length() : -1;
    }

    /**
     * @return the index of the quote that closes the string starting at {@code from}, or -1 if a backslash or a
     *         control character (invalid in a JSON string) comes first
     */
    private static int endOfString(String json, int from) {
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < ' ') {
                return -1;
            }
        }
        return -1;
    }

    private static long epochMillis(String text) {
        Instant at = Instants.parseOrNull(text); // the engine's reading: the common spelling by hand, then the parsers
        if (at == null) {
            return -1;
        }
        try {
            return Math.max(at.toEpochMilli(), -1);
        } catch (ArithmeticException outOfRange) {
            return -1;
        }
    }
}
