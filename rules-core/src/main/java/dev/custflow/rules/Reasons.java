package dev.custflow.rules;

import java.util.List;
import java.util.Locale;

/**
 * The reason templates of the engine's locale (global {@code reasons}): a rule writes the reason of an action as a
 * message key and the facts it names, and the engine renders it once, when the action is made, in the locale the
 * engine was built with ({@code EngineBuilder.locale}, English by default, Simplified Chinese with {@code zh-CN}).
 * The structured fields of actions never depend on the locale; only the reason text does.
 *
 * <pre>{@code
 * actions.warnChurn($c, ChurnCause.NO_ORDER, level,
 *         reasons.say("churn.noOrder", $c.getDaysSinceLastOrder(), settings.churn().noOrderDays()));
 * }</pre>
 *
 * <p>The templates are {@code java.text.MessageFormat} patterns in {@code dev/custflow/reasons/reasons_en.properties}
 * and {@code reasons_zh_CN.properties} ({@code {0}} is the first fact, {@code ''} an apostrophe). Stages, segments,
 * levels, channels, task kinds and loss reasons are written with their Chinese labels in Chinese and their names in
 * English; an {@code InvalidContact} as its masked value; amounts as they were given ({@code 1200.00}); whole
 * numbers in the locale's form; everything else as its text. Personal data in a rendered reason is masked like any
 * other reason's.
 */
public interface Reasons {

    /** The locales reasons are written in: English (the default) and Simplified Chinese. */
    List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    /**
     * The built-in templates of a locale, e.g. to render a reason outside an engine.
     *
     * @param locale English (any country) or Simplified Chinese (zh, zh-CN, zh-SG, zh-Hans)
     * @return its templates, read once and shared
     * @throws IllegalArgumentException for any other locale, naming the supported ones
     */
    static Reasons of(Locale locale) {
        return ReasonTemplates.of(locale);
    }

    /**
     * Checks a locale without loading anything.
     *
     * @param locale the locale asked for
     * @return the supported locale it stands for: {@link Locale#ENGLISH} or {@link Locale#SIMPLIFIED_CHINESE}
     * @throws IllegalArgumentException for any other locale, naming the supported ones
     */
    static Locale supported(Locale locale) {
        return ReasonTemplates.supported(locale);
    }

    /**
     * Renders one reason.
     *
     * @param key  the template's key, e.g. {@code churn.noOrder}
     * @param args the facts the template names, in its order
     * @return the sentence in the engine's locale
     * @throws IllegalArgumentException if no template has the key (the message names the nearest keys)
     */
    String say(String key, Object... args);

    /**
     * @return the locale reasons are written in
     */
    Locale locale();
}
