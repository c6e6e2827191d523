package dev.custflow.rules;

import dev.custflow.action.TaskKind;
import dev.custflow.model.Channel;
import dev.custflow.model.InvalidContact;
import dev.custflow.model.Level;
import dev.custflow.model.LossReason;
import dev.custflow.model.Segment;
import dev.custflow.model.Stage;
import dev.custflow.text.PersonalData;
import dev.custflow.text.Suggest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The built-in reason templates of one locale, each parsed once into a {@link MessageFormat}: rendering a reason
 * costs one format call, not a parse. The tables are read once per locale and shared by every engine.
 */
final class ReasonTemplates implements Reasons {
    private static final ReasonTemplates EN = load(Locale.ENGLISH, "reasons_en.properties");
    private static final ReasonTemplates ZH = load(Locale.SIMPLIFIED_CHINESE, "reasons_zh_CN.properties");

    private final Locale locale;
    private final boolean chinese;
    private final Map<String, MessageFormat> formats;
    /** The templates whose every argument is plain ({@code {0}}), as text and argument pieces; see {@link Plain}. */
    private final Map<String, Plain> plain;
    private final Map<String, String> patterns;

    private ReasonTemplates(Locale locale, Map<String, String> patterns) {
        this.locale = locale;
        this.chinese = locale.getLanguage().equals("zh");
        this.patterns = Map.copyOf(patterns);
        Map<String, MessageFormat> f = new HashMap<>();
        Map<String, Plain> pl = new HashMap<>();
        patterns.forEach((k, p) -> {
            try {
                MessageFormat parsed = new MessageFormat(p, locale);
                Plain split = Plain.of(parsed);
                if (split != null) {
                    pl.put(k, split);
                }
                f.put(k, withPlainArguments(parsed, locale));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the reason template " + k + " (" + locale.toLanguageTag()
                        + ") is not a valid MessageFormat pattern: " + e.getMessage(), e);
            }
        });
        this.formats = Map.copyOf(f);
        this.plain = Map.copyOf(pl);
    }

    /**
     * A template whose arguments are all plain, split once into its texts and the arguments between them, so that a
     * reason whose whole numbers are small (the usual: days, counts) is written by appending, without the {@code
     * MessageFormat} and its number format (a tenth of W2's daily tick went to formatting the dormancy reason). The
     * texts are what the {@code MessageFormat} itself writes around its arguments (quotes resolved), found by
     * formatting it once with markers for arguments; a template whose text holds a marker character is not split.
     */
    private static final class Plain {
        private static final char MARK = '\uE000';
        /** The texts, and in between the argument numbers: a String or an Integer each. */
        private final Object[] pieces;
        private final int length;

        private Plain(Object[] pieces, int length) {
            this.pieces = pieces;
            this.length = length;
        }

        /** @return the template split, or null when an argument has a format of its own (choice, number, date) */
        static Plain of(MessageFormat f) {
            for (java.text.Format g : f.getFormats()) {
                if (g != null) {
                    return null;
                }
            }
            java.text.Format[] given = f.getFormatsByArgumentIndex();
            if (f.toPattern().indexOf(MARK) >= 0 || given.length > 0xFF) {
                return null;
            }
            Object[] marks = new Object[given.length];
            for (int i = 0; i < marks.length; i++) {
                marks[i] = String.valueOf(new char[] {MARK, (char) (MARK + 1 + i)});
            }
            String out = f.format(marks);
            List<Object> pieces = new java.util.ArrayList<>();
            int from = 0;
            int length = 0;
            for (int at = out.indexOf(MARK); at >= 0; at = out.indexOf(MARK, from)) {
                if (at > from) {
                    pieces.add(out.substring(from, at));
                    length += at - from;
                }
                pieces.add(out.charAt(at + 1) - MARK - 1);
                length += 4;
                from = at + 2;
            }
            if (from < out.length()) {
                pieces.add(out.substring(from));
                length += out.length() - from;
            }
            return new Plain(pieces.toArray(), length);
        }

        /**
         * @return the reason, or null when a whole number in it is not between -999 and 999 (it may be grouped in
         * the locale's form: the {@code MessageFormat} writes those)
         */
        String write(Object[] shown) {
            for (Object a : shown) {
                if (a instanceof Integer || a instanceof Long || a instanceof Short) {
                    long v = ((Number) a).longValue();
                    if (v <= -1000 || v >= 1000) {
                        return null;
                    }
                }
            }
            StringBuilder b = new StringBuilder(length);
            for (Object p : pieces) {
                if (p instanceof String text) {
                    b.append(text);
                } else {
                    int i = (Integer) p;
                    if (i >= shown.length) {
                        b.append('{').append(i).append('}'); // as a MessageFormat writes an argument not given
                    } else {
                        b.append(shown[i]); // a String, or a whole number written in digits as the locale does
                    }
                }
            }
            return b.toString();
        }
    }

