package dev.custflow.connectors.kafka.streams;

import dev.custflow.spi.RepLoadBoard;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A task's seat at the shared rep-load board: every task publishes its own open-lead count per rep to the compacted
 * rep-load topic (key {@code <rep id>/<task id>}, value the count; a count of 0 is a tombstone), and every instance
 * reads the whole topic into a global store, from which a task sums what the <i>other</i> tasks hold. Counts travel
 * with the task's transaction, so the others see them once the task commits: the board is eventually consistent, as
 * {@link RepLoadBoard} allows.
 */
final class RepLoadExchange implements RepLoadBoard {
    private final ProcessorContext<String, String> context;
    private final KeyValueStore<String, String> global;
    private final String taskId;
    private final AtomicLong version;
    private final Map<String, Integer> changed = new LinkedHashMap<>();

    RepLoadExchange(ProcessorContext<String, String> context, String globalStoreName, AtomicLong version) {
        this.context = context;
        this.global = context.getStateStore(globalStoreName);
        this.taskId = context.taskId().toString();
        this.version = version;
    }

    @Override
    public int heldElsewhere(String repId) {
        int sum = 0;
        try (KeyValueIterator<String, String> it = global.prefixScan(repId + "/", new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, String> e = it.next();
                int slash = e.key.lastIndexOf('/');
                if (slash == repId.length() && !e.key.substring(slash + 1).equals(taskId) && e.value != null) {
                    sum += Integer.parseInt(e.value);
                }
            }
        }
        return sum;
    }

    @Override
    public void held(String repId, int count) {
        changed.put(repId, count);
    }

    @Override
    public long version() {
        return version.get();
    }

    /** Sends the counts changed since the last call to the rep-load topic, with the task's other output. */
    void publishChanges(long timestamp) {
        for (Map.Entry<String, Integer> e : changed.entrySet()) {
            String value = e.getValue() == 0 ? null : Integer.toString(e.getValue());
            context.forward(new Record<>(e.getKey() + "/" + taskId, value, timestamp), CustflowTopology.REP_LOAD_SINK);
        }
        changed.clear();
    }

    /** Keeps the global store up with the rep-load topic, and moves the version at every change. */
    static final class GlobalUpdater implements Processor<String, String, Void, Void> {
        private final String storeName;
        private final AtomicLong version;
        private KeyValueStore<String, String> store;

        GlobalUpdater(String storeName, AtomicLong version) {
            this.storeName = storeName;
            this.version = version;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
            version.incrementAndGet();
        }
    }
}
