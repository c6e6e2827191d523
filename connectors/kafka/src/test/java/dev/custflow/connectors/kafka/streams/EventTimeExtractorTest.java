package dev.custflow.connectors.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Json;
import dev.custflow.connectors.kafka.StreamData;
import dev.custflow.event.Event;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventTimeExtractorTest {
    private static final long PUBLISHED = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    private final EventTimeExtractor extractor = new EventTimeExtractor();

    @Test
    void anEvent_isAtItsAt_whateverTheRecordTimestamp() {
        for (Event e : StreamData.stream(20, 10, 7)) {
            assertThat(extractor.extract(record(Json.write(e), PUBLISHED), PUBLISHED))
                    .as(e.id()).isEqualTo(e.at().toEpochMilli());
        }
    }

    @Test
    void theEnginesJson_isReadByHand_andAnyOtherByTheParser_toTheSameTime() {
        for (Event e : StreamData.stream(20, 10, 7)) {
            assertThat(EventTimeExtractor.leadingAt(Json.write(e))).as(e.id()).isEqualTo(e.at().toString());
        }
        String at = "2025-03-04T05:06:07Z";
        long expected = Instant.parse(at).toEpochMilli();
        for (String other : new String[] {
                "{\"id\":\"e1\",\"type\":\"ClockTick\",\"at\":\"" + at + "\"}",
                "{\"type\":\"ClockTick\",\"id\":\"e\\\"1\",\"at\":\"" + at + "\"}",
                "{\"type\":\"ClockTick\",\"id\":\"e1\",\"meta\":{\"at\":\"2020-01-01T00:00:00Z\"},"
                        + "\"at\":\"" + at + "\"}",
                " {\"type\":\"ClockTick\",\"id\":\"e1\",\"at\":\"" + at + "\"}",
                "{\"type\": \"ClockTick\", \"id\": \"e1\", \"at\": \"" + at + "\"}"}) {
            assertThat(EventTimeExtractor.leadingAt(other)).as(other).isNull();
            assertThat(EventTimeExtractor.eventTime(other)).as(other).isEqualTo(expected);
        }
        assertThat(EventTimeExtractor.eventTime("{\"type\":\"X\",\"id\":\"e1\",\"at\":\"" + at + "\t\"}"))
                .as("a control character in a string: not JSON").isEqualTo(-1);
    }

    @Test
    void anOffset_isConvertedToUtc_asTheEngineReadsIt() {
        String json = "{\"type\":\"ClockTick\",\"id\":\"t1\",\"at\":\"2025-01-02T12:00:00+08:00\"}";
        assertThat(EventTimeExtractor.eventTime(json))
                .isEqualTo(Instant.parse("2025-01-02T04:00:00Z").toEpochMilli());
    }

    @Test
    void theTimeAsTheEngineWritesIt_readByHand_isWhatInstantParseReads() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(253_402_300_800L), random.nextInt(1_000_000_000));
            Instant written = switch (i % 4) { // Instant.toString writes 0, 3, 6 or 9 digits of fraction
                case 0 -> at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                case 1 -> at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                case 2 -> at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                default -> at;
            };
            String text = written.toString();
            assertThat(EventTimeExtractor.eventTime(event(text))).as(text).isEqualTo(Instant.parse(text).toEpochMilli());
        }
        assertThat(EventTimeExtractor.eventTime(event("2024-02-29T23:59:59.5Z")))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z").toEpochMilli());
    }

    @Test
    void anyOtherFormOfTime_isReadAsTheEngineReadsIt() {
        for (String other : new String[] {"2025-01-02T12:00:00+08:00", "2025-02-29T00:00:00Z", "2025-04-31T00:00:00Z",
                "2025-13-01T00:00:00Z", "2025-01-01T24:00:00Z", "2025-01-01T23:60:00Z", "2016-12-31T23:59:60Z",
                "2025-01-01t00:00:00Z", "2025-01-01T00:00Z", "+12025-01-01T00:00:00Z", "2025-01-01T00:00:00.Z",
                "2025-01-01T00:00:00.1234567890Z", "2025-01-01T00:00:00,5Z", "2025-01-0aT00:00:00Z",
                "2025-01-01T00:00:00.5xZ"}) {
            Instant engine = dev.custflow.text.Instants.parseOrNull(other);
            assertThat(EventTimeExtractor.eventTime(event(other))).as(other)
                    .isEqualTo(engine == null ? -1 : engine.toEpochMilli());
        }
        assertThat(EventTimeExtractor.eventTime("{\"at\":\"2016-12-31T23:59:60Z\"}"))
                .as("a leap second, as Instant.parse reads it").isEqualTo(Instant.parse("2016-12-31T23:59:60Z")
                        .toEpochMilli());
    }

    @Test
    void onlyTheTopLevelAt_isTheEventsTime() {
        String json = "{\"type\":\"X\",\"items\":[{\"at\":\"2020-01-01T00:00:00Z\"}],"
                + "\"meta\":{\"at\":\"2021-01-01T00:00:00Z\"},\"at\":\"2025-03-04T05:06:07Z\"}";
        assertThat(EventTimeExtractor.eventTime(json)).isEqualTo(Instant.parse("2025-03-04T05:06:07Z").toEpochMilli());
    }

    @Test
    void aRecordThatIsNoEvent_keepsThePartitionsTime_forTheProcessorToDeadLetter() {
        long partitionTime = Instant.parse("2025-01-05T00:00:00Z").toEpochMilli();
        for (String bad : new String[] {"{not json", "[]", "{\"id\":\"e1\"}", "{\"at\":1735689600000}",
                "{\"at\":\"yesterday\"}", "{\"at\":null}", ""}) {
            assertThat(extractor.extract(record(bad, PUBLISHED), partitionTime)).as(bad).isEqualTo(partitionTime);
        }
        assertThat(extractor.extract(record(null, PUBLISHED), partitionTime)).isEqualTo(partitionTime);
    }

    @Test
    void withNoPartitionTimeYet_itsOwnTimestamp_neverANegativeOne_whichKafkaStreamsWouldDrop() {
        assertThat(extractor.extract(record("{not json", PUBLISHED), -1)).isEqualTo(PUBLISHED);
        assertThat(extractor.extract(record("{not json", -1), -1)).isZero();
        assertThat(extractor.extract(record("{\"at\":\"1969-12-31T23:59:59Z\"}", PUBLISHED), -1))
                .as("before 1970: Kafka holds no such time").isEqualTo(PUBLISHED);
    }

    /** @return an event as the engine writes it, with this text as its time */
    private static String event(String at) {
        return "{\"type\":\"ClockTick\",\"id\":\"t-1\",\"at\":\"" + at + "\"}";
    }

    private static ConsumerRecord<Object, Object> record(String value, long timestamp) {
        return new ConsumerRecord<>("custflow.events", 0, 0, timestamp,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "c1", value,
                new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());
    }
}
