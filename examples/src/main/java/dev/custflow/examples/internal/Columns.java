package dev.custflow.examples.internal;

import dev.custflow.text.DisplayWidth;
import java.util.Locale;

/**
 * Text laid out in a terminal's columns: a Chinese character takes two columns, so padding and clipping count
 * display columns, not characters, or a table with Chinese rule names goes out of line.
 */
public final class Columns {
    private Columns() {
    }

    /** @return the columns the text takes in a terminal: 2 for a wide (East Asian) character, 1 otherwise */
    public static int width(String s) {
        return DisplayWidth.of(s);
    }

    private static int width(int cp) {
        return DisplayWidth.of(cp);
    }

    /** @return the text clipped to at most {@code max} columns (ending in ...) and padded with spaces to {@code max} */
    public static String pad(String s, int max) {
        String c = clip(s, max);
        return c + " ".repeat(Math.max(0, max - width(c)));
    }

    /** @return the text, or its start and ... if it takes more than {@code max} columns */
    public static String clip(String s, int max) {
        if (width(s) <= max) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (int cp : s.codePoints().toArray()) {
            if (w + width(cp) > max - 3) {
                break;
            }
            out.appendCodePoint(cp);
            w += width(cp);
        }
        return out.append("...").toString();
    }

    /** @return e.g. {@code 1 customer}, {@code 1,024 customers} */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
