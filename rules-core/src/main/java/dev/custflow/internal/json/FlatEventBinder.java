package dev.custflow.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.Review;
import dev.custflow.model.TicketKind;
import dev.custflow.text.IsoTimes;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The commonest events (leads, contacts, orders, surveys, tickets, ticks: nearly every line of a typical stream) bound
 * by hand: the parser's tokens go straight into the record's constructor, without the mapper's type dispatch, property
 * buffering and bean creation. It takes only the plain spelling of each field (text as text, a count as an int, a time
 * as {@code yyyy-MM-ddTHH:mm:ss[.f]Z}, a date as {@code yyyy-MM-dd}, an enum by its name, an amount as digits with at
 * most six decimals, an order's lines as objects of those) and returns null for anything else (another field, a null,
 * a number for a text, a lead's attributes), which the mapper's pass then reads as before. What it accepts is what
 * the mapper accepts, as the same event.
 *
 * <p>A parser error or a failed check of the record is thrown: the mapper's pass would read the same tokens in the
 * same order and meet the same error, or hand the same values to the same constructor, so the line goes straight to
 * the tree path, which writes the refusal, without a second failed attempt. A name bound twice is declined, and the
 * mapper's pass refuses the duplicate.
 *
 * <p>The plainest spelling of these lines (what hosts nearly always write) is read first without a parser, by
 * {@link FlatLineReader}; the parser reads the lines it declines.
 */
final class FlatEventBinder {
    /**
     * The mapper's limits without its duplicate check: {@link #readFields} declines a name it has bound already, and
     * the mapper's pass then refuses the line as it always did.
     */
    private static final JsonFactory FACTORY = JsonCodec.factory(false);

    /** How a field's value is read; null from {@link #read} means a spelling left to the mapper. */
    enum Kind {
        TEXT, TIME, DATE, INT, BOOLEAN, AMOUNT, ORDER_LINES;

        Object read(JsonParser p, JsonToken t) throws IOException {
            return switch (this) {
                case TEXT -> t == JsonToken.VALUE_STRING ? checkedText(p) : null;
                case TIME -> t == JsonToken.VALUE_STRING ? IsoTimes.utcOrNull(checkedText(p)) : null;
                // the mapper's StrictDate reads this spelling with the same call
                case DATE -> t == JsonToken.VALUE_STRING ? IsoTimes.dateOrNull(checkedText(p)) : null;
                case INT -> t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                        && !p.getText().startsWith("-0") ? p.getIntValue() : null;
                case BOOLEAN -> t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE
                        : null;
                // the mapper's BigDecimal is the parser's getDecimalValue() of the same token: same value, same scale
                case AMOUNT -> plainAmount(p, t) ? p.getDecimalValue() : null;
                case ORDER_LINES -> t == JsonToken.START_ARRAY ? orderLines(p) : null;
            };
        }
    }

    /** The fields of one event type in the order of its constructor, and the constructor. */
    record Binding<T>(String type, String[] names, Object[] kinds, Function<Object[], T> make) {
        int indexOf(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** One object of an order's {@code lines}, bound as the mapper binds it: missing fields are null. */
    static final Binding<OrderLine> ORDER_LINE = new Binding<>("lines[]",
            new String[]{"sku", "quantity", "amount"}, new Object[]{Kind.TEXT, Kind.INT, Kind.AMOUNT},
            v -> new OrderLine((String) v[0], (Integer) v[1], (BigDecimal) v[2]));

    private static final List<Binding<? extends Event>> BINDINGS = List.of(
            new Binding<>("InteractionLogged",
                    new String[]{"id", "at", "customerId", "kind", "repId", "count", "durationSeconds", "note"},
                    new Object[]{Kind.TEXT, Kind.TIME, Kind.TEXT, byName(InteractionKind.class), Kind.TEXT, Kind.INT,
                            Kind.INT, Kind.TEXT},
                    v -> new InteractionLogged((String) v[0], (Instant) v[1], (String) v[2], (InteractionKind) v[3],
                            (String) v[4], (Integer) v[5], (Integer) v[6], (String) v[7])),
            new Binding<>("SurveyAnswered", new String[]{"id", "at", "customerId", "nps", "csat", "review"},
                    new Object[]{Kind.TEXT, Kind.TIME, Kind.TEXT, Kind.INT, Kind.INT, byName(Review.class)},
                    v -> new SurveyAnswered((String) v[0], (Instant) v[1], (String) v[2], (Integer) v[3],
                            (Integer) v[4], (Review) v[5])),
            new Binding<>("TicketOpened", new String[]{"id", "at", "ticketId", "customerId", "kind", "severity"},
                    new Object[]{Kind.TEXT, Kind.TIME, Kind.TEXT, Kind.TEXT, byName(TicketKind.class), Kind.TEXT},
                    v -> new TicketOpened((String) v[0], (Instant) v[1], (String) v[2], (String) v[3],
                            (TicketKind) v[4], (String) v[5])),
            new Binding<>("TicketResolved", new String[]{"id", "at", "ticketId", "firstContact", "customerId"},
                    new Object[]{Kind.TEXT, Kind.TIME, Kind.TEXT, Kind.BOOLEAN, Kind.TEXT},
                    v -> new TicketResolved((String) v[0], (Instant) v[1], (String) v[2], (Boolean) v[3],
                            (String) v[4])),
            new Binding<>("ClockTick", new String[]{"id", "at"}, new Object[]{Kind.TEXT, Kind.TIME},
                    v -> new ClockTick((String) v[0], (Instant) v[1])),
            new Binding<>("OrderPlaced", new String[]{"id", "at", "orderId", "customerId", "amount", "currency",
                    "lines", "promisedDate"},
                    new Object[]{Kind.TEXT, Kind.TIME, Kind.TEXT, Kind.TEXT, Kind.AMOUNT, Kind.TEXT, Kind.ORDER_LINES,
                            Kind.DATE},
                    v -> new OrderPlaced((String) v[0], (Instant) v[1], (String) v[2], (String) v[3],
                            (BigDecimal) v[4], (String) v[5], orderLines(v[6]), (LocalDate) v[7])),
            // attributes (any JSON under any key) are left to the mapper: the binding is for the flat lead
            new Binding<>("LeadCaptured", new String[]{"id", "at", "leadId", "channel", "name", "company", "phone",
                    "email", "region", "city", "industry", "companySize", "title", "birthday", "doNotEmail",
                    "doNotCall", "referralCode", "timeZone"},
                    new Object[]{Kind.TEXT, Kind.TIME, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT,
                            Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INT, Kind.TEXT, Kind.DATE, Kind.BOOLEAN,
                            Kind.BOOLEAN, Kind.TEXT, Kind.TEXT},
                    v -> new LeadCaptured((String) v[0], (Instant) v[1], (String) v[2], (String) v[3],
                            (String) v[4], (String) v[5], (String) v[6], (String) v[7], (String) v[8], (String) v[9],
                            (String) v[10], (Integer) v[11], (String) v[12], (LocalDate) v[13], (Boolean) v[14],
                            (Boolean) v[15], (String) v[16], null, (String) v[17])));

    private static final Map<String, Binding<? extends Event>> BY_TYPE = BINDINGS.stream()
            .collect(Collectors.toUnmodifiableMap(Binding::type, b -> b));

    private FlatEventBinder() {
    }

    /** @return the binding of this type's lines, or null when they are not bound here */
    static Binding<? extends Event> binding(String type) {
        return BY_TYPE.get(type);
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
        Binding<? extends Event> b = BY_TYPE.get(type);
        if (b == null) {
            return null;
        }
        Event plain = FlatLineReader.readOrNull(json, b);
        return plain != null ? plain : readByParserOrNull(json, b);
    }

    /** {@link #readOrNull} through the parser's tokens: any spelling of the fields, checked as the mapper checks it. */
    static Event readByParserOrNull(String json, Binding<? extends Event> b) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !"type".equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING
                    || !b.type.equals(p.getText())) {
                return null;
            }
            Event e = readFields(p, b);
            return e != null && p.nextToken() == null ? e : null;
        }
    }

    /**
     * The fields of an object up to its end, bound by {@code b}.
     *
     * @return the value, or null for a field or spelling the mapper's pass has to read
     */
    private static <T> T readFields(JsonParser p, Binding<T> b) throws IOException {
        Object[] values = new Object[b.names.length];
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
        return t == JsonToken.END_OBJECT ? b.make.apply(values) : null;
    }

    /**
     * An amount as the mapper reads it without a doubt: digits, and at most six decimals after a point. A minus, an
     * exponent or more decimals is left to the mapper's pass, which declines some of them (a spelling the tree would
     * print differently) and hands the rest to the record's check; both are rare and cost only the slower path.
     */
    private static boolean plainAmount(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            return false;
        }
        char[] chars = p.getTextCharacters();
        int from = p.getTextOffset();
        int end = from + p.getTextLength();
        if (chars[from] == '-') {
            return false;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return true;
        }
        int point = -1;
        for (int i = from; i < end; i++) {
            char c = chars[i];
            if (c == '.') {
                point = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return point > from && end - point - 1 <= 6;
    }

    /**
     * An order's lines: an array of objects of the plain spelling, each built as an {@link OrderLine} when it ends,
     * as the mapper builds it (a line's refusal is thrown as the mapper's would be); null for anything else.
     */
    private static List<OrderLine> orderLines(JsonParser p) throws IOException {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            OrderLine line = t == JsonToken.START_OBJECT ? readFields(p, ORDER_LINE) : null;
            if (line == null) {
                return null;
            }
            lines.add(line);
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static List<OrderLine> orderLines(Object value) {
        return (List<OrderLine>) value;
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
