package dev.custflow.text;

import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How personal data appears in anything written for people or logs (docs/personal-data.md): masked, never raw.
 * A phone number keeps its first 3 and last 4 digits ({@code 138****8002}), an e-mail address the first character
 * of its local part and its domain ({@code z***@example.com}), a name its first character ({@code 王*}); a birthday,
 * an address and every other personal field is not shown at all. The masks always have four stars, whatever the
 * length of what they hide.
 *
 * <p>The one place the library masks: reasons, rejection messages, exception messages, logs and reports all call
 * this class.
 */
public final class PersonalData {
    /** Stands for a personal value that is not shown at all (a birthday, an address). */
    public static final String NOT_SHOWN = "(not shown)";

    /** Event and profile fields that hold personal data: a message names them but never repeats their value raw. */
    public static final Set<String> FIELDS = Set.of("name", "phone", "email", "birthday", "address", "title",
            "wechat", "mobile");

    private static final String STARS = "****";
    /** A phone number shorter than this keeps only its last 2 digits; from it on, its first 3 and last 4. */
    private static final int FULL_NUMBER = 11;

    /**
     * An e-mail address anywhere in a text, valid or not: letters, digits and the symbols an address may hold
     * before an '@' (an apostrophe not first: it is a quote around the address there), and whatever domain follows
     * it, even none ({@code abc@}).
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&*+/=?^_`{|}~.-][\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]*@[\\p{L}\\p{N}-]*(?:\\.[\\p{L}\\p{N}-]+)*");
    /**
     * A phone number anywhere in a text, not inside a longer run of digits or letters: an international number
     * ({@code +} and 8 to 15 digits, spaces or dashes between groups), a Chinese mobile number with or without
     * 86/0086 ({@code 13812345678}, {@code 138 1234 5678}, {@code 138-1234-5678}) or a landline with its area code
     * ({@code 021-12345678}, {@code (021) 12345678}, {@code 02112345678}). Dates, times, amounts and UUIDs do not
     * have these shapes. Where one may start is checked before it is tried ({@link #replacePhones}).
     */
    private static final Pattern PHONE = Pattern.compile("(?:"
            + "\\+\\d(?:[ -]?\\d){7,14}"
            + "|(?:00)?(?:86[ -]?)?1[3-9]\\d(?:\\d{8}|[ -]\\d{4}[ -]\\d{4})"
            + "|\\(?0\\d{2,3}\\)?[ -]?\\d{7,8}"
            + ")(?![\\p{L}\\p{N}]|[.,]\\d)");

    private PersonalData() {
    }

