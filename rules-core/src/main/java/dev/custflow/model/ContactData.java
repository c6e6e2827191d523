package dev.custflow.model;

import dev.custflow.text.Folding;
import dev.custflow.text.PersonalData;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Lead intake cleaning (docs/design/rules-catalog.md §2): what the engine does to the text, phone, e-mail and
 * company name of a {@code LeadCaptured} or {@code ProfileUpdated} before they reach the profile.
 * Rule authors may use it too, for instance on a host attribute:
 * <pre>{@code
 * ContactData intake = settings.intake().contactData();
 * ContactData.Checked mobile = intake.phone($c.attribute("mobile2"));   // "+86 138-1234-5678" -> +8613812345678
 * }</pre>
 *
 * <ul>
 *   <li><b>Text</b> ({@link #text}): full-width characters become half-width and compatibility forms
 *       their plain ones (Unicode NFKC: "ＡＢＣ１２３" is "ABC123", the ideographic space a space), invisible
 *       format characters (zero-width space, byte-order mark, soft hyphen) go, runs of spaces, tabs and line
 *       breaks become one space, and the ends are trimmed. What is then empty or a placeholder ("Select",
 *       "N/A", "-", "无", "null"..., case ignored) is missing.</li>
 *   <li><b>Phone</b> ({@link #phone}): one canonical form per number. Chinese mobiles, with or without
 *       +86 / 0086 / 86, spaces, dashes, dots or parentheses, become {@code +8613812345678}; Chinese landlines
 *       keep their area code, {@code +86-21-12345678}; other countries' numbers, E.164 {@code +4930123456}.
 *       A number written without a country code belongs to the default country
 *       ({@code settings.intake.defaultCountryCode}, +86).</li>
 *   <li><b>E-mail</b> ({@link #email}): lower case, "。" read as ".", and a syntax check that accepts what
 *       mail servers accept in practice (plus-addressing, dots, hyphens, sub-domains) with ASCII domains
 *       (an international domain is written in its {@code xn--} form).</li>
 *   <li><b>Company key</b> ({@link #companyKey}): the company name case-folded, without punctuation or
 *       spaces and without legal suffixes (有限公司, Co., Ltd., GmbH... {@code settings.intake.legalSuffixes}),
 *       so that "上海精工机械有限公司" and "上海精工机械公司", or "ACME Trading Co., Ltd." and "Acme Trading
 *       Ltd", have the same key.</li>
 * </ul>
 * Every function is idempotent: cleaning a cleaned value gives it back unchanged. Instances are
 * immutable and thread-safe.
 */
public final class ContactData {
    /** The calling code of China, whose mobile and landline numbering the phone check knows. */
    public static final String CHINA = "+86";
    /** Placeholders web forms and spreadsheets put where nothing was entered (case is ignored). */
    public static final List<String> DEFAULT_PLACEHOLDERS = List.of("Select", "请选择", "N/A", "NA", "none", "null",
            "nil", "-", "--", "无", "暂无", "未知", "unknown");
    /** Legal forms left out of the company key. */
    public static final List<String> DEFAULT_LEGAL_SUFFIXES = List.of("股份有限公司", "有限责任公司", "有限公司", "集团",
            "公司", "Co., Ltd.", "Ltd", "Limited", "Inc", "Incorporated", "Corp", "Corporation", "LLC", "GmbH", "Co");

    private static final ContactData DEFAULTS = new ContactData(CHINA, DEFAULT_PLACEHOLDERS, DEFAULT_LEGAL_SUFFIXES);
    private static final int MAX_EMAIL = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;
    private static final String LOCAL_PART_SYMBOLS = "!#$%&'*+/=?^_`{|}~.-";

    private final String countryCode;
    /** The country code's digits, e.g. 86. */
    private final String countryDigits;
    /** Placeholders cleaned and lower-cased. */
    private final Set<String> placeholders;
    /** Placeholders that are phone numbers, in canonical form: a known fake number matches however it is written. */
    private final Set<String> placeholderPhones;
    private final int longestPlaceholder;
    /** Legal suffixes as folded words, longest first. */
    private final List<Suffix> suffixes;

    private ContactData(String defaultCountryCode, Collection<String> placeholderValues,
                        Collection<String> legalSuffixes) {
        this.countryCode = checkCountryCode(defaultCountryCode);
        this.countryDigits = countryCode.substring(1);
        Set<String> p = new HashSet<>();
        int longest = 0;
        for (String v : Objects.requireNonNull(placeholderValues, "placeholders")) {
            String t = tidy(Objects.requireNonNull(v, "placeholder"));
            if (t != null) {
                String folded = t.toLowerCase(Locale.ROOT);
                p.add(folded);
                longest = Math.max(longest, folded.length());
            }
        }
        this.placeholders = Set.copyOf(p);
        this.longestPlaceholder = longest;
        // a placeholder phone is matched by its digits at the end of a number, whatever country code the
        // number was written with ("13800138000" also catches "+86 138 0013 8000"); short ones would catch
        // real numbers, so only placeholders of at least 7 digits count as phones
        Set<String> phones = new HashSet<>();
        for (String v : placeholderValues) {
            String t = tidy(v);
            String digits = t == null ? "" : t.replaceAll("[^0-9]", "");
            if (digits.length() >= 7 && t.matches("[+0-9 ()\\-]+")) {
                phones.add(digits.replaceFirst("^00", ""));
            }
        }
        this.placeholderPhones = Set.copyOf(phones);
        List<Suffix> s = new ArrayList<>();
        for (String v : Objects.requireNonNull(legalSuffixes, "legalSuffixes")) {
            Suffix suffix = Suffix.of(Objects.requireNonNull(v, "legal suffix"));
            if (suffix != null && s.stream().noneMatch(x -> x.squeezed.equals(suffix.squeezed))) {
                s.add(suffix);
            }
        }
        s.sort(Comparator.comparingInt((Suffix x) -> x.squeezed.length()).reversed());
        this.suffixes = List.copyOf(s);
    }

    /** @return cleaning with the defaults: country code +86, the default placeholders and legal suffixes */
    public static ContactData ofDefaults() {
        return DEFAULTS;
    }

    /**
     * @param defaultCountryCode the country of numbers written without a country code, e.g. {@code +86}
     * @param placeholders       values that mean "nothing entered" (compared after cleaning, case ignored)
     * @param legalSuffixes      legal forms left out of the company key, e.g. {@code 有限公司}, {@code GmbH}
     * @return cleaning with these settings
     * @throws IllegalArgumentException if the country code is not '+' and 1 to 3 digits
     * @throws NullPointerException     if an argument or an element of the lists is null
     */
    public static ContactData of(String defaultCountryCode, Collection<String> placeholders,
                                 Collection<String> legalSuffixes) {
        return new ContactData(defaultCountryCode, placeholders, legalSuffixes);
    }

    /**
     * @param code a country calling code
     * @return true if it is '+' and 1 to 3 digits, not starting with 0 (e.g. {@code +86}, {@code +1}, {@code +852})
     */
    public static boolean isCountryCode(String code) {
        return code != null && code.matches("\\+[1-9][0-9]{0,2}");
    }

    private static String checkCountryCode(String code) {
        if (!isCountryCode(code)) {
            throw new IllegalArgumentException("The default country code (" + code + ") must be '+' and the "
                    + "country's calling code, 1 to 3 digits: +86 for China, +852 for Hong Kong, +1 for the US.");
        }
        return code;
    }

    /** @return the country of numbers written without a country code, e.g. {@code +86} */
    public String defaultCountryCode() {
        return countryCode;
    }

    // ---------------------------------------------------------------- text

    /**
     * Cleans free text: NFKC (full-width to half-width), format characters removed, whitespace
     * collapsed to single spaces, trimmed; empty or a placeholder is missing.
     *
     * @param raw text as entered, or null
     * @return the clean text, or null when it is missing (null, blank or a placeholder)
     */
    public String text(String raw) {
        String t = tidy(raw);
        return t == null || isPlaceholder(t) ? null : t;
    }

    /**
     * @param raw a value as entered, or null
     * @return true if it counts as not entered: null, blank or a placeholder
     */
    public boolean isMissing(String raw) {
        return text(raw) == null;
    }

    private boolean isPlaceholder(String clean) {
        return clean.length() <= longestPlaceholder && placeholders.contains(clean.toLowerCase(Locale.ROOT));
    }

    /**
     * Cleans text without the placeholder test: codes such as a channel name are cleaned but never a placeholder.
     *
     * @param raw text as entered, or null
     * @return the clean text, or null when it is null or blank
     */
    public static String tidy(String raw) {
        if (raw == null) {
            return null;
        }
        if (isPlain(raw)) {
            return raw; // printable ASCII, single spaces, trimmed: nothing to do (most values)
        }
        // format characters go before NFKC, so NFKC sees what it would see on a second pass
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (isSpace(cp)) {
                sb.append(' ');
            } else if (!isInvisible(cp)) {
                sb.appendCodePoint(cp);
            }
        });
        String n = Normalizer.normalize(sb, Normalizer.Form.NFKC);
        // NFKC turns the ideographic space (and a few others) into spaces: collapse afterwards
        StringBuilder out = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static boolean isPlain(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~' || c == ' ' && s.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /** Controls and format characters, except the joiners that shape scripts and emoji sequences. */
    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT && cp != 0x200C && cp != 0x200D;
    }

    // ---------------------------------------------------------------- phone

    /**
     * Cleans and checks a phone number. Accepted: Chinese mobiles (11 digits, 13 to 19) and landlines with
     * their area code, and any number written with its country code ({@code +} or {@code 00}, 8 to 15 digits
     * in all); spaces, dashes, dots, parentheses and full-width digits are fine, as is "(0)" after the country
     * code. Canonical forms: {@code +8613812345678}, {@code +86-21-12345678}, {@code +4930123456}.
     *
     * @param raw a phone number as entered, or null
     * @return the canonical number, missing (null, blank, placeholder), or invalid with the reason
     */
    public Checked phone(String raw) {
        String t = text(raw);
        if (t == null) {
            return Checked.MISSING;
        }
        Checked c = parsePhone(t);
        return c.isValid() && isPlaceholderPhone(c.value()) ? Checked.MISSING : c;
    }

    private boolean isPlaceholderPhone(String normalised) {
        StringBuilder d = new StringBuilder(normalised.length()); // the digits only (no regex: once per lead)
        for (int i = 0; i < normalised.length(); i++) {
            char ch = normalised.charAt(i);
            if (ch >= '0' && ch <= '9') {
                d.append(ch);
            }
        }
        String digits = d.toString();
        for (String p : placeholderPhones) {
            if (digits.endsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private Checked parsePhone(String t) {
        StringBuilder digits = new StringBuilder(16);
        boolean plus = false;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits.append(ch);
            } else if (ch == '+') {
                if (plus || digits.length() > 0) {
                    return badPhone("'+' may only stand before the country code");
                }
                plus = true;
            } else if (ch == '(' && plus && digits.length() > 0 && t.startsWith("(0)", i)) {
                i += 2; // +44 (0)20...: the trunk prefix written for callers at home
            } else if (ch != ' ' && ch != '.' && ch != '(' && ch != ')'
                    && Character.getType(ch) != Character.DASH_PUNCTUATION && ch != '\u2212') { // any dash, minus
                return badPhone("it contains '" + new String(Character.toChars(t.codePointAt(i))) + "'");
            }
        }
        String d = digits.toString();
        if (d.isEmpty()) {
            return badPhone("it has no digits");
        }
        boolean international = plus;
        if (!plus && d.startsWith("00")) {
            international = true;
            d = d.substring(2);
        }
        if (international) {
            return d.startsWith("86") ? china(d.substring(2), true) : e164(d);
        }
        if (!countryDigits.equals("86")) {
            return e164(countryDigits + (d.startsWith("0") ? d.substring(1) : d));
        }
        if (d.length() == 13 && d.startsWith("86") && isMobile(d.substring(2))) {
            return china(d.substring(2), true); // 86 written without '+'
        }
        return china(d, false);
    }

    private static Checked e164(String d) {
        if (d.startsWith("0")) {
            return badPhone("after the country code comes the number without its leading 0");
        }
        if (d.length() < 8 || d.length() > 15) {
            return badPhone("an international number has 8 to 15 digits with its country code, this one has "
                    + d.length());
        }
        return Checked.valid("+" + d);
    }

    private static boolean isMobile(String d) {
        return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9' && allDigits(d);
    }

    private static boolean allDigits(String d) {
        for (int i = 0; i < d.length(); i++) {
            if (d.charAt(i) < '0' || d.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A Chinese number: mobile 1[3-9] and 9 digits; landline area code (10, 2x or 3 digits from 3 to 9) and 7 or
     * 8 digits, written at home with a leading 0, after +86 without (some write it anyway).
     */
    private static Checked china(String national, boolean international) {
        if (isMobile(national)) {
            return Checked.valid(CHINA + national);
        }
        boolean trunk = national.startsWith("0");
        String n = trunk ? national.substring(1) : national;
        if (n.startsWith("1") && !n.startsWith("10") || !trunk && !international && n.startsWith("10")) {
            return badPhone(n.length() == 11 ? "a mobile number starts with 13 to 19"
                    : n.length() + " digits: a mobile number has 11, starting with 13 to 19");
        }
        if (!trunk && !international) {
            return badPhone(n.length() >= 7 && n.length() <= 8 ? "a landline number needs its area code, e.g. 021"
                    : "a mobile number has 11 digits starting with 13 to 19, a landline starts with its area code, "
                    + "e.g. 021");
        }
        if (n.isEmpty()) {
            return badPhone("it has too few digits");
        }
        if (n.charAt(0) == '0') {
            return badPhone("an area code does not start with 00");
        }
        int areaLength = n.charAt(0) == '1' || n.charAt(0) == '2' ? 2 : 3; // 10 and 20-29; the rest have 3 digits
        String area = n.substring(0, Math.min(areaLength, n.length()));
        String local = n.substring(area.length());
        if (local.length() < 7 || local.length() > 8) {
            return badPhone("after the area code 0" + area + " come " + local.length()
                    + " digits, a landline number has 7 or 8");
        }
        return Checked.valid(CHINA + "-" + area + "-" + local);
    }

    private static Checked badPhone(String why) {
        return Checked.invalid("is not a valid phone number (" + why + ")");
    }

    // ---------------------------------------------------------------- e-mail

    /**
     * Cleans and checks an e-mail address: lower case, full-width characters and "。" made plain, then a
     * syntax check. Accepted: a local part of letters, digits and {@code !#$%&'*+/=?^_`{|}~.-} (plus-addressing
     * included; no dot at either end, no two in a row) and an ASCII domain of at least two labels whose last is a
     * top-level domain ({@code xn--} forms included). Rejected, with the reason: no or several '@', nothing
     * before or after it ({@code abc@}), a domain without a dot ({@code a@b}), spaces, other characters.
     *
     * @param raw an e-mail address as entered, or null
     * @return the clean address, missing (null, blank, placeholder), or invalid with the reason
     */
    public Checked email(String raw) {
        String t = text(raw);
        if (t == null) {
            return Checked.MISSING;
        }
        String s = t.replace('。', '.').toLowerCase(Locale.ROOT);
        if (s.indexOf(' ') >= 0) {
            return badEmail("it contains a space");
        }
        int at = s.indexOf('@');
        if (at < 0) {
            return badEmail("it has no '@'");
        }
        if (s.indexOf('@', at + 1) >= 0) {
            return badEmail("it has more than one '@'");
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (local.isEmpty()) {
            return badEmail("nothing before the '@'");
        }
        if (domain.isEmpty()) {
            return badEmail("nothing after the '@'");
        }
        if (s.length() > MAX_EMAIL) {
            return badEmail("it is longer than " + MAX_EMAIL + " characters");
        }
        if (local.length() > MAX_LOCAL_PART) {
            return badEmail("the part before the '@' is longer than " + MAX_LOCAL_PART + " characters");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!isAsciiAlnum(c) && LOCAL_PART_SYMBOLS.indexOf(c) < 0) {
                return badEmail("the part before the '@' contains '" + charAt(local, i) + "'");
            }
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return badEmail("the part before the '@' has a dot at its start or end, or two in a row");
        }
        return checkDomain(s, domain);
    }

    private static Checked checkDomain(String address, String domain) {
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (c > '~') {
                return badEmail("the domain '" + domain + "' is not plain ASCII: write an international domain in "
                        + "its xn-- form");
            }
            if (!isAsciiAlnum(c) && c != '-' && c != '.') {
                return badEmail("the domain contains '" + c + "'");
            }
        }
        if (domain.length() > MAX_DOMAIN) {
            return badEmail("the domain is longer than " + MAX_DOMAIN + " characters");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return badEmail("the domain '" + domain + "' has no dot");
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return badEmail("the domain '" + domain + "' has a dot at its start or end, or two in a row");
            }
            if (label.length() > MAX_LABEL) {
                return badEmail("a part of the domain is longer than " + MAX_LABEL + " characters");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return badEmail("a part of the domain starts or ends with '-'");
            }
        }
        String tld = labels[labels.length - 1];
        if (!tld.matches("[a-z]{2,63}|xn--[a-z0-9-]{1,59}")) {
            return badEmail("the domain ends in '" + tld + "', which is not a top-level domain");
        }
        return Checked.valid(address);
    }

    private static boolean isAsciiAlnum(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static String charAt(String s, int i) {
        return new String(Character.toChars(s.codePointAt(i)));
    }

    private static Checked badEmail(String why) {
        return Checked.invalid("is not a valid e-mail address (" + why + ")");
    }

    // ---------------------------------------------------------------- company key

    /**
     * A key under which the same company compares equal however its name was written: the clean name
     * case-folded, every character that is not a letter or digit dropped (punctuation, spaces), and the legal
     * suffixes at its end left out, repeatedly ("海尔集团有限公司" and "海尔" are both {@code 海尔}). A Latin
     * suffix counts only as a whole word ("Bistro Inc" loses "Inc", "Zinc" keeps its "inc").
     *
     * @param raw a company name as entered, or null
     * @return the key, or null when the name is missing or has nothing but legal suffixes, punctuation and a
     *         placeholder
     */
    public String companyKey(String raw) {
        String t = text(raw);
        if (t == null) {
            return null;
        }
        String words = Folding.words(Folding.fold(t));
        if (words.isEmpty()) {
            return null;
        }
        boolean stripped = true;
        while (stripped && !words.isEmpty()) {
            stripped = false;
            for (Suffix s : suffixes) {
                int start = s.matchAtEnd(words);
                if (start >= 0) {
                    words = words.substring(0, start).strip();
                    stripped = true;
                    break;
                }
            }
        }
        // a name of nothing but legal forms ("有限公司") or a placeholder ("N/A Ltd") names no company: no key
        String key = words.isEmpty() ? null : Folding.fold(words.replace(" ", ""));
        return key == null || isPlaceholder(key) ? null : key;
    }

    /** A legal suffix as folded letters and digits, e.g. "co., ltd." as {@code coltd}. */
    private static final class Suffix {
        final String squeezed;

        private Suffix(String squeezed) {
            this.squeezed = squeezed;
        }

        static Suffix of(String raw) {
            String t = tidy(raw);
            String w = t == null ? "" : Folding.words(Folding.fold(t)).replace(" ", "");
            return w.isEmpty() ? null : new Suffix(w);
        }

        /** @return where this suffix starts at the end of {@code words} (spaces in it ignored), or -1 */
        int matchAtEnd(String words) {
            return Folding.startOfEnding(squeezed, words);
        }
    }

    // ---------------------------------------------------------------- result

    /**
     * A checked phone number or e-mail address: valid (with its clean value), missing (nothing usable was
     * entered), or invalid (with why).
     *
     * @param value   the clean value when valid, else null
     * @param problem why the value is invalid, a phrase that follows the quoted value (e.g. "is not a valid phone
     *                number (...)"); null when valid or missing
     */
    public record Checked(String value, String problem) {
        /** Nothing usable was entered (null, blank or a placeholder). */
        public static final Checked MISSING = new Checked(null, null);

        /** Validates that at most one of value and problem is given. */
        public Checked {
            if (value != null && problem != null) {
                throw new IllegalArgumentException("a checked value is either valid or invalid, not both (the "
                        + "value is not shown: it is personal data); problem: " + problem);
            }
        }

        /** @return the result with its value masked: a record's own toString would print it as it is */
        @Override
        public String toString() {
            return "Checked[value=" + PersonalData.scrub(value) + ", problem=" + problem + "]";
        }

        /** @param value the clean value @return a valid result */
        static Checked valid(String value) {
            return new Checked(Objects.requireNonNull(value, "value"), null);
        }

        /** @param problem why @return an invalid result */
        static Checked invalid(String problem) {
            return new Checked(null, Objects.requireNonNull(problem, "problem"));
        }

        /** @return true if a clean value is there */
        public boolean isValid() {
            return value != null;
        }

        /** @return true if a value was entered that cannot be used */
        public boolean isInvalid() {
            return problem != null;
        }

        /** @return true if nothing usable was entered */
        public boolean isMissing() {
            return value == null && problem == null;
        }
    }
}
