package dev.custflow.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.custflow.EventRejectedException;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.text.Instants;
import dev.custflow.text.IsoTimes;
import dev.custflow.text.PersonalData;
import dev.custflow.text.Suggest;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes the JSON contract. Reading is strict where the contract is (types, ranges,
 * ISO-8601 times) and tolerant where it says so (unknown fields are ignored); every failure
 * becomes an {@link EventRejectedException} naming the field and its value.
 */
public final class JsonCodec {
    public static final ObjectMapper MAPPER = createMapper();
    private static final ObjectReader EVENT_READER = MAPPER.readerFor(Event.class);
    private static final ObjectWriter WRITER = MAPPER.writer();
    private static final ObjectWriter ACTION_WRITER = MAPPER.writerFor(Action.class);
    static final List<String> EVENT_TYPES = Arrays.stream(Event.class.getAnnotation(JsonSubTypes.class)
            .value()).map(JsonSubTypes.Type::name).toList();

    /** Levels of objects and arrays an event may nest (an order's lines inside the event are 3). */
    public static final int MAX_DEPTH = 16;
    /** Digits of a number: 10^15 with 6 decimals has 22; anything longer is no amount or count. */
    public static final int MAX_NUMBER_LENGTH = 40;
    /** Characters of one text value (a name, a note, a ticket's subject). */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** Bytes of one event. */
    public static final int MAX_EVENT_BYTES = 1_000_000;

    private JsonCodec() {
    }

