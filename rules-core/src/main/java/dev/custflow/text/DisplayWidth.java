package dev.custflow.text;

/**
 * How many terminal columns text takes: a Chinese character takes two, so padding counts display columns, not
 * characters, or a table or a diff with Chinese words goes out of line.
 */
public final class DisplayWidth {
    private DisplayWidth() {
    }

    /**
     * @param s text
     * @return the columns it takes in a terminal: 2 for a wide (East Asian) character, 1 otherwise
     */
    public static int of(String s) {
        return s.codePoints().map(DisplayWidth::of).sum();
    }

    /**
     * @param cp a code point
     * @return 2 for a wide (East Asian) character, 1 otherwise
     */
    public static int of(int cp) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        boolean wide = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && cp < 0xFF61;
        return wide ? 2 : 1;
    }

    /**
     * @param s     text
     * @param width the columns to fill
     * @return the text with spaces after it up to {@code width} columns (as it is if it is wider)
     */
    public static String padRight(String s, int width) {
        return s + " ".repeat(Math.max(0, width - of(s)));
    }

    /**
     * @param s     text
     * @param width the columns to fill
     * @return the text with spaces before it up to {@code width} columns (as it is if it is wider)
     */
    public static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - of(s))) + s;
    }
}
