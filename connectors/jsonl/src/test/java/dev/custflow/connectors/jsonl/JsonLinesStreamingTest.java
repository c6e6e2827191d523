package dev.custflow.connectors.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventPump;
import dev.custflow.spi.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A host piping events in sees each line acted on as it arrives: a poll returns what came as soon as the input pauses,
 * its batch is full, or the batch's first line has waited {@code maxWait}. The pipe here is written and read by the
 * test's one thread, so nothing waits on a clock.
 */
class JsonLinesStreamingTest {
    private static final String O1 = """
            {"type":"OrderPlaced","id":"e1","at":"2024-01-01T00:00:00Z","orderId":"o1","customerId":"C1","amount":10}""";
    private static final String O2 = """
            {"type":"OrderPlaced","id":"e2","at":"2024-01-02T00:00:00Z","orderId":"o2","customerId":"C2","amount":20}""";
    private static final String O3 = """
            {"type":"OrderPlaced","id":"e3","at":"2024-01-03T00:00:00Z","orderId":"o3","customerId":"C3","amount":7}""";

    /** A pipe the test writes as a host would; big enough that writing never waits for the reader. */
    private static final class Pipe implements AutoCloseable {
        final PipedOutputStream writer = new PipedOutputStream();
        final PipedInputStream reader;

        Pipe() throws IOException {
            reader = new PipedInputStream(writer, 1 << 16);
        }

        void write(String text) throws IOException {
            writer.write(text.getBytes(StandardCharsets.UTF_8));
            writer.flush();
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    private static List<String> origins(List<SourceRecord> records) {
        return records.stream().map(SourceRecord::origin).toList();
    }

    @Test
    void aLineThatArrivesAlone_isABatchAtOnce_withoutWaitingForAThousand() throws IOException {
        try (Pipe pipe = new Pipe()) {
            JsonLinesEventSource source = JsonLinesEventSource.from(pipe.reader, "stdin");

            pipe.write(O1 + "\n");
            assertThat(origins(source.poll(Duration.ZERO))).containsExactly("line 1");

            pipe.write(O2 + "\n" + O3 + "\n"); // two lines written together are one batch
            assertThat(origins(source.poll(Duration.ZERO))).containsExactly("line 2", "line 3");

            pipe.close();
            assertThat(source.poll(Duration.ZERO)).isEmpty();
            assertThat(source.exhausted()).isTrue();
        }
    }

    @Test
    void aLineHalfWritten_doesNotHoldBackTheLinesBeforeIt() throws IOException {
        try (Pipe pipe = new Pipe()) {
            JsonLinesEventSource source = JsonLinesEventSource.from(pipe.reader, "stdin");

            pipe.write(O1 + "\r\n" + O2.substring(0, 20));
            assertThat(origins(source.poll(Duration.ZERO))).containsExactly("line 1");

            pipe.write(O2.substring(20) + "\n");
            List<SourceRecord> second = source.poll(Duration.ZERO);
            assertThat(origins(second)).containsExactly("line 2");
            assertThat(second.get(0).json()).isEqualTo(O2);
        }
    }

    @Test
    void throughThePump_eachPipedEventIsAppliedBeforeTheNextIsWritten() throws IOException {
        try (Pipe pipe = new Pipe(); Engine engine = Custflow.builder().build();
             EventPump pump = new EventPump(engine, JsonLinesEventSource.from(pipe.reader, "stdin"))) {
            pipe.write(O1 + "\n");
            BatchResult first = pump.pumpOnce(Duration.ZERO);
            assertThat(first.accepted()).isEqualTo(1);
            assertThat(engine.customer("C1")).isPresent();

            pipe.write(O2 + "\n");
            assertThat(pump.pumpOnce(Duration.ZERO).accepted()).isEqualTo(1);
            assertThat(engine.customer("C2")).isPresent();
        }
    }

    @Test
    void linesThatKeepComing_areCutIntoBatches_byMaxWait() {
        byte[] five = (String.join("\n", O1, O2, O3, O1, O2) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicLong now = new AtomicLong();
        JsonLinesEventSource source = JsonLinesEventSource.from(new ByteArrayInputStream(five), "file")
                .maxWait(Duration.ofMillis(100))
                .nanoTime(() -> now.getAndAdd(Duration.ofMillis(40).toNanos())); // 40 ms pass per look at the time

        assertThat(origins(source.poll(Duration.ZERO))).containsExactly("line 1", "line 2", "line 3");
        assertThat(origins(source.poll(Duration.ZERO))).containsExactly("line 4", "line 5");
    }

    @Test
    void aFile_isReadInFullBatches_sinceItsLinesAreAllThere() {
        byte[] five = (String.join("\n", O1, O2, O3, O1, O2) + "\n").getBytes(StandardCharsets.UTF_8);
        JsonLinesEventSource source = JsonLinesEventSource.from(new ByteArrayInputStream(five), "file").batchSize(4);

        assertThat(source.poll(Duration.ZERO)).hasSize(4);
        assertThat(source.poll(Duration.ZERO)).hasSize(1);
    }

    @Test
    void maxWaitZero_actsOnEveryLineAlone_andANegativeWaitIsRefused() {
        byte[] two = (O1 + "\n" + O2 + "\n").getBytes(StandardCharsets.UTF_8);
        JsonLinesEventSource source = JsonLinesEventSource.from(new ByteArrayInputStream(two), "file")
                .maxWait(Duration.ZERO);

        assertThat(origins(source.poll(Duration.ZERO))).containsExactly("line 1");
        assertThat(origins(source.poll(Duration.ZERO))).containsExactly("line 2");
        assertThatThrownBy(() -> source.maxWait(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWait must be at least 0");
    }
}
