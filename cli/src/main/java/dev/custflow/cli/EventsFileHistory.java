package dev.custflow.cli;

import dev.custflow.EventRejectedException;
import dev.custflow.connectors.jsonl.JsonLinesEventSource;
import dev.custflow.event.Event;
import dev.custflow.examples.EventHistory;
import dev.custflow.spi.SourceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A host's own events (JSON Lines, as {@code custflow replay --events} reads them) as a history the demo's runner
 * replays: read and checked once, in file order. A line that is no valid event is set aside with its line number and
 * the rest is replayed, as {@code replay} does.
 */
final class EventsFileHistory implements EventHistory {
    private final Path file;
    private final List<Event> events;
    private final List<String> rejected;

    private EventsFileHistory(Path file, List<Event> events, List<String> rejected) {
        this.file = file;
        this.events = events;
        this.rejected = rejected;
    }

    /**
     * @param file a JSON Lines file of events
     * @return its events
     * @throws NoSuchFileException if there is no such file
     * @throws IOException         if it cannot be read
     */
    static EventsFileHistory load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such events file");
        }
        List<Event> events = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        try (JsonLinesEventSource source = JsonLinesEventSource.from(file)) {
            while (!source.exhausted()) {
                for (SourceRecord r : source.poll(Duration.ZERO)) {
                    try {
                        events.add(JsonLinesEventSource.readEvent(r));
                    } catch (EventRejectedException e) {
                        rejected.add(file + ": " + e.getMessage());
                    }
                }
                source.acknowledge();
            }
        } catch (dev.custflow.ConnectorException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
        return new EventsFileHistory(file, List.copyOf(events), List.copyOf(rejected));
    }

    /** @return the lines that were no valid event, each with its line number and why */
    List<String> rejected() {
        return rejected;
    }

    @Override
    public String description() {
        return "events of " + file.getFileName() + " (" + events.size() + ")";
    }

    @Override
    public Instant from() {
        return events.stream().map(Event::at).min(Instant::compareTo).orElse(Instant.EPOCH);
    }

    @Override
    public Instant to() {
        return events.stream().map(Event::at).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    @Override
    public Stream<Event> events() {
        return events.stream();
    }
}
