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
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine per stream task: built on first use on the task's store (so a task that moved, or was revived after
 * an aborted transaction, starts from what its changelog holds), fed in batches, closed with the task. Runs on the
 * task's stream thread only, punctuations and the commit hook included.
 *
 * <p>A record taken is held in the task's {@link PendingRecords}; the batch goes to the engine in one
 * {@code acceptAll} (one store commit: the customers the batch changed, the engine state parts it changed) when it
 * reaches the topology's {@code maxBatchSize}, before a record whose event id it already holds, before the
 * wall-clock punctuation moves the clock, and, on every commit of the task, just before the commit
 * ({@link CommitHook}): no record whose input offset commits is left out of the transaction. A task closed dirty
 * or revived drops its batch: its records come again from the last committed offsets.
 */
final class EngineProcessor implements Processor<String, String, String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(EngineProcessor.class);

    private final CustflowTopology config;
    private final PendingRecords pending = new PendingRecords();
    private ProcessorContext<String, String> context;
    /** Kafka Streams' own context, to forward from the commit hook as this node (null in a mock context). */
    private InternalProcessorContext<?, ?> internal;
    private ProcessorNode<?, ?, ?, ?> node;
    private Engine engine;
    private RepLoadExchange repLoad;
    /** Wall time of the last record (or of init), and the engine's clock right after it. */
    private long lastRecordWallMs;
    private long clockAfterLastRecordMs;
    /** The stream time a stream-time punctuation asked for while a batch was pending, or MIN_VALUE. */
    private long pendingStreamTimeMs = Long.MIN_VALUE;

    EngineProcessor(CustflowTopology config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        // a task revived after an aborted transaction inits the same processor again, on a store restored from the
        // changelog: its engine is built again from that, and what it held is read again from the committed offsets
        closeEngine();
        pending.clear();
        pendingStreamTimeMs = Long.MIN_VALUE;
        if (context instanceof InternalProcessorContext<?, ?> kafkaStreams) {
            internal = kafkaStreams;
            node = kafkaStreams.currentNode(); // Kafka Streams inits a processor as its node
        }
        CommitHook hook = context.getStateStore(config.commitHookName());
        hook.beforeCommit(this::beforeCommit);
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
            pending.addUnreadable(record, origin, e.getMessage());
            runWhenFull();
            return;
        }
        if (pending.holdsEventId(event.id())) {
            runBatch(); // a repeat in the same batch: the engine names rejections by event id
        }
        pending.add(record, origin, event);
        lastRecordWallMs = context.currentSystemTimeMs();
        runWhenFull();
    }

    private void runWhenFull() {
        if (pending.size() >= config.maxBatchSize()) {
            runBatch();
        }
    }

    /** Just before the task commits (from {@link CommitHook}, outside any record): the batch, as this node. */
    private void beforeCommit() {
        if (pending.isEmpty() && pendingStreamTimeMs == Long.MIN_VALUE) {
            return;
        }
        if (internal == null) {
            runBatch();
            return;
        }
        ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
        internal.setCurrentNode(node);
        try {
            runBatch();
        } finally {
            internal.setCurrentNode(previous);
        }
    }

    /**
     * The pending records through the engine in one call: their dead letters (in record order), then the actions;
     * then the clock to the stream time a punctuation asked for meanwhile, if the batch left it behind.
     */
    private void runBatch() {
        try {
            if (!pending.isEmpty()) {
                BatchResult result = pending.events().isEmpty() ? null : engine().acceptAll(pending.events());
                List<Rejection> rejections = result == null ? List.of() : result.rejections();
                for (PendingRecords.DeadLetter d : pending.deadLetters(rejections, r -> LOG.warn(
                        "a rejection outside the batch's events, not sent to the dead-letter topic: {}", r.message()))) {
                    deadLetter(d.record(), d.origin(), d.problem());
                }
                if (result != null) {
                    emit(result.actions());
                    clockAfterLastRecordMs = engine().clock().toEpochMilli();
                }
            }
        } finally {
            pending.clear();
        }
        if (pendingStreamTimeMs != Long.MIN_VALUE) {
            long streamTimeMs = pendingStreamTimeMs;
            pendingStreamTimeMs = Long.MIN_VALUE;
            if (streamTimeMs > engine().clock().toEpochMilli()) {
                emit(engine().advanceTo(Instant.ofEpochMilli(streamTimeMs)).actions());
            }
        }
    }

    /**
     * Stream time (the largest event time the task read, {@link EventTimeExtractor}) passed a tick: the engine's clock
     * goes to it if it is behind, as after records the engine did not apply (rejected, repeated) whose time is later
     * than the last one it applied. With a batch pending, that happens after the batch: the records taken before the
     * tick are applied first, in their order.
     */
    private void streamTime(long streamTimeMs) {
        pendingStreamTimeMs = Math.max(pendingStreamTimeMs, streamTimeMs);
        if (pending.isEmpty()) {
            runBatch();
        }
    }

    /**
     * No record for at least one interval of wall time: the task's clock moves on from where its last event left it
     * by the wall time that passed since, so that inactivity rules fire on a partition that gets no events.
     */
    private void wallClock(long wallMs) {
        runBatch(); // what came before the idle time first
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
        pending.clear(); // a clean close ran the batch at its commit; a dirty one gets its records again
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
