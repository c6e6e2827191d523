package dev.custflow.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.Review;
import dev.custflow.model.TicketKind;
import dev.custflow.text.IsoTimes;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The commonest flat events (two thirds of a typical stream) bound by hand: the parser's tokens go straight into the
 * record's constructor, without the mapper's type dispatch, property buffering and bean creation. It takes only the
 * plain spelling of each field (text as text, a count as an int, a time as {@code yyyy-MM-ddTHH:mm:ss[.f]Z}, an enum by
 * its name) and returns null for anything else (another field, a null, a number for a text, a nested value), which the
 * mapper's pass then reads as before. What it accepts is what the mapper accepts, as the same event.
 *
 * <p>A parser error or a failed check of the record is thrown: the mapper's pass would read the same tokens in the
 * same order and meet the same error, or hand the same values to the same constructor, so the line goes straight to
 * the tree path, which writes the refusal, without a second failed attempt.
 */
final class FlatEventBinder {
    private static final JsonFactory FACTORY = JsonCodec.MAPPER.getFactory();

    /** How a field's value is read; null from {@link #read} means a spelling left to the mapper. */
    private enum Kind {
        TEXT, TIME, INT, BOOLEAN;

        Object read(JsonParser p, JsonToken t) throws IOException {
            return switch (this) {
                case TEXT -> t == JsonToken.VALUE_STRING ? checkedText(p) : null;
                case TIME -> t == JsonToken.VALUE_STRING ? IsoTimes.utcOrNull(checkedText(p)) : null;
                case INT -> t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                        && !p.getText().startsWith("-0") ? p.getIntValue() : null;
                case BOOLEAN -> t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE
                        : null;
            };
        }
    }

    /** The fields of one event type in the order of its constructor, and the constructor. */
    private record Binding(String type, String[] names, Object[] kinds, Function<Object[], Event> make) {
        int indexOf(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static final List<Binding> BINDINGS = List.of(
            new Binding("InteractionLogged",
                    new String[]{"id", "at", "customerId", "kind", "repId", "count", "durationSeconds", "note"},
                    new Object[]{Kind.TEXT, Kind.TIME, Kind.TEXT, byName(InteractionKind.class), Kind.TEXT, Kind.INT,
                            Kind.INT, Kind.TEXT},
                    v -> new InteractionLogged((String) v[0], (Instant) v[1], (String) v[2], (InteractionKind) v[3],
                            (String) v[4], (Integer) v[5], (Integer) v[6], (String) v[7])),
            new Binding("SurveyAnswered", new String[]{"id", "at", "customerId", "nps", "csat", "review"},
                    new Object[]{Kind.TEXT, Kind.TIME, Kind.TEXT, Kind.INT, Kind.INT, byName(Review.class)},
                    v -> new SurveyAnswered((String) v[0], (Instant) v[1], (String) v[2], (Integer) v[3],
                            (Integer) v[4], (Review) v[5])),
            new Binding("TicketOpened", new String[]{"id", "at", "ticketId", "customerId", "kind", "severity"},
                    new Object[]{Kind.TEXT, Kind.TIME, Kind.TEXT, Kind.TEXT, byName(TicketKind.class), Kind.TEXT},
                    v -> new TicketOpened((String) v[0], (Instant) v[1], (String) v[2], (String) v[3],
                            (TicketKind) v[4], (String) v[5])),
            new Binding("TicketResolved", new String[]{"id", "at", "ticketId", "firstContact", "customerId"},
                    new Object[]{Kind.TEXT, Kind.TIME, Kind.TEXT, Kind.BOOLEAN, Kind.TEXT},
                    v -> new TicketResolved((String) v[0], (Instant) v[1], (String) v[2], (Boolean) v[3],
                            (String) v[4])),
            new Binding("ClockTick", new String[]{"id", "at"}, new Object[]{Kind.TEXT, Kind.TIME},
                    v -> new ClockTick((String) v[0], (Instant) v[1])));

    private static final Map<String, Binding> BY_TYPE = BINDINGS.stream()
            .collect(Collectors.toUnmodifiableMap(Binding::type, b -> b));

    private FlatEventBinder() {
    }

    /** Whether lines of this type are bound here. */
    static boolean binds(String type) {
        return BY_TYPE.containsKey(type);
    }

    /**
     * @param json a line that opens with {@code "type":type}
     * @param type its type
     * @return the event, or null when the mapper's pass has to read the line
     * @throws IOException a parser error or a text the contract refuses, which the mapper's pass would meet too
     * @throws RuntimeException the record's refusal of the values, which the mapper would hand it too
     */
    static Event readOrNull(String json, String type) throws IOException {
        Binding b = BY_TYPE.get(type);
        if (b == null) {
            return null;
        }
        Object[] values = new Object[b.names.length];
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !"type".equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING
                    || !type.equals(p.getText())) {
                return null;
            }
            JsonToken t = p.nextToken();
            for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                int f = b.indexOf(p.currentName());
                if (f < 0 || values[f] != null) {
                    return null;
                }
                Object kind = b.kinds[f];
                JsonToken v = p.nextToken();
                Object value = kind instanceof Kind k ? k.read(p, v) : v == JsonToken.VALUE_STRING
                        ? ((Map<?, ?>) kind).get(checkedText(p)) : null;
                if (value == null) {
                    return null;
                }
                values[f] = value;
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
        }
        return b.make.apply(values);
    }

    /** The text of a string token, checked as {@link StreamingEventReader.ContractTokens} checks it. */
    private static String checkedText(JsonParser p) throws IOException {
        StreamingEventReader.checkText(p);
        return p.getText();
    }

    /** An enum's constants by name, as the mapper reads them. */
    private static <E extends Enum<E>> Map<String, E> byName(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).collect(Collectors.toUnmodifiableMap(Enum::name, e -> e));
    }
}
