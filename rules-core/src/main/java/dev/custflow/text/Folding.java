package dev.custflow.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How names are compared: folded (lower case, full-width and compatibility forms as their plain letters) and cut into
 * words. Company keys for de-duplication, account keys and person-name keys all fold the same way, so that a name
 * written in full-width letters or with other punctuation is the same name.
 */
public final class Folding {
    private Folding() {
    }

    /**
     * @param s any text
     * @return it in lower case and NFKC, repeated until neither changes anything (one round nearly always)
     */
    public static String fold(String s) {
        String cur = s;
        for (int i = 0; i < 4; i++) {
            String next = Normalizer.normalize(cur.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
            if (next.equals(cur)) {
                break;
            }
            cur = next;
        }
        return cur;
    }

    /**
     * @param s any text
     * @return its letters and digits, every run of other characters as one space, trimmed
     */
    public static String words(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && sb.length() > 0) {
                    sb.append(' ');
                }
                gap = false;
                sb.appendCodePoint(cp);
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }

    /**
     * Where a word stands at the end of a name, spaces in the name ignored: a legal form ("coltd" at the end of
     * "acme co ltd") or a trade word. A word that starts with a Latin letter or digit must start a word of the name:
     * "Zinc" does not end in "inc".
     *
     * @param squeezed the word, folded, without spaces
     * @param words    the name, folded and cut into words ({@link #words})
     * @return the index in {@code words} where the word starts, or -1 when the name does not end in it
     */
    public static int startOfEnding(String squeezed, String words) {
        int i = words.length();
        for (int j = squeezed.length() - 1; j >= 0; j--) {
            while (i > 0 && words.charAt(i - 1) == ' ') {
                i--;
            }
            if (i == 0 || words.charAt(i - 1) != squeezed.charAt(j)) {
                return -1;
            }
            i--;
        }
        if (isAsciiAlnum(squeezed.charAt(0)) && i > 0 && isAsciiAlnum(words.charAt(i - 1))) {
            return -1;
        }
        return i;
    }

    private static boolean isAsciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
