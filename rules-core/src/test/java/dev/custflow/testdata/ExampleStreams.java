package dev.custflow.testdata;

import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.event.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The hand-written event streams of docs/examples, as the engine gets them from a host. */
public final class ExampleStreams {
    /** The folder, from a module's directory (the tests' working directory). */
    public static final Path FOLDER = Path.of("../docs/examples");

    private ExampleStreams() {
    }

    /**
     * @param file e.g. {@code lifecycle.jsonl}
     * @return its events in order; the lines the JSON codec refuses (the files have bad lines on purpose) are left out
     */
    public static List<Event> events(String file) throws IOException {
        List<Event> events = new ArrayList<>();
        long n = 0;
        for (String line : Files.readAllLines(FOLDER.resolve(file), StandardCharsets.UTF_8)) {
            n++;
            try {
                if (!line.isBlank()) {
                    events.add(Json.readEvent(line, n));
                }
            } catch (EventRejectedException e) {
                // refused before the engine sees it
            }
        }
        return events;
    }
}
