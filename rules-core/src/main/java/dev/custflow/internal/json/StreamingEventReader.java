package dev.custflow.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.custflow.event.Event;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The common case of reading an event: one pass of the mapper over the parser's tokens, without the tree. It accepts
 * only what {@link JsonCodec}'s tree path accepts, as the same event, and declines (returns null) everything else, so
 * that the tree path reads the line again and writes the refusal that names the field and its value. Declining is
 * never a decision: a line declined here may still be a valid event (a number in a form the tree would print
 * differently), it is then only read more slowly.
 */
final class StreamingEventReader {
    private static final JsonFactory FACTORY = JsonCodec.MAPPER.getFactory();
    static final ObjectReader EVENT_READER = JsonCodec.MAPPER.readerFor(Event.class);
    private static final String[] TYPES = JsonCodec.EVENT_TYPES.toArray(String[]::new);

    private StreamingEventReader() {
    }

    /** @return the event, or null when the tree path has to decide (a refusal, or a form this path does not take) */
    static Event readOrNull(String json) {
        String type = typeAtOpening(json);
        if (type == null) {
            return null;
        }
        try {
            Event bound = FlatEventBinder.readOrNull(json, type);
            return bound != null ? bound : readByMapperOrNull(json);
        } catch (Exception e) {
            // the mapper would fail the same way: straight to the tree path, without a second failed attempt
            return null;
        }
    }

    /** The mapper's pass over the checked tokens: the event, or null when the tree path has to decide. */
    static Event readByMapperOrNull(String json) {
        try (ContractTokens p = new ContractTokens(FACTORY.createParser(json))) {
            Event e = EVENT_READER.readValue(p);
            return e != null && p.nextToken() == null ? e : null;
        } catch (Exception e) {
            // any failure: the tree path reads the line again and says precisely what is wrong
            return null;
        }
    }

    /**
     * Whether the line opens with a known {@code "type"} and ends with the object. A failed attempt costs Jackson's
     * exceptions, about as much as the tree path itself: bad lines that show it here (not JSON, not an object, cut,
     * trailing text, an unknown type) go straight to the tree. So does a known type that is not the first field,
     * which writers seldom do; it is then read as before.
     */
    static boolean startsWithAKnownType(String json) {
        return typeAtOpening(json) != null;
    }

    /** @return the known type the line opens with, as {@link #startsWithAKnownType} looks for it, or null */
    static String typeAtOpening(String json) {
        int end = json.length();
        while (end > 0 && isSpace(json.charAt(end - 1))) {
            end--;
        }
        int i = skipSpace(json, 0);
        if (end == 0 || json.charAt(end - 1) != '}' || i >= end || json.charAt(i) != '{') {
            return null;
        }
        i = skipSpace(json, i + 1);
        if (!json.startsWith("\"type\"", i)) {
            return null;
        }
        i = skipSpace(json, i + 6);
        if (i >= end || json.charAt(i) != ':') {
            return null;
        }
        i = skipSpace(json, i + 1);
        if (i >= end || json.charAt(i) != '"') {
            return null;
        }
        int close = json.indexOf('"', i + 1);
        return close > 0 && close < end ? typeAt(json, i + 1, close - i - 1) : null;
    }

    /** @return the known type whose name {@code json} holds at {@code from}, found without a substring, or null */
    private static String typeAt(String json, int from, int length) {
        for (String t : TYPES) {
            if (t.length() == length && json.regionMatches(from, t, 0, length)) {
                return t;
            }
        }
        return null;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * The tokens of one event, each checked as the tree path checks its nodes before binding: every text value
     * within {@link JsonCodec#MAX_TEXT_LENGTH} and free of control characters but tab and line breaks, also in
     * fields the event ignores. A number the tree would hand to a text field in another spelling ({@code -0},
     * {@code 1e2}) is declined too. The mapper reaches every token through {@link #nextToken()}: the delegate's
     * shortcuts that would go around it ({@link #nextValue()}, {@link #skipChildren()}) are routed through it.
     */
    static final class ContractTokens extends JsonParserDelegate {
        ContractTokens(JsonParser p) {
            super(p);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = delegate.nextToken();
            if (t == JsonToken.VALUE_STRING) {
                checkText();
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                checkSpelling(t);
            }
            return t;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken t = currentToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
                return this;
            }
            for (int open = 1; open > 0; ) {
                JsonToken n = nextToken();
                if (n == null) {
                    return this;
                }
                if (n.isStructStart()) {
                    open++;
                } else if (n.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }

        private void checkText() throws IOException {
            StreamingEventReader.checkText(delegate);
        }

        /**
         * The tree keeps a number as a value and prints it again when a text field takes it (a numeric id): accept
         * only spellings it prints the same way. JSON has no leading zeros, so the only integer it respells is
         * {@code -0}; a decimal it respells when negative zero, with an exponent, or small enough for one.
         */
        private void checkSpelling(JsonToken t) throws IOException {
            char[] chars = delegate.getTextCharacters();
            int from = delegate.getTextOffset();
            int length = delegate.getTextLength();
            boolean negative = length > 1 && chars[from] == '-';
            if (t == JsonToken.VALUE_NUMBER_INT) {
                if (negative && chars[from + 1] == '0') {
                    throw new Declined();
                }
                return;
            }
            int point = -1;
            boolean nonZero = false;
            for (int i = from; i < from + length; i++) {
                char c = chars[i];
                if (c == '.') {
                    point = i;
                } else if (c == 'e' || c == 'E') {
                    point = -2;
                    break;
                } else if (c >= '1' && c <= '9') {
                    nonZero = true;
                }
            }
            int decimals = point < 0 ? 0 : from + length - point - 1;
            if (point == -2 || decimals > 6 || negative && !nonZero) {
                String text = new String(chars, from, length);
                if (!new BigDecimal(text).toString().equals(text)) {
                    throw new Declined();
                }
            }
        }
    }

    /**
     * Declines the parser's current text unless the tree path would take it: within {@link JsonCodec#MAX_TEXT_LENGTH}
     * and free of the characters {@link JsonCodec#forbiddenInText} names.
     */
    static void checkText(JsonParser p) throws IOException {
        int length = p.getTextLength();
        if (length > JsonCodec.MAX_TEXT_LENGTH) {
            throw new Declined();
        }
        char[] chars = p.getTextCharacters();
        for (int i = p.getTextOffset(), end = i + length; i < end; i++) {
            if (JsonCodec.forbiddenInText(chars[i])) {
                throw new Declined();
            }
        }
    }

    /** A line this path leaves to the tree; thrown often on hostile input, so without a stack trace. */
    static final class Declined extends IOException {
        Declined() {
            super("left to the tree path");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
