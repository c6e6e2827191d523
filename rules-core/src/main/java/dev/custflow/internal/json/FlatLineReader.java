package dev.custflow.internal.json;

import dev.custflow.event.OrderLine;
import dev.custflow.text.IsoTimes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plainest spelling of {@link FlatEventBinder}'s events, read from the line's characters without a parser: an
 * object whose first field is its {@code "type"}, then known fields once each, texts without escapes, integers and
 * amounts in their shortest form, {@code true} and {@code false}, order lines as objects of those, spaces between
 * tokens, nothing after the object. Everything else is declined (null) and the line goes to the binder's parser,
 * which reads it as before; nothing is refused here.
 *
 * <p>Why: a parser per line costs its buffers, its field-name table and its context objects, about half of reading a
 * line (W1's JSON row in BENCHMARKS.md), while what hosts write is almost always this spelling. What it accepts it
 * accepts as the same event as the parser's binding; {@code FlatLineReaderProperties} holds the two to each other on
 * valid and damaged lines.
 */
final class FlatLineReader {
    /** Longer lines go to the parser, which counts the document limits of docs/events.md. */
    static final int MAX_LINE = 20_000;

    private static final String[] TYPE = {"type"};

    private final String s;
    private final int end;
    private int i;
    /** Where {@link #field} starts looking for the next name. */
    private int next;

    private FlatLineReader(String s) {
        this.s = s;
        this.end = s.length();
    }

    /**
     * @param json a line of the binding's type
     * @return the event, or null when the line is not in the plainest spelling (its first field must be
     *         {@code "type"} with the binding's type)
     * @throws RuntimeException the record's refusal of the values, which the parser's binding would meet too
     */
    static <T> T readOrNull(String json, FlatEventBinder.Binding<T> b) {
        if (json.length() > MAX_LINE) {
            return null;
        }
        FlatLineReader r = new FlatLineReader(json);
        r.space();
        if (!r.at('{')) {
            return null;
        }
        Object[] values = r.object(b, b.type());
        if (values == null) {
            return null;
        }
        r.space();
        return r.i == r.end ? b.make().apply(values) : null;
    }

    /**
     * The fields of the object at {@link #i} (its opening brace), up to and past its closing one.
     *
     * @param type the value the first field, {@code "type"}, must have; null for an object without one
     * @return the values by the binding's index, or null to decline
     */
    private Object[] object(FlatEventBinder.Binding<?> b, String type) {
        i++;
        next = 0;
        Object[] values = new Object[b.names().length];
        space();
        if (type == null && take('}')) {
            return values;
        }
        for (boolean first = true; ; first = false) {
            if (!first) {
                space();
                if (take('}')) {
                    return values;
                }
                if (!take(',')) {
                    return null;
                }
                space();
            }
            if (first && type != null) {
                if (!typeField(type)) {
                    return null;
                }
                continue;
            }
            int f = field(b.names());
            if (f < 0 || values[f] != null) {
                return null;
            }
            Object value = value(b.kinds()[f]);
            if (value == null) {
                return null;
            }
            values[f] = value;
        }
    }

    /** {@code "type" : "<type>"} at {@link #i}. */
    private boolean typeField(String type) {
        if (field(TYPE) != 0 || !at('"')) {
            return false;
        }
        int close = stringEnd();
        if (close < 0 || close - i - 1 != type.length() || !s.regionMatches(i + 1, type, 0, type.length())) {
            return false;
        }
        i = close + 1;
        return true;
    }

    /**
     * A field's name, the colon and the spaces after it.
     *
     * @return the name's index in {@code names}, or -1 for another name or spelling
     */
    private int field(String[] names) {
        if (!at('"')) {
            return -1;
        }
        int close = stringEnd();
        if (close < 0) {
            return -1;
        }
        int from = i + 1;
        int length = close - from;
        int found = -1;
        // writers keep the fields in one order, mostly the binding's: start after the field found last
        int k = next < names.length ? next : 0;
        for (int n = 0; n < names.length; n++, k = k + 1 == names.length ? 0 : k + 1) {
            String name = names[k];
            if (name.length() == length && name.charAt(0) == s.charAt(from) && s.regionMatches(from, name, 0, length)) {
                found = k;
                next = k + 1 == names.length ? 0 : k + 1;
                break;
            }
        }
        i = close + 1;
        space();
        if (!take(':')) {
            return -1;
        }
        space();
        return found;
    }

    private Object value(Object kind) {
        if (kind instanceof Map<?, ?> byName) {
            String name = text();
            return name == null ? null : byName.get(name);
        }
        return switch ((FlatEventBinder.Kind) kind) {
            case TEXT -> text();
            case TIME -> {
                String t = text();
                yield t == null ? null : IsoTimes.utcOrNull(t);
            }
            case DATE -> {
                String t = text();
                yield t == null ? null : IsoTimes.dateOrNull(t);
            }
            case INT -> integer();
            case BOOLEAN -> word("true") ? Boolean.TRUE : word("false") ? Boolean.FALSE : null;
            case AMOUNT -> amount();
            case ORDER_LINES -> orderLines();
        };
    }

    /**
     * A text without escapes, within {@link JsonCodec#MAX_TEXT_LENGTH} and free of the characters the contract
     * refuses (the parser's binding declines or fails on the rest, which is where their refusal is written).
     */
    private String text() {
        if (!at('"')) {
            return null;
        }
        int close = stringEnd();
        if (close < 0 || close - i - 1 > JsonCodec.MAX_TEXT_LENGTH) {
            return null;
        }
        for (int k = i + 1; k < close; k++) {
            if (JsonCodec.forbiddenInText(s.charAt(k))) {
                return null;
            }
        }
        String t = s.substring(i + 1, close);
        i = close + 1;
        return t;
    }

    /**
     * @return the index of the quote that closes the string opening at {@link #i}, or -1 for an escape, a control
     *         character (which JSON does not allow unescaped) or no end
     */
    private int stringEnd() {
        for (int k = i + 1; k < end; k++) {
            char c = s.charAt(k);
            if (c == '"') {
                return k;
            }
            if (c == '\\' || c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    /** An int in its shortest spelling: no {@code -0}, no fraction or exponent, within the int range. */
    private Integer integer() {
        int k = i;
        boolean negative = k < end && s.charAt(k) == '-';
        if (negative) {
            k++;
        }
        int digits = digitsAt(k);
        if (digits == 0 || digits > 10 || digits > 1 && s.charAt(k) == '0' || negative && s.charAt(k) == '0'
                || !delimiterAt(k + digits)) {
            return null;
        }
        long v = 0;
        for (int d = k; d < k + digits; d++) {
            v = v * 10 + (s.charAt(d) - '0');
        }
        v = negative ? -v : v;
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            return null;
        }
        i = k + digits;
        return (int) v;
    }

    /**
     * An amount as the parser's binding takes it: digits without a leading zero, then at most six decimals after a
     * point; the same value and scale as the parser's {@code getDecimalValue()}.
     */
    private BigDecimal amount() {
        int digits = digitsAt(i);
        if (digits == 0 || digits > 1 && s.charAt(i) == '0') {
            return null;
        }
        int k = i + digits;
        if (k < end && s.charAt(k) == '.') {
            int decimals = digitsAt(k + 1);
            if (decimals == 0 || decimals > 6) {
                return null;
            }
            k += 1 + decimals;
        }
        if (k - i > JsonCodec.MAX_NUMBER_LENGTH || !delimiterAt(k)) {
            return null;
        }
        BigDecimal v = new BigDecimal(s.substring(i, k));
        i = k;
        return v;
    }

    /** An order's lines: an array of objects of the plain spelling, each built as it ends. */
    private List<OrderLine> orderLines() {
        if (!take('[')) {
            return null;
        }
        List<OrderLine> lines = new ArrayList<>();
        space();
        if (take(']')) {
            return lines;
        }
        for (; ; ) {
            if (!at('{')) {
                return null;
            }
            Object[] values = object(FlatEventBinder.ORDER_LINE, null);
            if (values == null) {
                return null;
            }
            lines.add(FlatEventBinder.ORDER_LINE.make().apply(values));
            space();
            if (take(']')) {
                return lines;
            }
            if (!take(',')) {
                return null;
            }
            space();
        }
    }

    /** {@code true} or {@code false} at {@link #i}, ending there. */
    private boolean word(String w) {
        if (s.startsWith(w, i) && delimiterAt(i + w.length())) {
            i += w.length();
            return true;
        }
        return false;
    }

    private int digitsAt(int from) {
        int k = from;
        while (k < end && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
            k++;
        }
        return k - from;
    }

    /** Whether a number or a word may end before {@code k}: JSON allows only a space or a structural character. */
    private boolean delimiterAt(int k) {
        if (k >= end) {
            return true;
        }
        char c = s.charAt(k);
        return isSpace(c) || c == ',' || c == '}' || c == ']';
    }

    private boolean at(char c) {
        return i < end && s.charAt(i) == c;
    }

    private boolean take(char c) {
        if (at(c)) {
            i++;
            return true;
        }
        return false;
    }

    private void space() {
        while (i < end && isSpace(s.charAt(i))) {
            i++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
