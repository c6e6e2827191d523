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
import java.util.function.LongSupplier;

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
 * <p>A poll returns as soon as it holds a full batch, the input pauses, or {@link #maxWait} has passed since its first
 * line: a host piping events into standard input sees each line acted on as it arrives, while a file is read in full
 * batches. Until a first line comes, a poll waits for the writer (a reader has no timed read). The source is read from
 * one thread.
 */
public final class JsonLinesEventSource implements EventSource {
    /** Records per poll unless {@link #batchSize} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    /** The longest the first line of a batch waits for more lines while they keep coming, unless {@link #maxWait} says. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMillis(100);
    private static final String ORIGIN = "line ";

    /** The next line of the input, or null at its end. */
    private interface Lines extends Closeable {
        Utf8Lines.Line next() throws IOException;

        /** True if a line can be read without waiting for the writer. */
        boolean ready();
    }

    private final Lines in;
    private final String name;
    private final boolean closeIn;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private long maxWaitNanos = DEFAULT_MAX_WAIT.toNanos();
    private LongSupplier nanoTime = System::nanoTime; // I/O batching only, never business time
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
            public boolean ready() {
                return lines.ready();
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
            public boolean ready() {
                try {
                    return in.ready();
                } catch (IOException e) {
                    return false; // a closed reader: the next read says so
                }
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
     * How long the lines of a batch may wait while more keep coming: a poll returns its batch as soon as it is full,
     * the input pauses (no further line is there yet), or this time has passed since its first line was read,
     * whichever comes first. A host piping events one by one sees each acted on as it arrives; a file is read in
     * full batches.
     *
     * @param wait the longest wait; zero acts on every line alone
     * @return this source
     * @throws IllegalArgumentException if it is negative
     */
    public JsonLinesEventSource maxWait(Duration wait) {
        if (Objects.requireNonNull(wait, "wait").isNegative()) {
            throw new IllegalArgumentException("maxWait must be at least 0, got " + wait);
        }
        this.maxWaitNanos = wait.toNanos();
        return this;
    }

    /** For tests: the source of {@link System#nanoTime()}. */
    JsonLinesEventSource nanoTime(LongSupplier source) {
        this.nanoTime = Objects.requireNonNull(source, "source");
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
     * Reads lines until it holds a batch: {@link #batchSize} records, the end of the input, a pause in the input (the
     * next line is not there yet), or {@link #maxWait} since the batch's first line, whichever comes first. Until the
     * first record arrives it waits for the writer as long as that takes: a reader cannot be waited on for a limited
     * time.
     *
     * @param timeout ignored
     * @return the records of the non-blank lines read, in order, each with its line as origin (a line that could not
     *         be decoded as an unreadable record); empty at the end
     * @throws ConnectorException if the input cannot be read
     */
    @Override
    public List<SourceRecord> poll(Duration timeout) {
        List<SourceRecord> records = new ArrayList<>();
        long firstAt = 0;
        try {
            while (records.size() < batchSize) {
                if (!records.isEmpty() && (!in.ready() || nanoTime.getAsLong() - firstAt >= maxWaitNanos)) {
                    break; // act on what came rather than wait for the writer
                }
                Utf8Lines.Line line = in.next();
                if (line == null) {
                    exhausted = true;
                    break;
                }
                consumed++;
                if (consumed <= skipUntil) {
                    continue;
                }
                if (records.isEmpty()) {
                    firstAt = nanoTime.getAsLong();
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
