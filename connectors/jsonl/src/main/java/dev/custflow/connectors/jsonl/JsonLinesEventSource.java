package dev.custflow.connectors.jsonl;

import dev.custflow.ConnectorException;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.connectors.jsonl.internal.Utf8Lines;
import dev.custflow.event.Event;
import dev.custflow.spi.EventSource;
import dev.custflow.spi.SourceRecord;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads events as JSON Lines (one event per line, the JSON of docs/events.md) from a file, standard input or any
 * {@link Reader}, for an {@link dev.custflow.EventPump}. Each record's origin is its line ({@code "line 12"}), so the
 * pump reports a line that is not a valid event with its number and goes on with the next. Blank lines are skipped.
 *
 * <p>Files and streams are read as bytes and each line is decoded on its own as UTF-8: a line that is not valid UTF-8,
 * or longer than {@link Json#MAX_EVENT_BYTES}, is an {@linkplain SourceRecord#unreadable unreadable} record the pump
 * rejects with its line number, and the next line is read as usual. A UTF-8 byte-order mark at the start of the input
 * is ignored. A {@link Reader} is already decoded: its lines are taken as they come, a byte-order mark at its start
 * dropped too.
 *
 * <p>{@link #position()} counts the lines consumed, blank ones included. A host that restarts keeps that number (for
 * example with the engine's state in its store) and gives it to {@link #resumeAt} on a source over the same input:
 * the lines below it are read and dropped, so nothing is applied twice.
 *
 * <pre>{@code
 * JsonLinesEventSource source = JsonLinesEventSource.from(Path.of("events.jsonl"));
 * try (Engine engine = Custflow.builder().actionSink(JsonLinesActionSink.appendingTo(actions)).build();
 *      EventPump pump = new EventPump(engine, source, bad -> log.warn("{}", bad))) {
 *     while (!source.exhausted()) {
 *         pump.pumpOnce(Duration.ZERO); // a bad line: "line 7: The event was rejected: malformed JSON ..."
 *     }
 * }
 * }</pre>
 *
 * <p>A reader has no timed read: {@link #poll} returns once it holds a batch or the input has ended, so on standard
 * input it waits for the writer as long as that takes. The source is read from one thread.
 */
public final class JsonLinesEventSource implements EventSource {
    /** Records per poll unless {@link #batchSize} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    private static final String ORIGIN = "line ";

    /** The next line of the input, or null at its end. */
    private interface Lines extends Closeable {
        Utf8Lines.Line next() throws IOException;
    }

    private final Lines in;
    private final String name;
    private final boolean closeIn;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private long consumed;
    private long skipUntil;
    private boolean exhausted;

    private JsonLinesEventSource(Lines in, String name, boolean closeIn) {
        this.in = in;
        this.name = "jsonl:" + name;
        this.closeIn = closeIn;
    }

    private static Lines bytes(InputStream in) {
        Utf8Lines lines = new Utf8Lines(in, Json.MAX_EVENT_BYTES);
        return new Lines() {
            @Override
            public Utf8Lines.Line next() throws IOException {
                return lines.next();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static Lines chars(Reader reader) {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        return new Lines() {
            private boolean first = true;

            @Override
            public Utf8Lines.Line next() throws IOException {
                String line = in.readLine();
                if (first && line != null && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                return line == null ? null : new Utf8Lines.Line(line, null);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /**
     * @param file a JSON Lines file in UTF-8
     * @return a source reading it; closing the source closes the file
     * @throws ConnectorException if the file cannot be opened
     */
    public static JsonLinesEventSource from(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new JsonLinesEventSource(bytes(Files.newInputStream(file)), file.toString(), true);
        } catch (IOException e) {
            throw new ConnectorException("jsonl:" + file, "cannot open the events file", e);
        }
    }

    /**
     * @param in   JSON Lines in UTF-8, e.g. a socket's stream; read, not closed, by this source
     * @param name what to call it in errors, e.g. {@code stdin}
     * @return a source reading it
     */
    public static JsonLinesEventSource from(InputStream in, String name) {
        return new JsonLinesEventSource(bytes(Objects.requireNonNull(in, "in")), Objects.requireNonNull(name, "name"),
                false);
    }

    /**
     * @param in   where to read, e.g. a {@link java.io.StringReader}; read, not closed, by this source
     * @param name what to call it in errors, e.g. the file name
     * @return a source reading it
     */
    public static JsonLinesEventSource from(Reader in, String name) {
        return new JsonLinesEventSource(chars(Objects.requireNonNull(in, "in")), Objects.requireNonNull(name, "name"),
                false);
    }

    /** @return a source reading standard input as UTF-8; standard input stays open */
    public static JsonLinesEventSource fromStdin() {
        return from(System.in, "stdin");
    }

    /**
     * @param records the most records one {@link #poll} returns (blank and skipped lines do not count)
     * @return this source
     * @throws IllegalArgumentException if it is below 1
     */
    public JsonLinesEventSource batchSize(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + records);
        }
        this.batchSize = records;
        return this;
    }

    /**
     * Goes on from where an earlier reader of the same input stopped: the next poll reads the lines up to
     * {@code position} and drops them.
     *
     * @param position the {@link #position()} the earlier reader had reached and its host had kept
     * @return this source
     * @throws IllegalArgumentException if it is negative or below the lines this source has already consumed
     */
    public JsonLinesEventSource resumeAt(long position) {
        if (position < consumed) {
            throw new IllegalArgumentException("cannot resume at line " + position + ": " + consumed
                    + " lines were already consumed");
        }
        this.skipUntil = position;
        return this;
    }

    /**
     * Reads the next lines until it holds a batch of records or the input ends. The timeout is not used: a reader
     * cannot be waited on for a limited time.
     *
     * @param timeout ignored
     * @return the records of the non-blank lines read, in order, each with its line as origin (a line that could not
     *         be decoded as an unreadable record); empty at the end
     * @throws ConnectorException if the input cannot be read
     */
    @Override
    public List<SourceRecord> poll(Duration timeout) {
        List<SourceRecord> records = new ArrayList<>();
        try {
            while (records.size() < batchSize) {
                Utf8Lines.Line line = in.next();
                if (line == null) {
                    exhausted = true;
                    break;
                }
                consumed++;
                if (consumed <= skipUntil) {
                    continue;
                }
                if (line.text() == null) {
                    records.add(SourceRecord.unreadable(ORIGIN + consumed, line.problem()));
                } else if (!line.text().isBlank()) {
                    records.add(new SourceRecord(ORIGIN + consumed, line.text()));
                }
            }
        } catch (IOException e) {
            throw new ConnectorException(name, "cannot read line " + (consumed + 1), e);
        }
        return records;
    }

    /** Nothing to do: the position moves as lines are read, and a host keeps it where it keeps its state. */
    @Override
    public void acknowledge() {
    }

    /** @return the lines consumed so far, blank and skipped ones included: where a restart resumes */
    public long position() {
        return consumed;
    }

    /** @return the name this source gives in its errors ({@link ConnectorException#connector()}) */
    public String name() {
        return name;
    }

    /** @return true once a poll reached the end of the input */
    public boolean exhausted() {
        return exhausted;
    }

    /**
     * @param origin the origin of a record, e.g. from {@link dev.custflow.EventPump.Rejected#origin()}
     * @return the line it names when a JSON Lines source gave it, else 0
     */
    public static long lineOf(String origin) {
        if (origin != null && origin.startsWith(ORIGIN)) {
            try {
                return Long.parseLong(origin.substring(ORIGIN.length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * The event of a record this source gave, for a host that reads events without an {@link dev.custflow.EventPump}.
     *
     * @param record a record from {@link #poll}
     * @return the event
     * @throws EventRejectedException naming the record's line when it is unreadable or not a valid event
     */
    public static Event readEvent(SourceRecord record) {
        long line = lineOf(record.origin());
        if (!record.readable()) {
            throw new EventRejectedException(line, null, null, null, null, record.problem());
        }
        return Json.readEvent(record.json(), line);
    }

    /** Closes the file this source opened; a stream or reader it was given stays open. */
    @Override
    public void close() {
        if (!closeIn) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            throw new ConnectorException(name, "cannot close the events file", e);
        }
    }
}
