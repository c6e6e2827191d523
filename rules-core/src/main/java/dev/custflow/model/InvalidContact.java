package dev.custflow.model;

import java.util.Objects;

/**
 * A phone number or e-mail address the host sent that intake could not use (docs/design/rules-catalog.md §2: flagged,
 * not silently dropped). It is kept on the profile as entered, with the reason, while the field has no valid
 * value; it does not count as a way to contact the customer.
 *
 * @param field   the event field: {@code phone} or {@code email}
 * @param value   the value exactly as entered
 * @param problem why it cannot be used, a phrase that follows the quoted value, e.g. {@code is not a valid phone
 *                number (5 digits: a mobile number has 11, starting with 13 to 19)}
 */
public record InvalidContact(String field, String value, String problem) {
    /** Values longer than this are shortened in {@link #describe()}. */
    private static final int SHOWN = 40;

    /** Validates that every part is there. */
    public InvalidContact {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * @return a sentence for reasons and reports, e.g. {@code phone '12345' is not a valid phone number (...)};
     *         a value longer than 40 characters is shortened with "…"
     */
    public String describe() {
        String shown = value.codePointCount(0, value.length()) <= SHOWN ? value
                : value.substring(0, value.offsetByCodePoints(0, SHOWN - 1)) + "…";
        return label(field) + " '" + shown + "' " + problem;
    }

    /**
     * @param field an event field, e.g. {@code email}
     * @return how reasons name it, e.g. {@code e-mail}
     */
    static String label(String field) {
        return "email".equals(field) ? "e-mail" : field;
    }
}
