package dev.custflow.connectors.kafka.streams;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EngineBuilder;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.Rejection;
import dev.custflow.action.Action;
import dev.custflow.connectors.kafka.KafkaActionSink;
import dev.custflow.event.Event;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine per stream task: built on first use on the task's store (so a task that moved, or was revived after
 * an aborted transaction, starts from what its changelog holds), fed one record at a time, closed with the task.
 * Runs on the task's stream thread only, punctuations included.
 */
final class EngineProcessor implements Processor<String, String, String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(EngineProcessor.class);

    private final CustflowTopology config;
    private ProcessorContext<String, String> context;
    private Engine engine;
    private RepLoadExchange repLoad;
    /** Wall time of the last record (or of init), and the engine's clock right after it. */
    private long lastRecordWallMs;
    private long clockAfterLastRecordMs;

    EngineProcessor(CustflowTopology config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        // a task revived after an aborted transaction inits the same processor again, on a store restored from the
        // changelog: its engine is built again from that
        closeEngine();
        lastRecordWallMs = context.currentSystemTimeMs();
        context.schedule(config.streamTimeInterval(), PunctuationType.STREAM_TIME, this::streamTime);
        if (!config.wallClockInterval().isZero()) {
            context.schedule(config.wallClockInterval(), PunctuationType.WALL_CLOCK_TIME, this::wallClock);
        }
    }

    /**
     * The task's engine, built on first use rather than in {@link #init}: a rebalance hands out tasks quickly, and
     * the engine loads whatever the store holds when it is first needed (after a restore from the changelog).
     */
    private Engine engine() {
        if (engine == null) {
            KeyValueStore<String, byte[]> kv = context.getStateStore(config.storeName());
            EngineBuilder builder = Custflow.builder();
            config.engineCustomizer().accept(builder);
            // one partition: the stream task is the unit of parallelism; event time: the same records, the same actions
            builder.partitions(1).eventTime().store(new StreamsCustomerStore(kv));
            if (config.repLoadTopic() != null) {
                repLoad = new RepLoadExchange(context, config.repLoadStoreName(), config.repLoadVersion());
                builder.repLoadBoard(repLoad);
            }
            engine = builder.build();
            clockAfterLastRecordMs = engine.clock().toEpochMilli();
        }
        return engine;
    }

    @Override
    public void process(Record<String, String> record) {
        String origin = origin();
        Event event;
        try {
            event = Json.readEvent(record.value() == null ? "" : record.value());
        } catch (EventRejectedException e) {
            deadLetter(record, origin, e.getMessage());
            return;
        }
        BatchResult result = engine().acceptAll(List.of(event));
        for (Rejection r : result.rejections()) {
            deadLetter(record, origin, r.message());
        }
        emit(result.actions());
        lastRecordWallMs = context.currentSystemTimeMs();
        clockAfterLastRecordMs = engine().clock().toEpochMilli();
    }

    /**
     * Stream time (the largest event time the task read, {@link EventTimeExtractor}) passed a tick: the engine's clock
     * goes to it if it is behind, as after records the engine did not apply (rejected, repeated) whose time is later
     * than the last one it applied.
     */
    private void streamTime(long streamTimeMs) {
        if (streamTimeMs > engine().clock().toEpochMilli()) {
            emit(engine().advanceTo(Instant.ofEpochMilli(streamTimeMs)).actions());
        }
    }

    /**
     * No record for at least one interval of wall time: the task's clock moves on from where its last event left it
     * by the wall time that passed since, so that inactivity rules fire on a partition that gets no events.
     */
    private void wallClock(long wallMs) {
        Engine engine = engine();
        long idle = wallMs - lastRecordWallMs;
        if (idle < config.wallClockInterval().toMillis() || clockAfterLastRecordMs <= 0) {
            return; // busy (events move the clock), or nothing ever came (no time to move on from)
        }
        long target = clockAfterLastRecordMs + idle;
        if (target > engine.clock().toEpochMilli()) {
            emit(engine.advanceTo(Instant.ofEpochMilli(target)).actions());
        }
    }

    /**
     * Forwards actions stamped with the wall time they are written at, not their events' time: the actions topic's
     * retention counts from then, so actions of old events (a backfill) are not deleted before they are read. An
     * action's own time is its {@code at}.
     */
    private void emit(List<Action> actions) {
        long timestamp = context.currentSystemTimeMs();
        for (Action a : actions) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(KafkaActionSink.ACTION_ID_HEADER, a.id().getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(KafkaActionSink.keyOf(a), Json.write(a), timestamp, headers),
                    CustflowTopology.ACTIONS_SINK);
        }
        if (repLoad != null) {
            repLoad.publishChanges(timestamp);
        }
    }

    private void deadLetter(Record<String, String> record, String origin, String problem) {
        LOG.warn("event not applied ({}): {}", origin, problem);
        RecordHeaders headers = new RecordHeaders();
        headers.add(CustflowTopology.ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
        headers.add(CustflowTopology.PROBLEM_HEADER, problem.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(record.key(), record.value(), context.currentSystemTimeMs(), headers),
                CustflowTopology.DEAD_LETTER_SINK);
    }

    private String origin() {
        return context.recordMetadata().map(EngineProcessor::origin).orElse("?");
    }

    private static String origin(RecordMetadata m) {
        return "topic " + m.topic() + "-" + m.partition() + ", offset " + m.offset();
    }

    @Override
    public void close() {
        closeEngine();
    }

    private void closeEngine() {
        if (engine != null) {
            engine.close();
        }
        engine = null;
        repLoad = null;
    }
}
