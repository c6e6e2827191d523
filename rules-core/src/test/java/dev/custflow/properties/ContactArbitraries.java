package dev.custflow.properties;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * What lead forms send as phone numbers, e-mail addresses, text and company names: well-formed values in
 * their many spellings (full-width, +86 / 0086 / 86, separators, upper case, legal suffixes) mixed with the
 * typos, placeholders, invisible characters and garbage that real intake sees.
 */
final class ContactArbitraries {
    private static final List<String> TRICKY = List.of(" ", "  ", "\u3000", "\u00A0", "\t", "\n", "\u200B", "\uFEFF",
            "\u00AD", "\u200D", "e\u0301", "\u0301", "ﬁ", "①", "Ａ", "ａ", "１", "＋", "－", "（", "）", "＠", "．", "。", "ß",
            "İ", "ǅ", "ℌ", "Ω", "K", "㍿", "…", "-", ".", "(", ")", "+", "@", "'", "_", ",", "/", "&", "\uD83D\uDE00",
            "\uD800", "Select", "N/A", "无", "null");
    private static final List<String> SUFFIXES = List.of("有限公司", "股份有限公司", "有限责任公司", "集团", "公司", "Co.,",
            "Ltd.", "Co., Ltd.", "LTD", "Inc", "inc.", "LLC", "GmbH", "Corp", "Limited", "co");
    private static final List<String> WORDS = List.of("Acme", "ACME", "trading", "上海", "精工", "机械", "海尔", "Zinc",
            "Costco", "Müller", "Söhne", "深圳", "ABC", "a", "x", "L", "td", "in", "c");

    private ContactArbitraries() {
    }

    /** @return any string at all, including unpaired surrogates and control characters */
    static Arbitrary<String> anything() {
        return Arbitraries.strings().ofMaxLength(30);
    }

    /** @return strings stitched from characters and pieces that cleaning treats specially */
    static Arbitrary<String> tricky() {
        return Arbitraries.oneOf(Arbitraries.of(TRICKY), Arbitraries.strings().alpha().numeric().ofMaxLength(3))
                .list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    /** @return phone numbers as people type them, valid or not */
    static Arbitrary<String> phones() {
        Arbitrary<String> prefix = Arbitraries.of("", "", "+86 ", "+86-", "0086 ", "86", "(+86)", "+86 (0)", "+1 ",
                "+44 (0)", "00", "+", "0", "++86", "0755-", "021 ", "010-");
        Arbitrary<String> group = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> separator = Arbitraries.of("", " ", "-", ".", "–", "\u3000", "(", ")", " - ");
        Arbitrary<String> groups = Combinators.combine(group, separator).as((g, s) -> g + s).list().ofMinSize(1)
                .ofMaxSize(4).map(l -> String.join("", l));
        Arbitrary<String> mobile = Arbitraries.integers().between(3, 9)
                .flatMap(second -> Arbitraries.strings().numeric().ofLength(9).map(rest -> "1" + second + rest));
        Arbitrary<String> noise = Arbitraries.of("", "", "", "a", "手机", " ext 5", "+", "#");
        Arbitrary<String> typed = Combinators.combine(prefix, Arbitraries.oneOf(groups, mobile), noise)
                .as((p, d, n) -> p + d + n);
        return Arbitraries.oneOf(typed, typed.map(ContactArbitraries::fullWidth), tricky());
    }

    /** @return phone numbers intake accepts, as people type them: mobiles and landlines, Chinese and foreign */
    static Arbitrary<String> validPhones() {
        Arbitrary<String> mobile = Combinators.combine(Arbitraries.integers().between(3, 9),
                Arbitraries.strings().numeric().ofLength(9)).as((second, rest) -> "1" + second + rest);
        Arbitrary<String> written = Combinators.combine(Arbitraries.of("", "+86 ", "+86-", "0086 ", "86", "(+86)"),
                mobile, Arbitraries.of("", " ", "-")).as((p, m, sep) -> p.equals("86") && !sep.isEmpty() ? p + m
                : p + m.substring(0, 3) + sep + m.substring(3, 7) + sep + m.substring(7));
        Arbitrary<String> landline = Combinators.combine(Arbitraries.of("010", "021", "0755", "0571"),
                Arbitraries.of("-", " ", ""), Arbitraries.integers().between(2, 9),
                Arbitraries.strings().numeric().ofLength(7)).as((area, sep, first, rest) -> area + sep + first + rest);
        Arbitrary<String> foreign = Combinators.combine(Arbitraries.of("+1 ", "+44 ", "+852 ", "+49-"),
                Arbitraries.integers().between(2, 9), Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(9))
                .as((cc, first, rest) -> cc + first + rest);
        return Arbitraries.oneOf(written, landline, foreign);
    }

    /** @return e-mail addresses intake accepts, in upper and lower case, with plus-addressing and sub-domains */
    static Arbitrary<String> validEmails() {
        Arbitrary<String> local = Combinators.combine(Arbitraries.strings().withChars("abcXYZ019").ofMinLength(2)
                        .ofMaxLength(8), Arbitraries.of("", ".x", "+tag", "_1", "-b", "'o"))
                .as((l, tail) -> l + tail);
        Arbitrary<String> label = Arbitraries.strings().withChars("abcqQ09").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> domain = label.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        return Combinators.combine(local, domain, Arbitraries.of(".com", ".CN", ".example", ".xn--fiqs8s"))
                .as((l, d, t) -> l + "@" + d + t);
    }

    /** @return e-mail addresses as people type them, valid or not */
    static Arbitrary<String> emails() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcXYZ019._+-'!").ofMaxLength(10);
        Arbitrary<String> label = Arbitraries.strings().withChars("abcQQ09-_").ofMaxLength(8);
        Arbitrary<String> domain = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        Arbitrary<String> at = Arbitraries.of("@", "@", "@", "", "@@", " @", "＠");
        Arbitrary<String> tld = Arbitraries.of("", ".com", ".CN", ".c", "。com", ".xn--fiqs8s", ".", "..com", ".1");
        Arbitrary<String> typed = Combinators.combine(local, at, domain, tld).as((l, a, d, t) -> l + a + d + t);
        return Arbitraries.oneOf(typed, typed.map(ContactArbitraries::fullWidth), tricky());
    }

    /** @return company names: words, spaces, punctuation and legal suffixes in any order */
    static Arbitrary<String> companies() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.of(SUFFIXES),
                Arbitraries.of(" ", " ", ", ", ".", "（", "）", "(", ")", "&", "-", "\u3000"), Arbitraries.of(TRICKY));
        Arbitrary<String> typed = piece.list().ofMaxSize(7).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(typed, typed.map(ContactArbitraries::fullWidth));
    }

    /** ASCII letters, digits and punctuation to their full-width forms, as Chinese input methods type them. */
    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c > ' ' && c <= '~' ? (char) (c + 0xFEE0) : c == ' ' ? '\u3000' : c);
        }
        return sb.toString();
    }
}
