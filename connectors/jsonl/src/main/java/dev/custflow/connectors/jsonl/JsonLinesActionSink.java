package dev.custflow.connectors.jsonl;

import dev.custflow.ConnectorException;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.spi.ActionSink;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * Writes actions as JSON Lines (one action per line, the JSON of docs/events.md) to a file or a
 * stream, flushed after every engine call, so a host that tails the file sees each batch whole.
 * Appending to a file keeps earlier runs' lines; receivers drop repeats by the action id.
 *
 * <pre>{@code
 * try (JsonLinesActionSink sink = JsonLinesActionSink.appendingTo(Path.of("actions.jsonl"));
 *      Engine engine = Custflow.builder().actionSink(sink).build()) { ... }
 * }</pre>
 */
public final class JsonLinesActionSink implements ActionSink, Closeable {
    private final Writer out;
    private final String name;
    private final boolean closeOut;
    private long written;

    private JsonLinesActionSink(Writer out, String name, boolean closeOut) {
        this.out = out;
        this.name = name;
        this.closeOut = closeOut;
    }

    /**
     * @param file a file, created if missing; lines are appended
     * @return a sink writing to it (close it when done)
     * @throws ConnectorException if the file cannot be opened
     */
    public static JsonLinesActionSink appendingTo(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new JsonLinesActionSink(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                    "jsonl:" + file, true);
        } catch (IOException e) {
            throw new ConnectorException("jsonl:" + file, "cannot open the actions file for appending", e);
        }
    }

    /**
     * @param file a file, created if missing, emptied if not
     * @return a sink writing to it (close it when done)
     * @throws ConnectorException if the file cannot be opened
     */
    public static JsonLinesActionSink writingTo(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new JsonLinesActionSink(Files.newBufferedWriter(file, StandardCharsets.UTF_8), "jsonl:" + file,
                    true);
        } catch (IOException e) {
            throw new ConnectorException("jsonl:" + file, "cannot open the actions file", e);
        }
    }

    /**
     * @param out  where to write, e.g. standard output; it is flushed, not closed, by this sink
     * @param name what to call it in errors, e.g. {@code stdout}
     * @return a sink writing to it
     */
    public static JsonLinesActionSink to(Writer out, String name) {
        return new JsonLinesActionSink(Objects.requireNonNull(out, "out"), "jsonl:" + name, false);
    }

    @Override
    public synchronized void deliver(List<Action> actions) {
        try {
            for (Action a : actions) {
                out.write(Json.write(a));
                out.write('\n');
            }
            out.flush();
            written += actions.size();
        } catch (IOException e) {
            throw new ConnectorException(name, "cannot write " + actions.size() + " action(s)", e);
        }
    }

    /** @return the name this sink gives in its errors ({@link ConnectorException#connector()}) */
    public String name() {
        return name;
    }

    /** @return how many actions this sink has written */
    public synchronized long written() {
        return written;
    }

    @Override
    public synchronized void close() {
        try {
            out.flush();
            if (closeOut) {
                out.close();
            }
        } catch (IOException e) {
            throw new ConnectorException(name, "cannot close the actions file", e);
        }
    }
}
