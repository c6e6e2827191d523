package dev.custflow.examples.internal;

import java.util.Locale;

/**
 * Writes a YAML settings file line by line, with a comment beside each value (aligned, so a person
 * reads the file as a table). Keys that are not plain names are double-quoted.
 */
public final class YamlText {
    /** Comments beside values start at this column when the value is shorter. */
    private static final int COMMENT_COLUMN = 44;

    private final StringBuilder out = new StringBuilder();

    /**
     * @param text a comment line for the top of the file ("" for an empty comment line)
     * @return this
     */
    public YamlText comment(String text) {
        out.append(text.isEmpty() ? "#" : "# " + text).append('\n');
        return this;
    }

    /**
     * @param indent the nesting level (two spaces each)
     * @param text   a comment line inside the document
     * @return this
     */
    public YamlText comment(int indent, String text) {
        out.append("  ".repeat(indent)).append("# ").append(text).append('\n');
        return this;
    }

    /**
     * @param indent  the nesting level (two spaces each)
     * @param text    the YAML, e.g. {@code basePoints: 31}
     * @param comment what it means, or null
     * @return this
     */
    public YamlText line(int indent, String text, String comment) {
        StringBuilder l = new StringBuilder("  ".repeat(indent)).append(text);
        if (comment != null) {
            l.append(" ".repeat(Math.max(1, COMMENT_COLUMN - l.length()))).append("# ").append(comment);
        }
        out.append(l).append('\n');
        return this;
    }

    /**
     * @param name a key, e.g. {@code Olark Chat}
     * @return it double-quoted and escaped, ready to stand before a colon
     */
    public static String key(String name) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : name.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * @param d a number
     * @return it as written by a person: 600 rather than 600.0, 2.5 as it is
     */
    public static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
