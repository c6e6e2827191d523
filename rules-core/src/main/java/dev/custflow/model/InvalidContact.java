package dev.custflow.model;

import dev.custflow.text.PersonalData;
import java.util.Objects;

/**
 * A phone number or e-mail address the host sent that intake could not use (docs/design/rules-catalog.md §2: flagged,
 * not silently dropped). It is kept on the profile as entered, with the reason, while the field has no valid
 * value; it does not count as a way to contact the customer. Text for people shows the value masked
 * ({@link PersonalData}), never as entered.
 *
 * @param field   the event field: {@code phone} or {@code email}
 * @param value   the value exactly as entered
 * @param problem why it cannot be used, a phrase that follows the quoted value, e.g. {@code is not a valid phone
 *                number (5 digits: a mobile number has 11, starting with 13 to 19)}
 */
public record InvalidContact(String field, String value, String problem) {
    /** Validates that every part is there. */
    public InvalidContact {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * @return a sentence for reasons and reports with the value masked, e.g. {@code phone '****45' is not a valid
     *         phone number (...)} or {@code e-mail 'w***@qq.com' is not a valid e-mail address (...)}
     */
    public String describe() {
        return label(field) + " '" + PersonalData.shown(field, value) + "' " + problem;
    }

    /** @return the record with its value masked: a record's own toString would print it as entered */
    @Override
    public String toString() {
        return "InvalidContact[field=" + field + ", value=" + PersonalData.shown(field, value) + ", problem=" + problem
                + "]";
    }

    /**
     * @param field an event field, e.g. {@code email}
     * @return how reasons name it, e.g. {@code e-mail}
     */
    static String label(String field) {
        return "email".equals(field) ? "e-mail" : field;
    }
}
