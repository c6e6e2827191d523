package dev.custflow.dsl.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese is written without spaces: {@code - 连续45天未下单} is the sentence {@code - 连续 {days} 天 未下单}. A sentence
 * with Chinese words gets a second, loose pattern in which the space next to a Chinese word is optional (between two
 * Latin words or numbers it stays required), and a line it matches is rewritten in the sentence's own spacing before
 * Drools' expander sees it, so the expander, the sandbox and lint read the one canonical line.
 */
final class Spacing {
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");

    /** A word of a sentence, or one of its values ({@code regex} null for a word). */
    private record Token(String text, String regex) {
        boolean variable() {
            return regex != null;
        }
    }

    private final List<Token> tokens;
    private final Pattern loose;
    private final List<String> variables = new ArrayList<>();

    private Spacing(List<Token> tokens) {
        this.tokens = tokens;
        StringBuilder re = new StringBuilder("\\s*");
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i > 0) {
                re.append(touchesChinese(tokens.get(i - 1), t) ? "\\s*" : "\\s+");
            }
            if (t.variable()) {
                variables.add(t.text());
                // reluctant: the value ends where the sentence's next word starts, as the words are not spaced
                String r = t.regex().isEmpty() || t.regex().equals(".*") ? ".*?" : t.regex().equals("\\S+")
                        ? "\\S+?" : t.regex().equals("\\w+") ? "\\w+?" : t.regex();
                re.append('(').append(r).append(')');
            } else {
                re.append(Pattern.quote(t.text()));
            }
        }
        this.loose = Pattern.compile(re.append("\\s*").toString());
    }

    /**
     * @param key a sentence as the DSL file writes it, e.g. {@code - 连续 {days:\d+} 天 未下单}
     * @return its loose form, or empty if it has no Chinese word (English words keep their spaces)
     */
    static Optional<Spacing> of(String key) {
        String k = key.strip().replaceFirst("^\\^(\\\\s\\*)?", "");
        if (!CJK.matcher(VARIABLE.matcher(k).replaceAll(" ")).find()) {
            return Optional.empty();
        }
        List<Token> tokens = new ArrayList<>();
        Matcher m = VARIABLE.matcher(k);
        int from = 0;
        while (m.find()) {
            words(k.substring(from, m.start()), tokens);
            tokens.add(new Token(m.group(1), m.group(2) == null ? "" : m.group(2)));
            from = m.end();
        }
        words(k.substring(from), tokens);
        boolean regexInWords = tokens.stream().anyMatch(t -> !t.variable() && t.text().matches(".*[\\\\\\[\\](){}^$|*+?].*"));
        return regexInWords || tokens.isEmpty() ? Optional.empty() : Optional.of(new Spacing(tokens));
    }

    private static void words(String text, List<Token> out) {
        for (String w : text.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(new Token(w, null));
            }
        }
    }

    private static boolean touchesChinese(Token left, Token right) {
        return !left.variable() && isChinese(left.text().codePointBefore(left.text().length()))
                || !right.variable() && isChinese(right.text().codePointAt(0));
    }

    private static boolean isChinese(int codePoint) {
        return CJK.matcher(new String(Character.toChars(codePoint))).matches();
    }

    /**
     * @param line a stripped line of a rule
     * @return its values by variable name, if the line is this sentence with or without spaces next to Chinese words
     */
    Optional<Map<String, String>> match(String line) {
        Matcher m = loose.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            values.put(variables.get(i), m.group(i + 1).strip());
        }
        return Optional.of(values);
    }

    /**
     * @param values a value for each variable
     * @return the sentence in its own spacing with the values in, e.g. {@code - 连续 45 天 未下单}
     */
    String render(Map<String, String> values) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) {
            out.add(t.variable() ? values.getOrDefault(t.text(), "") : t.text());
        }
        return String.join(" ", out).strip();
    }

    /**
     * A line that matched no sentence, spaced as the sentences are, so that the closest ones can be suggested:
     * Chinese runs are cut into the sentences' words (the longest first), numbers and Latin words apart.
     *
     * @param line       a stripped line of a rule
     * @param vocabulary the words of the sentences
     * @return the line with a space between its words
     */
    static String spaced(String line, Set<String> vocabulary) {
        List<String> chinese = vocabulary.stream().filter(w -> isChinese(w.codePointAt(0)))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            if (Character.isWhitespace(cp)) {
                out.append(' ');
                i += Character.charCount(cp);
                continue;
            }
            boolean han = isChinese(cp);
            int end = i;
            if (han) {
                final int at = i;
                end = chinese.stream().filter(w -> line.startsWith(w, at)).findFirst().map(w -> at + w.length())
                        .orElse(-1);
                if (end < 0) { // not a word of the language: up to the next word that is, or the end of the run
                    end = i + Character.charCount(cp);
                    while (end < line.length() && isChinese(line.codePointAt(end))) {
                        final int e = end;
                        if (chinese.stream().anyMatch(w -> line.startsWith(w, e))) {
                            break;
                        }
                        end += Character.charCount(line.codePointAt(end));
                    }
                }
            } else {
                while (end < line.length() && !isChinese(line.codePointAt(end))
                        && !Character.isWhitespace(line.codePointAt(end))) {
                    end += Character.charCount(line.codePointAt(end));
                }
            }
            out.append(' ').append(line, i, end).append(' ');
            i = end;
        }
        return out.toString().strip().replaceAll("\\s+", " ");
    }

    /** @return the words of this sentence (not its values) */
    List<String> words() {
        return tokens.stream().filter(t -> !t.variable()).map(Token::text).toList();
    }
}
