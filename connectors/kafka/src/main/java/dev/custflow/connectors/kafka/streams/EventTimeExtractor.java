package dev.custflow.connectors.kafka.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * <p>The processor parses each record whole afterwards; this reads tokens only up to the top-level {@code at}, the
 * third field of the JSON the engine writes ({@code type}, {@code id}, {@code at}), so the second parse is short.
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

    private static long epochMillis(String text) {
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeException notUtc) {
            try {
                at = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException notIso) {
                return -1;
            }
        }
        try {
            return Math.max(at.toEpochMilli(), -1);
        } catch (ArithmeticException outOfRange) {
            return -1;
        }
    }
}
