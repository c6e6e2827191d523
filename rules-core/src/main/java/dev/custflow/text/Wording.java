package dev.custflow.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the library writes for people (lint, scenario diffs, reports, the command line's help and errors) in the
 * reader's language: English, the default, or Simplified Chinese. Each piece of text is a template in a UTF-8
 * properties file, one file per language with the same keys and the same {@code %s}-style arguments; numbers are
 * formatted the same way in both ({@link Locale#ROOT}), so a report reads the same figures in either language.
 *
 * <p>Bundles are looked up without the JVM's default locale: a Chinese desktop still gets English unless it asks for
 * Chinese, so output does not change with the machine it runs on.
 */
public final class Wording {
    /** The languages there are templates for, in the order they are listed to a user. */
    public static final List<Locale> LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    /** The environment variable the command line reads its default locale from. */
    public static final String ENVIRONMENT = "CUSTFLOW_LOCALE";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Pattern ARGUMENT = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(?:\\.\\d+)?([a-zA-Z%])");

    private final ResourceBundle bundle;
    private final Locale locale;

    private Wording(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * @param tag a language as a user writes it: {@code zh-CN}, {@code zh_CN}, {@code zh}, {@code en} (any case)
     * @return {@link Locale#SIMPLIFIED_CHINESE} or {@link Locale#ENGLISH}
     * @throws IllegalArgumentException for any other language, naming the ones there are
     */
    public static Locale locale(String tag) {
        Objects.requireNonNull(tag, "tag");
        return supported(Locale.forLanguageTag(tag.strip().replace('_', '-')), tag);
    }

    /**
     * @param locale any locale
     * @return the supported locale of its language: Chinese ({@code zh}, any region) or English
     * @throws IllegalArgumentException for another language
     */
    public static Locale supported(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return supported(locale, locale.toLanguageTag());
    }

    private static Locale supported(Locale locale, String asGiven) {
        return switch (locale.getLanguage()) {
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> throw new IllegalArgumentException("unknown locale '" + asGiven + "': choose zh-CN (简体中文) "
                    + "or en (English)");
        };
    }

    /**
     * @param locale a supported locale
     * @return how a user writes it: {@code zh-CN} or {@code en}
     */
    public static String tag(Locale locale) {
        return supported(locale).toLanguageTag();
    }

    /**
     * @param anchor a class in the package the templates are in (their class loader finds them)
     * @param name   the file's name without language and extension: {@code lint} for {@code lint.properties}
     *               (English) and {@code lint_zh_CN.properties}
     * @param locale the reader's language; another language than Chinese or English is refused
     * @return the templates in that language
     * @throws IllegalArgumentException if the locale is not supported
     * @throws MissingResourceException if there is no such file
     */
    public static Wording of(Class<?> anchor, String name, Locale locale) {
        Locale l = supported(locale);
        return new Wording(ResourceBundle.getBundle(anchor.getPackageName() + "." + name, l, anchor.getClassLoader(),
                NO_DEFAULT_LOCALE), l);
    }

    /** @return the reader's language */
    public Locale locale() {
        return locale;
    }

    /** @return true when the reader reads Chinese */
    public boolean chinese() {
        return locale.getLanguage().equals("zh");
    }

    /**
     * @param key  the template's key
     * @param args its arguments, in the order of the English template
     * @return the text
     * @throws MissingResourceException if there is no such key
     */
    public String text(String key, Object... args) {
        String template = bundle.getString(key);
        return args.length == 0 ? template.replace("%%", "%") : String.format(Locale.ROOT, template, args);
    }

    /**
     * For the tests that keep the languages in step: each template's arguments, as conversions in order
     * ({@code %s}, {@code %,d}...), or by position where a language reorders them ({@code %2$s}).
     *
     * @param template a template
     * @return its arguments, sorted by position, each as position and conversion
     */
    public static List<String> arguments(String template) {
        Map<Integer, String> byPosition = new TreeMap<>();
        Matcher m = ARGUMENT.matcher(template);
        int next = 1;
        while (m.find()) {
            if (m.group(2).equals("%") || m.group(2).equals("n")) {
                continue;
            }
            int at = m.group(1) == null ? next++ : Integer.parseInt(m.group(1).replace("$", ""));
            byPosition.put(at, at + ":" + m.group(2));
        }
        return Collections.unmodifiableList(new ArrayList<>(byPosition.values()));
    }
}