    /**
     * @param phone a phone number, canonical ({@code +8613800138002}) or as entered, or null
     * @return its first 3 and last 4 digits around four stars ({@code 138****8002}, {@code 021****5678}; a Chinese
     *         number as written at home, without +86), or for a number of fewer than 11 digits four stars and its last 2 digits ({@code ****45}), or
     *         just four stars for one of 4 digits or fewer; null for null
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(16);
        phone.codePoints().map(cp -> Character.digit(cp, 10)).filter(d -> d >= 0).forEach(digits::append);
        String d = digits.toString();
        String t = phone.strip();
        if ((t.startsWith("+86") || t.startsWith("0086")) && d.length() > FULL_NUMBER - 2) {
            d = d.substring(t.startsWith("+") ? 2 : 4);
            d = d.startsWith("1") ? d : "0" + d; // a landline as written at home: +86-21-12345678 is 021 12345678
        }
        if (d.length() >= FULL_NUMBER) {
            return d.substring(0, 3) + STARS + d.substring(d.length() - 4);
        }
        return d.length() > 4 ? STARS + d.substring(d.length() - 2) : STARS;
    }

    /**
     * @param email an e-mail address, valid or as entered, or null
     * @return the first character of the part before the '@', three stars and the domain
     *         ({@code z***@example.com}); without an '@', the first character and three stars; null for null
     */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        String t = email.strip();
        int at = t.lastIndexOf('@');
        String local = at < 0 ? t : t.substring(0, at);
        String first = local.isEmpty() ? "" : new String(Character.toChars(local.codePointAt(0)));
        return at < 0 ? first + "***" : first + "***@" + shortened(t.substring(at + 1));
    }

    /**
     * @param name a person's name, or null
     * @return its first character and a star ({@code 王*}, {@code Z*}); null for null
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String t = name.strip();
        return t.isEmpty() ? "*" : new String(Character.toChars(t.codePointAt(0))) + "*";
    }

    /**
     * @param field an event or profile field, e.g. {@code phone}, {@code birthday}, {@code region}
     * @param value its value, or null
     * @return the value as it may be shown: masked for a phone, an e-mail address or a name, {@link #NOT_SHOWN} for
     *         any other personal field ({@link #FIELDS}), unchanged for a field that is not personal
     */
    public static String shown(String field, Object value) {
        if (value == null) {
            return null;
        }
        String f = field.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "phone", "mobile" -> phone(value.toString());
            case "email" -> email(value.toString());
            case "name" -> name(value.toString());
            default -> FIELDS.contains(f) ? NOT_SHOWN : value.toString();
        };
    }

    /**
     * Masks every phone number and e-mail address in a free text, for text the library did not write itself (a
     * user rule's reason, an exception a rule threw). Names, birthdays and addresses cannot be told from other
     * words: they are kept out of such text where it is written.
     *
     * @param text a text, or null
     * @return the text with each phone number and e-mail address masked as {@link #phone} and {@link #email} do;
     *         the same string when it holds none
     */
    public static String scrub(String text) {
        if (text == null || !mayHoldContactData(text)) {
            return text;
        }
        String s = text.indexOf('@') < 0 ? text : replaceEmails(text);
        return replacePhones(s);
    }

    /**
     * {@link #PHONE} tried only where a number may start (a '+', '(' or digit not right after a letter, digit or
     * '+'): a regular expression tried at every position costs microseconds a reason, this a fraction of that.
     */
    private static String replacePhones(String text) {
        Matcher m = null;
        StringBuilder out = null;
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '+' || c == '(' || c >= '0' && c <= '9') && (i == 0 || !startsInside(text.charAt(i - 1)))
                    && enoughDigitsAt(text, i)
                    && (m = m == null ? PHONE.matcher(text) : m).region(i, text.length()).lookingAt()) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, from, i).append(phone(m.group()));
                from = m.end();
                i = from;
            } else {
                i++;
            }
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    /**
     * @return true if the characters a phone number is written with, from {@code i} on, hold the 8 digits the
     *         shortest one has (an international number; a mobile has 11, a landline with its area code 10 or more)
     */
    private static boolean enoughDigitsAt(String text, int i) {
        int digits = 0;
        for (int j = i; j < text.length() && digits < 8; j++) {
            char c = text.charAt(j);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '+') {
                break;
            }
        }
        return digits >= 8;
    }

    /** @return true if a number right after this character is part of a longer word (an id like O13800138002) */
    private static boolean startsInside(char before) {
        return Character.isLetterOrDigit(before) || before == '+';
    }

    /**
     * Masks one known personal value wherever it stands in a text: the customer's own name in a reason a rule wrote,
     * which no pattern could tell from other words. A value that starts or ends with a Latin letter or digit counts
     * only as a whole word ("Li" is masked in "Li called", not in "Lifetime"); values shorter than 2 characters are
     * left alone (too short to tell apart from anything else).
     *
     * @param text  a text, or null
     * @param field the personal field the value is of, e.g. {@code name} ({@link #shown} masks it)
     * @param value the value, or null
     * @return the text with every occurrence of the value masked
     */
    public static String mask(String text, String field, Object value) {
        String v = value == null ? null : value.toString().strip();
        if (text == null || v == null || v.codePointCount(0, v.length()) < 2) {
            return text;
        }
        int at = text.indexOf(v);
        if (at < 0) {
            return text;
        }
        String masked = shown(field, value);
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (; at >= 0; at = text.indexOf(v, at + 1)) {
            int end = at + v.length();
            boolean word = !(latin(v.charAt(0)) && at > 0 && latin(text.charAt(at - 1)))
                    && !(latin(v.charAt(v.length() - 1)) && end < text.length() && latin(text.charAt(end)));
            if (word && at >= from) {
                out.append(text, from, at).append(masked);
                from = end;
            }
        }
        return from == 0 ? text : out.append(text, from, text.length()).toString();
    }

    private static boolean latin(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /**
     * @param record a record, e.g. an event
     * @return the record as its own {@code toString} would write it, with every personal component masked
     *         ({@link #shown}), and in a map (the attributes) every entry whose key is a personal field
     */
    public static String toString(Record record) {
        StringBuilder b = new StringBuilder(record.getClass().getSimpleName()).append('[');
        RecordComponent[] parts = record.getClass().getRecordComponents();
        for (int i = 0; i < parts.length; i++) {
            Object v;
            try {
                parts[i].getAccessor().setAccessible(true);
                v = parts[i].getAccessor().invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                v = "?";
            }
            b.append(i == 0 ? "" : ", ").append(parts[i].getName()).append('=').append(shownPart(parts[i].getName(), v));
        }
        return b.append(']').toString();
    }

    /** A map (a profile's attributes) is shown entry by entry, each masked by its key. */
    private static String shownPart(String name, Object v) {
        if (v instanceof java.util.Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{");
            map.forEach((k, x) -> b.append(b.length() > 1 ? ", " : "").append(k).append('=')
                    .append(x == null ? "null" : shown(String.valueOf(k), x)));
            return b.append('}').toString();
        }
        if (v instanceof java.util.List<?> list && (name.equals("otherPhones") || name.equals("otherEmails"))) {
            String field = name.equals("otherPhones") ? "phone" : "email";
            return list.stream().map(x -> shown(field, x)).toList().toString(); // a merged person's other contacts
        }
        return v == null ? "null" : shown(name, v);
    }

    /** A quick look before the patterns: an '@', or seven digits. */
    private static boolean mayHoldContactData(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || c >= '0' && c <= '9' && ++digits >= 7) {
                return true;
            }
        }
        return false;
    }

    private static String replaceEmails(String text) {
        Matcher m = EMAIL.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(email(m.group())));
        } while (m.find());
        return m.appendTail(out).toString();
    }

    private static String shortened(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }
}
