package dev.custflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.internal.json.JsonCodec;

/**
 * The JSON contract (docs/events.md): events in, actions out, one object per line.
 *
 * <pre>{@code
 * Event e = Json.readEvent("{\"type\":\"ClockTick\",\"id\":\"t1\",\"at\":\"2024-01-01T00:00:00Z\"}");
 * String line = Json.write(action);
 * }</pre>
 */
public final class Json {
    /**
     * The most bytes one event may have in UTF-8 (docs/events.md, "Limits"): a source may refuse a longer record
     * before it reads all of it.
     */
    public static final int MAX_EVENT_BYTES = JsonCodec.MAX_EVENT_BYTES;

    private Json() {
    }

    /**
     * @param json one event
     * @return the validated event
     * @throws EventRejectedException naming the field and value when it is not a valid event
     */
    public static Event readEvent(String json) {
        return JsonCodec.readEvent(json, 0);
    }

    /**
     * @param json one event
     * @param line its 1-based line in a stream, named in any rejection
     * @return the validated event
     * @throws EventRejectedException naming the line, field and value when it is not a valid event
     */
    public static Event readEvent(String json, long line) {
        return JsonCodec.readEvent(json, line);
    }

    /**
     * @param event an event
     * @return its JSON on one line
     */
    public static String write(Event event) {
        return JsonCodec.write(event);
    }

    /**
     * @param action an action
     * @return its JSON on one line, {@code type} first
     */
    public static String write(Action action) {
        return JsonCodec.write(action);
    }

    /**
     * @param json an action as written by {@link #write(Action)}
     * @return the action
     * @throws IllegalArgumentException if it is not an action
     */
    public static Action readAction(String json) {
        return JsonCodec.readAction(json);
    }

    /** @return a copy of the object mapper the contract uses (for hosts that embed Jackson) */
    public static ObjectMapper mapper() {
        return JsonCodec.MAPPER.copy();
    }
}
