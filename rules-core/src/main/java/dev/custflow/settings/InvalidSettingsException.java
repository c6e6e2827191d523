package dev.custflow.settings;

import dev.custflow.CustflowException;

/** A setting with an unknown key or a value out of range; the message names the key, the value and the fix. */
public final class InvalidSettingsException extends CustflowException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key     the dotted key, e.g. {@code lifecycle.dormantAfterDays}
     * @param value   the offending value, or null
     * @param problem what is wrong and, when likely, what was meant
     */
    public InvalidSettingsException(String key, Object value, String problem) {
        super("The setting '" + key + "'" + (value == null ? "" : " = " + value) + " is invalid: " + problem);
        this.key = key;
    }

    /** @return the dotted key of the offending setting */
    public String key() {
        return key;
    }

    static int positive(String key, int value) {
        if (value <= 0) {
            throw new InvalidSettingsException(key, value, "must be greater than 0");
        }
        return value;
    }

    static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSettingsException(key, value, "must be between " + min + " and " + max);
        }
        return value;
    }
}
