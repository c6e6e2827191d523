package dev.custflow.connectors.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.BatchResult;
import dev.custflow.ConnectorException;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventPump;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.spi.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events from JSON Lines: a record per non-blank line, named by its line; the lines consumed are the position. */
class JsonLinesEventSourceTest {
    private static final String O1 = """
            {"type":"OrderPlaced","id":"e1","at":"2024-01-01T00:00:00Z","orderId":"o1","customerId":"C1","amount":10}""";
    private static final String O2 = """
            {"type":"OrderPlaced","id":"e2","at":"2024-01-02T00:00:00Z","orderId":"o2","customerId":"C2","amount":-1}""";
    private static final String O3 = """
            {"type":"OrderPlaced","id":"e3","at":"2024-01-03T00:00:00Z","orderId":"o3","customerId":"C3","amount":7}""";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Line 2 is not JSON, line 3 is blank, line 4 has a negative amount. */
    private static final String STREAM = String.join("\n", O1, "not json", "", O2, O3) + "\n";

    @TempDir
    Path dir;

    private static JsonLinesEventSource source(String text) {
        return JsonLinesEventSource.from(new StringReader(text), "test");
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof byte[] b ? b : p.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static List<SourceRecord> readAll(JsonLinesEventSource source) {
        List<SourceRecord> all = new ArrayList<>();
        while (!source.exhausted()) {
            all.addAll(source.poll(Duration.ZERO));
        }
        return all;
    }

    @Test
    void eachNonBlankLine_isARecord_withItsLineNumberAsOrigin() {
        List<SourceRecord> records = readAll(source(STREAM));

        assertThat(records).extracting(SourceRecord::origin).containsExactly("line 1", "line 2", "line 4", "line 5");
        assertThat(records).extracting(SourceRecord::json).containsExactly(O1, "not json", O2, O3);
        assertThat(records).extracting(r -> JsonLinesEventSource.lineOf(r.origin())).containsExactly(1L, 2L, 4L, 5L);
    }

    @Test
    void blankLines_areSkipped_butCountInThePosition() {
        JsonLinesEventSource source = source("\n" + O1 + "\n   \n\n" + O3 + "\n\n");

        assertThat(readAll(source)).extracting(SourceRecord::origin).containsExactly("line 2", "line 5");
        assertThat(source.position()).isEqualTo(6);
    }

    @Test
    void aPoll_returnsAtMostABatch_andEmptyAtTheEnd() {
        JsonLinesEventSource source = source(STREAM).batchSize(2);

        assertThat(source.poll(Duration.ZERO)).extracting(SourceRecord::origin).containsExactly("line 1", "line 2");
        assertThat(source.position()).isEqualTo(2);
        assertThat(source.exhausted()).isFalse();
        assertThat(source.poll(Duration.ZERO)).extracting(SourceRecord::origin).containsExactly("line 4", "line 5");
        assertThat(source.poll(Duration.ZERO)).isEmpty();
        assertThat(source.exhausted()).isTrue();
        assertThat(source.position()).isEqualTo(5);
    }

    @Test
    void throughThePump_badLinesAreReportedWithTheirLineNumber_andTheRestGoesOn() {
        List<EventPump.Rejected> rejected = new ArrayList<>();
        JsonLinesEventSource source = source(STREAM).batchSize(2);
        int accepted = 0;
        try (Engine engine = Custflow.builder().build(); EventPump pump = new EventPump(engine, source, rejected::add)) {
            while (!source.exhausted()) {
                BatchResult r = pump.pumpOnce(Duration.ZERO);
                accepted += r.accepted();
            }
            assertThat(engine.customerCount()).isEqualTo(2);
        }

        assertThat(accepted).isEqualTo(2);
        assertThat(rejected).extracting(r -> JsonLinesEventSource.lineOf(r.origin())).containsExactly(2L, 4L);
        assertThat(rejected.get(0).toString()).startsWith("line 2: ").contains("malformed JSON");
        assertThat(rejected.get(1).rejection().field()).isEqualTo("amount");
    }

    @Test
    void resumeAt_skipsTheLinesAnEarlierReaderConsumed() {
        JsonLinesEventSource first = source(STREAM).batchSize(2);
        List<SourceRecord> before = first.poll(Duration.ZERO);
        long kept = first.position(); // what a host keeps with its state; then it stops

        JsonLinesEventSource again = source(STREAM).resumeAt(kept);
        List<SourceRecord> after = readAll(again);

        assertThat(kept).isEqualTo(2);
        assertThat(after).extracting(SourceRecord::origin).containsExactly("line 4", "line 5");
        List<SourceRecord> both = new ArrayList<>(before);
        both.addAll(after);
        assertThat(both).isEqualTo(readAll(source(STREAM)));
        assertThat(again.position()).isEqualTo(5);
    }

    @Test
    void resumeAt_theEnd_readsNothing() {
        JsonLinesEventSource source = source(STREAM).resumeAt(5);

        assertThat(readAll(source)).isEmpty();
        assertThat(source.position()).isEqualTo(5);
    }

    @Test
    void resumeAt_belowWhatWasConsumed_isRefused() {
        JsonLinesEventSource source = source(STREAM).batchSize(2);
        source.poll(Duration.ZERO);

        assertThatThrownBy(() -> source.resumeAt(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 lines were already consumed");
        assertThatThrownBy(() -> source.batchSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lineOf_anOriginOfAnotherSource_isZero() {
        assertThat(JsonLinesEventSource.lineOf("queue q, delivery 3")).isZero();
        assertThat(JsonLinesEventSource.lineOf("line x")).isZero();
        assertThat(JsonLinesEventSource.lineOf(null)).isZero();
    }

    @Test
    void aFile_isReadAsUtf8_andClosedWithTheSource() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, STREAM.replace("not json", "{\"名\":\"王芳\"}"));

        try (JsonLinesEventSource source = JsonLinesEventSource.from(file)) {
            assertThat(readAll(source)).extracting(SourceRecord::json).contains("{\"名\":\"王芳\"}");
        }
        Files.delete(file); // nothing holds it open
    }

    @Test
    void aByteOrderMark_atTheStartOfAFileStreamOrReader_isIgnored() throws IOException {
        Path file = Files.write(dir.resolve("bom.jsonl"), bytes(BOM, STREAM));

        try (JsonLinesEventSource source = JsonLinesEventSource.from(file)) {
            assertThat(readAll(source)).isEqualTo(readAll(source(STREAM)));
        }
        assertThat(readAll(JsonLinesEventSource.from(new ByteArrayInputStream(bytes(BOM, STREAM)), "bytes")))
                .isEqualTo(readAll(source(STREAM)));
        assertThat(readAll(source("\uFEFF" + STREAM))).isEqualTo(readAll(source(STREAM)));
    }

    @Test
    void throughThePump_aLineOfInvalidUtf8_isRejectedWithItsNumber_andTheRestIsApplied() {
        byte[] stream = bytes(O1, "\n", "{\"type\":\"ClockTick\",\"id\":\"t-", new byte[] {(byte) 0xC3, 0x28},
                "\",\"at\":\"2024-01-02T00:00:00Z\"}\n", BOM, O3, "\n", O3.replace("e3", "e4").replace("o3", "o4"));
        List<EventPump.Rejected> rejected = new ArrayList<>();
        JsonLinesEventSource source = JsonLinesEventSource.from(new ByteArrayInputStream(stream), "bytes");
        try (Engine engine = Custflow.builder().build(); EventPump pump = new EventPump(engine, source, rejected::add)) {
            while (!source.exhausted()) {
                pump.pumpOnce(Duration.ZERO);
            }
            assertThat(engine.customerCount()).as("C1 and C3 (line 4)").isEqualTo(2);
        }

        assertThat(rejected).extracting(r -> JsonLinesEventSource.lineOf(r.origin())).containsExactly(2L, 3L);
        assertThat(rejected.get(0).toString()).isEqualTo("line 2: The event was rejected: the line is not valid "
                + "UTF-8 at byte 29 (0xC3); save the file as UTF-8");
        assertThat(rejected.get(1).toString()).as("a byte-order mark inside the stream").contains("malformed JSON");
    }

    @Test
    void aLineLongerThanTheLimit_isRejectedWithoutBeingKept_andTheNextLineIsRead() {
        String huge = O1.replace("\"amount\"", "\"note\":\"" + "x".repeat(Json.MAX_EVENT_BYTES) + "\",\"amount\"");

        List<SourceRecord> records = readAll(JsonLinesEventSource.from(
                new ByteArrayInputStream(bytes(huge, "\n", O3, "\n")), "bytes"));

        assertThat(records).extracting(SourceRecord::readable).containsExactly(false, true);
        assertThat(records.get(0).problem()).contains("more than 1,000,000 bytes");
        assertThat(JsonLinesEventSource.readEvent(records.get(1)).id()).isEqualTo("e3");
        assertThatThrownBy(() -> JsonLinesEventSource.readEvent(records.get(0)))
                .isInstanceOfSatisfying(EventRejectedException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageStartingWith("The event (line 1) was rejected: the line has more than 1,000,000 bytes");
    }

    @Test
    void aMissingFile_isAConnectorError_namingIt() {
        Path missing = dir.resolve("missing.jsonl");

        assertThatThrownBy(() -> JsonLinesEventSource.from(missing)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("missing.jsonl").hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aReaderThatFails_isAConnectorError_namingTheLine() {
        Reader failing = new Reader() {
            private boolean once;

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                if (!once) {
                    once = true;
                    String first = O1 + "\n";
                    first.getChars(0, first.length(), buf, off);
                    return first.length();
                }
                throw new IOException("disk gone");
            }

            @Override
            public void close() {
            }
        };
        JsonLinesEventSource source = JsonLinesEventSource.from(failing, "broken").batchSize(5);

        assertThat(source.poll(Duration.ZERO)).hasSize(1); // what came is acted on before the next read fails
        assertThatThrownBy(() -> source.poll(Duration.ZERO)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.connector()).isEqualTo(source.name()).isEqualTo("jsonl:broken"))
                .hasMessageContaining("line 2").hasRootCauseMessage("disk gone");
    }

    @Test
    void aGivenReader_staysOpen_whenTheSourceCloses() throws IOException {
        StringReader in = new StringReader(STREAM);
        JsonLinesEventSource.from(in, "test").close();

        assertThat(in.read()).isEqualTo('{');
    }
}