    /**
     * Gives every argument written without a format ({@code {0}}) a {@link PlainArgument}: for a number, a
     * {@code MessageFormat} would build a new {@code NumberFormat} of the locale at every call (a third of a daily
     * tick's time in W2 went there), and this one keeps one. The text is the same.
     */
    private static MessageFormat withPlainArguments(MessageFormat f, Locale locale) {
        java.text.Format[] given = f.getFormats();
        for (int i = 0; i < given.length; i++) {
            if (given[i] == null) {
                f.setFormat(i, new PlainArgument(locale));
            }
        }
        return f;
    }

    /**
     * An argument without a format, written as {@code MessageFormat} writes it (a number in the locale's number
     * form, anything else as its text), with one number format kept rather than one made per call. Used only
     * under the lock of its {@code MessageFormat}.
     */
    private static final class PlainArgument extends java.text.Format {
        private final java.text.NumberFormat number;

        PlainArgument(Locale locale) {
            this.number = java.text.NumberFormat.getInstance(locale);
        }

        @Override
        public StringBuffer format(Object o, StringBuffer to, java.text.FieldPosition pos) {
            return o instanceof Number n ? number.format(n, to, pos) : to.append(o);
        }

        @Override
        public Object parseObject(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("reasons are written, never parsed");
        }
    }

    static ReasonTemplates of(Locale locale) {
        return supported(locale).getLanguage().equals("zh") ? ZH : EN;
    }

    static Locale supported(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        String language = locale.getLanguage();
        if (language.equals("en")) {
            return Locale.ENGLISH;
        }
        String country = locale.getCountry();
        String script = locale.getScript();
        if (language.equals("zh") && (script.equals("Hans") || script.isEmpty()
                && (country.isEmpty() || country.equals("CN") || country.equals("SG")))) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        throw new IllegalArgumentException("Custflow writes reasons in en and zh-CN, not in '" + locale.toLanguageTag()
                + "'.\nUse Locale.ENGLISH (en) or Locale.SIMPLIFIED_CHINESE (zh-CN).");
    }

    @Override
    public String say(String key, Object... args) {
        MessageFormat f = formats.get(key);
        if (f == null) {
            throw new IllegalArgumentException("no reason template has the key '" + key + "' ("
                    + locale.toLanguageTag() + ")" + Suggest.closest(key, formats.keySet())
                    .map(k -> ": did you mean '" + k + "'?").orElse(""));
        }
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = shown(args[i]);
        }
        Plain p = plain.get(key);
        String written = p == null ? null : p.write(shown);
        if (written != null) {
            return written;
        }
        synchronized (f) { // a MessageFormat is not thread-safe; partitions render on their own threads
            return f.format(shown);
        }
    }

    @Override
    public Locale locale() {
        return locale;
    }

    /** @return the key's pattern, or null (for the tests) */
    String pattern(String key) {
        return patterns.get(key);
    }

    /** @return every key of this locale, sorted (for the tests) */
    List<String> keys() {
        return List.copyOf(new TreeMap<>(patterns).keySet());
    }

    /** How a fact is written: labels for the shared vocabulary, amounts as given, whole numbers as numbers. */
    private Object shown(Object a) {
        if (a == null) {
            return "";
        }
        if (a instanceof Integer || a instanceof Long || a instanceof Short) {
            return a; // the locale's number form; a choice pattern can read it
        }
        if (a instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (a instanceof InvalidContact bad) {
            return PersonalData.shown(bad.field(), bad.value()); // never as entered
        }
        if (a instanceof Stage s) {
            return chinese ? s.chinese() : s.name();
        }
        if (a instanceof Segment s) {
            return chinese ? s.chinese() : s.name();
        }
        if (a instanceof Level l) {
            return chinese ? l.chinese() : l.name();
        }
        if (a instanceof Channel c) {
            return chinese ? c.chinese() : c.name();
        }
        if (a instanceof TaskKind k) {
            return chinese ? k.chinese() : k.name();
        }
        if (a instanceof LossReason r) {
            return chinese ? r.chinese() : r.name();
        }
        return String.valueOf(a);
    }

    private static ReasonTemplates load(Locale locale, String file) {
        Properties p = new Properties();
        try (InputStream in = ReasonTemplates.class.getResourceAsStream("/dev/custflow/reasons/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the reason templates dev/custflow/reasons/" + file
                        + " are missing from the classpath");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reason templates " + file, e);
        }
        Map<String, String> patterns = new HashMap<>();
        p.stringPropertyNames().forEach(k -> patterns.put(k, p.getProperty(k)));
        return new ReasonTemplates(locale, patterns);
    }
}
