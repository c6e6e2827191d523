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
}