    /**
     * The parsers' factory, with the limits of docs/events.md ("Limits"): an event is small and flat, so anything
     * deeper or longer is hostile.
     *
     * @param duplicates whether a parser refuses a field name that its object has already: the mapper's must; a reader
     *                   that declines any name it has already bound (and leaves the line to the mapper) need not pay
     *                   for a set of names per object
     */
    static JsonFactory factory(boolean duplicates) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_TEXT_LENGTH * 4)
                        .maxDocumentLength(MAX_EVENT_BYTES)
                        .build())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, duplicates)
                .build();
    }

    private static ObjectMapper createMapper() {
        SimpleModule strictTime = new SimpleModule("custflow-strict-time");
        strictTime.addDeserializer(Instant.class, new StrictInstant());
        strictTime.addDeserializer(LocalDate.class, new StrictDate());
        JsonFactory factory = factory(true);
        JsonMapper m = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(strictTime)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // numbers and booleans must be JSON numbers and booleans; a numeric id may stand for a text id
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // true is no text: {"id":true} would become the id "true"
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return m;
    }

    /**
     * @param json one event as JSON
     * @param line its line in the stream, or 0
     * @return the validated event
     * @throws EventRejectedException naming the line, field and value when it is not a valid event
     */
    public static Event readEvent(String json, long line) {
        Event fast = StreamingEventReader.readOrNull(json);
        return fast != null ? fast : readByTree(json, line);
    }

    /**
     * The reference reading: Jackson's tree first, so that a refusal can name the field and quote its value, then
     * the tree bound to the event. {@link StreamingEventReader} takes the common case in one pass and leaves
     * everything else here.
     */
    static Event readByTree(String json, long line) {
        String id = null;
        String type = null;
        JsonNode tree = null;
        try {
            tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new EventRejectedException(line, null, null, null, abbreviate(json),
                        "an event must be a JSON object, like {\"type\":\"OrderPlaced\", \"id\":..., \"at\":...}");
            }
            id = tree.hasNonNull("id") && tree.get("id").isValueNode() ? tree.get("id").asText() : null;
            if (!tree.hasNonNull("type")) {
                throw new EventRejectedException(line, null, id, "type", null,
                        "every event needs a 'type'; known types: " + String.join(", ", EVENT_TYPES));
            }
            type = tree.get("type").asText();
            if (!EVENT_TYPES.contains(type)) {
                throw new EventRejectedException(line, null, shortened(id), "type", shortened(type),
                        "unknown event type" + suggestion(type, EVENT_TYPES));
            }
            checkTexts(tree, "", type);
            return EVENT_READER.treeToValue(tree, Event.class);
        } catch (EventRejectedException e) {
            // a check of a field knows neither line nor id: both are added here, also when the line is 0
            throw e.line() == line && (e.eventId() != null || id == null) ? e : e.at(line, id);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof EventRejectedException r) {
                throw r.at(line, id);
            }
            throw reject(line, type, id, path(e), null, e.getOriginalMessage());
        } catch (InvalidTypeIdException e) {
            throw new EventRejectedException(line, type, shortened(id), "type", shortened(e.getTypeId()),
                    "unknown event type");
        } catch (InvalidFormatException e) {
            throw reject(line, type, id, path(e), String.valueOf(e.getValue()),
                    expectation(e.getTargetType(), e.getValue()));
        } catch (MismatchedInputException e) {
            JsonNode given = valueAt(tree, e);
            throw reject(line, type, id, path(e), given == null ? null : text(given),
                    expectation(e.getTargetType(), given == null ? null : text(given)));
        } catch (JsonMappingException e) {
            Throwable c = e.getCause();
            if (c instanceof EventRejectedException r) {
                throw r.at(line, id);
            }
            throw reject(line, type, id, path(e), null,
                    c instanceof DateTimeException ? c.getMessage() : e.getOriginalMessage());
        } catch (StreamConstraintsException e) {
            throw new EventRejectedException(line, type, shortened(id), null, null, "the event is larger than the "
                    + "contract allows (docs/events.md, \"Limits\"): " + e.getOriginalMessage());
        } catch (InputCoercionException e) {
            throw new EventRejectedException(line, type, shortened(id), null, null,
                    "a number is out of range: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            // a parser error has a location; a tree-based one (a coercion after readTree) may not
            String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new EventRejectedException(line, type, shortened(id), null, abbreviate(json),
                    "malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (DateTimeException | ArithmeticException e) {
            throw new EventRejectedException(line, type, shortened(id), null, null, "a value is out of range: "
                    + e.getMessage());
        }
    }

    /** @return true for a character no text of an event may hold: a control character but tab and line breaks */
    static boolean forbiddenInText(char c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
    }

    /**
     * Every text value of the event: at most {@link #MAX_TEXT_LENGTH} characters and no control characters but
     * tab and line breaks (a NUL or an escape sequence in a name reaches stores, logs and terminals).
     */
    private static void checkTexts(JsonNode node, String path, String type) {
        if (node.isTextual()) {
            String s = node.textValue();
            if (s.length() > MAX_TEXT_LENGTH) {
                throw EventRejectedException.withheld(type, path, "text has at most " + MAX_TEXT_LENGTH
                        + " characters, this one has " + s.length());
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (forbiddenInText(c)) {
                    throw EventRejectedException.withheld(type, path, String.format(
                            "text must not contain control characters; character %d is U+%04X", i + 1, (int) c));
                }
            }
        } else if (node.isContainerNode()) {
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    checkTexts(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), type);
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    checkTexts(node.get(i), path + "[" + i + "]", type);
                }
            }
        }
    }

    /** Fields that hold personal data: a refusal names them but never repeats their value. */
    private static final java.util.Set<String> PERSONAL = PersonalData.FIELDS;

    private static EventRejectedException reject(long line, String type, String id, String path, String value,
                                                 String problem) {
        String leaf = path.substring(path.lastIndexOf('.') + 1).replaceFirst("\\[.*$", "");
        if (PERSONAL.contains(leaf)) {
            // the expectation may quote the value too ("did you mean"): keep only its first sentence
            return EventRejectedException.withheld(type, path, problem.split("\\.\\n")[0]).at(line, shortened(id));
        }
        return new EventRejectedException(line, type, shortened(id), path, value == null ? null : shortened(value),
                problem);
    }

    private static String shortened(String value) {
        return value == null || value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    private static String expectation(Class<?> target, Object value) {
        if (target == null) {
            return "this value has the wrong kind";
        }
        if (target.isEnum()) {
            List<String> names = Arrays.stream(target.getEnumConstants()).map(Object::toString).toList();
            String given = value == null ? "" : suggestion(String.valueOf(value), names);
            return "must be one of " + String.join(", ", names) + given;
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "must be a JSON number (not text)";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == Instant.class) {
            return "must be an ISO-8601 instant such as 2024-03-01T09:30:00Z";
        }
        if (target == LocalDate.class) {
            return "must be a date yyyy-MM-dd";
        }
        if (target == String.class) {
            return "must be text";
        }
        if (List.class.isAssignableFrom(target)) {
            return "must be a JSON array";
        }
        return "must be a " + target.getSimpleName();
    }

    static String suggestion(String given, List<String> known) {
        return Suggest.closest(given, known).map(best -> ".\nDid you mean " + best + "?").orElse("");
    }

    /** The value the mapper choked on, found in the tree by the exception's path. */
    private static JsonNode valueAt(JsonNode tree, JsonMappingException e) {
        JsonNode n = tree;
        for (JsonMappingException.Reference r : e.getPath()) {
            if (n == null) {
                return null;
            }
            n = r.getFieldName() != null ? n.get(r.getFieldName()) : n.get(r.getIndex());
        }
        return n == null || n.isMissingNode() ? null : n;
    }

    private static String text(JsonNode n) {
        return n.isValueNode() ? n.asText() : n.toString();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** @param event an event @return its JSON, one line */
    public static String write(Event event) {
        try {
            return WRITER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event, e);
        }
    }

    /** @param action an action @return its JSON, one line */
    public static String write(Action action) {
        try {
            return ACTION_WRITER.writeValueAsString(action);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + action, e);
        }
    }

    /** @param json an action as JSON @return the action */
    public static Action readAction(String json) {
        try {
            return MAPPER.readValue(json, Action.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an action: " + e.getOriginalMessage(), e);
        }
    }

    /** ISO-8601 text only (an epoch number is ambiguous: seconds or millis?); offsets are converted to UTC. */
    private static final class StrictInstant extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            Instant at = Instants.parseOrNull(text); // the common spelling by hand, then the general parser
            return at != null ? at
                    : (Instant) ctx.handleWeirdStringValue(Instant.class, p.getText().strip(), "not an ISO-8601 instant");
        }
    }

    /** {@code yyyy-MM-dd} text only. */
    private static final class StrictDate extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctx.handleUnexpectedToken(LocalDate.class, p);
            }
            LocalDate date = IsoTimes.dateOrNull(p.getText());
            if (date != null) {
                return date;
            }
            String s = p.getText().strip();
            try {
                return LocalDate.parse(s);
            } catch (DateTimeException e) {
                return (LocalDate) ctx.handleWeirdStringValue(LocalDate.class, s, "not a date yyyy-MM-dd");
            }
        }
    }
}
