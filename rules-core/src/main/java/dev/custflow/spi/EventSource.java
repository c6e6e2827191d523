package dev.custflow.spi;

import java.time.Duration;
import java.util.List;

/**
 * Where events come from: a queue, a topic, a file. An {@link dev.custflow.EventPump} polls it, applies what came
 * with the engine (which commits its {@link CustomerStore} and hands the actions to its {@link ActionSink}) and only
 * then acknowledges, so that an event is forgotten by its source only after its actions are safely stored.
 *
 * <p>Records polled but never acknowledged (the process died, the source was closed) come again; the engine drops
 * an event it has already applied by its id, so a source may deliver at least once. Calls come from one thread.
 *
 * <p>Version 1 of this SPI.
 */
public interface EventSource extends AutoCloseable {

    /**
     * Waits up to {@code timeout} for the next events.
     *
     * @param timeout how long to wait when nothing is there
     * @return the records in the order to apply them; empty when none came in time
     * @throws dev.custflow.ConnectorException if the source cannot be read
     */
    List<SourceRecord> poll(Duration timeout);

    /**
     * Everything polled so far has been applied, committed and delivered: the source may forget it (acknowledge the
     * messages, commit the offsets).
     *
     * @throws dev.custflow.ConnectorException if the acknowledgement cannot be given (the records come again)
     */
    void acknowledge();

    /** Releases connections; records not acknowledged come again to the next reader. The default does nothing. */
    @Override
    default void close() {
    }
}
