package dev.custflow.connectors.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.ConnectorException;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Actions to JSON Lines: one action per line, each line the action's JSON, appended across runs. */
class JsonLinesActionSinkTest {
    private static final Instant T = Instant.parse("2024-01-02T09:00:00Z");

    @TempDir
    Path dir;

    private static List<Action> run(JsonLinesActionSink sink, String customer) {
        try (Engine e = Custflow.builder().actionSink(sink).build()) {
            return e.acceptAll(List.of(LeadCaptured.builder("lead-" + customer, T, customer, "WECHAT").build(),
                    OrderPlaced.of("order-" + customer, T.plusSeconds(60), "O-" + customer, customer,
                            new BigDecimal("12800.00")))).actions();
        }
    }

    @Test
    void everyActionTheEngineEmits_isALineOfItsJson_andReadsBackEqual() throws IOException {
        Path file = dir.resolve("actions.jsonl");
        List<Action> emitted;
        try (JsonLinesActionSink sink = JsonLinesActionSink.appendingTo(file)) {
            emitted = run(sink, "L1");
            assertThat(sink.written()).isEqualTo(emitted.size());
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(emitted.size()).isNotEmpty();
        assertThat(lines.stream().map(Json::readAction).toList()).isEqualTo(emitted);
    }

    @Test
    void appendingToAFile_keepsTheLinesOfEarlierRuns() throws IOException {
        Path file = dir.resolve("actions.jsonl");
        try (JsonLinesActionSink sink = JsonLinesActionSink.appendingTo(file)) {
            run(sink, "L1");
        }
        long first = Files.readAllLines(file).size();
        try (JsonLinesActionSink sink = JsonLinesActionSink.appendingTo(file)) {
            run(sink, "L2");
        }
        assertThat(Files.readAllLines(file)).hasSize((int) (2 * first))
                .anyMatch(l -> l.contains("\"customerId\":\"L1\"")).anyMatch(l -> l.contains("\"customerId\":\"L2\""));
    }

    @Test
    void aStreamIsFlushedAfterEveryCall_andLeftOpen() {
        StringWriter out = new StringWriter();
        JsonLinesActionSink sink = JsonLinesActionSink.to(out, "stdout");
        List<Action> emitted = run(sink, "L1");
        sink.close();
        assertThat(out.toString().lines()).hasSize(emitted.size());
        out.write("still open");
    }

    @Test
    void aWriteThatFails_isAConnectorErrorNamingTheSink() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        JsonLinesActionSink sink = JsonLinesActionSink.to(broken, "actions.jsonl");
        assertThatThrownBy(() -> run(sink, "L1")).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("jsonl:actions.jsonl").hasMessageContaining("cannot write")
                .hasRootCauseMessage("disk full");
    }

    @Test
    void aFileThatCannotBeOpened_isAConnectorErrorNamingIt() {
        Path notAFile = dir; // a folder
        assertThatThrownBy(() -> JsonLinesActionSink.appendingTo(notAFile)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining(notAFile.toString());
    }

    @Test
    void writingToAFile_replacesWhatWasThere() throws IOException {
        Path file = Files.writeString(dir.resolve("actions.jsonl"), "old line\n");
        try (JsonLinesActionSink sink = JsonLinesActionSink.writingTo(file)) {
            run(sink, "L1");
        }
        assertThat(Files.readAllLines(file)).isNotEmpty().noneMatch(l -> l.equals("old line"));
    }
}
