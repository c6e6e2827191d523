package dev.custflow.insights;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The insights' words in Chinese and English: the bundle {@code dev/custflow/insights/kpi*.properties}. */
final class Labels {
    private static final String BUNDLE = "dev.custflow.insights.kpi";

    private Labels() {
    }

    static String get(Locale locale, String key) {
        Locale l = locale != null && "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        try {
            return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
