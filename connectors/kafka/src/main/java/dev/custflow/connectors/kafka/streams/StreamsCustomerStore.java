package dev.custflow.connectors.kafka.streams;

import dev.custflow.ConnectorException;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A task's {@link CustomerStore} over its Kafka Streams key-value store, whose changelog topic is what makes the
 * state move with the task. The SPI maps onto keys one for one:
 * <ul>
 *   <li>{@code c/<customer id>}: the customer's snapshot;</li>
 *   <li>{@code p/<part key>}: a part of the engine state ({@code p/state}, {@code p/ids.events.12}...);</li>
 *   <li>{@code meta}: the position (8 bytes) and the last event id (UTF-8).</li>
 * </ul>
 * A commit puts and deletes keys. It is atomic through Kafka, not through the local store: under
 * {@code exactly_once_v2} the changelog records of a commit, the actions forwarded with it and the input offset are
 * written in one transaction; a task that fails before the transaction commits is restored from the changelog as it
 * was before, and its input records are processed again.
 */
final class StreamsCustomerStore implements CustomerStore {
    private static final String CUSTOMER = "c/";
    private static final String PART = "p/";
    private static final String META = "meta";

    private final KeyValueStore<String, byte[]> kv;

    StreamsCustomerStore(KeyValueStore<String, byte[]> kv) {
        this.kv = kv;
    }

    @Override
    public StoredState load() {
        byte[] meta = kv.get(META);
        if (meta == null) {
            return StoredState.EMPTY;
        }
        ByteBuffer b = ByteBuffer.wrap(meta);
        long position = b.getLong();
        String lastEventId = b.remaining() == 0 ? null
                : new String(meta, 8, meta.length - 8, StandardCharsets.UTF_8);
        Map<String, byte[]> parts = new HashMap<>();
        scan(PART, (k, v) -> parts.put(k, v));
        return new StoredState(position, lastEventId, parts);
    }

    @Override
    public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
        scan(CUSTOMER, visitor);
    }

    private void scan(String prefix, BiConsumer<String, byte[]> visitor) {
        try (KeyValueIterator<String, byte[]> it = kv.prefixScan(prefix, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> e = it.next();
                visitor.accept(e.key.substring(prefix.length()), e.value);
            }
        }
    }

    @Override
    public void commit(StoreCommit commit) {
        byte[] meta = kv.get(META);
        long stored = meta == null ? 0 : ByteBuffer.wrap(meta).getLong();
        if (commit.position() < stored) {
            throw new ConnectorException("kafka-streams:" + kv.name(), "commit refused: it is at position "
                    + commit.position() + ", behind the stored " + stored + " (a stale engine on this task's store)",
                    null);
        }
        try {
            commit.removed().forEach(id -> kv.delete(CUSTOMER + id));
            commit.customers().forEach((id, snapshot) -> kv.put(CUSTOMER + id, snapshot));
            commit.removedParts().forEach(key -> kv.delete(PART + key));
            commit.engineParts().forEach((key, part) -> kv.put(PART + key, part));
            byte[] id = commit.lastEventId() == null ? new byte[0]
                    : commit.lastEventId().getBytes(StandardCharsets.UTF_8);
            kv.put(META, ByteBuffer.allocate(8 + id.length).putLong(commit.position()).put(id).array());
        } catch (RuntimeException e) {
            throw new ConnectorException("kafka-streams:" + kv.name(), "writing the commit at position "
                    + commit.position() + " failed", e);
        }
    }

    @Override
    public String toString() {
        return "Kafka Streams store " + kv.name();
    }
}
