package dev.custflow.dsl.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values written by rule authors (a DSL sentence's words, a decision table's cell) that a template pastes between
 * quotes become string literals, whatever they contain: {@code "} and {@code \} are escaped before the value is
 * pasted, so a value like {@code x"); System.exit(1); ("} stays text. A value a template pastes as code is left as
 * it is: the sandbox checks the code it makes.
 */
final class QuotedValues {
    private QuotedValues() {
    }

    /**
     * @return the value as the inside of a Java (and MVEL) string literal: a backslash doubled, a quote as an octal
     *         escape ({@code \042}, {@code \047}). Octal, not {@code \"}: Drools' decision-table compiler puts a
     *         backslash before every quote of some cells itself ("EscapeQuotes"), which would undo {@code \"}, and a
     *         Unicode escape would be read by javac before the string is
     */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\042");
                case '\'' -> out.append("\\047");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** @return true if escaping changes the value */
    static boolean needsEscape(String value) {
        return value.indexOf('\\') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\'') >= 0;
    }

    /** Where a template pastes a value: between quotes only, as code only, or both. */
    enum Use { NONE, QUOTED, CODE, BOTH }

    /**
     * @param template    a template ({@code hasTag("{tag}")}, {@code orderCount >= $param})
     * @param placeholder how the value's placeholder is written in it
     * @return where the template pastes the value
     */
    static Use use(String template, Pattern placeholder) {
        boolean quoted = false;
        boolean code = false;
        Matcher m = placeholder.matcher(template);
        while (m.find()) {
            if (insideString(template, m.start())) {
                quoted = true;
            } else {
                code = true;
            }
        }
        return quoted && code ? Use.BOTH : quoted ? Use.QUOTED : code ? Use.CODE : Use.NONE;
    }

    /** @return true if the position is inside a string or character literal of the template */
    static boolean insideString(String template, int position) {
        char quote = 0;
        for (int i = 0; i < position && i < template.length(); i++) {
            char c = template.charAt(i);
            if (quote != 0 && c == '\\') {
                i++;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            }
        }
        return quote != 0;
    }
}
