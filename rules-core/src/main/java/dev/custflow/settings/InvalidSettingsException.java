package dev.custflow.settings;

import dev.custflow.CustflowException;

/** A setting with an unknown key or a value out of range; the message names the key, the value and the fix. */
public final class InvalidSettingsException extends CustflowException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String key;
    private final transient Object value;
    private final String problem;

    /**
     * @param key     the dotted key, e.g. {@code lifecycle.dormantAfterDays}
     * @param value   the offending value, or null
     * @param problem what is wrong and, when likely, what was meant
     */
    public InvalidSettingsException(String key, Object value, String problem) {
        this(null, key, value, problem);
    }

    private InvalidSettingsException(String location, String key, Object value, String problem) {
        super((location == null ? "" : location + ": ") + detail(key, value, problem));
        this.location = location;
        this.key = key;
        this.value = value;
        this.problem = problem;
    }

    /**
     * @param location where the setting was written, e.g. {@code rules/settings.yaml:12}
     * @return the same error, its message starting with the location
     */
    public InvalidSettingsException at(String location) {
        return new InvalidSettingsException(location, key, value, problem);
    }

    private static String detail(String key, Object value, String problem) {
        return "setting '" + key + "'" + (value == null ? "" : " = " + value) + ": " + problem;
    }

    /** @return where the setting was written ({@code file} or {@code file:line}), or null when not known */
    public String location() {
        return location;
    }

    /** @return the message without the location: the key, the value and the problem */
    public String detail() {
        return detail(key, value, problem);
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
