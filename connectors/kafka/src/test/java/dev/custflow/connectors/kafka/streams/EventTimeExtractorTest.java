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
    void anOffset_isConvertedToUtc_asTheEngineReadsIt() {
        String json = "{\"type\":\"ClockTick\",\"id\":\"t1\",\"at\":\"2025-01-02T12:00:00+08:00\"}";
        assertThat(EventTimeExtractor.eventTime(json))
                .isEqualTo(Instant.parse("2025-01-02T04:00:00Z").toEpochMilli());
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

    private static ConsumerRecord<Object, Object> record(String value, long timestamp) {
        return new ConsumerRecord<>("custflow.events", 0, 0, timestamp,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "c1", value,
                new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());
    }
}
