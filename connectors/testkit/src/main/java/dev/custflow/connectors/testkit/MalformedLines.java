package dev.custflow.connectors.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile and malformed event lines of many kinds, the same for the same seed: what a JSON Lines file or a queue may
 * carry besides events. Every line is one line (no LF or CR in it) and breaks the JSON contract of docs/events.md, so
 * a source and the engine must reject it, naming where it was, and go on; but for {@link Kind#BLANK}, which a JSON
 * Lines source skips. For fuzz tests and for measuring how fast bad lines are turned away.
 *
 * <pre>{@code
 * MalformedLines bad = new MalformedLines(42);
 * MalformedLines.Line line = bad.next();      // e.g. INVALID_UTF8: {"type":"ClockTick","id":"bad-7\xC3(...
 * }</pre>
 */
public final class MalformedLines {
    /** What is wrong with a line. */
    public enum Kind {
        /** A valid event cut short. */
        TRUNCATED,
        /** Arrays or objects nested 17 to 5,000 deep (the contract allows 16). */
        DEEP_NESTING,
        /** Bytes that are not UTF-8: a stray continuation byte, an overlong form, an encoded surrogate, 0xFF... */
        INVALID_UTF8,
        /** A UTF-8 byte-order mark before a valid event, in the middle of a stream. */
        BOM_INSIDE,
        /** {@code 1e309}, {@code 1e1000000000}, {@code 99999999999999999999999} and friends, where a number goes. */
        HUGE_NUMBER,
        /** {@code +1000000000-12-31T23:59:59Z}, {@code 1899-12-31T23:59:59Z}, year 10000... */
        INSTANT_OUT_OF_RANGE,
        /** A key twice in one object: a second {@code type}, {@code id}, {@code at} or {@code amount}. */
        DUPLICATE_KEY,
        /** A {@code type} that is no event type. */
        UNKNOWN_TYPE,
        /** Without {@code type}, {@code id} or {@code at}. */
        MISSING_FIELD,
        /** A value of the wrong kind: {@code "at":true}, {@code "id":{}}, {@code "id":true}, {@code "amount":"12"}... */
        WRONG_TYPE,
        /** An id with NUL, ESC, DEL or another control character, escaped or raw. */
        CONTROL_IN_ID,
        /** An id longer than 128 characters (up to 5,000). */
        LONG_ID,
        /** A text longer than 10,000 characters. */
        LONG_TEXT,
        /** Nothing but spaces and tabs, or nothing at all: skipped by a JSON Lines source, not rejected. */
        BLANK,
        /** A line of two million bytes, over the 1,000,000 an event may have. */
        HUGE_LINE,
        /** Random bytes. */
        BINARY,
        /** Valid JSON that is no object: {@code []}, {@code 42}, {@code "text"}, {@code null}, an array of events. */
        NOT_AN_OBJECT,
        /** A valid event followed by more: another event, a brace, a word. */
        TRAILING_GARBAGE,
        /** JavaScript, not JSON: {@code NaN}, single quotes, unquoted keys, comments, trailing commas. */
        NOT_JSON,
        /** A value outside its field's range or list: a negative amount, NPS 11, an interaction of kind PIGEON. */
        OUT_OF_RANGE,
        /** An escaped lone surrogate in an id: {@code "\ud800"}. */
        BROKEN_UTF16
    }

    /**
     * One malformed line.
     *
     * @param kind  what is wrong with it
     * @param bytes the line, without its end
     */
    public record Line(Kind kind, byte[] bytes) {
        /** @return the line as text, bad bytes replaced: for messages only */
        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return kind + ": " + (text.length() > 120 ? text.substring(0, 117) + "..." : text);
        }
    }

    private static final String AT = "2024-03-01T10:00:00Z";
    /** Valid events; {@code %s} is the id. */
    private static final List<String> TEMPLATES = List.of(
            "{\"type\":\"OrderPlaced\",\"id\":\"%s\",\"at\":\"" + AT + "\",\"orderId\":\"SO-%1$s\","
                    + "\"customerId\":\"C-%1$s\",\"amount\":120.50}",
            "{\"type\":\"LeadCaptured\",\"id\":\"%s\",\"at\":\"" + AT + "\",\"leadId\":\"L-%1$s\","
                    + "\"channel\":\"WECHAT\",\"name\":\"王芳\",\"company\":\"上海精工机械有限公司\",\"phone\":\"138 0013 8000\"}",
            "{\"type\":\"SurveyAnswered\",\"id\":\"%s\",\"at\":\"" + AT + "\",\"customerId\":\"C-%1$s\",\"nps\":9}",
            "{\"type\":\"ClockTick\",\"id\":\"%s\",\"at\":\"" + AT + "\"}",
            "{\"type\":\"InteractionLogged\",\"id\":\"%s\",\"at\":\"" + AT + "\",\"customerId\":\"C-%1$s\","
                    + "\"kind\":\"CALL\",\"note\":\"回电 called back\"}",
            "{\"type\":\"OrderPlaced\",\"id\":\"%s\",\"at\":\"" + AT + "\",\"orderId\":\"SO-%1$s\",\"customerId\":"
                    + "\"C-%1$s\",\"amount\":100,\"lines\":[{\"sku\":\"A-1\",\"quantity\":2,\"amount\":100}]}");
    private static final String ORDER = "{\"type\":\"OrderPlaced\",\"id\":\"%s\",\"at\":\"" + AT + "\","
            + "\"orderId\":\"SO-%1$s\",\"customerId\":\"C-%1$s\",\"amount\":%2$s}";
    private static final String TICK = "{\"type\":\"ClockTick\",\"id\":\"%s\",\"at\":\"%s\"}";
    private static final String SURVEY = "{\"type\":\"SurveyAnswered\",\"id\":\"%s\",\"at\":\"" + AT + "\","
            + "\"customerId\":\"C-%1$s\",\"%2$s\":%3$s}";
    private static final byte[][] NOT_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0x80},
            {(byte) 0xE2, 0x28, (byte) 0xA1}, {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC}, {(byte) 0xFF},
            {(byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final List<String> HUGE = List.of("1e309", "-1e309", "1e1000000000", "-1e1000000000",
            "99999999999999999999999", "1" + "0".repeat(45), "1e-1000000000", "123456789.1234567891234",
            "1E+400", "0.0000001");
    private static final List<String> FAR = List.of("+1000000000-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2024-02-30T00:00:00Z",
            "2024-03-01T25:00:00Z", "2024-03-01", "yesterday", "");
    /** Raw control bytes that are no JSON white space, anywhere in a line: never valid JSON. */
    private static final byte[] RAW_CONTROL = {0, 1, 2, 7, 8, 0x0B, 0x0C, 0x0E, 0x1B, 0x1F};
    private static final List<String> CONTROL = List.of("\\u0000", "\\u001b[2J", "\\u007f", "\\u0085", "\\u0007",
            "\\u0008", "\\u000b", "\\u009b");

    private final Random random;
    private long n;

    /** @param seed the same seed gives the same lines */
    public MalformedLines(long seed) {
        this.random = new Random(seed);
    }

    /** @return the next line, of a kind drawn at random (a two-million-byte line about once in 2,000) */
    public Line next() {
        Kind kind;
        do {
            kind = Kind.values()[random.nextInt(Kind.values().length)];
        } while (kind == Kind.HUGE_LINE && random.nextInt(100) != 0);
        return next(kind);
    }

    /**
     * @param kind what is to be wrong with it
     * @return the next line of that kind
     */
    public Line next(Kind kind) {
        String id = "bad-" + ++n;
        String event = TEMPLATES.get(random.nextInt(TEMPLATES.size())).formatted(id);
        return new Line(kind, switch (kind) {
            case TRUNCATED -> utf8(event).length > 1 ? Arrays.copyOf(utf8(event), 1 + random.nextInt(
                    utf8(event).length - 1)) : utf8("{");
            case DEEP_NESTING -> utf8(deep(17 + random.nextInt(4_984), id));
            case INVALID_UTF8 -> insert(utf8(event), NOT_UTF8[random.nextInt(NOT_UTF8.length)]);
            case BOM_INSIDE -> concat(BOM, utf8(event));
            case HUGE_NUMBER -> utf8(random.nextBoolean() ? ORDER.formatted(id, pick(HUGE))
                    : SURVEY.formatted(id, random.nextBoolean() ? "nps" : "csat", pick(HUGE)));
            case INSTANT_OUT_OF_RANGE -> utf8(random.nextBoolean() ? TICK.formatted(id, pick(FAR))
                    : event.replace(AT, pick(FAR)));
            case DUPLICATE_KEY -> utf8(duplicated(event));
            case UNKNOWN_TYPE -> utf8(event.replaceFirst("\"type\":\"[A-Za-z]+\"", "\"type\":\"" + pick(List.of(
                    "OrderPlacedd", "orderPlaced", "ORDER_PLACED", "", " ClockTick", "订单", "Event", "null")) + "\""));
            case MISSING_FIELD -> utf8(without(event, pick(List.of("type", "id", "at"))));
            case WRONG_TYPE -> utf8(wrongType(event, id));
            case CONTROL_IN_ID -> random.nextInt(4) == 0
                    ? insert(utf8(event), new byte[] {RAW_CONTROL[random.nextInt(RAW_CONTROL.length)]})
                    : utf8(event.replace("\"id\":\"" + id, "\"id\":\"" + id + pick(CONTROL)));
            case LONG_ID -> utf8(event.replace("\"id\":\"" + id, "\"id\":\"" + id + "x".repeat(129
                    + random.nextInt(4_872))));
            case LONG_TEXT -> utf8(TEMPLATES.get(4).formatted(id).replace("回电 called back",
                    "长".repeat(10_001 + random.nextInt(5_000))));
            case BLANK -> utf8(pick(List.of("", " ", "\t", "   \t  ")));
            case HUGE_LINE -> utf8(TEMPLATES.get(4).formatted(id).replace("回电 called back", "x".repeat(2_000_000)));
            case BINARY -> binary();
            case NOT_AN_OBJECT -> utf8(pick(List.of("[]", "42", "\"text\"", "null", "true", "false", "1e309",
                    "[" + event + "]", "[" + event + "," + event + "]", "\"" + event.replace("\"", "\\\"") + "\"")));
            case TRAILING_GARBAGE -> utf8(event + pick(List.of(" x", event, "}", ",", " {}", "]", " null", "\u0000")));
            case NOT_JSON -> utf8(notJson(id));
            case OUT_OF_RANGE -> utf8(pick(List.of(ORDER.formatted(id, "-50"), ORDER.formatted(id, "-0.01"),
                    SURVEY.formatted(id, "nps", "11"), SURVEY.formatted(id, "nps", "-1"),
                    SURVEY.formatted(id, "csat", "0"), SURVEY.formatted(id, "csat", "6"),
                    TEMPLATES.get(4).formatted(id).replace("CALL", "PIGEON"),
                    TEMPLATES.get(5).formatted(id).replace("\"quantity\":2", "\"quantity\":-1"),
                    ORDER.formatted(id, "1e15"), ORDER.formatted(id, "1.0000001"))));
            case BROKEN_UTF16 -> utf8(event.replace("\"id\":\"" + id, "\"id\":\"" + id + pick(List.of("\\ud800",
                    "\\udfff", "\\ud800\\ud800", "\\udc00x"))));
        });
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String deep(int depth, String id) {
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return "{\"type\":\"ClockTick\",\"id\":\"" + id + "\",\"at\":\"" + AT + "\",\"x\":" + open.repeat(depth)
                + (arrays ? "" : "1") + close.repeat(depth) + "}";
    }

    private String duplicated(String event) {
        return switch (random.nextInt(4)) {
            case 0 -> event.replaceFirst("^\\{", "{\"type\":\"" + pick(List.of("ClockTick", "OrderPlaced",
                    "TicketOpened")) + "\",");
            case 1 -> event.replaceFirst("}$", ",\"id\":\"again\"}");
            case 2 -> event.replaceFirst("}$", ",\"at\":\"" + AT + "\"}");
            default -> ORDER.formatted("dup-" + n, "-5,\"amount\":100");
        };
    }

    private static String without(String event, String field) {
        String first = event.replaceFirst("\"" + field + "\":\"[^\"]*\",", "");
        return first.equals(event) ? event.replaceFirst(",\"" + field + "\":\"[^\"]*\"", "") : first;
    }

    private String wrongType(String event, String id) {
        return switch (random.nextInt(5)) {
            case 0 -> event.replace("\"at\":\"" + AT + "\"", "\"at\":" + pick(List.of("true", "[]", "{}", "null",
                    "1709287200", "1709287200000")));
            case 1 -> event.replace("\"id\":\"" + id + "\"", "\"id\":" + pick(List.of("{}", "[\"x\"]", "null",
                    "true", "false")));
            case 2 -> ORDER.formatted(id, pick(List.of("\"12\"", "\"twelve\"", "true", "[12]", "{\"value\":12}",
                    "null")));
            case 3 -> SURVEY.formatted(id, "nps", pick(List.of("\"9\"", "9.5", "true", "[9]")));
            default -> event.replaceFirst("\"type\":\"([A-Za-z]+)\"", "\"type\":" + pick(List.of("[\"$1\"]",
                    "{\"name\":\"$1\"}", "1", "true")));
        };
    }

    private String notJson(String id) {
        return switch (random.nextInt(6)) {
            case 0 -> ORDER.formatted(id, pick(List.of("NaN", "Infinity", "-Infinity", "+1", "0x10", ".5", "01")));
            case 1 -> TICK.formatted(id, AT).replace('"', '\'');
            case 2 -> TICK.formatted(id, AT).replace("\"type\"", "type").replace("\"id\"", "id");
            case 3 -> TICK.formatted(id, AT).replace("{", "{/* ok */");
            case 4 -> TICK.formatted(id, AT).replace("}", ",}");
            default -> TICK.formatted(id, AT).replace(":", "=");
        };
    }

    /** Random bytes without line ends; the first is no white space, so the line is not blank. */
    private byte[] binary() {
        byte[] b = new byte[1 + random.nextInt(300)];
        random.nextBytes(b);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                b[i] = '?';
            }
        }
        if (b[0] >= 0 && b[0] <= ' ') {
            b[0] = (byte) (0x80 | b[0]);
        }
        return b;
    }

    /** Inserts bytes at a random place inside the line (between its first and last byte). */
    private byte[] insert(byte[] line, byte[] inserted) {
        int at = 1 + random.nextInt(line.length - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + inserted.length);
        out.write(line, 0, at);
        out.writeBytes(inserted);
        out.write(line, at, line.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
